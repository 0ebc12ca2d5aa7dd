// pki/trust_store.cpp: TrustStore (an X509_STORE of trust anchors) and the
// PEM reader shared by TrustStore and CertifiedKey.
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "pki/certified_key.hpp"
#include "pki/verify.hpp"

namespace tlspp {

// TrustStoreAccess is the only way to build a TrustStore (its constructor is private).
struct TrustStoreAccess {
    static TrustStore make(std::shared_ptr<const TrustStore::Impl> impl) { return TrustStore(std::move(impl)); }
};

namespace {
std::uint64_t next_trust_store_id() {
    static std::atomic<std::uint64_t> next{1};
    return next.fetch_add(1, std::memory_order_relaxed);
}
}  // namespace

TrustStore::Impl::Impl() : id(next_trust_store_id()) {}
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

// read_crls adds every X509 CRL block of `pem` to `store`; returns how many,
// or an error for one that does not parse.
Result<std::size_t> read_crls(X509_STORE* store, std::string_view pem, const std::string& where) {
    if (pem.empty()) return std::size_t{0};   // BIO_new_mem_buf refuses a null pointer
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())),
                                                   &BIO_free);
    if (!bio) return make_error(Reason::internal_error, "CRL: out of memory");
    std::size_t count = 0;
    ERR_clear_error();
    for (;;) {
        // Like PEM_read_bio_X509, this skips blocks of other types.
        X509_CRL* crl = PEM_read_bio_X509_CRL(bio.get(), nullptr, nullptr, nullptr);
        if (!crl) break;
        const bool added = X509_STORE_add_crl(store, crl) == 1;
        X509_CRL_free(crl);
        if (!added) return make_error(Reason::bad_config, "CRL " + where + ": " + last_openssl_error("cannot add"));
        ++count;
    }
    const unsigned long e = ERR_peek_last_error();
    if (e && !(ERR_GET_LIB(e) == ERR_LIB_PEM && ERR_GET_REASON(e) == PEM_R_NO_START_LINE))
        return make_error(Reason::bad_config, "CRL " + std::to_string(count + 1) + " in " + where +
                                                  " does not parse: " + last_openssl_error(""));
    ERR_clear_error();
    return count;
}

Result<std::string> read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    if (!in || !(text << in.rdbuf())) return make_error(Reason::bad_config, "cannot read " + path.string());
    return text.str();
}

// add_crls loads a CRL file, or every regular file of a directory, and turns
// revocation checking on for the whole chain.
Status add_crls(X509_STORE* store, const std::string& crl_path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    std::vector<fs::path> files;
    const bool directory = fs::is_directory(crl_path, ec);
    if (directory) {
        for (const auto& entry : fs::directory_iterator(crl_path, ec))
            if (entry.is_regular_file(ec)) files.push_back(entry.path());
        if (ec) return make_error(Reason::bad_config, "CRL directory " + crl_path + ": " + ec.message());
        std::sort(files.begin(), files.end());
    } else {
        files.emplace_back(crl_path);
    }
    std::size_t total = 0;
    for (const auto& file : files) {
        auto text = read_text(file);
        if (!text) return std::move(text).error();
        auto count = read_crls(store, *text, file.string());
        if (!count) return std::move(count).error();
        if (*count == 0 && !directory)
            return make_error(Reason::bad_config, "CRL file " + crl_path + ": no X509 CRL block found");
        total += *count;
    }
    if (total == 0) return make_error(Reason::bad_config, "CRL directory " + crl_path + ": no X509 CRL found");
    X509_STORE_set_flags(store, X509_V_FLAG_CRL_CHECK | X509_V_FLAG_CRL_CHECK_ALL);
    return {};
}

Status add_crls_pem(X509_STORE* store, std::string_view pem) {
    auto count = read_crls(store, pem, "PEM");
    if (!count) return std::move(count).error();
    if (*count == 0) return make_error(Reason::bad_config, "CRL PEM: no X509 CRL block found");
    X509_STORE_set_flags(store, X509_V_FLAG_CRL_CHECK | X509_V_FLAG_CRL_CHECK_ALL);
    return {};
}

}  // namespace

Result<TrustStore> TrustStore::from_file(const std::string& ca_path, const std::string& crl_path) {
    auto trust = from_file(ca_path);
    if (!trust) return trust;
    if (auto added = add_crls(trust->impl().store, crl_path); !added) return std::move(added).error();
    return trust;
}

Result<TrustStore> TrustStore::from_directory(const std::string& ca_path, const std::string& crl_path) {
    auto trust = from_directory(ca_path);
    if (!trust) return trust;
    if (auto added = add_crls(trust->impl().store, crl_path); !added) return std::move(added).error();
    return trust;
}

Result<TrustStore> TrustStore::from_pem(std::string_view ca_pem, std::string_view crl_pem) {
    auto trust = from_pem(ca_pem);
    if (!trust) return trust;
    if (auto added = add_crls_pem(trust->impl().store, crl_pem); !added) return std::move(added).error();
    return trust;
}

bool TrustStore::checks_revocation() const {
    const X509_VERIFY_PARAM* param = X509_STORE_get0_param(impl_->store);
    return param && (X509_VERIFY_PARAM_get_flags(param) & X509_V_FLAG_CRL_CHECK) != 0;
}

namespace {

// subject_names_in lists the DER subject Name of each certificate in `store`, without duplicates.
std::vector<std::vector<std::uint8_t>> subject_names_in(X509_STORE* store) {
    std::vector<std::vector<std::uint8_t>> names;
    STACK_OF(X509)* certs = X509_STORE_get1_all_certs(store);
    for (int i = 0; certs && i < sk_X509_num(certs); ++i) {
        unsigned char* der = nullptr;
        const int len = i2d_X509_NAME(X509_get_subject_name(sk_X509_value(certs, i)), &der);
        if (len <= 0) continue;
        std::vector<std::uint8_t> name(der, der + len);
        OPENSSL_free(der);
        if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(std::move(name));
    }
    sk_X509_pop_free(certs, X509_free);
    ERR_clear_error();
    return names;
}

}  // namespace

std::vector<std::vector<std::uint8_t>> TrustStore::subject_names() const {
    X509_STORE_lock(impl_->store);
    const int objects = sk_X509_OBJECT_num(X509_STORE_get0_objects(impl_->store));
    X509_STORE_unlock(impl_->store);
    std::lock_guard lock(impl_->names_mutex);
    if (impl_->names_for_objects != objects) {
        impl_->names = subject_names_in(impl_->store);
        impl_->names_for_objects = objects;
    }
    return impl_->names;
}

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
