// record/sequence_header.hpp: the 13 bytes TLS 1.2 record protection
// authenticates besides the fragment (RFC 5246 §6.2.3.1 for the MAC of
// CBC records, §6.2.3.3 for an AEAD's additional data): seq_num (8) ||
// type (1) || version (2) || length (2).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>

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

// SequenceNumber is one direction's record counter (RFC 5246 §6.1:
// "Sequence numbers ... may not exceed 2^64-1"; RFC 8446 §5.3). Past the last
// value it is exhausted: a protection then refuses every further record,
// since reusing a number would reuse a nonce or a MAC input.
class SequenceNumber {
public:
    explicit SequenceNumber(std::uint64_t first) : value_(first) {}
    std::uint64_t value() const { return value_; }
    bool exhausted() const { return exhausted_; }
    void advance() {
        if (value_ == std::numeric_limits<std::uint64_t>::max())
            exhausted_ = true;
        else
            ++value_;
    }

private:
    std::uint64_t value_;
    bool exhausted_ = false;
};

// iv_xor_sequence is the per-record nonce of RFC 7905 §2 and RFC 8446 §5.3:
// the sequence number, big-endian and left-padded with zeros to the IV's 12
// bytes, XORed with the IV.
inline std::array<std::uint8_t, 12> iv_xor_sequence(const std::array<std::uint8_t, 12>& iv, std::uint64_t seq) {
    std::array<std::uint8_t, 12> nonce = iv;
    std::uint8_t padded[8];
    put_u64(padded, seq);
    for (int i = 0; i < 8; ++i) nonce[4 + i] ^= padded[i];
    return nonce;
}

// wipe clears key material; volatile so the stores are not optimised away.
template <std::size_t N>
inline void wipe(std::array<std::uint8_t, N>& a) {
    volatile std::uint8_t* p = a.data();
    for (std::size_t i = 0; i < N; ++i) p[i] = 0;
}

}  // namespace tlspp::record
