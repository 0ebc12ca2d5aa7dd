// pki/certified_key.hpp: the inside of tlspp::CertifiedKey and TrustStore.
#pragma once

#include <cstdint>
#include <mutex>
#include <vector>

#include "crypto/signature.hpp"
#include "tlspp/trust.hpp"

struct x509_store_st;  // OpenSSL's X509_STORE

namespace tlspp {

struct CertifiedKey::Impl {
    std::vector<CertificateDer> chain;   // leaf first
    crypto::PrivateKey key;
    crypto::PublicKey leaf_key;
    // What the leaf's keyUsage allows (RFC 5280 §4.2.1.3; both true when it
    // has none): negotiation skips suites the certificate cannot serve.
    bool may_sign = true;        // digitalSignature: (EC)DHE suites
    bool may_encipher = true;    // keyEncipherment: RSA key transport
    // The chain's strength in bits of security, computed once at load: the
    // weakest of its keys and of its signatures (a self-signed root's own
    // aside). validate() runs for every connection, so it compares this
    // number with the security level instead of parsing the chain again.
    int strength_bits = 0;
};

struct TrustStore::Impl {
    x509_store_st* store = nullptr;      // owned; freed in ~Impl
    // id names this store for the verified-chain cache: unique in the
    // process, never reused (a pointer could be, once a store is freed),
    // shared by copies of the TrustStore, which share this Impl.
    const std::uint64_t id;
    // subject_names() computed once per store content (a hashed directory
    // store grows as lookups load certificates): every mutual-TLS handshake
    // sends them in its CertificateRequest.
    mutable std::mutex names_mutex;
    mutable std::vector<std::vector<std::uint8_t>> names;
    mutable int names_for_objects = -1;   // the store's object count when `names` was made
    Impl();
    ~Impl();
};

}  // namespace tlspp
