// Every choice rule of negotiation13, in tables: ClientHello checks, suite,
// group (or HelloRetryRequest), certificate and scheme.
#include "handshake/negotiation13.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <optional>

#include "conn/alerts.hpp"
#include "support/configs.hpp"
#include "support/test_pki.hpp"

namespace tlspp::handshake {
namespace {

using G = NamedGroup;
using S = SignatureScheme;
using C = CipherSuite;

// A well-formed TLS 1.3 ClientHello offering every 1.3 suite, x25519 and
// P-256 with an x25519 share, and the default schemes.
msg::ClientHello hello13() {
    msg::ClientHello h;
    h.cipher_suites = {0x1301, 0x1302, 0x1303};
    h.supported_versions = std::vector<std::uint16_t>{0x0304, 0x0303};
    h.supported_groups = std::vector<G>{G::x25519, G::secp256r1};
    h.key_shares = std::vector<msg::KeyShareEntry>{{G::x25519, msg::Bytes(32, 9)}};
    h.signature_algorithms = default_signature_schemes();
    return h;
}

std::shared_ptr<ServerConfig> config_with(std::vector<const test::Identity*> ids) {
    auto c = std::make_shared<ServerConfig>();
    c->cipher_suites = {C::TLS_AES_256_GCM_SHA384, C::TLS_CHACHA20_POLY1305_SHA256, C::TLS_AES_128_GCM_SHA256};
    for (const auto* id : ids) c->certificates.push_back(id->certified_key());
    return c;
}

struct CheckCase {
    const char* name;
    std::function<void(msg::ClientHello&)> change;
    std::optional<Reason> expected;   // nullopt: accepted
};

TEST(Negotiation13, ClientHelloChecks) {
    const std::vector<CheckCase> cases = {
        {"well-formed", [](auto&) {}, std::nullopt},
        {"no shares at all (HelloRetryRequest follows)", [](auto& h) { h.key_shares->clear(); }, std::nullopt},
        {"compression null and deflate", [](auto& h) { h.compression_methods = {0, 1}; }, Reason::illegal_parameter},
        {"compression deflate only", [](auto& h) { h.compression_methods = {1}; }, Reason::illegal_parameter},
        {"no signature_algorithms", [](auto& h) { h.signature_algorithms.reset(); }, Reason::missing_extension},
        {"no supported_groups", [](auto& h) { h.supported_groups.reset(); }, Reason::missing_extension},
        {"no key_share", [](auto& h) { h.key_shares.reset(); }, Reason::missing_extension},
        {"a group twice in key_share",
         [](auto& h) { h.key_shares->push_back({G::x25519, msg::Bytes(32, 7)}); }, Reason::illegal_parameter},
        {"a share for a group supported_groups lacks",
         [](auto& h) { h.key_shares->push_back({G::secp384r1, msg::Bytes(97, 4)}); }, Reason::illegal_parameter},
    };
    for (const auto& c : cases) {
        msg::ClientHello h = hello13();
        c.change(h);
        auto ok = check_client_hello13(h);
        if (!c.expected) {
            EXPECT_TRUE(ok) << c.name << ": " << ok.error().detail;
        } else {
            ASSERT_FALSE(ok) << c.name;
            EXPECT_EQ(ok.error().reason, *c.expected) << c.name << ": " << ok.error().detail;
        }
    }
    // The TLS 1.3 alerts: RFC 8446 §4.1.2, §4.2.8 illegal_parameter; §9.2 missing_extension.
    EXPECT_EQ(alert_for(Reason::missing_extension, ProtocolVersion::tls13), Alert::missing_extension);
    EXPECT_EQ(alert_for(Reason::illegal_parameter, ProtocolVersion::tls13), Alert::illegal_parameter);
}

struct SuiteCase {
    const char* name;
    std::vector<C> ours;
    bool prefer_server;
    std::vector<std::uint16_t> offered;
    std::optional<C> expected;   // nullopt: no_common_cipher_suite
};

TEST(Negotiation13, SuiteByServerOrClientOrder) {
    using enum CipherSuite;
    std::vector<C> tls12_only = default_cipher_suites();
    std::erase_if(tls12_only, [](C s) { return find_suite(s)->version != ProtocolVersion::tls12; });
    const std::vector<SuiteCase> cases = {
        {"a config of 1.2 suites only", tls12_only, true, {0x1301, 0x1303, 0x1302}, std::nullopt},
        {"server order", {TLS_AES_128_GCM_SHA256, TLS_CHACHA20_POLY1305_SHA256}, true, {0x1303, 0x1301},
         TLS_AES_128_GCM_SHA256},
        {"client order", {TLS_AES_128_GCM_SHA256, TLS_CHACHA20_POLY1305_SHA256}, false, {0x1303, 0x1301},
         TLS_CHACHA20_POLY1305_SHA256},
        {"unknown and 1.2 codes are skipped", {TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, TLS_AES_128_GCM_SHA256}, false,
         {0x0a0a, 0xc02f, 0x1301}, TLS_AES_128_GCM_SHA256},
        {"only the config's 1.3 suites count", {TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, TLS_AES_128_GCM_SHA256}, true,
         {0x1302, 0x1303}, std::nullopt},
        {"a client of 1.2 suites only", {}, true, {0xc02f, 0xc030}, std::nullopt},
    };
    for (const auto& c : cases) {
        ServerConfig config;
        if (!c.ours.empty()) config.cipher_suites = c.ours;
        config.prefer_server_cipher_order = c.prefer_server;
        msg::ClientHello h = hello13();
        h.cipher_suites = c.offered;
        auto suite = choose_suite13(config, h);
        if (!c.expected) {
            ASSERT_FALSE(suite) << c.name;
            EXPECT_EQ(suite.error().reason, Reason::no_common_cipher_suite) << c.name;
            EXPECT_EQ(suite.error().alert, Alert::handshake_failure) << c.name;
        } else {
            ASSERT_TRUE(suite) << c.name << ": " << suite.error().detail;
            EXPECT_EQ((*suite)->suite, *c.expected) << c.name;
            EXPECT_EQ((*suite)->version, ProtocolVersion::tls13) << c.name;
        }
    }
}

struct GroupCase {
    const char* name;
    std::vector<G> ours;
    int security_level;
    std::vector<G> supported;
    std::vector<G> shares;
    std::optional<G> expected;   // nullopt: no_common_group
    bool retry;                  // no share: HelloRetryRequest
};

TEST(Negotiation13, GroupWithShareElseRetryElseFailure) {
    const std::vector<GroupCase> cases = {
        {"our first group with a share", {G::x25519, G::secp256r1}, 2, {G::secp256r1, G::x25519},
         {G::secp256r1, G::x25519}, G::x25519, false},
        {"a share for our second group beats a retry for our first", {G::x25519, G::secp256r1}, 2,
         {G::x25519, G::secp256r1}, {G::secp256r1}, G::secp256r1, false},
        {"no share for any of ours: retry with our first they support", {G::x25519, G::secp256r1, G::secp384r1}, 2,
         {G::secp384r1, G::secp256r1, G::x448}, {G::x448}, G::secp256r1, true},
        {"no shares at all", {G::secp384r1}, 2, {G::x25519, G::secp384r1}, {}, G::secp384r1, true},
        {"nothing in common", {G::x25519}, 2, {G::secp256r1, G::secp384r1}, {G::secp256r1}, std::nullopt, false},
        {"ffdhe2048 at level 2", {G::ffdhe2048, G::ffdhe3072}, 2, {G::ffdhe2048, G::ffdhe3072}, {G::ffdhe2048},
         G::ffdhe2048, false},
        {"ffdhe2048 below level 3's modulus: retry for ffdhe3072", {G::ffdhe2048, G::ffdhe3072}, 3,
         {G::ffdhe2048, G::ffdhe3072}, {G::ffdhe2048}, G::ffdhe3072, true},
        {"only ffdhe2048, at level 3", {G::ffdhe2048}, 3, {G::ffdhe2048}, {G::ffdhe2048}, std::nullopt, false},
    };
    for (const auto& c : cases) {
        ServerConfig config;
        config.groups = c.ours;
        config.security_level = c.security_level;
        msg::ClientHello h = hello13();
        h.supported_groups = c.supported;
        h.key_shares->clear();
        for (G g : c.shares) h.key_shares->push_back({g, msg::Bytes(32, 1)});
        auto group = choose_group13(config, h);
        if (!c.expected) {
            ASSERT_FALSE(group) << c.name;
            EXPECT_EQ(group.error().reason, Reason::no_common_group) << c.name;
            EXPECT_EQ(group.error().alert, Alert::handshake_failure) << c.name;
            continue;
        }
        ASSERT_TRUE(group) << c.name << ": " << group.error().detail;
        EXPECT_EQ(group->group, *c.expected) << c.name;
        EXPECT_EQ(group->client_share == nullptr, c.retry) << c.name;
        if (group->client_share) {
            EXPECT_EQ(group->client_share->group, *c.expected) << c.name;
        }
    }
}

struct CertificateCase {
    const char* name;
    std::vector<const test::Identity*> certificates;
    std::vector<S> client_schemes;
    bool prefer_server;
    int security_level;
    std::optional<S> expected;               // nullopt: no_common_signature_scheme
    const test::Identity* expected_certificate;
};

TEST(Negotiation13, CertificateAndSchemeUsableInTls13) {
    const auto& p = test::pki();
    const auto& weak = test::policy_pki();
    const std::vector<CertificateCase> cases = {
        {"P-256 with its scheme", {&p.server_p256}, {S::ecdsa_secp256r1_sha256}, true, 2, S::ecdsa_secp256r1_sha256,
         &p.server_p256},
        {"ECDSA is bound to the curve in 1.3: P-256 cannot sign secp384r1_sha384", {&p.server_p256},
         {S::ecdsa_secp384r1_sha384}, true, 2, std::nullopt, nullptr},
        {"P-384 with its scheme", {&p.server_p384}, {S::ecdsa_secp256r1_sha256, S::ecdsa_secp384r1_sha384}, true, 2,
         S::ecdsa_secp384r1_sha384, &p.server_p384},
        {"never PKCS#1 in 1.3", {&p.server_rsa}, {S::rsa_pkcs1_sha256, S::rsa_pkcs1_sha384}, true, 2, std::nullopt,
         nullptr},
        {"RSA signs with PSS", {&p.server_rsa}, {S::rsa_pkcs1_sha256, S::rsa_pss_rsae_sha256}, true, 2,
         S::rsa_pss_rsae_sha256, &p.server_rsa},
        {"Ed25519", {&p.server_ed25519}, {S::ed25519}, true, 2, S::ed25519, &p.server_ed25519},
        {"server order picks the certificate: ECDSA first in ours",
         {&p.server_rsa, &p.server_p256}, {S::rsa_pss_rsae_sha256, S::ecdsa_secp256r1_sha256}, true, 2,
         S::ecdsa_secp256r1_sha256, &p.server_p256},
        {"client order picks the certificate", {&p.server_rsa, &p.server_p256},
         {S::rsa_pss_rsae_sha256, S::ecdsa_secp256r1_sha256}, false, 2, S::rsa_pss_rsae_sha256, &p.server_rsa},
        {"the security level refuses SHA-256 at level 4", {&p.server_rsa},
         {S::rsa_pss_rsae_sha256, S::rsa_pss_rsae_sha384}, true, 4, S::rsa_pss_rsae_sha384, &p.server_rsa},
        {"a key that may not sign (keyUsage keyAgreement only)", {&weak.p256_key_agreement_only},
         {S::ecdsa_secp256r1_sha256}, true, 2, std::nullopt, nullptr},
        {"a key that may not sign is skipped for one that may",
         {&weak.p256_key_agreement_only, &p.server_p256}, {S::ecdsa_secp256r1_sha256}, true, 2,
         S::ecdsa_secp256r1_sha256, &p.server_p256},
    };
    for (const auto& c : cases) {
        auto config = config_with(c.certificates);
        config->prefer_server_cipher_order = c.prefer_server;
        config->security_level = c.security_level;
        msg::ClientHello h = hello13();
        h.signature_algorithms = c.client_schemes;
        auto choice = choose_certificate13(*config, h);
        if (!c.expected) {
            ASSERT_FALSE(choice) << c.name;
            EXPECT_EQ(choice.error().reason, Reason::no_common_signature_scheme) << c.name;
            EXPECT_EQ(choice.error().alert, Alert::handshake_failure) << c.name;
            continue;
        }
        ASSERT_TRUE(choice) << c.name << ": " << choice.error().detail;
        EXPECT_EQ(choice->scheme, *c.expected) << c.name;
        EXPECT_EQ(choice->certificate->chain(), c.expected_certificate->chain_der) << c.name;
    }
}

TEST(Negotiation13, ChooseChecksTheHelloBeforeChoosing) {
    auto config = config_with({&test::pki().server_p256});
    msg::ClientHello h = hello13();
    h.cipher_suites = {0xc02f};   // no 1.3 suite: would be no_common_cipher_suite
    h.signature_algorithms.reset();
    auto choice = choose13(*config, h);
    ASSERT_FALSE(choice);
    EXPECT_EQ(choice.error().reason, Reason::missing_extension);

    auto ok = choose13(*config, hello13());
    ASSERT_TRUE(ok) << ok.error().detail;
    EXPECT_EQ(ok->suite->suite, CipherSuite::TLS_AES_256_GCM_SHA384);
    EXPECT_EQ(ok->group.group, NamedGroup::x25519);
    ASSERT_NE(ok->group.client_share, nullptr);
    EXPECT_EQ(ok->certificate.scheme, SignatureScheme::ecdsa_secp256r1_sha256);
}

TEST(Negotiation13, CertificateRequestListsOnlySchemesUsableInTls13) {
    ServerConfig config;
    const auto schemes = request_schemes13(config);
    for (S s : {S::ecdsa_secp256r1_sha256, S::ecdsa_secp384r1_sha384, S::ed25519, S::rsa_pss_rsae_sha256})
        EXPECT_NE(std::find(schemes.begin(), schemes.end(), s), schemes.end()) << name(s);
    for (S s : {S::rsa_pkcs1_sha256, S::rsa_pkcs1_sha384, S::ecdsa_sha224, S::rsa_pkcs1_sha224})
        EXPECT_EQ(std::find(schemes.begin(), schemes.end(), s), schemes.end()) << name(s);
    config.security_level = 4;
    const auto strong = request_schemes13(config);
    EXPECT_EQ(std::find(strong.begin(), strong.end(), S::ecdsa_secp256r1_sha256), strong.end());
}

}  // namespace
}  // namespace tlspp::handshake
