// handshake/suites.hpp: what each cipher suite means, in one table.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "crypto/aead.hpp"
#include "crypto/hash.hpp"
#include "tlspp/types.hpp"

namespace tlspp::handshake {

enum class KeyExchange { ecdhe, dhe, rsa };
enum class Authentication { rsa, ecdsa };

struct SuiteInfo {
    CipherSuite suite;
    KeyExchange key_exchange;
    Authentication authentication;
    crypto::AeadAlg aead;
    crypto::HashAlg prf_hash;
    std::size_t fixed_iv_length;       // RFC 5288: 4 (salt); RFC 7905: 12
    std::string_view openssl_name;     // "ECDHE-RSA-AES128-GCM-SHA256"
};

// find_suite returns the suite's row, or nullptr for a suite tlspp does not implement.
const SuiteInfo* find_suite(CipherSuite suite);
const SuiteInfo* find_suite(std::uint16_t code);
std::span<const SuiteInfo> all_suites();

// suite_by_name accepts the IANA name or OpenSSL's name.
std::optional<CipherSuite> suite_by_name(std::string_view name);

// group_by_name accepts "x25519", "P-256"/"secp256r1"/"prime256v1", "P-384"/"secp384r1", "ffdhe2048"...
std::optional<NamedGroup> group_by_name(std::string_view name);
std::optional<SignatureScheme> scheme_by_name(std::string_view name);

// protection_name is the record protection's name for people: "AES-128-GCM".
std::string_view protection_name(crypto::AeadAlg aead);

// hash_of_scheme is the hash a signature scheme signs with (none for ed25519).
std::optional<crypto::HashAlg> hash_of_scheme(SignatureScheme scheme);

}  // namespace tlspp::handshake
