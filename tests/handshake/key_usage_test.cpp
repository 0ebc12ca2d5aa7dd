// Issue 11 item 2: keyUsage per key exchange (RFC 5246 §7.4.2, RFC 5280
// §4.2.1.3). (EC)DHE signs, so it needs digitalSignature; RSA key transport
// encrypts, so it needs keyEncipherment. A server skips a suite its
// certificate cannot serve; a client refuses such a server.
#include <gtest/gtest.h>

#include "handshake/negotiation.hpp"
#include "support/configs.hpp"
#include "support/handmade_server.hpp"

namespace tlspp {
namespace {

constexpr CipherSuite kRsaTransport = CipherSuite::TLS_RSA_WITH_AES_128_GCM_SHA256;
constexpr CipherSuite kEcdheRsa = CipherSuite::TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256;
constexpr CipherSuite kEcdheEcdsa = CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256;

msg::ClientHello hello_offering(std::vector<CipherSuite> suites) {
    msg::ClientHello hello;
    for (CipherSuite s : suites) hello.cipher_suites.push_back(static_cast<std::uint16_t>(s));
    hello.supported_groups = std::vector<NamedGroup>{NamedGroup::x25519, NamedGroup::secp256r1};
    hello.signature_algorithms = default_signature_schemes();
    return hello;
}

Result<handshake::ServerChoice12> choose(const test::Identity& id, std::vector<CipherSuite> server_order) {
    auto config = test::server_config(id);
    config->cipher_suites = server_order;
    return handshake::choose12(*config, hello_offering(server_order));
}

TEST(KeyUsage, ServerSkipsRsaKeyTransportWithoutKeyEncipherment) {
    auto choice = choose(test::policy_pki().rsa_sign_only, {kRsaTransport, kEcdheRsa});
    ASSERT_TRUE(choice.ok()) << choice.error().message();
    EXPECT_EQ(choice->suite->suite, kEcdheRsa);
    auto none = choose(test::policy_pki().rsa_sign_only, {kRsaTransport});
    ASSERT_FALSE(none.ok());
    EXPECT_EQ(none.error().alert, Alert::handshake_failure);
    EXPECT_NE(none.error().detail.find("keyEncipherment"), std::string::npos) << none.error().detail;
}

TEST(KeyUsage, ServerSkipsEcdheWithoutDigitalSignature) {
    auto choice = choose(test::policy_pki().rsa_encipher_only, {kEcdheRsa, kRsaTransport});
    ASSERT_TRUE(choice.ok()) << choice.error().message();
    EXPECT_EQ(choice->suite->suite, kRsaTransport);
    auto none = choose(test::policy_pki().p256_key_agreement_only, {kEcdheEcdsa});
    ASSERT_FALSE(none.ok());
    EXPECT_EQ(none.error().alert, Alert::handshake_failure);
}

TEST(KeyUsage, WithoutTheExtensionAnySuiteGoes) {
    for (CipherSuite suite : {kRsaTransport, kEcdheRsa}) {
        auto choice = choose(test::policy_pki().rsa_no_key_usage, {suite});
        ASSERT_TRUE(choice.ok()) << choice.error().message();
        EXPECT_EQ(choice->suite->suite, suite);
    }
}

// client_against feeds a client a handmade ServerHello for `suite` and the
// certificate of `id`, and returns the client's verdict.
Status client_against(CipherSuite suite, const test::Identity& id, bool verify = true) {
    auto config = test::client_config();
    config->trust = test::policy_pki().trust;
    config->verify_peer = verify;
    config->cipher_suites = {kEcdheRsa, kRsaTransport};
    config->versions = {ProtocolVersion::tls12};
    ClientConnection client(config, "localhost");
    (void)test::client_hello_of(client);
    msg::Certificate certificate;
    for (const auto& der : id.chain_der) certificate.chain.push_back(der);
    return client.read_in(test::records({msg::encode_message(test::server_hello(suite)),
                                         msg::encode_message(certificate)}));
}

TEST(KeyUsage, ClientRefusesACertificateThatCannotServeTheSuite) {
    for (auto [suite, id] : {std::pair{kEcdheRsa, &test::policy_pki().rsa_encipher_only},
                             std::pair{kRsaTransport, &test::policy_pki().rsa_sign_only}}) {
        for (bool verify : {true, false}) {
            Status s = client_against(suite, *id, verify);
            ASSERT_FALSE(s.ok()) << id->name;
            EXPECT_EQ(s.error().reason, Reason::certificate_bad_usage) << s.error().message();
            EXPECT_EQ(s.error().alert, Alert::unsupported_certificate);
        }
    }
    // The same certificates serve the other suite.
    EXPECT_TRUE(client_against(kRsaTransport, test::policy_pki().rsa_encipher_only).ok());
    EXPECT_TRUE(client_against(kEcdheRsa, test::policy_pki().rsa_sign_only).ok());
}

}  // namespace
}  // namespace tlspp
