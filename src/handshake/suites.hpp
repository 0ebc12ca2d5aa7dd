// handshake/suites.hpp: what each cipher suite means, in one table.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "crypto/aead.hpp"
#include "crypto/hash.hpp"
#include "tlspp/types.hpp"

namespace tlspp::handshake {

// TLS 1.3 suites name neither: key exchange and authentication are agreed by
// extensions (RFC 8446 §4.2.8, §4.2.3), `any` as OpenSSL lists them (Kx=any Au=any).
enum class KeyExchange { ecdhe, dhe, rsa, any };
enum class Authentication { rsa, ecdsa, any };

// The record protection of a suite: an AEAD (RFC 5288, RFC 7905) or AES-CBC
// with an HMAC (RFC 5246 §6.2.3.2, the legacy suites).
enum class Cipher { aes_128_gcm, aes_256_gcm, chacha20_poly1305, aes_128_cbc, aes_256_cbc };

struct SuiteInfo {
    CipherSuite suite;
    KeyExchange key_exchange;
    Authentication authentication;
    Cipher cipher;
    // CBC suites: the HMAC's hash (the suite name's last part: SHA = SHA-1,
    // RFC 5246 Appendix C); AEAD suites have no MAC key.
    std::optional<crypto::HashAlg> mac;
    crypto::HashAlg prf_hash;          // SHA-256, or SHA-384 for the _SHA384 suites (RFC 5288, RFC 5289)
    std::size_t fixed_iv_length;       // RFC 5288: 4 (salt); RFC 7905: 12; CBC: 0 (explicit IV per record); TLS 1.3: 12
                                       // prf_hash is the HKDF hash for TLS 1.3 suites
    std::string_view openssl_name;     // "ECDHE-RSA-AES128-GCM-SHA256"
    // The one version the suite belongs to: TLS 1.2 suites are not used in
    // TLS 1.3 nor the reverse (RFC 8446 §4.1.2, Appendix B.4).
    ProtocolVersion version = ProtocolVersion::tls12;

    bool is_aead() const { return !mac.has_value(); }
    // aead is the AEAD of an AEAD suite (is_aead() must hold).
    crypto::AeadAlg aead() const;
    std::size_t key_length() const;    // the write key of the key block: 16 or 32
};

// find_suite returns the suite's row, or nullptr for a suite tlspp does not implement.
const SuiteInfo* find_suite(CipherSuite suite);
const SuiteInfo* find_suite(std::uint16_t code);
std::span<const SuiteInfo> all_suites();

// suite_by_name accepts the IANA name or OpenSSL's name.
std::optional<CipherSuite> suite_by_name(std::string_view name);

// group_by_name accepts any group of the group table by its IANA name or
// its label ("x25519", "P-256"/"secp256r1"/"prime256v1", "ffdhe2048"...),
// in any case.
std::optional<NamedGroup> group_by_name(std::string_view name);
// group_names lists what group_by_name accepts, generated from the group
// table, for help texts and errors: "x25519, x448, P-256 (secp256r1), ...".
std::string group_names();
std::optional<SignatureScheme> scheme_by_name(std::string_view name);

// protection_name is the record protection's name for people: "AES-128-GCM",
// "AES-128-CBC with HMAC-SHA1" (with encrypt_then_mac: "AES-128-CBC, then HMAC-SHA1").
std::string_view protection_name(const SuiteInfo& suite, bool encrypt_then_mac = false);

// hash_of_scheme is the hash a signature scheme signs with (none for ed25519).
std::optional<crypto::HashAlg> hash_of_scheme(SignatureScheme scheme);

// scheme_security_bits is a signature scheme's strength, classified by its
// hash (crypto::hash_security_bits: SHA-1 80, SHA-224 112, SHA-256 128, ...),
// so that a scheme added to hash_of_scheme is classified with it; EdDSA per
// RFC 8032 §8.5 (Ed25519 128, Ed448 224); 0 for a scheme of unknown hash.
int scheme_security_bits(SignatureScheme scheme);

// scheme_allowed says whether `scheme` may be offered or accepted at
// security level `level` (ClientConfig::security_level).
bool scheme_allowed(SignatureScheme scheme, int level);

// allowed_schemes is `schemes` without those `level` refuses, in order.
std::vector<SignatureScheme> allowed_schemes(const std::vector<SignatureScheme>& schemes, int level);

}  // namespace tlspp::handshake
