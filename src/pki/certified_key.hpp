// pki/certified_key.hpp: the inside of tlspp::CertifiedKey and TrustStore.
#pragma once

#include <vector>

#include "crypto/signature.hpp"
#include "tlspp/trust.hpp"

struct x509_store_st;  // OpenSSL's X509_STORE

namespace tlspp {

struct CertifiedKey::Impl {
    std::vector<CertificateDer> chain;   // leaf first
    crypto::PrivateKey key;
    crypto::PublicKey leaf_key;
};

struct TrustStore::Impl {
    x509_store_st* store = nullptr;      // owned; freed in ~Impl
    ~Impl();
};

}  // namespace tlspp
