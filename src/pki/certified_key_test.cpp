#include "pki/certified_key.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include <unistd.h>

#include "crypto/security_level.hpp"
#include "pki/security_level.hpp"
#include "support/test_pki.hpp"

namespace tlspp {
namespace {

namespace fs = std::filesystem;

TEST(CertifiedKey, LoadsEveryTestIdentity) {
    for (const test::Identity* id : test::pki().all()) {
        auto key = CertifiedKey::from_pem(id->chain_pem, id->key_pem);
        ASSERT_TRUE(key) << id->name << ": " << key.error().detail;
        EXPECT_EQ(key->chain(), id->chain_der) << id->name;
        EXPECT_EQ(key->impl().key.type(), key->impl().leaf_key.type()) << id->name;
    }
}

TEST(CertifiedKey, RejectsAKeyThatDoesNotMatchTheLeaf) {
    const auto& pki = test::pki();
    auto key = CertifiedKey::from_pem(pki.server_p256.chain_pem, pki.client.key_pem);
    ASSERT_FALSE(key);
    EXPECT_EQ(key.error().reason, Reason::bad_config);
    EXPECT_NE(key.error().detail.find("does not match"), std::string::npos) << key.error().detail;
    key = CertifiedKey::from_pem(pki.server_rsa.chain_pem, pki.server_ed25519.key_pem);
    ASSERT_FALSE(key);
    EXPECT_EQ(key.error().reason, Reason::bad_config);
}

TEST(CertifiedKey, RejectsAMissingChainOrKeyAsBadConfig) {
    const auto& pki = test::pki();
    auto no_chain = CertifiedKey::from_pem(pki.server_p256.key_pem, pki.server_p256.key_pem);
    ASSERT_FALSE(no_chain);
    EXPECT_EQ(no_chain.error().reason, Reason::bad_config);
    auto no_key = CertifiedKey::from_pem(pki.server_p256.chain_pem, pki.server_p256.chain_pem);
    ASSERT_FALSE(no_key);
    EXPECT_EQ(no_key.error().reason, Reason::bad_config);
}

TEST(CertifiedKey, LoadsFromPemFilesAndNamesAnUnreadableFile) {
    fs::path dir = fs::temp_directory_path() / ("tlspp_certified_" + std::to_string(::getpid()));
    ASSERT_TRUE(test::write_pki_files(dir.string()));
    auto key = CertifiedKey::from_pem_files((dir / "server_rsa.pem").string(), (dir / "server_rsa.key").string());
    ASSERT_TRUE(key) << key.error().detail;
    EXPECT_EQ(key->chain(), test::pki().server_rsa.chain_der);
    auto missing = CertifiedKey::from_pem_files((dir / "nope.pem").string(), (dir / "server_rsa.key").string());
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().reason, Reason::bad_config);
    EXPECT_NE(missing.error().detail.find("nope.pem"), std::string::npos);
    auto mismatch = CertifiedKey::from_pem_files((dir / "server_rsa.pem").string(), (dir / "client.key").string());
    ASSERT_FALSE(mismatch);
    EXPECT_NE(mismatch.error().detail.find("client.key"), std::string::npos) << mismatch.error().detail;
    fs::remove_all(dir);
}

TEST(CertifiedKey, TestIdentityHelperGivesTheLeafFirst) {
    const auto& id = test::pki().server_via_intermediate;
    EXPECT_EQ(id.chain_der.size(), 2u);
    EXPECT_EQ(id.certified_key().chain().size(), 2u);
    EXPECT_LT(id.leaf_pem().size(), id.chain_pem.size());
}

// The strength measured at load is what validate() compares with the level
// for every connection; it must agree with the full check at every level.
TEST(CertifiedKey, StrengthMeasuredAtLoadAgreesWithTheChainCheckAtEveryLevel) {
    const auto& p = test::policy_pki();
    struct Case { const test::Identity* id; int bits; };
    for (const Case& c : {Case{&p.strong, 128}, Case{&p.sha1_leaf, 80}, Case{&p.rsa1024, 80},
                          Case{&p.md5_leaf, 39}, Case{&test::pki().server_rsa, 112}}) {
        auto key = CertifiedKey::from_pem(c.id->chain_pem, c.id->key_pem);
        ASSERT_TRUE(key) << c.id->name;
        EXPECT_EQ(key->impl().strength_bits, c.bits) << c.id->name;
        for (int level = 0; level <= 5; ++level)
            EXPECT_EQ(key->impl().strength_bits >= crypto::security_bits(level),
                      static_cast<bool>(pki::check_own_chain(key->chain(), level)))
                << c.id->name << " at level " << level;
    }
}

}  // namespace
}  // namespace tlspp
