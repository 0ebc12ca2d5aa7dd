#include <gtest/gtest.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "pki/certified_key.hpp"
#include "pki/verify.hpp"
#include "support/test_pki.hpp"

namespace tlspp {
namespace {

namespace fs = std::filesystem;

fs::path temp_dir(const char* name) {
    fs::path dir = fs::temp_directory_path() / ("tlspp_" + std::string(name) + "_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

Status verifies(const TrustStore& trust) {
    auto r = pki::verify_chain(trust, test::pki().server_p256.chain_der, "localhost",
                               std::chrono::system_clock::now(), pki::Purpose::server_auth);
    if (!r) return r.error();
    return {};
}

TEST(TrustStore, FromPemTrustsItsCertificates) {
    auto trust = TrustStore::from_pem(test::pki().ca_pem);
    ASSERT_TRUE(trust);
    EXPECT_TRUE(verifies(*trust));
    auto other = TrustStore::from_pem(test::pki().untrusted_ca_pem);
    ASSERT_TRUE(other);
    auto r = verifies(*other);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().reason, Reason::certificate_untrusted);
}

TEST(TrustStore, CopiesShareOneStore) {
    TrustStore a = test::pki().trust;
    TrustStore b = a;
    EXPECT_EQ(a.impl().store, b.impl().store);
}

TEST(TrustStore, RejectsPemWithoutCertificatesAsBadConfig) {
    for (std::string_view pem : {std::string_view{}, std::string_view{test::pki().server_p256.key_pem}}) {
        auto trust = TrustStore::from_pem(pem);
        ASSERT_FALSE(trust);
        EXPECT_EQ(trust.error().reason, Reason::bad_config);
    }
}

TEST(TrustStore, FromFileReadsABundle) {
    fs::path dir = temp_dir("bundle");
    ASSERT_TRUE(test::write_pki_files(dir.string()));
    auto trust = TrustStore::from_file((dir / "ca.pem").string());
    ASSERT_TRUE(trust) << trust.error().detail;
    EXPECT_TRUE(verifies(*trust));
    auto missing = TrustStore::from_file((dir / "missing.pem").string());
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().reason, Reason::bad_config);
    auto key_only = TrustStore::from_file((dir / "server_p256.key").string());
    ASSERT_FALSE(key_only);
    EXPECT_EQ(key_only.error().reason, Reason::bad_config);
    fs::remove_all(dir);
}

TEST(TrustStore, FromDirectoryUsesHashedNames) {
    fs::path dir = temp_dir("hashed");
    auto ca = pki::read_pem_certificates(test::pki().ca_pem);
    ASSERT_TRUE(ca);
    const unsigned char* p = ca->front().data();
    X509* cert = d2i_X509(nullptr, &p, static_cast<long>(ca->front().size()));
    ASSERT_NE(cert, nullptr);
    char hashed[16];
    std::snprintf(hashed, sizeof hashed, "%08lx.0", X509_subject_name_hash(cert));
    X509_free(cert);
    std::ofstream(dir / hashed) << test::pki().ca_pem;

    auto trust = TrustStore::from_directory(dir.string());
    ASSERT_TRUE(trust) << trust.error().detail;
    EXPECT_TRUE(verifies(*trust));
    auto missing = TrustStore::from_directory((dir / "nope").string());
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().reason, Reason::bad_config);
    fs::remove_all(dir);
}

TEST(TrustStore, SystemStoreLoadsAndDoesNotTrustTheTestCa) {
    auto trust = TrustStore::system();
    ASSERT_TRUE(trust) << trust.error().detail;
    auto r = verifies(*trust);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().reason, Reason::certificate_untrusted);
}

}  // namespace
}  // namespace tlspp
