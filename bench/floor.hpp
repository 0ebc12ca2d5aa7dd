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
void chain_verify_client();            // d2i_X509 of the RSA-2048 client leaf + X509_verify_cert (purpose sslclient)
void rsa_encrypt();                    // RSA-2048 PKCS#1 v1.5 encryption of a 48-byte premaster secret (client)
void rsa_decrypt();                    // its decryption with the private key (server)
void ffdhe2048_keygen_derive();        // ffdhe2048 key pair (libcrypto's default 225-bit exponent), peer value imported
                                       // and range-checked (RFC 7919 §5.1), derive
void ffdhe2048_peer_check();           // import + EVP_PKEY_public_check (Y^q mod p): what EVP_PKEY_derive_set_peer adds

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
