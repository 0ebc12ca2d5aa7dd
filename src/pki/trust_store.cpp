// pki/trust_store.cpp: TrustStore (an X509_STORE of trust anchors) and the
// PEM reader shared by TrustStore and CertifiedKey.
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

#include <filesystem>
#include <memory>
#include <string>

#include "pki/certified_key.hpp"
#include "pki/verify.hpp"

namespace tlspp {

// TrustStoreAccess is the only way to build a TrustStore (its constructor is private).
struct TrustStoreAccess {
    static TrustStore make(std::shared_ptr<const TrustStore::Impl> impl) { return TrustStore(std::move(impl)); }
};

TrustStore::Impl::~Impl() { X509_STORE_free(store); }

namespace {

std::string last_openssl_error(const char* fallback) {
    char why[256] = {};
    unsigned long e = ERR_peek_last_error();
    if (e) ERR_error_string_n(e, why, sizeof why);
    ERR_clear_error();
    return e ? std::string(why) : std::string(fallback);
}

// new_store makes an empty store. Partial chains stay off: a chain must end
// at a self-signed anchor in the store, the usual web PKI rule.
std::shared_ptr<TrustStore::Impl> new_store() {
    auto impl = std::make_shared<TrustStore::Impl>();
    impl->store = X509_STORE_new();
    if (!impl->store) return nullptr;
    return impl;
}

}  // namespace

Result<TrustStore> TrustStore::system() {
    auto impl = new_store();
    if (!impl) return make_error(Reason::internal_error, "trust store: out of memory");
    if (X509_STORE_set_default_paths(impl->store) != 1)
        return make_error(Reason::bad_config, "system trust store: " + last_openssl_error("cannot load defaults"));
    return TrustStoreAccess::make(std::move(impl));
}

Result<TrustStore> TrustStore::from_file(const std::string& path) {
    auto impl = new_store();
    if (!impl) return make_error(Reason::internal_error, "trust store: out of memory");
    if (X509_STORE_load_file(impl->store, path.c_str()) != 1)
        return make_error(Reason::bad_config,
                          "trust store " + path + ": " + last_openssl_error("no certificates found"));
    return TrustStoreAccess::make(std::move(impl));
}

Result<TrustStore> TrustStore::from_directory(const std::string& path) {
    // The hashed directory is only read when a lookup needs it, so a wrong
    // path would otherwise show up much later as "unable to get issuer".
    std::error_code ec;
    if (!std::filesystem::is_directory(path, ec))
        return make_error(Reason::bad_config, "trust store " + path + ": not a directory");
    auto impl = new_store();
    if (!impl) return make_error(Reason::internal_error, "trust store: out of memory");
    if (X509_STORE_load_path(impl->store, path.c_str()) != 1)
        return make_error(Reason::bad_config, "trust store " + path + ": " + last_openssl_error("cannot use"));
    return TrustStoreAccess::make(std::move(impl));
}

Result<TrustStore> TrustStore::from_pem(std::string_view pem) {
    auto certs = pki::read_pem_certificates(pem);
    if (!certs) return make_error(Reason::bad_config, "trust store: " + certs.error().detail);
    auto impl = new_store();
    if (!impl) return make_error(Reason::internal_error, "trust store: out of memory");
    for (const auto& der : *certs) {
        const unsigned char* p = der.data();
        X509* cert = d2i_X509(nullptr, &p, static_cast<long>(der.size()));
        const bool added = cert && X509_STORE_add_cert(impl->store, cert) == 1;
        X509_free(cert);
        if (!added) return make_error(Reason::bad_config, "trust store: " + last_openssl_error("cannot add"));
    }
    return TrustStoreAccess::make(std::move(impl));
}

namespace pki {

Result<std::vector<CertificateDer>> read_pem_certificates(std::string_view pem) {
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())),
                                                   &BIO_free);
    if (!bio) return make_error(Reason::internal_error, "PEM: out of memory");
    std::vector<CertificateDer> out;
    ERR_clear_error();
    for (;;) {
        // PEM_read_bio_X509 skips blocks of other types (a key in the same
        // file), so only CERTIFICATE blocks are returned.
        X509* cert = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr);
        if (!cert) break;
        unsigned char* der = nullptr;
        const int len = i2d_X509(cert, &der);
        X509_free(cert);
        if (len <= 0) return make_error(Reason::bad_config, "PEM: " + last_openssl_error("cannot encode"));
        out.emplace_back(der, der + len);
        OPENSSL_free(der);
    }
    // The loop ends at the end of the input with "no start line"; anything
    // else is a CERTIFICATE block that does not parse.
    const unsigned long e = ERR_peek_last_error();
    if (e && !(ERR_GET_LIB(e) == ERR_LIB_PEM && ERR_GET_REASON(e) == PEM_R_NO_START_LINE))
        return make_error(Reason::bad_config, "PEM certificate " + std::to_string(out.size() + 1) +
                                                  " does not parse: " + last_openssl_error(""));
    ERR_clear_error();
    if (out.empty()) return make_error(Reason::bad_config, "PEM: no CERTIFICATE block found");
    return out;
}

}  // namespace pki
}  // namespace tlspp
