// crypto/constant_time.hpp: branch-free comparisons and selections on
// secret values, for the CBC record path (Lucky13, AlFardan and Paterson
// 2013), where the padding length and so the plaintext length are secret.
//
// Every function returns a mask: all ones for true, all zeros for false, so
// a caller combines results with & and | and selects with masks instead of
// branching. The helpers follow the shape of OpenSSL's and BoringSSL's
// constant_time_* functions; value_barrier stops the compiler from proving a
// mask is 0 or 1 and turning the arithmetic back into a branch.
#pragma once

#include <cstddef>
#include <cstdint>

namespace tlspp::crypto::ct {

using Mask = std::size_t;

inline Mask value_barrier(Mask a) {
#if defined(__GNUC__) || defined(__clang__)
    __asm__("" : "+r"(a) : /* no inputs */);
#endif
    return a;
}

// msb spreads the top bit of `a` over the whole word.
inline Mask msb(Mask a) { return Mask{0} - (value_barrier(a) >> (sizeof(Mask) * 8 - 1)); }

inline Mask is_zero(Mask a) { return msb(~a & (a - 1)); }
inline Mask eq(Mask a, Mask b) { return is_zero(a ^ b); }
// lt is a < b for the full unsigned range (no overflow assumption).
inline Mask lt(Mask a, Mask b) { return msb(a ^ ((a ^ b) | ((a - b) ^ b))); }
inline Mask ge(Mask a, Mask b) { return ~lt(a, b); }
inline Mask le(Mask a, Mask b) { return ~lt(b, a); }

inline std::uint8_t byte(Mask m) { return static_cast<std::uint8_t>(m); }
// select is mask ? a : b.
inline Mask select(Mask mask, Mask a, Mask b) { return (mask & a) | (~mask & b); }

// equal compares two buffers of public length `n` without an early exit.
inline Mask equal(const std::uint8_t* a, const std::uint8_t* b, std::size_t n) {
    std::uint8_t diff = 0;
    for (std::size_t i = 0; i < n; ++i) diff |= a[i] ^ b[i];
    return is_zero(diff);
}

}  // namespace tlspp::crypto::ct
