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

namespace tlspp {
namespace {

Reason client_verify_reason(const TrustStore& trust, const test::Identity& id) {
    auto r = pki::verify_chain(trust, id.chain_der, "", std::chrono::system_clock::now(), pki::Purpose::client_auth);
    return r ? Reason::internal_error /* meaning: verified */ : r.error().reason;
}

TEST(TrustStoreCrl, FromPemWithACrlChecksRevocation) {
    const auto& pki = test::pki();
    auto trust = TrustStore::from_pem(pki.ca_pem, pki.crl_pem);
    ASSERT_TRUE(trust) << trust.error().detail;
    EXPECT_TRUE(trust->checks_revocation());
    EXPECT_EQ(client_verify_reason(*trust, pki.client_revoked), Reason::certificate_revoked);
    EXPECT_EQ(client_verify_reason(*trust, pki.client), Reason::internal_error);
}

TEST(TrustStoreCrl, FromFileReadsACrlFile) {
    fs::path dir = temp_dir("crl_file");
    ASSERT_TRUE(test::write_pki_files(dir.string()));
    auto trust = TrustStore::from_file((dir / "ca.pem").string(), (dir / "crl.pem").string());
    ASSERT_TRUE(trust) << trust.error().detail;
    EXPECT_EQ(client_verify_reason(*trust, test::pki().client_revoked), Reason::certificate_revoked);
    EXPECT_EQ(client_verify_reason(*trust, test::pki().client), Reason::internal_error);
    fs::remove_all(dir);
}

TEST(TrustStoreCrl, FromFileReadsEveryCrlInADirectory) {
    fs::path dir = temp_dir("crl_dir");
    fs::create_directories(dir / "crls");
    ASSERT_TRUE(test::write_pki_files(dir.string()));
    std::ofstream(dir / "crls" / "README") << "not a CRL\n";
    std::ofstream(dir / "crls" / "root.crl") << test::pki().crl_pem;
    auto trust = TrustStore::from_file((dir / "ca.pem").string(), (dir / "crls").string());
    ASSERT_TRUE(trust) << trust.error().detail;
    EXPECT_EQ(client_verify_reason(*trust, test::pki().client_revoked), Reason::certificate_revoked);
    fs::remove_all(dir);
}

TEST(TrustStoreCrl, RejectsAMissingOrEmptyCrlSourceAsBadConfig) {
    fs::path dir = temp_dir("crl_bad");
    fs::create_directories(dir / "empty");
    ASSERT_TRUE(test::write_pki_files(dir.string()));
    const std::string ca = (dir / "ca.pem").string();
    for (const fs::path& crl : {dir / "missing.pem", dir / "ca.pem", dir / "empty"}) {
        auto trust = TrustStore::from_file(ca, crl.string());
        ASSERT_FALSE(trust) << crl;
        EXPECT_EQ(trust.error().reason, Reason::bad_config) << crl;
    }
    fs::remove_all(dir);
}

TEST(TrustStoreCrl, RejectsACrlThatDoesNotParseAsBadConfig) {
    const auto& pki = test::pki();
    for (std::string_view crl :
         {std::string_view{}, std::string_view{"-----BEGIN X509 CRL-----\nMIIB\n-----END X509 CRL-----\n"}}) {
        auto trust = TrustStore::from_pem(pki.ca_pem, crl);
        ASSERT_FALSE(trust);
        EXPECT_EQ(trust.error().reason, Reason::bad_config);
    }
}

TEST(TrustStoreCrl, AStoreWithoutCrlsDoesNotCheckRevocation) {
    EXPECT_FALSE(test::pki().trust.checks_revocation());
    EXPECT_EQ(client_verify_reason(test::pki().trust, test::pki().client_revoked), Reason::internal_error);
}

TEST(TrustStoreSubjectNames, ListsTheDerSubjectOfEachCa) {
    const auto& pki = test::pki();
    auto names = pki.trust.subject_names();
    ASSERT_EQ(names.size(), 1u);
    // The root's subject, as the issuer field of a certificate it signed holds it.
    const auto& leaf = pki.client.chain_der.front();
    const unsigned char* p = leaf.data();
    X509* cert = d2i_X509(nullptr, &p, static_cast<long>(leaf.size()));
    ASSERT_NE(cert, nullptr);
    unsigned char* der = nullptr;
    const int len = i2d_X509_NAME(X509_get_issuer_name(cert), &der);
    ASSERT_GT(len, 0);
    EXPECT_EQ(names.front(), std::vector<std::uint8_t>(der, der + len));
    OPENSSL_free(der);
    X509_free(cert);
    EXPECT_EQ(names.front().front(), 0x30);   // a SEQUENCE (RDNSequence)
}

TEST(TrustStoreSubjectNames, ListsEveryCaOfABundleOnce) {
    const auto& pki = test::pki();
    auto trust = TrustStore::from_pem(pki.ca_pem + pki.untrusted_ca_pem + pki.ca_pem);
    ASSERT_TRUE(trust);
    EXPECT_EQ(trust->subject_names().size(), 2u);
}

}  // namespace
}  // namespace tlspp
