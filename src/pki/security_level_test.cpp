// Certificates against OpenSSL's security levels: which certificate, and why.
#include "pki/security_level.hpp"

#include <gtest/gtest.h>

#include "pki/verify.hpp"
#include "support/test_pki.hpp"

namespace tlspp::pki {
namespace {

Result<VerifiedChain> verify_at(const test::Identity& id, int level) {
    return verify_chain(test::policy_pki().trust, id.chain_der, "localhost", std::chrono::system_clock::now(),
                        Purpose::server_auth, level);
}

void expect_weak(const test::Identity& id, int level, const std::string& detail) {
    auto r = verify_at(id, level);
    ASSERT_FALSE(r.ok()) << id.name << " at level " << level;
    EXPECT_EQ(r.error().reason, Reason::certificate_too_weak);
    EXPECT_EQ(r.error().alert, Alert::bad_certificate);
    EXPECT_EQ(r.error().detail, detail);
}

TEST(SecurityLevelChain, NamesTheCertificateAndWhy) {
    const auto& p = test::policy_pki();
    expect_weak(p.sha1_intermediate, 2,
                "intermediate 1: signature algorithm sha1WithRSAEncryption is too weak (security level 2 needs 112 bits)");
    expect_weak(p.rsa1024, 2, "leaf: RSA key of 1024 bits is too small (security level 2 needs 2048)");
    expect_weak(p.rsa512, 1, "leaf: RSA key of 512 bits is too small (security level 1 needs 1024)");
    expect_weak(p.md5_leaf, 1,
                "leaf: signature algorithm md5WithRSAEncryption is too weak (security level 1 needs 80 bits)");
    // The anchor's key counts (OpenSSL's check_auth_level), its self-signature does not.
    expect_weak(p.strong, 3, "trust anchor: RSA key of 2048 bits is too small (security level 3 needs 3072)");
}

TEST(SecurityLevelChain, LowerLevelsLetMoreThrough) {
    const auto& p = test::policy_pki();
    EXPECT_TRUE(verify_at(p.strong, 2).ok());
    EXPECT_TRUE(verify_at(p.sha1_leaf, 1).ok());
    EXPECT_TRUE(verify_at(p.p192, 1).ok());
    for (const test::Identity* id : {&p.md5_leaf, &p.rsa512, &p.sha1_intermediate})
        EXPECT_TRUE(verify_at(*id, 0).ok()) << id->name;
}

TEST(SecurityLevelChain, OwnChainSkipsOnlySelfSignedSignatures) {
    const auto& p = test::policy_pki();
    EXPECT_TRUE(check_own_chain(p.strong.chain_der, 2).ok());
    auto weak = check_own_chain(p.sha1_intermediate.chain_der, 2);
    ASSERT_FALSE(weak.ok());
    EXPECT_EQ(weak.error().detail,
              "intermediate 1: signature algorithm sha1WithRSAEncryption is too weak (security level 2 needs 112 bits)");
}

}  // namespace
}  // namespace tlspp::pki
