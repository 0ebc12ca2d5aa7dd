// bench/floor.hpp: the crypto floor, the public-key and AEAD operations of a
// handshake or a record timed alone through libcrypto.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "pairs.hpp"

namespace bench::floor {

void x25519_keygen_derive();
void sign(Cert cert, bool pss);        // RSA-2048 (PSS or PKCS#1 v1.5) or ECDSA P-256, SHA-256, 100 bytes
void verify(Cert cert, bool pss);
void chain_verify(Cert cert);          // d2i_X509 of the leaf + X509_verify_cert (host, purpose) against the CA
void chain_verify_preparsed(Cert cert);// X509_verify_cert only, on a leaf parsed once
void parse_leaf(Cert cert);            // d2i_X509 + X509_free only

// Raw AEAD: seal then open `buf` in place (TLS 1.2 nonce and 13-byte AAD), as a record layer would.
class RawAead {
public:
    explicit RawAead(Aead aead);
    ~RawAead();
    void seal_open(std::vector<std::uint8_t>& buf);
private:
    void* enc_;
    void* dec_;
    std::uint64_t seq_ = 0;
    bool gcm_;
    std::uint8_t iv_[12];
};

}  // namespace bench::floor
