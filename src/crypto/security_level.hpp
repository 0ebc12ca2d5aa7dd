// crypto/security_level.hpp: OpenSSL's security levels 0-5 as numbers
// (SSL_CTX_set_security_level(3)): the bits of security each level needs, and
// the key sizes that give them. ClientConfig::security_level says what each
// level refuses.
#pragma once

#include <array>

#include "crypto/hash.hpp"

namespace tlspp::crypto {

inline constexpr int min_security_level = 0;
inline constexpr int max_security_level = 5;
inline constexpr int default_security_level = 2;

inline bool valid_security_level(int level) { return level >= min_security_level && level <= max_security_level; }

namespace detail {
inline constexpr std::array<int, 6> level_bits{0, 80, 112, 128, 192, 256};
// RSA, DSA and finite-field DH moduli (NIST SP 800-57 Part 1, table 2).
inline constexpr std::array<int, 6> level_modulus_bits{0, 1024, 2048, 3072, 7680, 15360};
// Elliptic curves: twice the bits of security.
inline constexpr std::array<int, 6> level_ec_bits{0, 160, 224, 256, 384, 512};
inline int clamp(int level) { return level < 0 ? 0 : level > max_security_level ? max_security_level : level; }
}  // namespace detail

// security_bits is the strength `level` needs: 0, 80, 112, 128, 192 or 256.
inline int security_bits(int level) { return detail::level_bits[detail::clamp(level)]; }
// min_modulus_bits is the smallest RSA, DSA or DH modulus `level` accepts.
inline int min_modulus_bits(int level) { return detail::level_modulus_bits[detail::clamp(level)]; }
// min_ec_bits is the smallest elliptic-curve order `level` accepts.
inline int min_ec_bits(int level) { return detail::level_ec_bits[detail::clamp(level)]; }

// hash_security_bits is the strength of a signature made with `hash`: half
// its output, except SHA-1. OpenSSL 3 rates a SHA-1 signature at 63-64 bits
// (chosen-prefix collisions cost about 2^63), which refuses it at level 1 too;
// tlspp rates it at 80, so that level 1 is the level that lets SHA-1 peers
// through and level 2 (the default) refuses them.
inline int hash_security_bits(HashAlg hash) {
    if (hash == HashAlg::sha1) return 80;
    return static_cast<int>(hash_length(hash)) * 4;
}

}  // namespace tlspp::crypto
