// Issue 11 item 1: the security level (ClientConfig::security_level) on
// certificates in a handshake, our own certificates, and signature schemes.
#include <gtest/gtest.h>

#include <algorithm>

#include "handshake/suites.hpp"
#include "support/configs.hpp"
#include "support/handmade_server.hpp"
#include "support/loopback_pair.hpp"

namespace tlspp {
namespace {

std::shared_ptr<ClientConfig> policy_client(int level = 2) {
    auto c = test::client_config();
    c->trust = test::policy_pki().trust;
    c->security_level = level;
    c->cipher_suites.push_back(CipherSuite::TLS_RSA_WITH_AES_128_GCM_SHA256);
    return c;
}

// A server that serves any certificate: level 0 lets it load.
std::shared_ptr<ServerConfig> lax_server(const test::Identity& id) {
    auto s = test::server_config(id);
    s->security_level = 0;
    s->cipher_suites.push_back(CipherSuite::TLS_RSA_WITH_AES_128_GCM_SHA256);
    return s;
}

void expect_client_refuses(const test::Identity& id, const std::string& detail) {
    test::LoopbackPair pair(policy_client(), lax_server(id));
    EXPECT_FALSE(pair.handshake()) << id.name;
    ASSERT_NE(pair.client.error(), nullptr) << id.name;
    EXPECT_EQ(pair.client.error()->reason, Reason::certificate_too_weak) << pair.client.error()->message();
    EXPECT_EQ(pair.client.error()->alert, Alert::bad_certificate);
    EXPECT_NE(pair.client.error()->detail.find(detail), std::string::npos) << pair.client.error()->detail;
    ASSERT_NE(pair.server.error(), nullptr);
    EXPECT_EQ(pair.server.error()->alert, Alert::bad_certificate);   // the alert the server received
}

TEST(SecurityLevel, ClientRefusesWeakServerChainsByDefault) {
    const auto& p = test::policy_pki();
    expect_client_refuses(p.sha1_leaf, "leaf: signature algorithm sha1WithRSAEncryption is too weak");
    expect_client_refuses(p.md5_leaf, "leaf: signature algorithm md5WithRSAEncryption is too weak");
    expect_client_refuses(p.sha1_intermediate, "intermediate 1: signature algorithm sha1WithRSAEncryption is too weak");
    expect_client_refuses(p.rsa1024, "leaf: RSA key of 1024 bits is too small (security level 2 needs 2048)");
    // tlspp's server cannot sign with P-192, so that certificate comes from a handmade flight.
    ClientConnection client(policy_client(), "localhost");
    (void)test::client_hello_of(client);
    msg::Certificate certificate;
    for (const auto& der : p.p192.chain_der) certificate.chain.push_back(der);
    Status s = client.read_in(
        test::records({msg::encode_message(test::server_hello(CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256)),
                       msg::encode_message(certificate)}));
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().reason, Reason::certificate_too_weak) << s.error().message();
    EXPECT_EQ(s.error().alert, Alert::bad_certificate);
    EXPECT_NE(s.error().detail.find("leaf: EC key of 192 bits is too small (security level 2 needs 224)"),
              std::string::npos)
        << s.error().detail;
}

TEST(SecurityLevel, ClientAtLevelOneAcceptsSha1AndRsa1024ButNotMd5) {
    const auto& p = test::policy_pki();
    for (const test::Identity* id : {&p.sha1_leaf, &p.sha1_intermediate, &p.rsa1024}) {
        test::LoopbackPair pair(policy_client(1), lax_server(*id));
        EXPECT_TRUE(pair.handshake()) << id->name << ": "
                                      << (pair.client.error() ? pair.client.error()->message() : "");
    }
    test::LoopbackPair md5(policy_client(1), lax_server(p.md5_leaf));
    EXPECT_FALSE(md5.handshake());
    ASSERT_NE(md5.client.error(), nullptr);
    EXPECT_EQ(md5.client.error()->reason, Reason::certificate_too_weak);
}

TEST(SecurityLevel, TheTrustAnchorsOwnSha1SignatureIsExempt) {
    // The policy root signs itself with SHA-1; a strong chain under it passes.
    test::LoopbackPair pair(policy_client(), lax_server(test::policy_pki().strong));
    EXPECT_TRUE(pair.handshake()) << (pair.client.error() ? pair.client.error()->message() : "");
}

TEST(SecurityLevel, ServerRefusesWeakClientCertificates) {
    const auto& p = test::policy_pki();
    for (const test::Identity* id : {&p.client_sha1, &p.client_rsa1024}) {
        auto server = test::server_config(test::pki().server_p256);
        server->client_auth = ClientAuth::required;
        server->client_trust = p.trust;
        auto client = test::client_config();
        client->security_level = 1;   // lets it load and send the weak certificate
        client->certificates.push_back(id->certified_key());
        test::LoopbackPair pair(client, server);
        EXPECT_FALSE(pair.handshake()) << id->name;
        ASSERT_NE(pair.server.error(), nullptr);
        EXPECT_EQ(pair.server.error()->reason, Reason::certificate_too_weak) << pair.server.error()->message();
        EXPECT_EQ(pair.server.error()->alert, Alert::bad_certificate);
        EXPECT_NE(pair.server.error()->detail.find("leaf: "), std::string::npos) << pair.server.error()->detail;
    }
    auto server = test::server_config(test::pki().server_p256);
    server->client_auth = ClientAuth::required;
    server->client_trust = p.trust;
    auto client = test::client_config();
    client->certificates.push_back(p.client_strong.certified_key());
    test::LoopbackPair strong(client, server);
    EXPECT_TRUE(strong.handshake()) << (strong.server.error() ? strong.server.error()->message() : "");
}

TEST(SecurityLevel, OwnWeakCertificateIsABadConfigNamingIt) {
    auto server = test::server_config(test::policy_pki().rsa1024);
    Status s = server->validate();
    ASSERT_FALSE(s);
    EXPECT_EQ(s.error().reason, Reason::bad_config);
    EXPECT_NE(s.error().detail.find("RSA key of 1024 bits is too small (security level 2 needs 2048)"),
              std::string::npos)
        << s.error().detail;
    server->security_level = 1;
    EXPECT_TRUE(server->validate());
    auto client = test::client_config();
    client->certificates.push_back(test::policy_pki().client_sha1.certified_key());
    Status c = client->validate();
    ASSERT_FALSE(c);
    EXPECT_NE(c.error().detail.find("leaf: signature algorithm sha1WithRSAEncryption is too weak"), std::string::npos)
        << c.error().detail;
    // The SHA-1 self-signature of a root sent along is not held against it.
    auto rooted = test::policy_pki().strong;
    rooted.chain_pem += test::policy_pki().ca_pem;
    EXPECT_TRUE(test::server_config(rooted)->validate());
}

TEST(SecurityLevel, LevelOutsideZeroToFiveIsBadConfig) {
    for (int level : {-1, 6}) {
        auto client = test::client_config();
        client->security_level = level;
        ASSERT_FALSE(client->validate());
        EXPECT_NE(client->validate().error().detail.find("security_level"), std::string::npos);
        auto server = test::server_config(test::pki().server_p256);
        server->security_level = level;
        EXPECT_FALSE(server->validate());
    }
}

TEST(SecurityLevel, SchemesAreClassifiedByTheirHash) {
    using handshake::scheme_allowed;
    using S = SignatureScheme;
    EXPECT_TRUE(scheme_allowed(S::rsa_pkcs1_sha1, 1));
    EXPECT_FALSE(scheme_allowed(S::rsa_pkcs1_sha1, 2));
    EXPECT_FALSE(scheme_allowed(S::ecdsa_sha1, 2));
    EXPECT_TRUE(scheme_allowed(S::rsa_pss_rsae_sha256, 3));
    EXPECT_FALSE(scheme_allowed(S::rsa_pss_rsae_sha256, 4));
    EXPECT_TRUE(scheme_allowed(S::ecdsa_secp384r1_sha384, 4));
    EXPECT_FALSE(scheme_allowed(S::ecdsa_secp384r1_sha384, 5));
    EXPECT_TRUE(scheme_allowed(S::rsa_pkcs1_sha512, 5));
    EXPECT_TRUE(scheme_allowed(S::ed25519, 3));
    EXPECT_FALSE(scheme_allowed(S::ed25519, 4));
    EXPECT_TRUE(scheme_allowed(S::ed448, 4));
    EXPECT_TRUE(scheme_allowed(S::rsa_pkcs1_sha1, 0));
    // SHA-224 gives 112 bits: allowed at the default level, refused at 3 (as in OpenSSL).
    EXPECT_TRUE(scheme_allowed(S::rsa_pkcs1_sha224, 2));
    EXPECT_TRUE(scheme_allowed(S::ecdsa_sha224, 2));
    EXPECT_FALSE(scheme_allowed(S::rsa_pkcs1_sha224, 3));
    EXPECT_FALSE(scheme_allowed(S::ecdsa_sha224, 3));
}

TEST(SecurityLevel, ClientOffersNoSha1SchemeAtTheDefaultLevel) {
    for (int level : {1, 2}) {
        auto config = test::client_config();
        config->signature_schemes = {SignatureScheme::rsa_pkcs1_sha1, SignatureScheme::ecdsa_sha1,
                                     SignatureScheme::rsa_pkcs1_sha256};
        config->security_level = level;
        ClientConnection client(config, "localhost");
        const msg::ClientHello hello = test::client_hello_of(client);
        ASSERT_TRUE(hello.signature_algorithms);
        const bool has_sha1 = std::count(hello.signature_algorithms->begin(), hello.signature_algorithms->end(),
                                         SignatureScheme::rsa_pkcs1_sha1) > 0;
        EXPECT_EQ(has_sha1, level == 1) << "level " << level;
        EXPECT_EQ(hello.signature_algorithms->back(), SignatureScheme::rsa_pkcs1_sha256);
    }
}

TEST(SecurityLevel, AClientConfiguredWithSha1StillOffersNoneSoASha1OnlyServerFails) {
    // SHA-1 in the client's list is dropped from the offer at level 2, so a
    // server that can only sign with SHA-1 finds nothing in common.
    auto client_config = test::client_config();
    client_config->signature_schemes = {SignatureScheme::rsa_pkcs1_sha1, SignatureScheme::rsa_pkcs1_sha256};
    auto server_config = test::server_config(test::pki().server_rsa);
    server_config->security_level = 1;
    server_config->signature_schemes = {SignatureScheme::rsa_pkcs1_sha1};
    test::LoopbackPair pair(client_config, server_config);
    EXPECT_FALSE(pair.handshake());
    // The client offered no SHA-1, so the server finds nothing in common.
    ASSERT_NE(pair.server.error(), nullptr);
    EXPECT_EQ(pair.server.error()->reason, Reason::no_common_signature_scheme) << pair.server.error()->message();
    EXPECT_EQ(pair.server.error()->alert, Alert::handshake_failure);
}

}  // namespace
}  // namespace tlspp
