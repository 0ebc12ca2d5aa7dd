// Test support for server13_*_test.cpp: the TLS 1.3 server machine wired to
// a record layer and transcript as the connection core wires it, and a
// hand-made TLS 1.3 client that reads the server's records with keys it
// derives itself (from its own key share), so every byte the server sends
// is checked against an independent derivation. Until Client13 exists.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "conn/alerts.hpp"
#include "crypto/key_exchange.hpp"
#include "handshake/keys13.hpp"
#include "handshake/server13/server13.hpp"
#include "handshake/suites.hpp"
#include "msg/handshake.hpp"
#include "support/configs.hpp"
#include "support/fixed_random.hpp"

namespace tlspp::handshake::test13 {

using Bytes = std::vector<std::uint8_t>;

// CapturedKeyLog keeps every key log line by label.
struct CapturedKeyLog : KeyLog {
    void log(std::string_view label, std::span<const std::uint8_t> random, std::span<const std::uint8_t> secret) override {
        lines[std::string(label)] = {Bytes(random.begin(), random.end()), Bytes(secret.begin(), secret.end())};
    }
    std::map<std::string, std::pair<Bytes, Bytes>> lines;   // label -> (client random, secret)
};

// ServerSide is the server machine with what the core gives it.
struct ServerSide {
    explicit ServerSide(std::shared_ptr<ServerConfig> c) : config(std::move(c)), machine(config) {}

    Step step() { return Step(records, transcript, *config->random, *config->clock, info, nullptr, &key_log); }

    // give dispatches one input as conn/core.cpp does (transcript first;
    // Finished and CertificateVerify get the hash before them).
    Status give(const msg::Message& input, std::span<const std::uint8_t> encoded) {
        Step s = step();
        if (!encoded.empty()) {
            const auto type = static_cast<HandshakeType>(encoded[0]);
            if ((type == HandshakeType::finished || type == HandshakeType::certificate_verify) &&
                transcript.hash_started())
                s.set_hash_before(transcript.hash());
            transcript.add(encoded);
        }
        return machine.handle(input, s);
    }
    // receive judges the type, decodes the body in its TLS 1.3 form and gives it.
    Status receive(std::span<const std::uint8_t> encoded) {
        auto input = read_message(machine, static_cast<HandshakeType>(encoded[0]), encoded.subspan(4));
        if (!input) return std::move(input).error();
        return give(*input, encoded);
    }
    Status change_cipher_spec() { return give(msg::ChangeCipherSpec{}, {}); }

    // take_output removes and returns every byte the server has written.
    Bytes take_output() {
        auto out = records.output();
        Bytes bytes(out.begin(), out.end());
        records.consume_output(bytes.size());
        return bytes;
    }

    // receive_records feeds protected records to the server's record layer and
    // gives each handshake message they carry (one per record) to the machine.
    Status receive_records(std::span<const std::uint8_t> bytes) {
        records.feed(bytes);
        while (true) {
            auto rec = records.next_incoming();
            if (!rec) return std::move(rec).error();
            if (!*rec) return {};
            // The record layer on main reports a TLS 1.3 record by its outer
            // type (application_data); passing the inner type through is the
            // core's reshaping (issue 13 §1). Either way it is our handshake record.
            EXPECT_TRUE((*rec)->type == ContentType::handshake || (*rec)->type == ContentType::application_data);
            const Bytes message((*rec)->data.begin(), (*rec)->data.end());
            if (auto ok = receive(message); !ok) return ok;
        }
    }

    std::shared_ptr<ServerConfig> config;
    record::RecordLayer records;
    Transcript transcript;
    SessionInfo info;
    CapturedKeyLog key_log;
    Server13 machine;
};

// A record as it came from the server.
struct WireRecord {
    ContentType type;
    Bytes fragment;
};
inline std::vector<WireRecord> split_records(std::span<const std::uint8_t> stream) {
    std::vector<WireRecord> out;
    std::size_t i = 0;
    while (i + 5 <= stream.size()) {
        const std::size_t length = std::size_t(stream[i + 3]) << 8 | stream[i + 4];
        if (i + 5 + length > stream.size()) break;
        out.push_back({static_cast<ContentType>(stream[i]), Bytes(stream.begin() + long(i + 5),
                                                                  stream.begin() + long(i + 5 + length))});
        i += 5 + length;
    }
    EXPECT_EQ(i, stream.size()) << "a partial record at the end of the server's output";
    return out;
}

// Received is one message the client read from the server.
struct Received {
    std::string name;
    msg::Message message;
    bool was_protected;
};

// TestClient13 plays the client: it builds ClientHellos, keeps its own
// transcript and secrets, reads the server's flight (checking its
// CertificateVerify and Finished) and writes protected records.
class TestClient13 {
public:
    explicit TestClient13(std::uint64_t seed = 11) : random_(seed) {}

    // hello makes a ClientHello offering TLS 1.3 with the given suites,
    // supported_groups and a share for each of `share_groups`; the
    // session ID is 32 bytes unless `compat` is false.
    msg::ClientHello hello(std::vector<std::uint16_t> suites, std::vector<NamedGroup> groups,
                           std::vector<NamedGroup> share_groups, bool compat = true);
    // retry is `first` with its shares replaced by one new share for `group`
    // (RFC 8446 §4.1.2: the second ClientHello after a HelloRetryRequest).
    msg::ClientHello retry(const msg::ClientHello& first, NamedGroup group);
    // encode returns the message's bytes and adds them to the client's transcript.
    Bytes send(const msg::ClientHello& m);
    template <class M>
    Bytes send(const M& m) {
        Bytes b = msg::encode_message(m);
        transcript_.add(b);
        return b;
    }

    // read takes every byte the server wrote and decodes it, checking what
    // the client can check. Fails on any record or message it cannot read.
    Status read(std::span<const std::uint8_t> server_output);

    // protect seals messages (or application data) under the client's
    // handshake traffic keys (application keys when `application`), one record each.
    Bytes protect(const std::vector<Bytes>& messages, bool application = false,
                  ContentType type = ContentType::handshake);
    // finished is the client's Finished over its transcript (added to it).
    Bytes finished();
    // certificate_verify signs the transcript with `key` and `scheme`.
    Bytes certificate_verify(const crypto::PrivateKey& key, SignatureScheme scheme);
    // open_application opens one application-data record the server sealed with its application keys.
    Result<Bytes> open_application(std::span<const std::uint8_t> server_output);

    const std::vector<Received>& received() const { return received_; }
    std::vector<std::string> names() const;
    int change_cipher_specs() const { return ccs_; }
    bool certificate_verify_ok() const { return certificate_verify_ok_; }
    bool finished_ok() const { return finished_ok_; }
    const SuiteInfo* suite() const { return suite_; }
    const HandshakeTrafficSecrets13& handshake_secrets() const { return handshake_; }
    const ApplicationSecrets13& application_secrets() const { return application_; }
    const std::array<std::uint8_t, 32>& client_random() const { return random_bytes_; }
    template <class M>
    const M* find() const {
        for (const auto& r : received_)
            if (auto* m = std::get_if<M>(&r.message)) return m;
        return nullptr;
    }

private:
    Status on_message(std::span<const std::uint8_t> encoded, bool was_protected);

    test::FixedRandom random_;
    std::array<std::uint8_t, 32> random_bytes_{};
    std::vector<crypto::KeyShare> shares_;
    Transcript transcript_;
    bool retried_ = false;
    const SuiteInfo* suite_ = nullptr;
    std::optional<HandshakeSecret13> handshake_secret_;
    HandshakeTrafficSecrets13 handshake_;
    ApplicationSecrets13 application_;
    std::unique_ptr<record::Protection> read_;
    std::unique_ptr<record::RecordLayer> handshake_writer_, application_writer_;
    std::optional<crypto::PublicKey> server_key_;
    std::vector<Received> received_;
    int ccs_ = 0;
    bool certificate_verify_ok_ = false;
    bool finished_ok_ = false;
    bool server_finished_seen_ = false;
};


// ---- TestClient13 ----

inline msg::ClientHello TestClient13::hello(std::vector<std::uint16_t> suites, std::vector<NamedGroup> groups,
                                            std::vector<NamedGroup> share_groups, bool compat) {
    msg::ClientHello h;
    random_.fill(random_bytes_);
    h.random = random_bytes_;
    if (compat) {
        h.session_id.resize(32);
        random_.fill(h.session_id);
    }
    h.cipher_suites = std::move(suites);
    h.supported_versions = std::vector<std::uint16_t>{0x0304};
    h.supported_groups = std::move(groups);
    h.signature_algorithms = default_signature_schemes();
    h.server_name = "localhost";
    h.key_shares.emplace();
    shares_.clear();
    for (NamedGroup g : share_groups) {
        auto share = crypto::KeyShare::generate(g, random_);
        EXPECT_TRUE(share);
        h.key_shares->push_back({g, share->public_value()});
        shares_.push_back(std::move(*share));
    }
    return h;
}

inline msg::ClientHello TestClient13::retry(const msg::ClientHello& first, NamedGroup group) {
    msg::ClientHello h = first;
    auto share = crypto::KeyShare::generate(group, random_);
    EXPECT_TRUE(share);
    h.key_shares = std::vector<msg::KeyShareEntry>{{group, share->public_value()}};
    shares_.clear();
    shares_.push_back(std::move(*share));
    return h;
}

inline Bytes TestClient13::send(const msg::ClientHello& m) {
    Bytes b = msg::encode_message(m);
    transcript_.add(b);
    return b;
}

inline std::vector<std::string> TestClient13::names() const {
    std::vector<std::string> out;
    for (const auto& r : received_) out.push_back(r.name);
    return out;
}

inline Status TestClient13::read(std::span<const std::uint8_t> server_output) {
    for (auto& rec : split_records(server_output)) {
        if (rec.type == ContentType::change_cipher_spec) {
            EXPECT_EQ(rec.fragment, Bytes{1});
            ++ccs_;
            continue;
        }
        std::span<std::uint8_t> plaintext = rec.fragment;
        bool was_protected = false;
        if (rec.type == ContentType::application_data) {
            if (!read_) return make_error(Reason::internal_error, "protected record before ServerHello");
            auto opened = read_->open(rec.type, 0x0303, rec.fragment);
            if (!opened) return std::move(opened).error();
            EXPECT_EQ(opened->type, ContentType::handshake);
            plaintext = opened->plaintext;
            was_protected = true;
        } else if (rec.type != ContentType::handshake) {
            return make_error(Reason::unexpected_record_type, "record of type " + std::to_string(int(rec.type)));
        }
        // Step writes each message in records of its own.
        std::size_t at = 0;
        while (at + 4 <= plaintext.size()) {
            const std::size_t length = std::size_t(plaintext[at + 1]) << 16 | std::size_t(plaintext[at + 2]) << 8 |
                                       plaintext[at + 3];
            if (auto ok = on_message(plaintext.subspan(at, 4 + length), was_protected); !ok) return ok;
            at += 4 + length;
        }
        EXPECT_EQ(at, plaintext.size());
    }
    return {};
}

inline Status TestClient13::on_message(std::span<const std::uint8_t> encoded, bool was_protected) {
    const auto type = static_cast<HandshakeType>(encoded[0]);
    auto decoded = msg::decode_message(ProtocolVersion::tls13, type, encoded.subspan(4));
    if (!decoded) return std::move(decoded).error();
    received_.push_back({std::string(msg::message_name(*decoded)), *decoded, was_protected});
    const TranscriptHash before = transcript_.hash();
    transcript_.add(encoded);
    if (auto* sh = std::get_if<msg::ServerHello>(&*decoded)) {
        suite_ = find_suite(sh->cipher_suite);
        if (!suite_) return make_error(Reason::unoffered_cipher_suite, "ServerHello: unknown suite");
        if (sh->is_hello_retry_request()) {
            // RFC 8446 §4.4.1: ClientHello1 becomes message_hash.
            transcript_.start_hash_after_retry(suite_->prf_hash);
            retried_ = true;
            return {};
        }
        if (!transcript_.hash_started()) transcript_.start_hash(suite_->prf_hash);
        if (!sh->key_share) return make_error(Reason::missing_extension, "ServerHello: no key_share");
        const crypto::KeyShare* mine = nullptr;
        for (const auto& s : shares_)
            if (s.group() == sh->key_share->group) mine = &s;
        if (!mine) return make_error(Reason::unoffered_group, "ServerHello: a share for a group not offered");
        auto shared = mine->agree(sh->key_share->key_exchange);
        if (!shared) return std::move(shared).error();
        handshake_secret_ = handshake_secret13(early_secret13(suite_->prf_hash, {}), *shared);
        handshake_ = handshake_traffic_secrets13(*handshake_secret_, transcript_.hash());
        auto p = protection13(*suite_, handshake_.server, record::Use::open);
        if (!p) return std::move(p).error();
        read_ = std::move(*p);
        return {};
    }
    if (auto* c = std::get_if<msg::Certificate13>(&*decoded)) {
        if (c->entries.empty()) return make_error(Reason::empty_server_certificate, "empty server Certificate");
        auto key = crypto::PublicKey::from_certificate(c->entries.front().cert_data);
        if (!key) return std::move(key).error();
        server_key_ = std::move(*key);
        return {};
    }
    if (auto* cv = std::get_if<msg::CertificateVerify>(&*decoded)) {
        if (!server_key_) return make_error(Reason::unexpected_handshake_message, "CertificateVerify first");
        certificate_verify_ok_ =
            server_key_->verify(cv->scheme, certificate_verify_input13(true, before), cv->signature).ok();
        return {};
    }
    if (auto* f = std::get_if<msg::Finished>(&*decoded)) {
        finished_ok_ = finished_matches13(suite_->prf_hash, handshake_.server, before, f->verify_data);
        application_ = application_secrets13(master_secret13(*handshake_secret_), transcript_.hash());
        auto p = protection13(*suite_, application_.server_traffic, record::Use::open);
        if (!p) return std::move(p).error();
        read_ = std::move(*p);
        server_finished_seen_ = true;
        return {};
    }
    return {};
}

inline Bytes TestClient13::protect(const std::vector<Bytes>& messages, bool application, ContentType type) {
    // One writer per key, kept: its sequence number goes on from record to record.
    auto& layer = application ? application_writer_ : handshake_writer_;
    if (!layer) {
        layer = std::make_unique<record::RecordLayer>();
        layer->set_write_version(0x0303);
        auto p = protection13(*suite_, application ? application_.client_traffic : handshake_.client, record::Use::seal);
        EXPECT_TRUE(p);
        layer->set_write_protection(std::move(*p));
    }
    for (const auto& m : messages) layer->write(type, m);
    auto out = layer->output();
    Bytes bytes(out.begin(), out.end());
    layer->consume_output(bytes.size());
    return bytes;
}

inline Bytes TestClient13::finished() {
    const SecretBytes verify_data = verify_data13(suite_->prf_hash, handshake_.client, transcript_.hash());
    return send(msg::Finished{Bytes(verify_data.view().begin(), verify_data.view().end())});
}

inline Bytes TestClient13::certificate_verify(const crypto::PrivateKey& key, SignatureScheme scheme) {
    auto signature = key.sign(scheme, certificate_verify_input13(false, transcript_.hash()));
    EXPECT_TRUE(signature);
    return send(msg::CertificateVerify{scheme, signature ? *signature : Bytes{}});
}

inline Result<Bytes> TestClient13::open_application(std::span<const std::uint8_t> server_output) {
    auto records = split_records(server_output);
    if (records.size() != 1 || records[0].type != ContentType::application_data)
        return make_error(Reason::unexpected_record_type, "not one application data record");
    auto p = protection13(*suite_, application_.server_traffic, record::Use::open);
    if (!p) return std::move(p).error();
    auto opened = (*p)->open(records[0].type, 0x0303, records[0].fragment);
    if (!opened) return std::move(opened).error();
    EXPECT_EQ(opened->type, ContentType::application_data);
    return Bytes(opened->plaintext.begin(), opened->plaintext.end());
}

// ---- one handshake ----

inline const std::vector<std::uint16_t> all13 = {0x1301, 0x1302, 0x1303};

// The TLS 1.3 suites in OpenSSL's order (AES-256-GCM first), then the TLS 1.2 defaults.
inline std::vector<CipherSuite> suites13_then_12() {
    std::vector<CipherSuite> out = {CipherSuite::TLS_AES_256_GCM_SHA384, CipherSuite::TLS_CHACHA20_POLY1305_SHA256,
                                    CipherSuite::TLS_AES_128_GCM_SHA256};
    for (CipherSuite s : default_cipher_suites()) out.push_back(s);
    return out;
}

inline std::shared_ptr<ServerConfig> config_for(const test::Identity& id) {
    auto config = test::server_config13(id, 2);
    config->cipher_suites = suites13_then_12();
    return config;
}

// Handshake is one handshake: the server machine, the client, the first ClientHello.
struct Handshake {
    explicit Handshake(std::shared_ptr<ServerConfig> config) : server(std::move(config)) {}

    // hello sends a ClientHello as the hello phase hands it over, and reads the answer.
    Status hello(const msg::ClientHello& h) {
        auto ok = server.receive(client.send(h));
        if (!ok) return ok;
        return client.read(server.take_output());
    }
    // finish sends the client's Finished, protected.
    Status finish() { return server.receive_records(client.protect({client.finished()})); }

    ServerSide server;
    TestClient13 client;
};

inline void expect_alert(const Status& s, Reason reason, Alert alert, const std::string& what) {
    ASSERT_FALSE(s) << what;
    EXPECT_EQ(s.error().reason, reason) << what << ": " << s.error().detail;
    EXPECT_EQ(alert_for(s.error().reason, ProtocolVersion::tls13), alert) << what;
}

}  // namespace tlspp::handshake::test13
