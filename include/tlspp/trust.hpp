// tlspp/trust.hpp: trust anchors for certificate verification, and a certificate with its key.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tlspp/result.hpp"

namespace tlspp {

using CertificateDer = std::vector<std::uint8_t>;

// TrustStore is a set of trusted CA certificates (and, later, CRLs). Copies
// share one immutable store, so one store serves every connection.
class TrustStore {
public:
    // system() is the operating system's CA bundle (OpenSSL's default paths).
    static Result<TrustStore> system();
    // from_file reads PEM certificates from a file (a bundle); from_directory
    // uses an OpenSSL hashed directory (c_rehash); from_pem parses PEM text.
    static Result<TrustStore> from_file(const std::string& path);
    static Result<TrustStore> from_directory(const std::string& path);
    static Result<TrustStore> from_pem(std::string_view pem);

    struct Impl;  // defined in src/pki/
    const Impl& impl() const { return *impl_; }

private:
    explicit TrustStore(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
    friend struct TrustStoreAccess;
    std::shared_ptr<const Impl> impl_;
};

// CertifiedKey is a certificate chain (leaf first) with the leaf's private key.
class CertifiedKey {
public:
    // from_pem_files loads the chain and the key (RSA, ECDSA P-256/P-384,
    // Ed25519, PKCS#8 or traditional PEM). It fails with bad_config if the
    // files cannot be read, parsed, or the key does not match the leaf.
    static Result<CertifiedKey> from_pem_files(const std::string& chain_path, const std::string& key_path);
    static Result<CertifiedKey> from_pem(std::string_view chain_pem, std::string_view key_pem);

    const std::vector<CertificateDer>& chain() const;

    struct Impl;  // defined in src/pki/
    const Impl& impl() const { return *impl_; }

private:
    explicit CertifiedKey(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
    friend struct CertifiedKeyAccess;
    std::shared_ptr<const Impl> impl_;
};

}  // namespace tlspp
