// Resource limits (tlspp/limits.hpp), TLS 1.2, through the whole connection,
// both roles where the limit applies: each triggered by a misbehaving peer,
// with the Reason and the alert that goes out on the wire asserted, and each
// accepted right at its edge (so none of these tests passes by refusing
// everything). After the handshake the misbehaving peer writes records with
// the real connection's keys (from the key log), as an attacker who holds
// them would; the alert sent back is read the same way.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "crypto/aead.hpp"
#include "handshake/key_schedule12.hpp"
#include "handshake/sequences.hpp"
#include "record/protection.hpp"

namespace tlspp {
namespace {

using test::Bytes;

const test::Capture& capture() {
    static const test::Capture cap = test::capture_handshake();
    return cap;
}

// The captured plaintext messages: the client's [ClientHello, ClientKeyExchange]
// and the server's [ServerHello, Certificate, ServerKeyExchange, ServerHelloDone].
const Bytes& client_message(std::size_t i) {
    static const std::vector<Bytes> m = test::plaintext_messages(capture().to_server);
    return m.at(i);
}
const Bytes& server_message(std::size_t i) {
    static const std::vector<Bytes> m = test::plaintext_messages(capture().to_client);
    return m.at(i);
}

Bytes record(ContentType type, const Bytes& data) {
    Bytes r{static_cast<std::uint8_t>(type), 3, 3, static_cast<std::uint8_t>(data.size() >> 8),
            static_cast<std::uint8_t>(data.size())};
    r.insert(r.end(), data.begin(), data.end());
    return r;
}

// fragments cuts `message` into handshake records of `size` bytes (the last shorter).
Bytes fragments(const Bytes& message, std::size_t size) {
    Bytes out;
    for (std::size_t at = 0; at < message.size(); at += size) {
        const Bytes piece(message.begin() + long(at), message.begin() + long(std::min(message.size(), at + size)));
        const Bytes r = record(ContentType::handshake, piece);
        out.insert(out.end(), r.begin(), r.end());
    }
    return out;
}

Bytes repeated(const Bytes& one_record, std::size_t times) {
    Bytes out;
    for (std::size_t i = 0; i < times; ++i) out.insert(out.end(), one_record.begin(), one_record.end());
    return out;
}

Bytes operator+(Bytes a, const Bytes& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

// A captured ClientHello with `padding` bytes in one more, unknown, extension.
Bytes client_hello_with(std::size_t padding) {
    const Bytes& original = client_message(0);
    auto hello = msg::decode_client_hello(std::span(original).subspan(4));
    EXPECT_TRUE(hello);
    hello->extensions.push_back({0x6fff, Bytes(padding, 0xab)});
    return msg::encode_message(*hello);
}

std::shared_ptr<ClientConfig> client_with(const Limits& limits) {
    auto c = test::client_config(1);
    c->limits = limits;
    return c;
}
std::shared_ptr<ServerConfig> server_with(const Limits& limits, const test::Identity& id = test::pki().server_p256) {
    auto s = test::server_config(id, 2);
    s->limits = limits;
    return s;
}

// expect_refused checks the status and that the last record the connection
// queued is that fatal alert, in the clear (before any key change).
void expect_refused(Connection& c, const Status& s, Reason reason, Alert alert) {
    ASSERT_FALSE(s) << "accepted";
    EXPECT_EQ(s.error().reason, reason) << s.error().message();
    EXPECT_EQ(s.error().alert, alert) << s.error().message();
    const Bytes out(c.pending_output().begin(), c.pending_output().end());
    const auto records = test::split_records(out);
    ASSERT_FALSE(records.empty()) << "no alert was sent";
    EXPECT_EQ(records.back().type, ContentType::alert);
    EXPECT_EQ(records.back().data, (Bytes{2, static_cast<std::uint8_t>(alert)}));
}

// expect_pair_refused checks that `failing` refused with reason/alert and that
// the other side received exactly that alert.
void expect_pair_refused(const Connection& failing, const Connection& other, Reason reason, Alert alert) {
    ASSERT_NE(failing.error(), nullptr) << "no failure";
    EXPECT_EQ(failing.error()->reason, reason) << failing.error()->message();
    EXPECT_EQ(failing.error()->alert, alert);
    ASSERT_NE(other.error(), nullptr);
    EXPECT_EQ(other.error()->reason, Reason::peer_alert) << other.error()->message();
    EXPECT_EQ(other.error()->alert, alert);
}

// ---- max_handshake_message_size ----------------------------------------

TEST(Limits, ServerRefusesAMessageOverTheSizeLimitFromItsHeader) {
    // A ClientKeyExchange header announcing 64 KiB + 1: refused before any body.
    ServerConnection s(test::server_config(test::pki().server_p256));
    auto r = s.read_in(record(ContentType::handshake, Bytes{16, 0x01, 0x00, 0x01}));
    expect_refused(s, r, Reason::excessive_message_size, Alert::illegal_parameter);
    // A ClientHello may be longer (client_hello_size_test.cpp), but not
    // longer than a well-formed one can be (131,396 bytes): decode_error.
    ServerConnection t(test::server_config(test::pki().server_p256));
    auto h = t.read_in(record(ContentType::handshake, Bytes{1, 0x02, 0x01, 0x45}));
    expect_refused(t, h, Reason::length_out_of_range, Alert::decode_error);
}

TEST(Limits, ClientRefusesAMessageOverTheSizeLimitFromItsHeader) {
    ClientConnection c(test::client_config(1), "localhost");
    c.consume_output(c.pending_output().size());
    auto r = c.read_in(record(ContentType::handshake, server_message(0) + Bytes{11, 0x01, 0x00, 0x01}));
    expect_refused(c, r, Reason::excessive_message_size, Alert::illegal_parameter);
}

TEST(Limits, ClientHelloSizeLimitIsConfigurableOnTheServer) {
    // A ClientHello of just over 1 KiB (ALPN names make it long) against a
    // server that takes 1 KiB ClientHellos, then against the default.
    auto client = test::client_config(1);
    for (int i = 0; i < 12; ++i) client->alpn.push_back("protocol-name-number-" + std::string(60, char('a' + i)));
    Limits small;
    small.max_client_hello_size = 1024;
    test::LoopbackPair refused(client, server_with(small));
    EXPECT_FALSE(refused.handshake());
    expect_pair_refused(refused.server, refused.client, Reason::excessive_message_size, Alert::illegal_parameter);

    test::LoopbackPair accepted(client, server_with(Limits{}));
    EXPECT_TRUE(accepted.handshake());
}

TEST(Limits, MessageSizeLimitIsConfigurableOnTheClient) {
    // server_rsa's certificate followed by the root (which verification
    // ignores as a trust anchor already held): a Certificate message of over
    // 1 KiB, against a client limit just below its size, then exactly at it.
    auto key = CertifiedKey::from_pem(test::pki().server_rsa.chain_pem + test::pki().ca_pem,
                                      test::pki().server_rsa.key_pem);
    ASSERT_TRUE(key) << key.error().message();
    auto server = [&] {
        auto s = test::server_config(test::pki().server_rsa, 2);
        s->certificates = {*key};
        return s;
    };
    std::size_t certificate_body = 3;   // certificate_list<0..2^24-1>, then each ASN.1Cert<1..2^24-1>
    for (const auto& der : key->chain()) certificate_body += 3 + der.size();
    ASSERT_GE(certificate_body, 1025u) << "the test needs a Certificate above the smallest valid limit";

    Limits below;
    below.max_handshake_message_size = certificate_body - 1;
    test::LoopbackPair refused(client_with(below), server());
    EXPECT_FALSE(refused.handshake());
    expect_pair_refused(refused.client, refused.server, Reason::excessive_message_size, Alert::illegal_parameter);

    Limits exact;
    exact.max_handshake_message_size = certificate_body;
    test::LoopbackPair accepted(client_with(exact), server());
    EXPECT_TRUE(accepted.handshake()) << (accepted.client.error() ? accepted.client.error()->message() : "");
}

// ---- max_buffered_handshake_bytes --------------------------------------

TEST(Limits, ServerRefusesMoreBufferedHandshakeBytesThanItsLimit) {
    // A 2 KiB ClientHello in 700-byte records: the second record leaves 1400
    // bytes of it buffered, over a 1028-byte limit.
    const Bytes hello = client_hello_with(2000);
    Limits limits;
    limits.max_buffered_handshake_bytes = 1028;
    ServerConnection s(server_with(limits));
    auto r = s.read_in(fragments(hello, 700));
    expect_refused(s, r, Reason::excessive_message_size, Alert::illegal_parameter);
    EXPECT_NE(r.error().detail.find("max_buffered_handshake_bytes"), std::string::npos) << r.error().detail;

    ServerConnection by_default(server_with(Limits{}));
    EXPECT_TRUE(by_default.read_in(fragments(hello, 700)));
    // The same hello in one record is never held incomplete: accepted at 1028.
    ServerConnection whole(server_with(limits));
    EXPECT_TRUE(whole.read_in(fragments(hello, hello.size())));
}

TEST(Limits, ClientRefusesMoreBufferedHandshakeBytesThanItsLimit) {
    const Bytes certificate = msg::encode_message(msg::Certificate{{Bytes(1500, 0x30)}});
    Limits limits;
    limits.max_buffered_handshake_bytes = 1028;
    ClientConnection c(client_with(limits), "localhost");
    c.consume_output(c.pending_output().size());
    auto r = c.read_in(fragments(server_message(0), 4096) + fragments(certificate, 700));
    expect_refused(c, r, Reason::excessive_message_size, Alert::illegal_parameter);

    // By default the message is whole, and fails where it should: it is no certificate.
    ClientConnection by_default(client_with(Limits{}), "localhost");
    auto d = by_default.read_in(fragments(server_message(0), 4096) + fragments(certificate, 700));
    ASSERT_FALSE(d);
    EXPECT_NE(d.error().reason, Reason::excessive_message_size) << d.error().message();
}

// ---- max_certificate_chain_length --------------------------------------

TEST(Limits, ClientRefusesACertificateListLongerThanTheDefault) {
    const CertificateDer& leaf = test::pki().server_p256.chain_der.at(0);
    auto certificate_of = [&](std::size_t n) {
        msg::Certificate m;
        for (std::size_t i = 0; i < n; ++i) m.chain.push_back(Bytes(leaf.begin(), leaf.end()));
        return msg::encode_message(m);
    };
    ClientConnection c(test::client_config(1), "localhost");
    c.consume_output(c.pending_output().size());
    auto r = c.read_in(fragments(server_message(0), 4096) + fragments(certificate_of(11), 16384));
    expect_refused(c, r, Reason::certificate_chain_too_long, Alert::bad_certificate);

    // Ten is within the limit: the list goes on to verification.
    ClientConnection ten(test::client_config(1), "localhost");
    auto t = ten.read_in(fragments(server_message(0), 4096) + fragments(certificate_of(10), 16384));
    if (!t) {
        EXPECT_NE(t.error().reason, Reason::certificate_chain_too_long);
    }
}

TEST(Limits, ClientChainLengthLimitIsConfigurable) {
    // server_via_intermediate sends two certificates.
    Limits one;
    one.max_certificate_chain_length = 1;
    test::LoopbackPair refused(client_with(one), server_with(Limits{}, test::pki().server_via_intermediate));
    EXPECT_FALSE(refused.handshake());
    expect_pair_refused(refused.client, refused.server, Reason::certificate_chain_too_long, Alert::bad_certificate);

    Limits two;
    two.max_certificate_chain_length = 2;
    test::LoopbackPair accepted(client_with(two), server_with(Limits{}, test::pki().server_via_intermediate));
    EXPECT_TRUE(accepted.handshake());
}

TEST(Limits, ServerRefusesAClientCertificateListLongerThanItsLimit) {
    // The client's certificate followed by ten copies of the root: eleven.
    std::string chain = test::pki().client.chain_pem;
    for (int i = 0; i < 10; ++i) chain += test::pki().ca_pem;
    auto key = CertifiedKey::from_pem(chain, test::pki().client.key_pem);
    ASSERT_TRUE(key) << key.error().message();
    ASSERT_EQ(key->chain().size(), 11u);
    auto client = test::client_config(1);
    client->certificates.push_back(*key);
    auto server = server_with(Limits{});
    server->client_auth = ClientAuth::required;
    server->client_trust = test::pki().trust;
    test::LoopbackPair refused(client, server);
    EXPECT_FALSE(refused.handshake());
    expect_pair_refused(refused.server, refused.client, Reason::certificate_chain_too_long, Alert::bad_certificate);

    // One certificate against a limit of one is accepted.
    auto plain_client = test::client_config(1);
    plain_client->certificates.push_back(test::pki().client.certified_key());
    Limits one;
    one.max_certificate_chain_length = 1;
    auto strict = server_with(one);
    strict->client_auth = ClientAuth::required;
    strict->client_trust = test::pki().trust;
    test::LoopbackPair accepted(plain_client, strict);
    EXPECT_TRUE(accepted.handshake());
}

// ---- max_records_without_progress before the handshake is done --------

const unsigned default_no_progress = Limits{}.max_records_without_progress;

TEST(Limits, ServerDropsAClientHelloTrickledOneByteARecord) {
    // 5000 bytes, one record each: the 4097th record still completes nothing.
    ASSERT_EQ(default_no_progress, 4096u);
    const Bytes hello = client_hello_with(5000 - client_message(0).size());
    ServerConnection s(test::server_config(test::pki().server_p256));
    auto r = s.read_in(fragments(hello, 1));
    expect_refused(s, r, Reason::too_many_records_without_progress, Alert::unexpected_message);

    Limits patient;
    patient.max_records_without_progress = static_cast<unsigned>(hello.size());
    ServerConnection ok(server_with(patient));
    EXPECT_TRUE(ok.read_in(fragments(hello, 1)));
}

TEST(Limits, ClientDropsAFloodOfHelloRequestsWhileNegotiating) {
    // RFC 5246 §7.4.1.1: the client ignores HelloRequest while negotiating,
    // so each one is a record that moves nothing.
    const Bytes hello_request = record(ContentType::handshake, msg::encode_message(msg::HelloRequest{}));
    ClientConnection ok(test::client_config(1), "localhost");
    EXPECT_TRUE(ok.read_in(repeated(hello_request, default_no_progress) + fragments(server_message(0), 4096)));

    ClientConnection c(test::client_config(1), "localhost");
    c.consume_output(c.pending_output().size());
    auto r = c.read_in(repeated(hello_request, default_no_progress + 1));
    expect_refused(c, r, Reason::too_many_records_without_progress, Alert::unexpected_message);
}

// OpenSSL since CVE-2016-8610 (MAX_WARN_ALERT_COUNT): the fifth warning
// alert in a row is fatal, unexpected_message; four are tolerated.
TEST(Limits, ServerDropsTheFifthConsecutiveWarningBeforeTheHandshake) {
    ASSERT_EQ(Limits{}.max_warning_alerts, 4u);
    const Bytes warning = record(ContentType::alert, Bytes{1, 90});   // user_canceled
    ServerConnection ok(test::server_config(test::pki().server_p256));
    EXPECT_TRUE(ok.read_in(repeated(warning, 4)));
    EXPECT_TRUE(ok.read_in(record(ContentType::handshake, client_message(0)))) << "the handshake goes on after four";
    ServerConnection s(test::server_config(test::pki().server_p256));
    auto r = s.read_in(repeated(warning, 5));
    expect_refused(s, r, Reason::too_many_warnings, Alert::unexpected_message);
}

TEST(Limits, ClientDropsTheFifthConsecutiveWarningDuringTheHandshake) {
    const Bytes warning = record(ContentType::alert, Bytes{1, 90});
    ClientConnection ok(test::client_config(1), "localhost");
    EXPECT_TRUE(ok.read_in(fragments(server_message(0), 4096) + repeated(warning, 4)));
    ClientConnection c(test::client_config(1), "localhost");
    c.consume_output(c.pending_output().size());
    auto r = c.read_in(fragments(server_message(0), 4096) + repeated(warning, 5));
    expect_refused(c, r, Reason::too_many_warnings, Alert::unexpected_message);
}

// As in OpenSSL, any non-empty record other than an alert ends the run: a
// handshake fragment between two runs of four makes neither a fifth.
TEST(Limits, AHandshakeRecordEndsARunOfWarnings) {
    const Bytes warning = record(ContentType::alert, Bytes{1, 90});
    const Bytes& hello = client_message(0);
    const Bytes first = record(ContentType::handshake, Bytes(hello.begin(), hello.begin() + 10));
    const Bytes rest = record(ContentType::handshake, Bytes(hello.begin() + 10, hello.end()));
    ServerConnection s(test::server_config(test::pki().server_p256));
    EXPECT_TRUE(s.read_in(repeated(warning, 4) + first + repeated(warning, 4) + rest));
    ServerConnection t(test::server_config(test::pki().server_p256));
    auto r = t.read_in(repeated(warning, 4) + first + repeated(warning, 5));
    expect_refused(t, r, Reason::too_many_warnings, Alert::unexpected_message);
}

TEST(Limits, WarningLimitIsConfigurableBeforeTheHandshake) {
    const Bytes warning = record(ContentType::alert, Bytes{1, 90});
    Limits sixteen;
    sixteen.max_warning_alerts = 16;
    ServerConnection ok(server_with(sixteen));
    EXPECT_TRUE(ok.read_in(repeated(warning, 16)));
    ServerConnection s(server_with(sixteen));
    expect_refused(s, s.read_in(repeated(warning, 17)), Reason::too_many_warnings, Alert::unexpected_message);
}

// ---- after the handshake: records written with the connection's keys ----

class KeyCapture : public KeyLog {
public:
    void log(std::string_view label, std::span<const std::uint8_t> client_random,
             std::span<const std::uint8_t> secret) override {
        if (label != keylog_label::client_random) return;
        random.assign(client_random.begin(), client_random.end());
        master.assign(secret.begin(), secret.end());
    }
    Bytes random, master;
};

// seal protects one record the way the record layer does: header, prefix,
// plaintext, suffix, sealed in place. Empty plaintext included, which the
// record layer itself never writes.
Bytes seal(record::Protection& p, ContentType type, const Bytes& data) {
    const std::size_t prefix = p.prefix_length();
    Bytes r(record::header_length + prefix + data.size() + p.suffix_length(data.size()));
    const std::size_t length = r.size() - record::header_length;
    r[0] = static_cast<std::uint8_t>(type);
    r[1] = 3;
    r[2] = 3;
    r[3] = static_cast<std::uint8_t>(length >> 8);
    r[4] = static_cast<std::uint8_t>(length);
    std::copy(data.begin(), data.end(), r.begin() + long(record::header_length + prefix));
    p.seal(r, data.size());
    return r;
}

// Established is a finished loopback handshake (ECDHE-ECDSA AES-128-GCM)
// whose keys the test holds: it can write records as either side would write
// its next one, and read what either side wrote after its Finished.
class Established {
public:
    Established(const Limits& client_limits, const Limits& server_limits)
        : keys_(std::make_shared<KeyCapture>()), pair(logging(client_with(client_limits)), server_with(server_limits)) {
        pair.tamper = [this](test::Direction d, std::vector<std::uint8_t>& bytes) {
            auto& log = d == test::Direction::to_server ? to_server_ : to_client_;
            log.insert(log.end(), bytes.begin(), bytes.end());
        };
        EXPECT_TRUE(pair.handshake());
        pair.tamper = nullptr;
        EXPECT_EQ(pair.client.info().cipher_suite, CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256);
        const auto server_records = test::split_records(to_client_);
        const Bytes& server_hello = server_records.at(0).data;   // type, length(3), version(2), random(32)
        const Bytes server_random(server_hello.begin() + 6, server_hello.begin() + 38);
        const auto kb = handshake::key_block12(crypto::HashAlg::sha256, keys_->master, keys_->random, server_random,
                                               0, 16, 4);
        auto make = [](const crypto::SecretBytes& key, const crypto::SecretBytes& iv, record::Use use) {
            auto p = record::make_aead12(crypto::AeadAlg::aes_128_gcm, key, iv, use);
            EXPECT_TRUE(p);
            return std::move(*p);
        };
        as_client_ = make(kb.client_write_key, kb.client_write_iv, record::Use::seal);
        as_server_ = make(kb.server_write_key, kb.server_write_iv, record::Use::seal);
        client_reader_ = make(kb.client_write_key, kb.client_write_iv, record::Use::open);
        server_reader_ = make(kb.server_write_key, kb.server_write_iv, record::Use::open);
        // Each side has protected one record, its Finished: move every
        // sequence number past it.
        (void)seal(*as_client_, ContentType::handshake, Bytes{0});
        (void)seal(*as_server_, ContentType::handshake, Bytes{0});
        EXPECT_EQ(open_after_ccs(*client_reader_, to_server_).size(), 1u);
        EXPECT_EQ(open_after_ccs(*server_reader_, to_client_).size(), 1u);
    }

    Bytes from_client(ContentType type, const Bytes& data) { return seal(*as_client_, type, data); }
    Bytes from_server(ContentType type, const Bytes& data) { return seal(*as_server_, type, data); }

    // The records the server (client) queued since its Finished, opened.
    std::vector<test::Record> server_output() { return take(pair.server, *server_reader_); }
    std::vector<test::Record> client_output() { return take(pair.client, *client_reader_); }

private:
    std::shared_ptr<ClientConfig> logging(std::shared_ptr<ClientConfig> c) const {
        c->key_log = keys_;
        return c;
    }
    static std::vector<test::Record> open_all(record::Protection& p, const std::vector<test::Record>& records) {
        std::vector<test::Record> out;
        for (const auto& r : records) {
            Bytes fragment = r.data;
            auto opened = p.open(r.type, 0x0303, fragment);
            EXPECT_TRUE(opened);
            if (!opened) break;
            out.push_back({r.type, Bytes(opened->plaintext.begin(), opened->plaintext.end())});
        }
        return out;
    }
    static std::vector<test::Record> open_after_ccs(record::Protection& p, const Bytes& stream) {
        auto records = test::split_records(stream);
        auto ccs = std::find_if(records.begin(), records.end(),
                                [](const auto& r) { return r.type == ContentType::change_cipher_spec; });
        EXPECT_NE(ccs, records.end());
        return open_all(p, std::vector<test::Record>(ccs + 1, records.end()));
    }
    static std::vector<test::Record> take(Connection& c, record::Protection& reader) {
        const Bytes out(c.pending_output().begin(), c.pending_output().end());
        c.consume_output(out.size());
        return open_all(reader, test::split_records(out));
    }

    std::shared_ptr<KeyCapture> keys_;
    Bytes to_server_, to_client_;

public:
    test::LoopbackPair pair;

private:
    std::unique_ptr<record::Protection> as_client_, as_server_, client_reader_, server_reader_;
};

// expect_sent_fatal: the last record of `output` is a fatal `alert`.
void expect_sent_fatal(const std::vector<test::Record>& output, Alert alert) {
    ASSERT_FALSE(output.empty()) << "nothing was sent";
    EXPECT_EQ(output.back().type, ContentType::alert);
    EXPECT_EQ(output.back().data, (Bytes{2, static_cast<std::uint8_t>(alert)}));
}

void expect_failed(const Status& s, Reason reason, Alert alert) {
    ASSERT_FALSE(s) << "accepted";
    EXPECT_EQ(s.error().reason, reason) << s.error().message();
    EXPECT_EQ(s.error().alert, alert);
}

// feed_each hands `records` to `c` one by one and returns the first failure.
Status feed_each(Connection& c, const std::vector<Bytes>& records) {
    for (const Bytes& r : records)
        if (auto ok = c.read_in(r); !ok) return ok;
    return {};
}

template <class Make>
std::vector<Bytes> many(std::size_t n, Make make) {
    std::vector<Bytes> out;
    for (std::size_t i = 0; i < n; ++i) out.push_back(make());
    return out;
}

const Bytes user_canceled_warning{1, 90};

// ---- max_empty_records -------------------------------------------------

TEST(Limits, ServerDropsAFloodOfEmptyRecords) {
    Established e({}, {});
    auto empty = [&] { return e.from_client(ContentType::application_data, {}); };
    ASSERT_TRUE(feed_each(e.pair.server, many(32, empty)));
    expect_failed(e.pair.server.read_in(empty()), Reason::too_many_empty_records, Alert::unexpected_message);
    expect_sent_fatal(e.server_output(), Alert::unexpected_message);
}

TEST(Limits, ClientDropsAFloodOfEmptyRecords) {
    Established e({}, {});
    auto empty = [&] { return e.from_server(ContentType::application_data, {}); };
    ASSERT_TRUE(feed_each(e.pair.client, many(32, empty)));
    expect_failed(e.pair.client.read_in(empty()), Reason::too_many_empty_records, Alert::unexpected_message);
    expect_sent_fatal(e.client_output(), Alert::unexpected_message);
}

TEST(Limits, EmptyRecordLimitIsConfigurableAndDataResetsIt) {
    Limits three;
    three.max_empty_records = 3;
    Established e({}, three);
    auto empty = [&] { return e.from_client(ContentType::application_data, {}); };
    ASSERT_TRUE(feed_each(e.pair.server, many(3, empty)));
    ASSERT_TRUE(e.pair.server.read_in(e.from_client(ContentType::application_data, Bytes{'x'})));
    ASSERT_TRUE(feed_each(e.pair.server, many(3, empty)));
    expect_failed(e.pair.server.read_in(empty()), Reason::too_many_empty_records, Alert::unexpected_message);
    expect_sent_fatal(e.server_output(), Alert::unexpected_message);
}

// ---- max_warning_alerts ------------------------------------------------

TEST(Limits, ServerDropsAFloodOfWarningAlerts) {
    Established e({}, {});
    auto warning = [&] { return e.from_client(ContentType::alert, user_canceled_warning); };
    ASSERT_TRUE(feed_each(e.pair.server, many(Limits{}.max_warning_alerts, warning)));
    expect_failed(e.pair.server.read_in(warning()), Reason::too_many_warnings, Alert::unexpected_message);
    expect_sent_fatal(e.server_output(), Alert::unexpected_message);
}

TEST(Limits, ClientDropsAFloodOfWarningAlerts) {
    Established e({}, {});
    auto warning = [&] { return e.from_server(ContentType::alert, user_canceled_warning); };
    ASSERT_TRUE(feed_each(e.pair.client, many(Limits{}.max_warning_alerts, warning)));
    expect_failed(e.pair.client.read_in(warning()), Reason::too_many_warnings, Alert::unexpected_message);
    expect_sent_fatal(e.client_output(), Alert::unexpected_message);
}

TEST(Limits, WarningLimitIsConfigurableAndDataResetsIt) {
    Limits two;
    two.max_warning_alerts = 2;
    Established e(two, {});
    auto warning = [&] { return e.from_server(ContentType::alert, user_canceled_warning); };
    ASSERT_TRUE(feed_each(e.pair.client, many(2, warning)));
    ASSERT_TRUE(e.pair.client.read_in(e.from_server(ContentType::application_data, Bytes{'x'})));
    ASSERT_TRUE(feed_each(e.pair.client, many(2, warning)));
    expect_failed(e.pair.client.read_in(warning()), Reason::too_many_warnings, Alert::unexpected_message);
    expect_sent_fatal(e.client_output(), Alert::unexpected_message);
}

// ---- max_records_without_progress after the handshake ------------------

TEST(Limits, ServerDropsRepeatedRenegotiationAttempts) {
    // Each ClientHello gets a no_renegotiation warning and changes nothing.
    Established e({}, {});
    auto hello = [&] { return e.from_client(ContentType::handshake, client_message(0)); };
    ASSERT_TRUE(feed_each(e.pair.server, many(default_no_progress, hello)));
    const auto warnings = e.server_output();
    ASSERT_EQ(warnings.size(), default_no_progress);
    EXPECT_EQ(warnings.back().data, (Bytes{1, static_cast<std::uint8_t>(Alert::no_renegotiation)}));
    expect_failed(e.pair.server.read_in(hello()), Reason::too_many_records_without_progress,
                  Alert::unexpected_message);
    expect_sent_fatal(e.server_output(), Alert::unexpected_message);
}

TEST(Limits, ClientDropsRepeatedHelloRequests) {
    Established e({}, {});
    const Bytes hello_request = msg::encode_message(msg::HelloRequest{});
    auto request = [&] { return e.from_server(ContentType::handshake, hello_request); };
    ASSERT_TRUE(feed_each(e.pair.client, many(default_no_progress, request)));
    EXPECT_EQ(e.client_output().size(), default_no_progress);   // a no_renegotiation warning each
    expect_failed(e.pair.client.read_in(request()), Reason::too_many_records_without_progress,
                  Alert::unexpected_message);
    expect_sent_fatal(e.client_output(), Alert::unexpected_message);
}

TEST(Limits, ApplicationDataIsProgress) {
    Limits ten;
    ten.max_records_without_progress = 10;
    Established e({}, ten);
    // Ten renegotiation attempts, data, ten more: never eleven in a row.
    for (int round = 0; round < 3; ++round) {
        ASSERT_TRUE(feed_each(e.pair.server,
                              many(10, [&] { return e.from_client(ContentType::handshake, client_message(0)); })));
        ASSERT_TRUE(e.pair.server.read_in(e.from_client(ContentType::application_data, Bytes{'x'})));
    }
    ASSERT_TRUE(feed_each(e.pair.server,
                          many(10, [&] { return e.from_client(ContentType::handshake, client_message(0)); })));
    expect_failed(e.pair.server.read_in(e.from_client(ContentType::handshake, client_message(0))),
                  Reason::too_many_records_without_progress, Alert::unexpected_message);
}

}  // namespace
}  // namespace tlspp
