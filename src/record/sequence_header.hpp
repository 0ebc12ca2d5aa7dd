// record/sequence_header.hpp: the 13 bytes TLS 1.2 record protection
// authenticates besides the fragment (RFC 5246 §6.2.3.1 for the MAC of
// CBC records, §6.2.3.3 for an AEAD's additional data): seq_num (8) ||
// type (1) || version (2) || length (2).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace tlspp::record {

// put_u64 writes `v` big-endian into out[0..7].
inline void put_u64(std::uint8_t* out, std::uint64_t v) {
    for (int i = 7; i >= 0; --i) {
        out[i] = static_cast<std::uint8_t>(v);
        v >>= 8;
    }
}

// sequence_header builds the 13 bytes. For a MAC-then-encrypt record the
// length is secret on the receive path: it is written with shifts, never
// branched on.
inline std::array<std::uint8_t, 13> sequence_header(std::uint64_t seq, std::uint8_t type, std::uint8_t major,
                                                    std::uint8_t minor, std::size_t length) {
    std::array<std::uint8_t, 13> h;
    put_u64(h.data(), seq);
    h[8] = type;
    h[9] = major;
    h[10] = minor;
    h[11] = static_cast<std::uint8_t>(length >> 8);
    h[12] = static_cast<std::uint8_t>(length);
    return h;
}

}  // namespace tlspp::record
