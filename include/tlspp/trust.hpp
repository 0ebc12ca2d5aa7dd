// tlspp/trust.hpp: trust anchors for certificate verification, and a certificate with its key.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tlspp/result.hpp"

namespace tlspp {

using CertificateDer = std::vector<std::uint8_t>;

// TrustStore is a set of trusted CA certificates, optionally with CRLs.
// Copies share one immutable store, so one store serves every connection.
class TrustStore {
public:
    // system() is the operating system's CA bundle (OpenSSL's default paths).
    static Result<TrustStore> system();
    // from_file reads PEM certificates from a file (a bundle); from_directory
    // uses an OpenSSL hashed directory (c_rehash); from_pem parses PEM text.
    static Result<TrustStore> from_file(const std::string& path);
    static Result<TrustStore> from_directory(const std::string& path);
    static Result<TrustStore> from_pem(std::string_view pem);

    // The same, with certificate revocation lists (RFC 5280 §5): `crl_path`
    // is a PEM file holding one or more X509 CRL blocks, or a directory whose
    // regular files are read in name order (files without a CRL block are
    // skipped; the directory must hold at least one CRL). A store made so
    // checks revocation of every certificate of a chain, leaf and CAs
    // (X509_V_FLAG_CRL_CHECK | X509_V_FLAG_CRL_CHECK_ALL), at the
    // verification time the caller gives:
    //   - a revoked certificate fails with certificate_revoked;
    //   - a certificate whose issuer has no CRL here, or whose CRL has
    //     expired, is not yet valid or has a bad signature, fails with
    //     certificate_invalid (bad_certificate): with CRLs configured, an
    //     unknown revocation status is a failure, not a pass.
    // So give a CRL for each CA in the chains you accept (the root's own
    // CRL, usually empty, included). Fails with bad_config if a file cannot
    // be read or holds no CRL, or a CRL does not parse.
    static Result<TrustStore> from_file(const std::string& ca_path, const std::string& crl_path);
    static Result<TrustStore> from_directory(const std::string& ca_path, const std::string& crl_path);
    static Result<TrustStore> from_pem(std::string_view ca_pem, std::string_view crl_pem);

    // checks_revocation says whether CRLs were configured.
    bool checks_revocation() const;

    // subject_names returns the DER-encoded subject Name of each CA
    // certificate in the store, without duplicates (for CertificateRequest.
    // certificate_authorities, RFC 5246 §7.4.4). Stores from from_file and
    // from_pem list all their CAs; from_directory and system() load
    // certificates only when a verification asks for them, so they list only
    // those already loaded (usually none): configure client CAs from a file
    // to advertise them.
    std::vector<std::vector<std::uint8_t>> subject_names() const;

    struct Impl;  // defined in src/pki/
    const Impl& impl() const { return *impl_; }

private:
    explicit TrustStore(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
    friend struct TrustStoreAccess;
    std::shared_ptr<const Impl> impl_;
};

// VerifiedChainCache remembers certificate chains that passed verification,
// so a repeat connection to the same server skips parsing the certificates
// and X.509 path validation (together ≈ 200–250 µs and ≈ 1,600 allocations
// per connection in libcrypto 3.0; docs/performance.md). Set it in
// ClientConfig::verified_chains (on by default) or
// ServerConfig::verified_client_chains (off by default). One cache may serve
// any number of connections and configs, from any threads.
//
// The rules:
//   - Only successes are cached. A chain that fails is verified again, in
//     full, every time it is presented.
//   - An entry is keyed by SHA-256 over: every certificate of the chain as
//     the peer sent it (DER, in order), the host name or IP address checked
//     (empty when none is), the purpose (server or client authentication)
//     and the identity of the TrustStore: copies of one TrustStore share an
//     identity; a store loaded again, even from the same file, is another
//     store and misses. A different chain, host name, purpose or store is a
//     miss and a full verification.
//   - An entry is usable at a time t (the connection's Clock) only when
//     latest notBefore ≤ t < min(verification time + window, earliest
//     notAfter of the verified chain, trust anchor included, and, for a
//     store with CRLs, the earliest nextUpdate of its CRLs). Outside that
//     the chain is verified again. So within the window a hit gives the
//     answer a full verification would give: the trust store is immutable
//     and time is the only other input.
//   - At most `capacity` entries; the least recently used goes first.
//   - A hit gives the leaf's public key, as verification would; the
//     connection still checks the signatures made with it (ServerKeyExchange,
//     CertificateVerify). The observer's "certificate chain" check says
//     "(cached)" on a hit.
class VerifiedChainCache {
public:
    struct Options {
        std::size_t capacity = 256;                       // entries; 0 caches nothing
        std::chrono::seconds window{std::chrono::minutes(10)};   // an entry's longest life
    };
    VerifiedChainCache();
    explicit VerifiedChainCache(Options options);
    ~VerifiedChainCache();
    VerifiedChainCache(const VerifiedChainCache&) = delete;
    VerifiedChainCache& operator=(const VerifiedChainCache&) = delete;

    struct Stats {
        std::uint64_t hits = 0;
        std::uint64_t misses = 0;      // lookups that found no usable entry (then verified in full)
        std::uint64_t evictions = 0;   // entries dropped for room
    };
    Stats stats() const;
    std::size_t size() const;
    void clear();

    struct Impl;  // defined in src/pki/
    Impl& impl() const { return *impl_; }

private:
    std::unique_ptr<Impl> impl_;
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
