// Illegal values, TLS 1.2, through a whole connection pair: a well-formed
// message whose *values* are wrong (a list without its mandatory member, a
// choice the peer never offered, a key share that is not a usable group
// element, an extension twice). bad_input_test.cpp covers malformed
// encodings; this file covers what decodes but must still be refused.
//
// Each case lets a real client and server run, changes one message in flight
// (re-signing a ServerKeyExchange with the server's key where the signature
// covers the change, so that the value and nothing else is wrong), and
// asserts the Reason and alert on the side that detects it, and that the
// other side received that alert (Reason::peer_alert, Error::alert).
//
// The alerts chosen, where the RFCs leave room:
// - compression_methods without null (RFC 5246 §7.4.1.2 "MUST contain ...
//   CompressionMethod.null", no alert named): illegal_parameter, as RFC 8446
//   §4.1.2 prescribes for the same field and BoringSSL sends. (OpenSSL 3
//   sends decode_error, SSL_R_NO_COMPRESSION_SPECIFIED.) An empty list is
//   outside <1..2^8-1>: decode_error.
// - ec_point_formats without uncompressed: illegal_parameter (RFC 8422
//   §5.1.2, "MUST abort the handshake and return an illegal_parameter alert").
//   An empty list is outside <1..2^8-1>: decode_error.
// - a zero-length ECPoint / dh_Ys / dh_Yc is outside its <1..> range (RFC 8422
//   §5.4, RFC 5246 §7.4.3, §7.4.7.2): decode_error (RFC 5246 §7.2.2: "some
//   field was out of the specified range").
// - a share that decodes but is not a valid group element (off the curve,
//   compressed, identity, X25519 small order / all-zero result, DH Y outside
//   1 < Y < p-1): illegal_parameter (RFC 8446 §4.2.8 / RFC 7919 §5.1 /
//   RFC 8422 §5.11 ask for the check; OpenSSL and BoringSSL send
//   illegal_parameter).
// - a cipher suite, compression method, group or signature scheme the client
//   did not offer: illegal_parameter (RFC 8446 §4.1.3, §4.2.7; RFC 5246
//   §7.4.1.4.1 for the scheme in ServerKeyExchange, §7.4.8 in CertificateVerify).
// - a ServerHello version other than TLS 1.2: protocol_version (RFC 5246
//   Appendix E.1: "the client MUST send a protocol_version alert").
// - an extension in ServerHello the client did not offer: unsupported_extension
//   (RFC 5246 §7.4.1.4).
// - the same extension twice (RFC 5246 §7.4.1.4, RFC 8446 §4.2: "MUST NOT be
//   more than one extension of the same type"; no alert named): decode_error,
//   as BoringSSL sends for a malformed extension block (OpenSSL 3 sends
//   illegal_parameter; conn/alerts.cpp holds the choice).
#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "crypto/key_exchange.hpp"
#include "crypto/signature.hpp"
#include "handshake/sequences.hpp"
#include "msg/server_key_exchange.hpp"
#include "msg/simple_messages.hpp"

namespace tlspp {
namespace {

using test::Bytes;

// ---- flights: records <-> handshake messages ----

// Flight is one chunk of bytes in flight: its plaintext handshake messages
// (those before a ChangeCipherSpec) and the records from the CCS on, as sent.
struct Flight {
    std::uint8_t record_minor = 3;   // the first record's version (a ClientHello may use 3.1)
    std::vector<Bytes> messages;
    Bytes rest;
};

Flight split_flight(const Bytes& chunk) {
    Flight f;
    if (chunk.size() >= 3) f.record_minor = chunk[2];
    const auto records = test::split_records(chunk);
    std::vector<test::Record> before;
    bool after_ccs = false;
    for (const auto& r : records) {
        after_ccs |= r.type == ContentType::change_cipher_spec;
        if (!after_ccs) {
            before.push_back(r);
            continue;
        }
        f.rest.insert(f.rest.end(), {static_cast<std::uint8_t>(r.type), 3, 3, static_cast<std::uint8_t>(r.data.size() >> 8),
                                     static_cast<std::uint8_t>(r.data.size())});
        f.rest.insert(f.rest.end(), r.data.begin(), r.data.end());
    }
    f.messages = test::plaintext_messages(before);
    return f;
}

Bytes join_flight(const Flight& f) {
    Bytes out;
    for (const Bytes& m : f.messages) {
        out.insert(out.end(), {22, 3, f.record_minor, static_cast<std::uint8_t>(m.size() >> 8),
                               static_cast<std::uint8_t>(m.size())});
        out.insert(out.end(), m.begin(), m.end());
    }
    out.insert(out.end(), f.rest.begin(), f.rest.end());
    return out;
}

Bytes body_of(const Bytes& message) { return Bytes(message.begin() + 4, message.end()); }

Bytes with_body(std::uint8_t type, const Bytes& body) {
    Bytes m{type, static_cast<std::uint8_t>(body.size() >> 16), static_cast<std::uint8_t>(body.size() >> 8),
            static_cast<std::uint8_t>(body.size())};
    m.insert(m.end(), body.begin(), body.end());
    return m;
}

// append_extension adds one extension at the end of a hello's extension
// block, byte by byte (the encoders would not write a duplicate).
void append_extension(Bytes& hello, std::uint16_t type, const Bytes& data) {
    Bytes body = body_of(hello);
    std::size_t at = 2 + 32;
    at += 1 + body.at(at);   // session_id
    if (hello[0] == 1) {     // ClientHello: cipher_suites, compression_methods
        at += 2 + (std::size_t(body.at(at)) << 8 | body.at(at + 1));
        at += 1 + body.at(at);
    } else {                 // ServerHello: cipher_suite, compression_method
        at += 3;
    }
    const std::size_t block = std::size_t(body.at(at)) << 8 | body.at(at + 1);
    const std::size_t grown = block + 4 + data.size();
    body[at] = static_cast<std::uint8_t>(grown >> 8);
    body[at + 1] = static_cast<std::uint8_t>(grown);
    body.insert(body.end(), {static_cast<std::uint8_t>(type >> 8), static_cast<std::uint8_t>(type),
                             static_cast<std::uint8_t>(data.size() >> 8), static_cast<std::uint8_t>(data.size())});
    body.insert(body.end(), data.begin(), data.end());
    hello = with_body(hello[0], body);
}

// ---- the run ----

struct Randoms {
    Bytes client, server;
};

// Edit changes the first message of `type` travelling in `direction`.
struct Edit {
    test::Direction direction;
    HandshakeType type;
    std::function<void(Bytes& message, const Randoms&)> change;
};

struct Case {
    std::shared_ptr<ClientConfig> client;
    std::shared_ptr<ServerConfig> server;
    std::string server_name = "localhost";
};

Case make_case(const test::Identity& id) { return {test::client_config(1), test::server_config(id, 2)}; }

// expect_refused runs the pair with the edit and checks both sides.
void expect_refused(const Case& c, const Edit& edit, bool client_detects, Reason reason, Alert alert,
                    const std::string& what) {
    SCOPED_TRACE(what);
    test::LoopbackPair pair(c.client, c.server, c.server_name);
    Randoms randoms;
    bool edited = false;
    pair.tamper = [&](test::Direction d, Bytes& bytes) {
        Flight f = split_flight(bytes);
        bool changed = false;
        for (Bytes& m : f.messages) {
            if (m[0] == 1) randoms.client.assign(m.begin() + 6, m.begin() + 38);
            if (m[0] == 2) randoms.server.assign(m.begin() + 6, m.begin() + 38);
            if (!edited && d == edit.direction && m[0] == static_cast<std::uint8_t>(edit.type)) {
                edit.change(m, randoms);
                edited = changed = true;
            }
        }
        if (changed) bytes = join_flight(f);
    };
    EXPECT_FALSE(pair.pump()) << what << " was accepted";
    ASSERT_TRUE(edited) << "no " << int(edit.type) << " message crossed";
    Connection& detector = client_detects ? static_cast<Connection&>(pair.client) : pair.server;
    Connection& peer = client_detects ? static_cast<Connection&>(pair.server) : pair.client;
    ASSERT_NE(detector.error(), nullptr) << (peer.error() ? "the other side failed: " + peer.error()->message() : "");
    EXPECT_EQ(detector.error()->reason, reason) << detector.error()->message();
    EXPECT_EQ(detector.error()->alert, alert) << detector.error()->message();
    ASSERT_NE(peer.error(), nullptr) << "the alert did not reach the peer";
    EXPECT_EQ(peer.error()->reason, Reason::peer_alert) << peer.error()->message();
    EXPECT_EQ(peer.error()->alert, alert) << peer.error()->message();
}

// The unedited pair must complete, or a refusal above proves nothing.
void expect_baseline(const Case& c) {
    test::LoopbackPair pair(c.client, c.server, c.server_name);
    ASSERT_TRUE(pair.handshake()) << (pair.client.error()   ? pair.client.error()->message()
                                      : pair.server.error() ? pair.server.error()->message()
                                                            : "stalled");
}

Edit client_hello(std::function<void(msg::ClientHello&)> change) {
    return {test::Direction::to_server, HandshakeType::client_hello, [change](Bytes& m, const Randoms&) {
                auto hello = msg::decode_client_hello(body_of(m));
                ASSERT_TRUE(hello);
                change(*hello);
                m = msg::encode_message(*hello);
            }};
}

Edit server_hello(std::function<void(msg::ServerHello&)> change) {
    return {test::Direction::to_client, HandshakeType::server_hello, [change](Bytes& m, const Randoms&) {
                auto hello = msg::decode_server_hello(body_of(m));
                ASSERT_TRUE(hello);
                change(*hello);
                m = msg::encode_message(*hello);
            }};
}

Edit raw(test::Direction d, HandshakeType type, std::function<void(Bytes&)> change) {
    return {d, type, [change](Bytes& m, const Randoms&) { change(m); }};
}

// signed_ske builds a ServerKeyExchange over `params`, signed with the
// identity's key by `scheme` over client_random + server_random + params (RFC 5246 §7.4.3).
Bytes signed_ske(const Bytes& params, SignatureScheme scheme, const test::Identity& id, const Randoms& r) {
    auto key = crypto::PrivateKey::from_pem(id.key_pem);
    EXPECT_TRUE(key);
    Bytes to_sign = r.client;
    to_sign.insert(to_sign.end(), r.server.begin(), r.server.end());
    to_sign.insert(to_sign.end(), params.begin(), params.end());
    auto signature = key->sign(scheme, to_sign);
    EXPECT_TRUE(signature) << (signature ? "" : signature.error().message());
    return msg::encode_message(msg::make_server_key_exchange(params, scheme, signature ? *signature : Bytes{}));
}

// ecdhe_ske replaces the server's ECDHE share, re-signed (by `scheme`, or the original one).
Edit ecdhe_ske(NamedGroup group, Bytes point, const test::Identity& id,
               std::optional<SignatureScheme> scheme = std::nullopt) {
    return {test::Direction::to_client, HandshakeType::server_key_exchange,
            [=, &id](Bytes& m, const Randoms& r) {
                auto original = msg::decode_ecdhe_server_params(body_of(m));
                ASSERT_TRUE(original);
                m = signed_ske(msg::encode_ecdhe_params(group, point), scheme.value_or(original->scheme), id, r);
            }};
}

// dhe_ske replaces the server's dh_Ys (keeping p and g), re-signed.
Edit dhe_ske(std::function<Bytes(const Bytes& p)> ys, const test::Identity& id) {
    return {test::Direction::to_client, HandshakeType::server_key_exchange, [=, &id](Bytes& m, const Randoms& r) {
                auto original = msg::decode_dhe_server_params(body_of(m));
                ASSERT_TRUE(original);
                m = signed_ske(msg::encode_dhe_params(original->p, original->g, ys(original->p)), original->scheme,
                               id, r);
            }};
}

Edit client_key_exchange(Bytes body) {
    return raw(test::Direction::to_server, HandshakeType::client_key_exchange,
               [body](Bytes& m) { m = with_body(m[0], body); });
}

Bytes u8_prefixed(const Bytes& v) {
    Bytes out{static_cast<std::uint8_t>(v.size())};
    out.insert(out.end(), v.begin(), v.end());
    return out;
}
Bytes u16_prefixed(const Bytes& v) {
    Bytes out{static_cast<std::uint8_t>(v.size() >> 8), static_cast<std::uint8_t>(v.size())};
    out.insert(out.end(), v.begin(), v.end());
    return out;
}

Bytes valid_point(NamedGroup group, std::uint64_t seed = 5) {
    test::FixedRandom random(seed);
    auto share = crypto::KeyShare::generate(group, random);
    EXPECT_TRUE(share);
    return share ? share->public_value() : Bytes{};
}
Bytes off_curve_p256() {
    Bytes p = valid_point(NamedGroup::secp256r1);
    p.back() ^= 0x01;   // y changed: (x, y') is not on the curve
    return p;
}
Bytes compressed_p256() {
    Bytes p = valid_point(NamedGroup::secp256r1);
    Bytes out{static_cast<std::uint8_t>(0x02 | (p.back() & 1))};
    out.insert(out.end(), p.begin() + 1, p.begin() + 33);
    return out;
}
// RFC 7748 §5: u = 0 and u = 1 are points of small order; X25519 with them is all zeros.
Bytes x25519_zero() { return Bytes(32, 0); }
Bytes x25519_one() {
    Bytes u(32, 0);
    u[0] = 1;
    return u;
}

Bytes ffdhe2048_p() {
    auto params = crypto::ffdhe_params(NamedGroup::ffdhe2048);
    EXPECT_TRUE(params);
    return params ? params->p : Bytes{};
}
Bytes minus_one(Bytes p) {   // p is odd: no borrow
    p.back() -= 1;
    return p;
}
// The four DH public values RFC 7919 §5.1 rules out: 0, 1, p-1, p.
std::vector<std::pair<std::string, std::function<Bytes(const Bytes&)>>> bad_dh_values() {
    return {{"0", [](const Bytes&) { return Bytes{0}; }},
            {"1", [](const Bytes&) { return Bytes{1}; }},
            {"p-1", [](const Bytes& p) { return minus_one(p); }},
            {"p", [](const Bytes& p) { return p; }}};
}

// The server's certificate is P-256: RFC 8422 §5.1 has the client's
// supported_groups govern the certificate's curve too, so the client always
// lists secp256r1; the server uses only `group` for the key exchange.
Case ecdhe_case(NamedGroup group) {
    Case c = make_case(test::pki().server_p256);
    c.client->groups = {group};
    if (group != NamedGroup::secp256r1) c.client->groups.push_back(NamedGroup::secp256r1);
    c.server->groups = {group};
    return c;
}
Case dhe_case() {
    Case c = make_case(test::pki().server_rsa);
    c.client->cipher_suites = c.server->cipher_suites = {CipherSuite::TLS_DHE_RSA_WITH_AES_128_GCM_SHA256};
    c.client->versions = c.server->versions = {ProtocolVersion::tls12};
    c.client->groups = c.server->groups = {NamedGroup::ffdhe2048};
    return c;
}

// ---- ClientHello: the server refuses ----

TEST(IllegalValues, ClientHelloCompressionAndPointFormats) {
    const Case c = make_case(test::pki().server_p256);
    expect_baseline(c);
    expect_refused(c, client_hello([](auto& h) { h.compression_methods = {1}; }), false,
                   Reason::missing_null_compression, Alert::illegal_parameter, "compression_methods {deflate}");
    expect_refused(c, client_hello([](auto& h) { h.compression_methods = {1, 64}; }), false,
                   Reason::missing_null_compression, Alert::illegal_parameter, "compression_methods {1, 64}");
    expect_refused(c, client_hello([](auto& h) { h.compression_methods = {}; }), false,
                   Reason::length_out_of_range, Alert::decode_error, "empty compression_methods");
    expect_refused(c, client_hello([](auto& h) { h.ec_point_formats = Bytes{1, 2}; }), false,
                   Reason::missing_uncompressed_point_format, Alert::illegal_parameter,
                   "ClientHello ec_point_formats without uncompressed");
    expect_refused(c, client_hello([](auto& h) { h.ec_point_formats = Bytes{}; }), false,
                   Reason::length_out_of_range, Alert::decode_error, "ClientHello empty ec_point_formats");
}

TEST(IllegalValues, ClientHelloDuplicateExtensions) {
    const Case c = make_case(test::pki().server_p256);
    expect_refused(c, raw(test::Direction::to_server, HandshakeType::client_hello,
                          [](Bytes& m) { append_extension(m, 0x0017, {}); }),
                   false, Reason::duplicate_extension, Alert::decode_error, "ClientHello extended_master_secret twice");
    expect_refused(c, raw(test::Direction::to_server, HandshakeType::client_hello,
                          [](Bytes& m) { append_extension(m, 0x000a, {0, 2, 0, 0x17}); }),
                   false, Reason::duplicate_extension, Alert::decode_error, "ClientHello supported_groups twice");
    expect_refused(c, raw(test::Direction::to_server, HandshakeType::client_hello,
                          [](Bytes& m) {
                              append_extension(m, 0xfafa, {});
                              append_extension(m, 0xfafa, {});
                          }),
                   false, Reason::duplicate_extension, Alert::decode_error, "ClientHello unknown extension twice");
}

// ---- ServerHello: the client refuses ----

TEST(IllegalValues, ServerHelloChoicesNotOffered) {
    Case c = make_case(test::pki().server_p256);
    c.client->cipher_suites = {CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256};
    c.client->versions = {ProtocolVersion::tls12};
    expect_baseline(c);
    auto set_suite = [](CipherSuite s) { return [s](msg::ServerHello& h) { h.cipher_suite = std::uint16_t(s); }; };
    expect_refused(c, server_hello(set_suite(CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384)), true,
                   Reason::unoffered_cipher_suite, Alert::illegal_parameter, "known suite not offered");
    expect_refused(c, server_hello([](auto& h) { h.cipher_suite = 0xfefe; }), true, Reason::unoffered_cipher_suite,
                   Alert::illegal_parameter, "unknown suite");
    expect_refused(c, server_hello([](auto& h) { h.cipher_suite = 0x1301; }), true, Reason::unoffered_cipher_suite,
                   Alert::illegal_parameter, "TLS 1.3 suite in a TLS 1.2 ServerHello");
    expect_refused(c, server_hello([](auto& h) { h.compression_method = 1; }), true, Reason::unoffered_compression,
                   Alert::illegal_parameter, "compression_method deflate");
    expect_refused(c, server_hello([](auto& h) { h.legacy_version = 0x0302; }), true, Reason::unsupported_version,
                   Alert::protocol_version, "ServerHello version TLS 1.1");
    expect_refused(c, server_hello([](auto& h) { h.legacy_version = 0x0304; }), true, Reason::unsupported_version,
                   Alert::protocol_version, "ServerHello legacy_version 3.4");
    expect_refused(c, server_hello([](auto& h) { h.ec_point_formats = Bytes{1}; }), true,
                   Reason::missing_uncompressed_point_format, Alert::illegal_parameter,
                   "ServerHello ec_point_formats without uncompressed");
}

TEST(IllegalValues, ServerHelloExtensionsNotOffered) {
    Case c = make_case(test::pki().server_p256);
    c.client->session_tickets = false;   // no session_ticket extension offered
    expect_baseline(c);
    expect_refused(c, server_hello([](auto& h) { h.alpn = "h2"; }), true, Reason::unsolicited_extension,
                   Alert::unsupported_extension, "ALPN without an offer");
    expect_refused(c, server_hello([](auto& h) { h.session_ticket = true; }), true, Reason::unsolicited_extension,
                   Alert::unsupported_extension, "session_ticket without an offer");
    expect_refused(c, server_hello([](auto& h) { h.extensions.push_back({0xfafa, {}}); }), true,
                   Reason::unsolicited_extension, Alert::unsupported_extension, "unknown extension");

    Case by_ip = make_case(test::pki().server_p256);
    by_ip.server_name = "127.0.0.1";   // RFC 6066 §3: no SNI for an IP address
    expect_baseline(by_ip);
    expect_refused(by_ip, server_hello([](auto& h) { h.server_name_ack = true; }), true,
                   Reason::unsolicited_extension, Alert::unsupported_extension, "server_name without an offer");
}

// A ServerHello that does not decode is refused before the state machine
// sees it, so the client's alert still goes out as record version 3.1 (the
// ClientHello's, client_hello.cpp), and tlspp's server, having chosen 3.3,
// drops it as bad_record_version instead of reading decode_error. Only the
// client's side is asserted exactly here; the server must still fail.
void expect_client_refuses_undecodable_server_hello(const Case& c, std::function<void(Bytes&)> change,
                                                    Reason reason, Alert alert, const std::string& what) {
    SCOPED_TRACE(what);
    test::LoopbackPair pair(c.client, c.server, c.server_name);
    bool edited = false;
    pair.tamper = [&](test::Direction d, Bytes& bytes) {
        if (d != test::Direction::to_client || edited) return;
        Flight f = split_flight(bytes);
        for (Bytes& m : f.messages)
            if (m[0] == 2) change(m), edited = true;
        bytes = join_flight(f);
    };
    EXPECT_FALSE(pair.pump()) << what << " was accepted";
    ASSERT_TRUE(edited);
    ASSERT_NE(pair.client.error(), nullptr);
    EXPECT_EQ(pair.client.error()->reason, reason) << pair.client.error()->message();
    EXPECT_EQ(pair.client.error()->alert, alert) << pair.client.error()->message();
    EXPECT_TRUE(pair.server.failed()) << "the server went on after the client's alert";
}

TEST(IllegalValues, ServerHelloDuplicateExtensions) {
    const Case c = make_case(test::pki().server_p256);
    expect_client_refuses_undecodable_server_hello(c, [](Bytes& m) { append_extension(m, 0x0017, {}); },
                                                   Reason::duplicate_extension, Alert::decode_error,
                                                   "ServerHello extended_master_secret twice");
    expect_client_refuses_undecodable_server_hello(c, [](Bytes& m) { append_extension(m, 0xff01, {0}); },
                                                   Reason::duplicate_extension, Alert::decode_error,
                                                   "ServerHello renegotiation_info twice");
}

// ---- ServerKeyExchange: the client refuses ----

TEST(IllegalValues, ServerKeyExchangeGroupAndSchemeNotOffered) {
    const auto& id = test::pki().server_p256;
    Case c = ecdhe_case(NamedGroup::x25519);
    c.client->signature_schemes = {SignatureScheme::ecdsa_secp256r1_sha256, SignatureScheme::rsa_pss_rsae_sha256};
    expect_baseline(c);
    // RFC 8422 §5.4 / RFC 8446 §4.2.7: the server's group must be one the client listed.
    expect_refused(c, ecdhe_ske(NamedGroup::secp384r1, valid_point(NamedGroup::secp384r1), id), true,
                   Reason::unoffered_group, Alert::illegal_parameter, "secp384r1, not offered");
    // RFC 5246 §7.4.1.4.1: signed with a scheme the client did not list (a valid ECDSA-SHA384 signature).
    expect_refused(c, ecdhe_ske(NamedGroup::x25519, valid_point(NamedGroup::x25519), id,
                                SignatureScheme::ecdsa_secp384r1_sha384),
                   true, Reason::unoffered_signature_scheme, Alert::illegal_parameter,
                   "ServerKeyExchange signed with ecdsa_secp384r1_sha384, not offered");
    // A listed scheme that does not fit the certificate's key (RSA-PSS with a P-256 key).
    expect_refused(c, raw(test::Direction::to_client, HandshakeType::server_key_exchange,
                          [](Bytes& m) {
                              auto kx = msg::decode_ecdhe_server_params(body_of(m));
                              ASSERT_TRUE(kx);
                              m = msg::encode_message(msg::make_server_key_exchange(
                                  kx->signed_params, SignatureScheme::rsa_pss_rsae_sha256, Bytes(256, 0x55)));
                          }),
                   true, Reason::unoffered_signature_scheme, Alert::illegal_parameter,
                   "ServerKeyExchange rsa_pss_rsae_sha256 with an ECDSA certificate");
}

TEST(IllegalValues, ServerKeyExchangeBadEcdheShares) {
    const auto& id = test::pki().server_p256;
    const Case p256 = ecdhe_case(NamedGroup::secp256r1), x25519 = ecdhe_case(NamedGroup::x25519);
    expect_baseline(p256);
    expect_baseline(x25519);
    // RFC 8422 §5.4: ECPoint point<1..2^8-1>. Not re-signed: the decoder refuses it first.
    expect_refused(x25519, raw(test::Direction::to_client, HandshakeType::server_key_exchange,
                               [](Bytes& m) {
                                   Bytes body{3, 0x00, 0x1d, 0x00};   // named_curve x25519, empty point
                                   const Bytes sig{0x04, 0x03, 0x00, 0x00};
                                   body.insert(body.end(), sig.begin(), sig.end());
                                   m = with_body(m[0], body);
                               }),
                   true, Reason::length_out_of_range, Alert::decode_error, "ServerKeyExchange empty ECPoint");
    expect_refused(p256, ecdhe_ske(NamedGroup::secp256r1, off_curve_p256(), id), true, Reason::bad_key_share,
                   Alert::illegal_parameter, "ServerKeyExchange P-256 point off the curve");
    expect_refused(p256, ecdhe_ske(NamedGroup::secp256r1, compressed_p256(), id), true, Reason::bad_key_share,
                   Alert::illegal_parameter, "ServerKeyExchange compressed P-256 point");
    expect_refused(p256, ecdhe_ske(NamedGroup::secp256r1, Bytes{0}, id), true, Reason::bad_key_share,
                   Alert::illegal_parameter, "ServerKeyExchange P-256 point at infinity");
    expect_refused(x25519, ecdhe_ske(NamedGroup::x25519, x25519_zero(), id), true, Reason::bad_key_share,
                   Alert::illegal_parameter, "ServerKeyExchange X25519 u = 0 (all-zero secret)");
    expect_refused(x25519, ecdhe_ske(NamedGroup::x25519, x25519_one(), id), true, Reason::bad_key_share,
                   Alert::illegal_parameter, "ServerKeyExchange X25519 u = 1 (small order)");
    expect_refused(x25519, ecdhe_ske(NamedGroup::x25519, Bytes(31, 9), id), true, Reason::bad_key_share,
                   Alert::illegal_parameter, "ServerKeyExchange X25519 share of 31 bytes");
}

TEST(IllegalValues, ServerKeyExchangeBadDhValues) {
    const auto& id = test::pki().server_rsa;
    const Case c = dhe_case();
    expect_baseline(c);
    for (const auto& [name, value] : bad_dh_values())
        expect_refused(c, dhe_ske(value, id), true, Reason::bad_key_share, Alert::illegal_parameter,
                       "ServerKeyExchange dh_Ys = " + name);
    // RFC 5246 §7.4.3: dh_Ys<1..2^16-1>.
    expect_refused(c, raw(test::Direction::to_client, HandshakeType::server_key_exchange,
                          [](Bytes& m) {
                              auto kx = msg::decode_dhe_server_params(body_of(m));
                              ASSERT_TRUE(kx);
                              Bytes body = u16_prefixed(kx->p);
                              const Bytes g = u16_prefixed(kx->g);
                              body.insert(body.end(), g.begin(), g.end());
                              body.insert(body.end(), {0, 0, 0x04, 0x01, 0, 0});   // empty dh_Ys, empty signature
                              m = with_body(m[0], body);
                          }),
                   true, Reason::length_out_of_range, Alert::decode_error, "ServerKeyExchange empty dh_Ys");
}

// ---- ClientKeyExchange: the server refuses ----

TEST(IllegalValues, ClientKeyExchangeBadEcdheShares) {
    const Case p256 = ecdhe_case(NamedGroup::secp256r1), x25519 = ecdhe_case(NamedGroup::x25519);
    // RFC 8422 §5.7: ECPoint ecdh_Yc<1..2^8-1> (explicit form).
    expect_refused(x25519, client_key_exchange({0}), false, Reason::length_out_of_range, Alert::decode_error,
                   "ClientKeyExchange empty ecdh_Yc");
    expect_refused(p256, client_key_exchange(u8_prefixed(off_curve_p256())), false, Reason::bad_key_share,
                   Alert::illegal_parameter, "ClientKeyExchange P-256 point off the curve");
    expect_refused(p256, client_key_exchange(u8_prefixed(compressed_p256())), false, Reason::bad_key_share,
                   Alert::illegal_parameter, "ClientKeyExchange compressed P-256 point");
    expect_refused(p256, client_key_exchange(u8_prefixed({0})), false, Reason::bad_key_share,
                   Alert::illegal_parameter, "ClientKeyExchange P-256 point at infinity");
    expect_refused(x25519, client_key_exchange(u8_prefixed(x25519_zero())), false, Reason::bad_key_share,
                   Alert::illegal_parameter, "ClientKeyExchange X25519 u = 0 (all-zero secret)");
    expect_refused(x25519, client_key_exchange(u8_prefixed(x25519_one())), false, Reason::bad_key_share,
                   Alert::illegal_parameter, "ClientKeyExchange X25519 u = 1 (small order)");
    expect_refused(x25519, client_key_exchange(u8_prefixed(Bytes(33, 9))), false, Reason::bad_key_share,
                   Alert::illegal_parameter, "ClientKeyExchange X25519 share of 33 bytes");
}

TEST(IllegalValues, ClientKeyExchangeBadDhValues) {
    const Case c = dhe_case();
    const Bytes p = ffdhe2048_p();
    ASSERT_EQ(p.size(), 256u);
    for (const auto& [name, value] : bad_dh_values())
        expect_refused(c, client_key_exchange(u16_prefixed(value(p))), false, Reason::bad_key_share,
                       Alert::illegal_parameter, "ClientKeyExchange dh_Yc = " + name);
    // RFC 5246 §7.4.7.2: dh_Yc<1..2^16-1>.
    expect_refused(c, client_key_exchange({0, 0}), false, Reason::length_out_of_range, Alert::decode_error,
                   "ClientKeyExchange empty dh_Yc");
}

// ---- CertificateVerify: the server refuses ----

TEST(IllegalValues, CertificateVerifySchemeNotRequested) {
    Case c = make_case(test::pki().server_p256);
    c.server->client_auth = ClientAuth::required;
    c.server->client_trust = test::pki().trust;
    c.server->signature_schemes = {SignatureScheme::ecdsa_secp256r1_sha256, SignatureScheme::rsa_pss_rsae_sha256};
    c.client->certificates.push_back(test::pki().client.certified_key());
    expect_baseline(c);
    auto set_scheme = [](SignatureScheme scheme) {
        return raw(test::Direction::to_server, HandshakeType::certificate_verify, [scheme](Bytes& m) {
            auto cv = msg::decode_certificate_verify(body_of(m));
            ASSERT_TRUE(cv);
            cv->scheme = scheme;
            m = msg::encode_message(*cv);
        });
    };
    // RFC 5246 §7.4.8: "MUST be one of those present in the supported_signature_algorithms
    // field of the CertificateRequest message."
    expect_refused(c, set_scheme(SignatureScheme::ecdsa_secp384r1_sha384), false, Reason::unoffered_signature_scheme,
                   Alert::illegal_parameter, "CertificateVerify ecdsa_secp384r1_sha384, not requested");
    expect_refused(c, set_scheme(SignatureScheme::ed25519), false, Reason::unoffered_signature_scheme,
                   Alert::illegal_parameter, "CertificateVerify ed25519, not requested");
    // Requested, but not a scheme the client's P-256 key can make.
    expect_refused(c, set_scheme(SignatureScheme::rsa_pss_rsae_sha256), false, Reason::unoffered_signature_scheme,
                   Alert::illegal_parameter, "CertificateVerify rsa_pss_rsae_sha256 with a P-256 key");
}

}  // namespace
}  // namespace tlspp
