// crypto/dhe_client.hpp: the client's half of TLS 1.2 DHE with the group the
// server sent (RFC 5246 §7.4.3 ServerDHParams). Servers choose their own
// (p, g): OpenSSL 3.0 sends the RFC 3526 MODP primes, GnuTLS RFC 7919's.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "crypto/secret.hpp"
#include "tlspp/random.hpp"
#include "tlspp/result.hpp"

namespace tlspp::crypto {

struct DheClientShare {
    std::vector<std::uint8_t> public_value;   // dh_Yc, big-endian, no leading zeros
    SecretBytes shared_secret;                // Z with leading zero bytes stripped (RFC 5246 §8.1.2)
};

// The largest prime a server may send. Each doubling of p costs about eight
// times the CPU in our two exponentiations, and a 170,000-bit prime took 9 s;
// OpenSSL refuses above 10,000 bits (OPENSSL_DH_MAX_MODULUS_BITS), tlspp above
// 8,192, the largest RFC 7919 group.
inline constexpr int max_dhe_prime_bits = 8192;

// check_dhe_prime_size bounds the server's prime before any arithmetic on it:
// insufficient_security below `min_bits`, bad_key_share (illegal_parameter)
// above max_dhe_prime_bits. It only counts bits (no bignum is built).
Status check_dhe_prime_size(std::span<const std::uint8_t> p, int min_bits);

// dhe_client_agree draws a private exponent from `random`, computes
// Yc = g^x mod p and Z = Ys^x mod p. It fails as check_dhe_prime_size does
// if p is out of bounds, and with bad_key_share (illegal_parameter)
// if p is even, g or Ys is not in 1 < v < p-1, or Z is 1.
Result<DheClientShare> dhe_client_agree(std::span<const std::uint8_t> p, std::span<const std::uint8_t> g,
                                        std::span<const std::uint8_t> server_public, RandomSource& random,
                                        int min_bits = 2048);

}  // namespace tlspp::crypto
