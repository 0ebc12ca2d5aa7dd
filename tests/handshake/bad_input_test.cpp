// The bad-input matrix, TLS 1.2, both roles, through the whole connection:
// every message of a real handshake truncated at every length, with a
// trailing byte, and with each length field off by one; records split at
// every byte, messages split over records and packed into one; oversized
// records; handshake fragments interleaved with other record types.
// Each case asserts the exact Reason and Alert.
#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <string>

#include "handshake/sequences.hpp"

namespace tlspp {
namespace {

using test::Bytes;

const test::Capture& capture() {
    static const test::Capture cap = test::capture_handshake();
    return cap;
}

Bytes record(ContentType type, const Bytes& data) {
    Bytes r{static_cast<std::uint8_t>(type), 3, 3, static_cast<std::uint8_t>(data.size() >> 8),
            static_cast<std::uint8_t>(data.size())};
    r.insert(r.end(), data.begin(), data.end());
    return r;
}

Bytes handshake_records(const std::vector<Bytes>& messages) {
    Bytes out;
    for (const Bytes& m : messages) {
        const Bytes r = record(ContentType::handshake, m);
        out.insert(out.end(), r.begin(), r.end());
    }
    return out;
}

// with_body replaces a message's body and fixes its header length.
Bytes with_body(const Bytes& message, const Bytes& body) {
    Bytes m{message[0], static_cast<std::uint8_t>(body.size() >> 16), static_cast<std::uint8_t>(body.size() >> 8),
            static_cast<std::uint8_t>(body.size())};
    m.insert(m.end(), body.begin(), body.end());
    return m;
}

// The receiving side of each captured message: the client receives the
// server's plaintext flight, the server the client's.
struct Target {
    bool client;                  // the client receives it
    std::size_t index;            // position in that direction's plaintext messages
    std::string name;
};

std::vector<Target> targets() {
    std::vector<Target> out;
    const char* server_flight[] = {"ServerHello", "Certificate", "ServerKeyExchange", "ServerHelloDone"};
    const char* client_flight[] = {"ClientHello", "ClientKeyExchange"};
    for (std::size_t i = 0; i < 4; ++i) out.push_back({true, i, server_flight[i]});
    for (std::size_t i = 0; i < 2; ++i) out.push_back({false, i, client_flight[i]});
    return out;
}

// feed_with delivers the receiving side's messages before `t` unchanged,
// then `replacement` in place of message t; returns the receiver's status.
Status feed_with(const Target& t, const Bytes& replacement) {
    const auto& cap = capture();
    auto msgs = test::plaintext_messages(t.client ? cap.to_client : cap.to_server);
    std::vector<Bytes> sent(msgs.begin(), msgs.begin() + long(t.index));
    sent.push_back(replacement);
    const Bytes bytes = handshake_records(sent);
    if (t.client) {
        ClientConnection c(test::client_config(1), "localhost");
        return c.read_in(bytes);
    }
    ServerConnection s(test::server_config(test::pki().server_p256, 2));
    return s.read_in(bytes);
}

const Bytes& original(const Target& t) {
    static std::map<std::string, Bytes> cache;
    auto& m = cache[t.name];
    if (m.empty()) {
        const auto& cap = capture();
        m = test::plaintext_messages(t.client ? cap.to_client : cap.to_server).at(t.index);
    }
    return m;
}

// A truncated body that still parses (a hello cut right before its optional
// extensions block) is not a decode error; the decoders' own tests cover it.
bool still_decodes(const Bytes& message) {
    const auto type = static_cast<HandshakeType>(message[0]);
    const auto body = std::span(message).subspan(4);
    auto decoded = msg::decode_message(ProtocolVersion::tls12, type, body);
    if (!decoded) return false;
    if (type == HandshakeType::server_key_exchange) return bool(msg::decode_ecdhe_server_params(body));
    if (type == HandshakeType::client_key_exchange) return bool(msg::decode_ecdhe_client_public(body));
    return true;
}

void expect_error(const Status& s, Reason reason, Alert alert, const std::string& what) {
    ASSERT_FALSE(s) << what << " was accepted";
    EXPECT_EQ(s.error().reason, reason) << what << ": " << s.error().message();
    EXPECT_EQ(s.error().alert, alert) << what << ": " << s.error().message();
}

int total_cases = 0;

TEST(BadInput, TheCapturedMessagesAreAccepted) {
    for (const Target& t : targets()) {
        auto ok = feed_with(t, original(t));
        EXPECT_TRUE(ok) << t.name << ": " << (ok ? "" : ok.error().message());
    }
}

// RFC 5246 §7.4 gives every field its length; a body cut short of them is
// malformed. RFC 5246 §7.2.2: "decode_error: A message could not be decoded
// because some field was out of the specified range or the length of the
// message was incorrect."
TEST(BadInput, EveryMessageTruncatedAtEveryLengthIsDecodeError) {
    int cases = 0, valid_prefixes = 0;
    for (const Target& t : targets()) {
        const Bytes& m = original(t);
        const Bytes body(m.begin() + 4, m.end());
        for (std::size_t len = 0; len < body.size(); ++len) {
            const Bytes cut = with_body(m, Bytes(body.begin(), body.begin() + long(len)));
            if (still_decodes(cut)) {
                ++valid_prefixes;
                continue;
            }
            ++cases;
            expect_error(feed_with(t, cut), Reason::truncated, Alert::decode_error,
                         t.name + " cut to " + std::to_string(len) + " bytes");
        }
    }
    EXPECT_EQ(valid_prefixes, 2) << "ClientHello and ServerHello without their extensions block";
    total_cases += cases;
    std::printf("[ cases    ] truncated: %d (and %d valid prefixes)\n", cases, valid_prefixes);
}

TEST(BadInput, EveryMessageWithATrailingByteIsDecodeError) {
    int cases = 0;
    for (const Target& t : targets()) {
        Bytes body(original(t).begin() + 4, original(t).end());
        body.push_back(0);
        ++cases;
        expect_error(feed_with(t, with_body(original(t), body)), Reason::trailing_bytes, Alert::decode_error,
                     t.name + " + 1 byte");
    }
    total_cases += cases;
    std::printf("[ cases    ] trailing byte: %d\n", cases);
}

// ---- length fields ±1 ------------------------------------------------------

struct LengthField {
    std::string name;
    std::size_t offset;   // in the body
    std::size_t width;    // 1, 2 or 3 bytes
};

std::size_t get(const Bytes& b, std::size_t off, std::size_t width) {
    std::size_t v = 0;
    for (std::size_t i = 0; i < width; ++i) v = v << 8 | b.at(off + i);
    return v;
}

// extension_fields lists the extension block's length and each extension's.
void extension_fields(const Bytes& b, std::size_t off, std::vector<LengthField>& out) {
    if (off >= b.size()) return;
    out.push_back({"extensions", off, 2});
    const std::size_t end = off + 2 + get(b, off, 2);
    for (std::size_t p = off + 2; p + 4 <= end; p += 4 + get(b, p + 2, 2))
        out.push_back({"extension " + std::to_string(get(b, p, 2)), p + 2, 2});
}

// length_fields walks the captured body (RFC 5246 §7.4.1.2, §7.4.1.3, §7.4.2,
// RFC 8422 §5.4 and §5.7) and lists every length prefix in it.
std::vector<LengthField> length_fields(const std::string& name, const Bytes& b) {
    std::vector<LengthField> out;
    if (name == "ClientHello") {
        std::size_t p = 34;
        out.push_back({"session_id", p, 1});
        p += 1 + b[p];
        out.push_back({"cipher_suites", p, 2});
        p += 2 + get(b, p, 2);
        out.push_back({"compression_methods", p, 1});
        p += 1 + b[p];
        extension_fields(b, p, out);
    } else if (name == "ServerHello") {
        std::size_t p = 34;
        out.push_back({"session_id", p, 1});
        p += 1 + b[p] + 3;
        extension_fields(b, p, out);
    } else if (name == "Certificate") {
        out.push_back({"certificate_list", 0, 3});
        for (std::size_t p = 3, i = 0; p < b.size(); p += 3 + get(b, p, 3), ++i)
            out.push_back({"certificate_list[" + std::to_string(i) + "]", p, 3});
    } else if (name == "ServerKeyExchange") {
        out.push_back({"public", 3, 1});
        out.push_back({"signature", std::size_t{4} + b[3] + 2, 2});
    } else if (name == "ClientKeyExchange") {
        out.push_back({"public", 0, 1});
    }
    return out;
}

// What each length field off by one turns into. A block that claims one byte
// more than its container holds is truncated; one byte less leaves a byte
// that the next field misreads or that trails the container.
const std::map<std::string, Reason>& expected_length_errors() {
    static const std::map<std::string, Reason> m = {
        {"ServerHello.session_id -1", Reason::length_out_of_range},
        {"ServerHello.session_id +1", Reason::truncated},
        {"ServerHello.extensions -1", Reason::trailing_bytes},
        {"ServerHello.extensions +1", Reason::truncated},
        {"ServerHello.extension 0 -1", Reason::truncated},
        {"ServerHello.extension 0 +1", Reason::truncated},
        {"ServerHello.extension 65281 -1", Reason::truncated},
        {"ServerHello.extension 65281 +1", Reason::truncated},
        {"ServerHello.extension 11 -1", Reason::truncated},
        {"ServerHello.extension 11 +1", Reason::truncated},
        {"ServerHello.extension 23 -1", Reason::truncated},
        {"ServerHello.extension 23 +1", Reason::truncated},
        {"Certificate.certificate_list -1", Reason::trailing_bytes},
        {"Certificate.certificate_list +1", Reason::truncated},
        {"Certificate.certificate_list[0] -1", Reason::truncated},
        {"Certificate.certificate_list[0] +1", Reason::truncated},
        {"ServerKeyExchange.public -1", Reason::truncated},
        {"ServerKeyExchange.public +1", Reason::truncated},
        {"ServerKeyExchange.signature -1", Reason::trailing_bytes},
        {"ServerKeyExchange.signature +1", Reason::truncated},
        {"ClientHello.session_id -1", Reason::length_out_of_range},   // 0 - 1 = 255 > 32
        {"ClientHello.session_id +1", Reason::truncated},
        {"ClientHello.cipher_suites -1", Reason::length_out_of_range},   // odd: entries are 2 bytes
        {"ClientHello.cipher_suites +1", Reason::length_out_of_range},
        {"ClientHello.compression_methods -1", Reason::length_out_of_range},   // <1..2^8-1>
        {"ClientHello.compression_methods +1", Reason::truncated},
        {"ClientHello.extensions -1", Reason::trailing_bytes},
        {"ClientHello.extensions +1", Reason::truncated},
        {"ClientHello.extension 0 -1", Reason::truncated},
        {"ClientHello.extension 0 +1", Reason::truncated},
        {"ClientHello.extension 11 -1", Reason::truncated},
        {"ClientHello.extension 11 +1", Reason::truncated},
        {"ClientHello.extension 10 -1", Reason::truncated},
        {"ClientHello.extension 10 +1", Reason::truncated},
        {"ClientHello.extension 35 -1", Reason::truncated},   // session_ticket (RFC 5077), empty
        {"ClientHello.extension 35 +1", Reason::truncated},
        {"ClientHello.extension 23 -1", Reason::truncated},
        {"ClientHello.extension 23 +1", Reason::truncated},
        {"ClientHello.extension 13 -1", Reason::truncated},
        {"ClientHello.extension 13 +1", Reason::truncated},
        {"ClientHello.extension 65281 -1", Reason::truncated},
        {"ClientHello.extension 65281 +1", Reason::truncated},
        {"ClientKeyExchange.public -1", Reason::trailing_bytes},
        {"ClientKeyExchange.public +1", Reason::truncated},
    };
    return m;
}

TEST(BadInput, EveryLengthFieldOffByOneIsDecodeError) {
    int cases = 0;
    const bool print = std::getenv("TLSPP_PRINT_LENGTH_TABLE") != nullptr;
    for (const Target& t : targets()) {
        const Bytes body(original(t).begin() + 4, original(t).end());
        for (const LengthField& f : length_fields(t.name, body)) {
            for (int delta : {-1, +1}) {
                Bytes b = body;
                const std::size_t v = get(b, f.offset, f.width) + static_cast<std::size_t>(delta);
                for (std::size_t i = 0; i < f.width; ++i)
                    b[f.offset + i] = static_cast<std::uint8_t>(v >> (8 * (f.width - 1 - i)));
                const std::string key = t.name + "." + f.name + (delta > 0 ? " +1" : " -1");
                Status s = feed_with(t, with_body(original(t), b));
                ++cases;
                if (print) {
                    std::printf("        {\"%s\", Reason::%s},   // %s\n", key.c_str(),
                                s ? "NONE" : std::string(name(s.error().reason)).c_str(),
                                s ? "" : s.error().detail.c_str());
                    continue;
                }
                auto want = expected_length_errors().find(key);
                ASSERT_NE(want, expected_length_errors().end()) << key << " is missing from the table";
                expect_error(s, want->second, alert_for(want->second), key);
                EXPECT_EQ(alert_for(want->second), Alert::decode_error) << key;
            }
        }
    }
    EXPECT_EQ(cases, static_cast<int>(expected_length_errors().size()));
    total_cases += cases;
    std::printf("[ cases    ] length field +-1: %d\n", cases);
}

// ---- records ----------------------------------------------------------------

// RFC 5246 §6.2.1: a client message boundary need not match a record boundary.
TEST(BadInput, ARecordSplitAtEveryByteStillWorks) {
    const auto& cap = capture();
    const Bytes stream = handshake_records(test::plaintext_messages(cap.to_client));
    int cases = 0;
    for (std::size_t k = 1; k < stream.size(); ++k) {
        ClientConnection c(test::client_config(1), "localhost");
        c.consume_output(c.pending_output().size());
        ASSERT_TRUE(c.read_in(std::span(stream).first(k))) << "split at " << k;
        ASSERT_TRUE(c.read_in(std::span(stream).subspan(k))) << "split at " << k;
        // The whole server flight arrived: the client answered with its own.
        ASSERT_FALSE(c.pending_output().empty()) << "split at " << k;
        ++cases;
    }
    test::LoopbackPair pair(test::client_config(), test::server_config(test::pki().server_rsa));
    pair.byte_at_a_time = true;
    EXPECT_TRUE(pair.handshake());
    const std::uint8_t data[] = {1, 2, 3};
    EXPECT_EQ(pair.client_to_server(data).size(), 3u);
    total_cases += cases;
    std::printf("[ cases    ] split points: %d\n", cases);
}

Bytes rechunk(const Bytes& data, std::size_t chunk) {
    Bytes out;
    for (std::size_t i = 0; i < data.size(); i += chunk) {
        const Bytes r = record(ContentType::handshake,
                               Bytes(data.begin() + long(i), data.begin() + long(std::min(data.size(), i + chunk))));
        out.insert(out.end(), r.begin(), r.end());
    }
    return out;
}

TEST(BadInput, HandshakeMessagesSplitOverManyRecordsWork) {
    const auto& cap = capture();
    Bytes flight;
    for (const Bytes& m : test::plaintext_messages(cap.to_client)) flight.insert(flight.end(), m.begin(), m.end());
    for (std::size_t chunk : {1, 2, 3, 7, 100, 1000}) {
        ClientConnection c(test::client_config(1), "localhost");
        c.consume_output(c.pending_output().size());
        ASSERT_TRUE(c.read_in(rechunk(flight, chunk))) << "records of " << chunk;
        EXPECT_FALSE(c.pending_output().empty()) << "records of " << chunk;
    }
    const Bytes hello = test::plaintext_messages(cap.to_server).at(0);
    ServerConnection s(test::server_config(test::pki().server_p256, 2));
    ASSERT_TRUE(s.read_in(rechunk(hello, 1)));
    EXPECT_FALSE(s.pending_output().empty());
}

TEST(BadInput, ManyHandshakeMessagesInOneRecordWork) {
    const auto& cap = capture();
    Bytes flight;
    for (const Bytes& m : test::plaintext_messages(cap.to_client)) flight.insert(flight.end(), m.begin(), m.end());
    ClientConnection c(test::client_config(1), "localhost");
    c.consume_output(c.pending_output().size());
    ASSERT_TRUE(c.read_in(record(ContentType::handshake, flight)));
    EXPECT_FALSE(c.pending_output().empty());
}

// RFC 5246 §6.2.1: "The length MUST NOT exceed 2^14." §6.2.3: a protected
// fragment "MUST NOT exceed 2^14 + 2048". Alert: record_overflow.
TEST(BadInput, RecordsOverTheSizeLimitAreRecordOverflow) {
    int cases = 0;
    for (std::size_t length : {16385, 18432, 18433, 65535}) {
        ServerConnection s(test::server_config(test::pki().server_p256));
        Bytes r{22, 3, 3, static_cast<std::uint8_t>(length >> 8), static_cast<std::uint8_t>(length)};
        // The header alone must be enough: nothing of the body is waited for.
        expect_error(s.read_in(r), Reason::record_overflow, Alert::record_overflow,
                     "plaintext record of " + std::to_string(length));
        ++cases;
    }
    for (std::size_t length : {16385, 16400}) {
        ClientConnection c(test::client_config(1), "localhost");
        Bytes r = record(ContentType::handshake, Bytes(length, 0));
        expect_error(c.read_in(r), Reason::record_overflow, Alert::record_overflow,
                     "client: plaintext record of " + std::to_string(length));
        ++cases;
    }
    {   // exactly 2^14 is fine (a huge but legal ClientHello fragment).
        ServerConnection s(test::server_config(test::pki().server_p256));
        Bytes hs{1, 0, 0x40, 0x00};
        hs.resize(16384, 0);
        EXPECT_TRUE(s.read_in(record(ContentType::handshake, hs)));
    }
    total_cases += cases;
    std::printf("[ cases    ] record overflow: %d\n", cases);
}

// ---- interleaving -------------------------------------------------------------

Bytes first_half_of_client_hello() {
    const Bytes hello = test::plaintext_messages(capture().to_server).at(0);
    return record(ContentType::handshake, Bytes(hello.begin(), hello.begin() + long(hello.size() / 2)));
}

Bytes second_half_of_client_hello() {
    const Bytes hello = test::plaintext_messages(capture().to_server).at(0);
    return record(ContentType::handshake, Bytes(hello.begin() + long(hello.size() / 2), hello.end()));
}

TEST(BadInput, ApplicationDataInsideAHandshakeMessageIsUnexpectedMessage) {
    ServerConnection s(test::server_config(test::pki().server_p256));
    Bytes in = first_half_of_client_hello();
    const Bytes app = record(ContentType::application_data, Bytes{'G', 'E', 'T'});
    in.insert(in.end(), app.begin(), app.end());
    expect_error(s.read_in(in), Reason::application_data_before_handshake, Alert::unexpected_message,
                 "application data between ClientHello fragments");
    ++total_cases;
}

TEST(BadInput, ChangeCipherSpecInsideAHandshakeMessageIsUnexpectedMessage) {
    // RFC 5246 §7.1 and the EarlyCCS lesson: the keys may change only between messages.
    const auto msgs = test::plaintext_messages(capture().to_server);
    ServerConnection s(test::server_config(test::pki().server_p256, 2));
    ASSERT_TRUE(s.read_in(record(ContentType::handshake, msgs.at(0))));
    const Bytes& cke = msgs.at(1);
    Bytes in = record(ContentType::handshake, Bytes(cke.begin(), cke.begin() + 10));
    const Bytes ccs = record(ContentType::change_cipher_spec, Bytes{1});
    in.insert(in.end(), ccs.begin(), ccs.end());
    expect_error(s.read_in(in), Reason::handshake_spans_key_change, Alert::unexpected_message,
                 "ChangeCipherSpec between ClientKeyExchange fragments");
    ++total_cases;
}

TEST(BadInput, ChangeCipherSpecBeforeClientKeyExchangeIsUnexpectedMessage) {
    const auto msgs = test::plaintext_messages(capture().to_server);
    ServerConnection s(test::server_config(test::pki().server_p256, 2));
    ASSERT_TRUE(s.read_in(record(ContentType::handshake, msgs.at(0))));
    expect_error(s.read_in(record(ContentType::change_cipher_spec, Bytes{1})), Reason::unexpected_change_cipher_spec,
                 Alert::unexpected_message, "early ChangeCipherSpec");
    ++total_cases;
}

// RFC 5246 §7.1: ChangeCipherSpec is the single byte 1. Any other body is
// unexpected_message, as OpenSSL 3 answers (SSL_R_BAD_CHANGE_CIPHER_SPEC) and
// RFC 8446 §5 requires in TLS 1.3: "An implementation which receives any
// other change_cipher_spec value ... MUST abort the handshake with an
// "unexpected_message" alert." Both where CCS is due and where it is not.
TEST(BadInput, MalformedChangeCipherSpecIsUnexpectedMessage) {
    const auto msgs = test::plaintext_messages(capture().to_server);
    const std::vector<Bytes> bodies = {{0}, {2}, {0xff}, {1, 1}, {1, 0}, {0, 1}, Bytes(300, 1)};
    for (bool due : {true, false}) {
        for (const Bytes& body : bodies) {
            ServerConnection s(test::server_config(test::pki().server_p256, 2));
            if (due) ASSERT_TRUE(s.read_in(handshake_records({msgs.at(0), msgs.at(1)})));
            const std::string what = std::string(due ? "after ClientKeyExchange" : "first") + ", " +
                                     std::to_string(body.size()) + "-byte body starting " + std::to_string(body[0]);
            expect_error(s.read_in(record(ContentType::change_cipher_spec, body)), Reason::malformed_change_cipher_spec,
                         Alert::unexpected_message, what);
            const Bytes out(s.pending_output().begin(), s.pending_output().end());
            ASSERT_GE(out.size(), 7u);
            EXPECT_EQ(Bytes(out.end() - 7, out.end()), (Bytes{21, 3, 3, 0, 2, 2, 10})) << what;
            ++total_cases;
        }
    }
    // The client too.
    ClientConnection c(test::client_config(1), "localhost");
    expect_error(c.read_in(record(ContentType::change_cipher_spec, Bytes{1, 1})), Reason::malformed_change_cipher_spec,
                 Alert::unexpected_message, "client: 2-byte body");
}

TEST(BadInput, FatalAlertInsideAHandshakeMessageEndsTheHandshake) {
    ServerConnection s(test::server_config(test::pki().server_p256));
    Bytes in = first_half_of_client_hello();
    const Bytes alert = record(ContentType::alert, Bytes{2, 40});
    in.insert(in.end(), alert.begin(), alert.end());
    auto r = s.read_in(in);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().reason, Reason::peer_alert);
    EXPECT_EQ(r.error().alert, Alert::handshake_failure);
    EXPECT_TRUE(r.error().alert_from_peer);
    EXPECT_TRUE(s.pending_output().empty()) << "no alert is sent in reply to a fatal alert";
    ++total_cases;
}

// TLS 1.2, unlike TLS 1.3 (RFC 8446 §5.1), does not forbid other record types
// between the fragments of a handshake message: a warning alert is tolerated
// (and counted, see Limits::max_warning_alerts).
TEST(BadInput, WarningAlertInsideAHandshakeMessageIsTolerated) {
    ServerConnection s(test::server_config(test::pki().server_p256, 2));
    Bytes in = first_half_of_client_hello();
    const Bytes alert = record(ContentType::alert, Bytes{1, 90});   // warning user_canceled
    in.insert(in.end(), alert.begin(), alert.end());
    const Bytes rest = second_half_of_client_hello();
    in.insert(in.end(), rest.begin(), rest.end());
    EXPECT_TRUE(s.read_in(in));
    EXPECT_FALSE(s.pending_output().empty());
}

}  // namespace
}  // namespace tlspp
