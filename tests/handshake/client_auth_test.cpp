// Mutual TLS (RFC 5246 §7.4.4, §7.4.6, §7.4.8): the server asks, the client
// answers with a certificate and a CertificateVerify, or with nothing.
#include <gtest/gtest.h>

#include "support/configs.hpp"
#include "support/loopback_pair.hpp"

namespace tlspp {
namespace {

std::shared_ptr<ServerConfig> requesting_server(ClientAuth mode, const TrustStore& client_trust) {
    auto server = test::server_config(test::pki().server_p256);
    server->client_auth = mode;
    server->client_trust = client_trust;
    return server;
}

std::shared_ptr<ClientConfig> client_with(const test::Identity& id) {
    auto client = test::client_config();
    client->certificates.push_back(id.certified_key());
    return client;
}

void expect_server_rejects(test::LoopbackPair& pair, Reason reason, Alert alert) {
    EXPECT_FALSE(pair.handshake());
    ASSERT_NE(pair.server.error(), nullptr);
    EXPECT_EQ(pair.server.error()->reason, reason) << pair.server.error()->message();
    EXPECT_EQ(pair.server.error()->alert, alert);
    ASSERT_NE(pair.client.error(), nullptr);
    EXPECT_EQ(pair.client.error()->reason, Reason::peer_alert);
    EXPECT_EQ(pair.client.error()->alert, alert);
}

TEST(ClientAuth, VerifiedClientCertificateIsVisibleToTheServer) {
    for (const auto* id : {&test::pki().client, &test::pki().client_rsa}) {
        test::LoopbackPair pair(client_with(*id), requesting_server(ClientAuth::required, test::pki().trust));
        ASSERT_TRUE(pair.handshake()) << (pair.server.error() ? pair.server.error()->message() : "");
        EXPECT_TRUE(pair.server.info().peer_verified);
        EXPECT_EQ(pair.server.info().peer_chain, id->chain_der);
        EXPECT_TRUE(pair.server.info().peer_signature_scheme.has_value());
    }
}

TEST(ClientAuth, OptionalModeAcceptsAClientWithoutCertificate) {
    test::LoopbackPair pair(test::client_config(), requesting_server(ClientAuth::optional, test::pki().trust));
    ASSERT_TRUE(pair.handshake());
    EXPECT_FALSE(pair.server.info().peer_verified);
    EXPECT_TRUE(pair.server.info().peer_chain.empty());
}

TEST(ClientAuth, RequiredModeRejectsAClientWithoutCertificate) {
    test::LoopbackPair pair(test::client_config(), requesting_server(ClientAuth::required, test::pki().trust));
    expect_server_rejects(pair, Reason::certificate_required, Alert::handshake_failure);
}

TEST(ClientAuth, RevokedClientCertificateIsCertificateRevoked) {
    test::LoopbackPair pair(client_with(test::pki().client_revoked),
                            requesting_server(ClientAuth::required, test::pki().trust_with_crl));
    expect_server_rejects(pair, Reason::certificate_revoked, Alert::certificate_revoked);
}

TEST(ClientAuth, UnrevokedClientCertificatePassesTheCrlCheck) {
    test::LoopbackPair pair(client_with(test::pki().client),
                            requesting_server(ClientAuth::required, test::pki().trust_with_crl));
    ASSERT_TRUE(pair.handshake()) << (pair.server.error() ? pair.server.error()->message() : "");
}

TEST(ClientAuth, ClientCertificateFromAnotherCaIsUnknownCa) {
    test::LoopbackPair pair(client_with(test::pki().untrusted), requesting_server(ClientAuth::required, test::pki().trust));
    expect_server_rejects(pair, Reason::certificate_untrusted, Alert::unknown_ca);
}

TEST(ClientAuth, ServerCertificateAsClientCertificateIsBadUsage) {
    // server_p256 has EKU serverAuth only.
    test::LoopbackPair pair(client_with(test::pki().server_p256),
                            requesting_server(ClientAuth::required, test::pki().trust));
    expect_server_rejects(pair, Reason::certificate_bad_usage, Alert::unsupported_certificate);
}

TEST(ClientAuth, RequestNamesTheClientCas) {
    // The CertificateRequest lists the trust store's subjects; the client's
    // certificate is chosen and verified with RSA key transport too.
    auto client = client_with(test::pki().client);
    client->cipher_suites = {CipherSuite::TLS_RSA_WITH_AES_128_GCM_SHA256};
    client->versions = {ProtocolVersion::tls12};
    auto server = test::server_config(test::pki().server_rsa);
    server->cipher_suites = {CipherSuite::TLS_RSA_WITH_AES_128_GCM_SHA256};
    server->versions = {ProtocolVersion::tls12};
    server->client_auth = ClientAuth::required;
    server->client_trust = test::pki().trust;
    test::LoopbackPair pair(client, server);
    ASSERT_TRUE(pair.handshake()) << (pair.server.error() ? pair.server.error()->message() : "");
    EXPECT_TRUE(pair.server.info().peer_verified);
}

// RFC 5246 §7.4.8 with §7.4.1.4.1's TLS 1.2 rule: a P-256 client certificate
// signs its CertificateVerify with the only ECDSA hash the server asks for
// (SHA-512 or SHA-224), and the server accepts it.
TEST(ClientAuth, P256ClientSignsWithTheOnlyEcdsaHashTheServerRequests) {
    for (SignatureScheme scheme : {SignatureScheme::ecdsa_secp521r1_sha512, SignatureScheme::ecdsa_sha224}) {
        auto server = requesting_server(ClientAuth::required, test::pki().trust);
        server->signature_schemes = {scheme};
        test::LoopbackPair pair(client_with(test::pki().client), server);
        ASSERT_TRUE(pair.handshake()) << name(scheme) << ": "
                                      << (pair.server.error() ? pair.server.error()->message() : "")
                                      << (pair.client.error() ? pair.client.error()->message() : "");
        EXPECT_TRUE(pair.server.info().peer_verified);
        EXPECT_EQ(pair.server.info().peer_signature_scheme, scheme);
    }
}

TEST(ClientAuth, ServerWithoutClientTrustStoreIsABadConfig) {
    auto server = test::server_config(test::pki().server_p256);
    server->client_auth = ClientAuth::required;
    ServerConnection conn(server);
    ASSERT_TRUE(conn.failed());
    EXPECT_EQ(conn.error()->reason, Reason::bad_config);
}

}  // namespace
}  // namespace tlspp
