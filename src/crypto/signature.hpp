// crypto/signature.hpp: private keys that sign, public keys that verify,
// by TLS SignatureScheme.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "crypto/hash.hpp"
#include "tlspp/random.hpp"
#include "tlspp/result.hpp"
#include "tlspp/types.hpp"

struct evp_pkey_st;  // OpenSSL's EVP_PKEY

namespace tlspp::crypto {

enum class KeyType { rsa, ecdsa_p256, ecdsa_p384, ecdsa_p521, ed25519, ed448, unknown };

std::string_view name(KeyType type);  // "RSA", "ECDSA P-256", "Ed25519"

// known_schemes lists every SignatureScheme of tlspp's one scheme table
// (signature.cpp), most preferred first: ECDSA, EdDSA, RSA-PSS, PKCS#1, and
// the TLS 1.2-only SHA-224 and SHA-1 pairs last.
std::span<const SignatureScheme> known_schemes();

// scheme_hash is the hash a scheme signs over; nullopt for EdDSA (which
// hashes internally) and for code points the table does not know.
std::optional<HashAlg> scheme_hash(SignatureScheme scheme);

// scheme_fits_key says whether `scheme` can be made/checked with a key of
// this type (rsa_pkcs1_* and rsa_pss_rsae_* for RSA; ecdsa_secp256r1_sha256
// only for P-256 in TLS 1.3, any ECDSA hash for any curve in TLS 1.2; the
// PKCS#1, SHA-1 and SHA-224 schemes only in TLS 1.2).
bool scheme_fits_key(SignatureScheme scheme, KeyType type, ProtocolVersion version);

class PublicKey {
public:
    // from_certificate takes the SubjectPublicKeyInfo of a DER certificate.
    // Fails with certificate_invalid if the certificate does not parse.
    static Result<PublicKey> from_certificate(std::span<const std::uint8_t> der);

    // from_raw shares an EVP_PKEY the caller already has (for crypto/ and
    // pki/ only: verify_chain takes the leaf's key from the X509 it parsed,
    // instead of parsing the certificate a second time). It takes its own
    // reference (EVP_PKEY_up_ref); the caller keeps its own. Fails with
    // certificate_invalid if `key` is null.
    static Result<PublicKey> from_raw(evp_pkey_st* key);

    KeyType type() const { return type_; }
    int bits() const { return bits_; }

    // verify checks `signature` over `message` with `scheme`. It fails with
    // bad_signature (decrypt_error) if the signature is wrong, and with
    // unoffered_signature_scheme if the scheme does not fit the key.
    Status verify(SignatureScheme scheme, std::span<const std::uint8_t> message,
                  std::span<const std::uint8_t> signature) const;

    evp_pkey_st* raw() const { return key_.get(); }  // for crypto/ and pki/ only

private:
    PublicKey(std::shared_ptr<evp_pkey_st> key, KeyType type, int bits)
        : key_(std::move(key)), type_(type), bits_(bits) {}
    std::shared_ptr<evp_pkey_st> key_;
    KeyType type_;
    int bits_;
};

class PrivateKey {
public:
    // from_pem parses a PEM private key (PKCS#8, or traditional RSA/EC).
    // Fails with bad_config naming the problem.
    static Result<PrivateKey> from_pem(std::string_view pem);

    KeyType type() const { return type_; }
    int bits() const { return bits_; }

    // sign signs `message` (hashing it as the scheme says). RSA-PSS uses a
    // salt as long as the hash (RFC 8446 §4.2.3). Fails with internal_error.
    // Thread-safe: copies of a key may sign at the same time.
    Result<std::vector<std::uint8_t>> sign(SignatureScheme scheme, std::span<const std::uint8_t> message) const;

    // matches says whether `pub` is this key's public half.
    bool matches(const PublicKey& pub) const;

    evp_pkey_st* raw() const { return key_.get(); }  // for crypto/ and pki/ only

    class Signers;  // prepared signing contexts, shared by the copies of a key (signature.cpp)

private:
    PrivateKey(std::shared_ptr<evp_pkey_st> key, KeyType type, int bits);
    std::shared_ptr<evp_pkey_st> key_;
    std::shared_ptr<Signers> signers_;
    KeyType type_;
    int bits_;
};

}  // namespace tlspp::crypto
