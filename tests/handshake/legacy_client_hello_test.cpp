// Old and unusual clients: a ClientHello without signature_algorithms is
// served with RFC 5246 §7.4.1.4.1's implied SHA-1 schemes, a bare ClientHello
// (no extensions block at all, as SSLv3-era clients send) is accepted, and a
// client offering one signature scheme our key can make in TLS 1.2 gets it.
// Our own client always sends its full lists, so these hellos are built by
// hand and the server's flight is checked message by message, including the
// ServerKeyExchange signature against the certificate's key. SHA-1 needs
// security level 1 (ServerConfig::security_level); the default, 2, refuses it.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "msg/handshake.hpp"
#include "msg/server_key_exchange.hpp"
#include "pki/certified_key.hpp"
#include "support/configs.hpp"
#include "tlspp/connection.hpp"

namespace tlspp {
namespace {

using Bytes = std::vector<std::uint8_t>;

Bytes handshake_record(const Bytes& message) {
    Bytes record = {22, 3, 1, static_cast<std::uint8_t>(message.size() >> 8), static_cast<std::uint8_t>(message.size())};
    record.insert(record.end(), message.begin(), message.end());
    return record;
}

msg::ClientHello hello_with(std::vector<CipherSuite> suites) {
    msg::ClientHello hello;
    for (std::size_t i = 0; i < hello.random.size(); ++i) hello.random[i] = static_cast<std::uint8_t>(i + 1);
    for (CipherSuite s : suites) hello.cipher_suites.push_back(static_cast<std::uint16_t>(s));
    return hello;
}

// The server's first flight, decoded (it is all plaintext).
struct Flight {
    std::optional<msg::ServerHello> server_hello;
    std::optional<msg::ServerKeyExchange> server_key_exchange;
    bool server_hello_done = false;
    std::vector<std::string> names;
};

Flight answer(ServerConnection& server, const msg::ClientHello& hello) {
    Flight flight;
    auto sent = server.read_in(handshake_record(msg::encode_message(hello)));
    EXPECT_TRUE(sent.ok()) << (sent ? "" : sent.error().message());
    Bytes out(server.pending_output().begin(), server.pending_output().end());
    server.consume_output(out.size());
    // Records of type 22, then messages inside them (a flight may span records).
    Bytes stream;
    for (std::size_t at = 0; at + 5 <= out.size();) {
        const std::size_t length = out[at + 3] << 8 | out[at + 4];
        EXPECT_EQ(out[at], 22);
        stream.insert(stream.end(), out.begin() + at + 5, out.begin() + at + 5 + length);
        at += 5 + length;
    }
    for (std::size_t at = 0; at + 4 <= stream.size();) {
        const auto type = static_cast<HandshakeType>(stream[at]);
        const std::size_t length = stream[at + 1] << 16 | stream[at + 2] << 8 | stream[at + 3];
        auto message = msg::decode_message(ProtocolVersion::tls12, type, std::span<const std::uint8_t>(stream).subspan(at + 4, length));
        EXPECT_TRUE(message.ok());
        if (!message) break;
        flight.names.emplace_back(msg::message_name(*message));
        if (auto* sh = std::get_if<msg::ServerHello>(&*message)) flight.server_hello = *sh;
        if (auto* ske = std::get_if<msg::ServerKeyExchange>(&*message)) flight.server_key_exchange = *ske;
        if (std::holds_alternative<msg::ServerHelloDone>(*message)) flight.server_hello_done = true;
        at += 4 + length;
    }
    return flight;
}

// check_signed verifies the ServerKeyExchange signature (RFC 8422 §5.4:
// over client_random + server_random + ServerECDHParams) with the leaf key.
void check_signed(const Flight& flight, const msg::ClientHello& hello, const test::Identity& id,
                  SignatureScheme expected_scheme, NamedGroup expected_group) {
    ASSERT_TRUE(flight.server_hello && flight.server_key_exchange && flight.server_hello_done);
    auto params = msg::decode_ecdhe_server_params(flight.server_key_exchange->body);
    ASSERT_TRUE(params.ok()) << params.error().message();
    EXPECT_EQ(params->scheme, expected_scheme);
    EXPECT_EQ(params->group, expected_group);
    Bytes signed_data(hello.random.begin(), hello.random.end());
    signed_data.insert(signed_data.end(), flight.server_hello->random.begin(), flight.server_hello->random.end());
    signed_data.insert(signed_data.end(), params->signed_params.begin(), params->signed_params.end());
    const CertifiedKey key = id.certified_key();
    auto verified = key.impl().leaf_key.verify(params->scheme, signed_data, params->signature);
    EXPECT_TRUE(verified.ok()) << (verified ? "" : verified.error().message());
    // Flipping one signed byte must make the same check fail.
    signed_data.back() ^= 1;
    EXPECT_FALSE(key.impl().leaf_key.verify(params->scheme, signed_data, params->signature).ok());
}

// sha1_server serves old clients: security level 1 allows the implied SHA-1 schemes.
std::shared_ptr<ServerConfig> sha1_server(const test::Identity& id) {
    auto config = test::server_config(id);
    config->security_level = 1;
    return config;
}

TEST(LegacyClientHello, WithoutSignatureAlgorithmsIsRefusedAtTheDefaultLevel) {
    // Issue 12 item 8: only SHA-1 is left, which level 2 refuses.
    for (const test::Identity* id : {&test::pki().server_rsa, &test::pki().server_p256}) {
        ServerConnection server(test::server_config(*id));
        msg::ClientHello hello = hello_with({CipherSuite::TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
                                             CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256});
        auto status = server.read_in(handshake_record(msg::encode_message(hello)));
        ASSERT_FALSE(status.ok()) << id->name;
        EXPECT_EQ(status.error().reason, Reason::no_common_signature_scheme) << status.error().message();
        EXPECT_EQ(status.error().alert, Alert::handshake_failure);
    }
}

TEST(LegacyClientHello, SignatureAlgorithmsWithOnlySha1IsRefusedAtTheDefaultLevel) {
    auto config = test::server_config(test::pki().server_rsa);
    config->signature_schemes.push_back(SignatureScheme::rsa_pkcs1_sha1);   // configured, yet refused by the level
    ServerConnection server(config);
    msg::ClientHello hello = hello_with({CipherSuite::TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256});
    hello.signature_algorithms = std::vector<SignatureScheme>{SignatureScheme::rsa_pkcs1_sha1};
    auto status = server.read_in(handshake_record(msg::encode_message(hello)));
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().reason, Reason::no_common_signature_scheme) << status.error().message();
    EXPECT_EQ(status.error().alert, Alert::handshake_failure);
}

TEST(LegacyClientHello, WithoutSignatureAlgorithmsRsaSignsWithSha1) {
    auto config = sha1_server(test::pki().server_rsa);
    ServerConnection server(config);
    msg::ClientHello hello = hello_with({CipherSuite::TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256});
    hello.supported_groups = std::vector<NamedGroup>{NamedGroup::secp256r1};
    hello.ec_point_formats = Bytes{0};
    Flight flight = answer(server, hello);
    EXPECT_EQ(flight.names, (std::vector<std::string>{"ServerHello", "Certificate", "ServerKeyExchange",
                                                      "ServerHelloDone"}));
    check_signed(flight, hello, test::pki().server_rsa, SignatureScheme::rsa_pkcs1_sha1, NamedGroup::secp256r1);
}

TEST(LegacyClientHello, WithoutSignatureAlgorithmsEcdsaSignsWithSha1) {
    auto config = sha1_server(test::pki().server_p256);
    ServerConnection server(config);
    msg::ClientHello hello = hello_with({CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256});
    hello.supported_groups = std::vector<NamedGroup>{NamedGroup::x25519, NamedGroup::secp256r1};
    Flight flight = answer(server, hello);
    check_signed(flight, hello, test::pki().server_p256, SignatureScheme::ecdsa_sha1, NamedGroup::x25519);
}

TEST(LegacyClientHello, Ed25519CertificateCannotServeAClientWithoutSignatureAlgorithms) {
    // Ed25519 has no SHA-1 form: the implied {sha1,ecdsa} does not fit it.
    auto config = test::server_config(test::pki().server_ed25519);
    ServerConnection server(config);
    msg::ClientHello hello = hello_with({CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256});
    auto status = server.read_in(handshake_record(msg::encode_message(hello)));
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().reason, Reason::no_common_signature_scheme);
    EXPECT_EQ(status.error().alert, Alert::handshake_failure);
}

TEST(LegacyClientHello, BareHelloWithoutExtensionsIsServedOnP256) {
    auto config = sha1_server(test::pki().server_rsa);
    ServerConnection server(config);
    msg::ClientHello hello = hello_with({CipherSuite::TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256});
    // No extensions block at all (RFC 5246 §7.4.1.2: its presence is detected
    // by bytes after compression_methods).
    Bytes encoded = msg::encode_message(hello);
    ASSERT_EQ(encoded.size(), 4u + 2 + 32 + 1 + 2 + 2 + 1 + 1);
    Flight flight = answer(server, hello);
    ASSERT_TRUE(flight.server_hello);
    // RFC 8422 §4: without supported_groups any curve may be used; P-256 is
    // the one a pre-X25519 client is sure to have.
    check_signed(flight, hello, test::pki().server_rsa, SignatureScheme::rsa_pkcs1_sha1, NamedGroup::secp256r1);
    // Nothing the client did not ask for: no extension is answered, so the
    // ServerHello carries none (RFC 5246 §7.4.1.4).
    EXPECT_TRUE(flight.server_hello->extensions.empty());
}

// RFC 5246 §7.4.1.4.1: in TLS 1.2 an ECDSA pair names a hash, not a curve
// (only RFC 8446 §4.2.3 ties ecdsa_secp521r1_sha512 to P-521, in TLS 1.3), so
// a P-256 server signs with whichever ECDSA hash is all the client offers.
TEST(LegacyClientHello, P256ServerSignsWithTheOnlyEcdsaHashOffered) {
    for (SignatureScheme only : {SignatureScheme::ecdsa_secp521r1_sha512, SignatureScheme::ecdsa_secp384r1_sha384,
                                 SignatureScheme::ecdsa_sha224}) {
        SCOPED_TRACE(std::string(name(only)));
        ServerConnection server(test::server_config(test::pki().server_p256));
        msg::ClientHello hello = hello_with({CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256});
        hello.supported_groups = std::vector<NamedGroup>{NamedGroup::x25519, NamedGroup::secp256r1};
        hello.signature_algorithms = std::vector<SignatureScheme>{only};
        Flight flight = answer(server, hello);
        check_signed(flight, hello, test::pki().server_p256, only, NamedGroup::x25519);
    }
}

// The same for RSA with the SHA-224 pair (TLS 1.2 only, accepted, never preferred).
TEST(LegacyClientHello, RsaServerSignsWithRsaPkcs1Sha224WhenThatIsAllTheClientOffers) {
    ServerConnection server(test::server_config(test::pki().server_rsa));
    msg::ClientHello hello = hello_with({CipherSuite::TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256});
    hello.supported_groups = std::vector<NamedGroup>{NamedGroup::x25519};
    hello.signature_algorithms = std::vector<SignatureScheme>{SignatureScheme::rsa_pkcs1_sha224};
    Flight flight = answer(server, hello);
    check_signed(flight, hello, test::pki().server_rsa, SignatureScheme::rsa_pkcs1_sha224, NamedGroup::x25519);
}

TEST(LegacyClientHello, BareHelloForRsaKeyTransport) {
    auto config = test::server_config(test::pki().server_rsa);
    config->cipher_suites = {CipherSuite::TLS_RSA_WITH_AES_128_CBC_SHA};
    config->versions = {ProtocolVersion::tls12};
    ServerConnection server(config);
    Flight flight = answer(server, hello_with({CipherSuite::TLS_RSA_WITH_AES_128_CBC_SHA}));
    EXPECT_EQ(flight.names, (std::vector<std::string>{"ServerHello", "Certificate", "ServerHelloDone"}));
    ASSERT_TRUE(flight.server_hello);
    EXPECT_EQ(flight.server_hello->cipher_suite, 0x002f);
}

}  // namespace
}  // namespace tlspp
