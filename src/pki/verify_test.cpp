#include "pki/verify.hpp"

#include <gtest/gtest.h>

#include <regex>

#include "support/test_pki.hpp"

namespace tlspp::pki {
namespace {

using namespace std::chrono_literals;

const auto kNow = std::chrono::system_clock::now();

Result<VerifiedChain> verify_server(const test::Identity& id, std::string_view host,
                                    std::chrono::system_clock::time_point now = kNow) {
    return verify_chain(test::pki().trust, id.chain_der, host, now, Purpose::server_auth);
}

void expect_reason(const Result<VerifiedChain>& r, Reason reason, std::string_view in_detail = "") {
    ASSERT_FALSE(r) << "verified, expected " << name(reason);
    EXPECT_EQ(r.error().reason, reason) << r.error().detail;
    EXPECT_NE(r.error().detail.find(in_detail), std::string::npos) << r.error().detail;
}

TEST(VerifyChain, AcceptsGoodServerChainsOfEveryKeyType) {
    const auto& pki = test::pki();
    struct { const test::Identity* id; crypto::KeyType type; } cases[] = {
        {&pki.server_rsa, crypto::KeyType::rsa},
        {&pki.server_p256, crypto::KeyType::ecdsa_p256},
        {&pki.server_p384, crypto::KeyType::ecdsa_p384},
        {&pki.server_ed25519, crypto::KeyType::ed25519},
        {&pki.server_via_intermediate, crypto::KeyType::ecdsa_p256},
    };
    for (const auto& c : cases) {
        auto r = verify_server(*c.id, "localhost");
        ASSERT_TRUE(r) << c.id->name << ": " << r.error().detail;
        EXPECT_EQ(r->leaf_key.type(), c.type) << c.id->name;
    }
}

TEST(VerifyChain, GivesTheLeafKeyOfTheParsedLeafWhichVerifiesItsSignatures) {
    // The key comes from the X509 verify_chain parsed (not a second parse):
    // it must be the leaf's key, and must outlive the chain's X509 objects.
    const auto& pki = test::pki();
    for (const test::Identity* id : {&pki.server_rsa, &pki.server_p256, &pki.server_via_intermediate}) {
        auto r = verify_server(*id, "localhost");
        ASSERT_TRUE(r) << id->name << ": " << r.error().detail;
        auto priv = crypto::PrivateKey::from_pem(id->key_pem);
        ASSERT_TRUE(priv) << id->name;
        EXPECT_TRUE(priv->matches(r->leaf_key)) << id->name;
        const std::vector<std::uint8_t> message = {'h', 'i'};
        const auto scheme = r->leaf_key.type() == crypto::KeyType::rsa ? SignatureScheme::rsa_pss_rsae_sha256
                                                                       : SignatureScheme::ecdsa_secp256r1_sha256;
        auto signature = priv->sign(scheme, message);
        ASSERT_TRUE(signature) << id->name;
        EXPECT_TRUE(r->leaf_key.verify(scheme, message, *signature)) << id->name;
    }
}

TEST(VerifyChain, AcceptsAnIpLiteralMatchingAnIpAddressSan) {
    EXPECT_TRUE(verify_server(test::pki().server_p256, "127.0.0.1"));
    expect_reason(verify_server(test::pki().server_p256, "127.0.0.2"), Reason::certificate_name_mismatch,
                  "127.0.0.2");
    expect_reason(verify_server(test::pki().server_p256, "::1"), Reason::certificate_name_mismatch);
}

TEST(VerifyChain, SkipsTheNameCheckWhenNoHostIsGiven) {
    EXPECT_TRUE(verify_server(test::pki().wrong_host, ""));
}

TEST(VerifyChain, RejectsAWrongHostAsNameMismatch) {
    expect_reason(verify_server(test::pki().wrong_host, "localhost"), Reason::certificate_name_mismatch,
                  "CN=other.example");
    expect_reason(verify_server(test::pki().server_p256, "example.com"), Reason::certificate_name_mismatch);
    // RFC 6125 §6.4.1: the whole name must match, not a prefix.
    expect_reason(verify_server(test::pki().server_p256, "localhost.example"), Reason::certificate_name_mismatch);
}

TEST(VerifyChain, RejectsAnExpiredCertificate) {
    auto r = verify_server(test::pki().expired, "localhost");
    expect_reason(r, Reason::certificate_expired, "certificate has expired");
    EXPECT_EQ(r.error().alert, Alert::certificate_expired);
    // Time comes from the caller: a good certificate checked 60 days ahead has expired.
    expect_reason(verify_server(test::pki().server_p256, "localhost", kNow + 24h * 60),
                  Reason::certificate_expired, "CN=localhost");
}

TEST(VerifyChain, RejectsACertificateThatIsNotYetValid) {
    expect_reason(verify_server(test::pki().not_yet_valid, "localhost"), Reason::certificate_not_yet_valid,
                  "not yet valid");
    expect_reason(verify_server(test::pki().server_p256, "localhost", kNow - 24h * 3),
                  Reason::certificate_not_yet_valid);
}

TEST(VerifyChain, RejectsAChainFromAnUntrustedCa) {
    auto r = verify_server(test::pki().untrusted, "localhost");
    expect_reason(r, Reason::certificate_untrusted, "CN=localhost");
    EXPECT_EQ(r.error().alert, Alert::unknown_ca);
}

TEST(VerifyChain, RejectsASelfSignedCertificateThatIsNotAnAnchor) {
    auto ca = read_pem_certificates(test::pki().untrusted_ca_pem);
    ASSERT_TRUE(ca);
    expect_reason(verify_chain(test::pki().trust, *ca, "", kNow, Purpose::server_auth),
                  Reason::certificate_untrusted, "self-signed");
}

TEST(VerifyChain, RejectsALeafWhoseIntermediateIsMissing) {
    std::vector<CertificateDer> leaf_only{test::pki().server_via_intermediate.chain_der.front()};
    expect_reason(verify_chain(test::pki().trust, leaf_only, "localhost", kNow, Purpose::server_auth),
                  Reason::certificate_untrusted);
}

TEST(VerifyChain, ChecksClientAuthPurposeForClientCertificates) {
    const auto& pki = test::pki();
    auto ok = verify_chain(pki.trust, pki.client.chain_der, "", kNow, Purpose::client_auth);
    EXPECT_TRUE(ok) << ok.error().detail;
    EXPECT_TRUE(verify_chain(pki.trust, pki.client_rsa.chain_der, "", kNow, Purpose::client_auth));
    expect_reason(verify_chain(pki.trust, pki.server_p256.chain_der, "", kNow, Purpose::client_auth),
                  Reason::certificate_bad_usage);
    expect_reason(verify_chain(pki.trust, pki.client.chain_der, "", kNow, Purpose::server_auth),
                  Reason::certificate_bad_usage, "purpose");
}

TEST(VerifyChain, RejectsAnEmptyOrUnparsableChainAsInvalid) {
    const auto& pki = test::pki();
    expect_reason(verify_chain(pki.trust, {}, "localhost", kNow, Purpose::server_auth),
                  Reason::certificate_invalid);
    expect_reason(verify_chain(pki.trust, {{0x30, 0x03, 0x02, 0x01}}, "localhost", kNow, Purpose::server_auth),
                  Reason::certificate_invalid, "certificate 1");
    auto chain = pki.server_via_intermediate.chain_der;
    chain[1].resize(chain[1].size() / 2);
    expect_reason(verify_chain(pki.trust, chain, "localhost", kNow, Purpose::server_auth),
                  Reason::certificate_invalid, "certificate 2");
}

TEST(VerifyChain, RejectsALeafWithATamperedSignature) {
    auto chain = test::pki().server_p256.chain_der;
    chain[0][chain[0].size() - 5] ^= 0x01;  // inside the signature BIT STRING
    expect_reason(verify_chain(test::pki().trust, chain, "localhost", kNow, Purpose::server_auth),
                  Reason::certificate_invalid, "signature");
}

TEST(LeafKeyUnverified, TakesTheKeyOfAnUntrustedLeaf) {
    auto r = leaf_key_unverified(test::pki().untrusted.chain_der);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->leaf_key.type(), crypto::KeyType::ecdsa_p256);
    auto empty = leaf_key_unverified({});
    ASSERT_FALSE(empty);
    EXPECT_EQ(empty.error().reason, Reason::certificate_invalid);
}

TEST(IsIpAddress, RecognisesIpv4AndIpv6LiteralsOnly) {
    EXPECT_TRUE(is_ip_address("127.0.0.1"));
    EXPECT_TRUE(is_ip_address("::1"));
    EXPECT_TRUE(is_ip_address("2001:db8::42"));
    EXPECT_FALSE(is_ip_address("localhost"));
    EXPECT_FALSE(is_ip_address("1.2.3"));
    EXPECT_FALSE(is_ip_address(""));
    EXPECT_FALSE(is_ip_address("[::1]"));
}

TEST(Summarize, DescribesSubjectSansKeyAndValidity) {
    auto s = summarize(test::pki().server_rsa.chain_der.front());
    ASSERT_TRUE(s);
    EXPECT_EQ(s->subject, "CN=localhost,O=tlspp test");
    EXPECT_EQ(s->issuer, "CN=tlspp test root CA,O=tlspp test");
    EXPECT_EQ(s->subject_alt_names, (std::vector<std::string>{"DNS:localhost", "IP:127.0.0.1"}));
    EXPECT_EQ(s->key, "RSA 2048");
    EXPECT_TRUE(std::regex_match(s->not_before, std::regex(R"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC)")))
        << s->not_before;
    EXPECT_FALSE(s->serial_hex.empty());
    EXPECT_EQ(summarize(test::pki().server_p256.chain_der.front())->key, "ECDSA P-256");
    EXPECT_EQ(summarize(test::pki().server_ed25519.chain_der.front())->key, "Ed25519");
    auto bad = summarize(std::vector<std::uint8_t>{1, 2, 3});
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().reason, Reason::certificate_invalid);
}

TEST(ReadPemCertificates, ReturnsEveryCertificateInOrder) {
    const auto& id = test::pki().server_via_intermediate;
    auto certs = read_pem_certificates(id.chain_pem + id.key_pem);  // a key block is skipped
    ASSERT_TRUE(certs);
    EXPECT_EQ(*certs, id.chain_der);
}

TEST(ReadPemCertificates, RejectsTextWithoutCertificatesOrWithABrokenOne) {
    for (const std::string& pem :
         {std::string{}, std::string{"not pem"}, test::pki().server_p256.key_pem,
          std::string{"-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"},
          test::pki().ca_pem + "-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n"}) {
        auto certs = read_pem_certificates(pem);
        ASSERT_FALSE(certs) << pem;
        EXPECT_EQ(certs.error().reason, Reason::bad_config);
    }
}

}  // namespace
}  // namespace tlspp::pki

namespace tlspp::pki {
namespace {

Result<VerifiedChain> verify_client(const TrustStore& trust, const test::Identity& id,
                                    std::chrono::system_clock::time_point now = kNow) {
    return verify_chain(trust, id.chain_der, "", now, Purpose::client_auth);
}

TEST(VerifyClientChain, AcceptsAGoodClientCertificateWhenCrlsAreChecked) {
    const auto& pki = test::pki();
    ASSERT_TRUE(pki.trust_with_crl.checks_revocation());
    auto r = verify_client(pki.trust_with_crl, pki.client);
    ASSERT_TRUE(r) << r.error().detail;
    EXPECT_EQ(r->leaf_key.type(), crypto::KeyType::ecdsa_p256);
    EXPECT_TRUE(verify_client(pki.trust_with_crl, pki.client_rsa));
}

TEST(VerifyClientChain, RejectsARevokedClientCertificateAsRevoked) {
    const auto& pki = test::pki();
    auto r = verify_client(pki.trust_with_crl, pki.client_revoked);
    expect_reason(r, Reason::certificate_revoked, "CN=revoked.tlspp.test");
    EXPECT_EQ(r.error().alert, Alert::certificate_revoked);
}

TEST(VerifyClientChain, AcceptsTheRevokedCertificateWhenNoCrlIsConfigured) {
    const auto& pki = test::pki();
    EXPECT_FALSE(pki.trust.checks_revocation());
    EXPECT_TRUE(verify_client(pki.trust, pki.client_revoked));
}

TEST(VerifyClientChain, RejectsAServerOnlyCertificateAsBadUsage) {
    const auto& pki = test::pki();
    auto r = verify_client(pki.trust_with_crl, pki.server_p256);
    expect_reason(r, Reason::certificate_bad_usage);
    EXPECT_EQ(r.error().alert, Alert::unsupported_certificate);
}

TEST(VerifyClientChain, RejectsAnExpiredClientCertificate) {
    expect_reason(verify_client(test::pki().trust, test::pki().client, kNow + std::chrono::hours(24 * 60)),
                  Reason::certificate_expired);
}

TEST(VerifyClientChain, StillReportsExpiryWhenCrlsAreChecked) {
    expect_reason(verify_chain(test::pki().trust_with_crl, test::pki().expired.chain_der, "localhost", kNow,
                               Purpose::server_auth),
                  Reason::certificate_expired);
}

TEST(VerifyClientChain, RejectsAChainWhoseIssuerHasNoCrlAsInvalid) {
    // The intermediate CA issued no CRL: its leaf's status is unknown.
    auto r = verify_chain(test::pki().trust_with_crl, test::pki().server_via_intermediate.chain_der, "localhost",
                          kNow, Purpose::server_auth);
    expect_reason(r, Reason::certificate_invalid, "CRL");
    EXPECT_EQ(r.error().alert, Alert::bad_certificate);
}

}  // namespace
}  // namespace tlspp::pki
