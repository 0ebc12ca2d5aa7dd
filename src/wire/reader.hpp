// wire/reader.hpp: a bounds-checked cursor over bytes from the peer.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "tlspp/error.hpp"

namespace tlspp::wire {

using Bytes = std::vector<std::uint8_t>;
using ByteView = std::span<const std::uint8_t>;

// Reader reads big-endian integers and length-prefixed blocks. A failed read
// returns false, leaves the cursor where it was, and records why
// (Reason::truncated or Reason::length_out_of_range) for the error message.
// Nothing can read past the bytes it was given: a block's Reader sees only
// the block.
class Reader {
public:
    Reader() = default;
    explicit Reader(ByteView bytes) : rest_(bytes) {}

    [[nodiscard]] bool u8(std::uint8_t& out);
    [[nodiscard]] bool u16(std::uint16_t& out);
    [[nodiscard]] bool u24(std::uint32_t& out);
    [[nodiscard]] bool u32(std::uint32_t& out);
    [[nodiscard]] bool u64(std::uint64_t& out);

    // Any enum whose underlying type is one of the widths above.
    template <class E>
        requires std::is_enum_v<E>
    [[nodiscard]] bool value(E& out) {
        std::underlying_type_t<E> raw{};
        bool ok;
        if constexpr (sizeof(raw) == 1) ok = u8(raw);
        else ok = u16(raw);
        if (ok) out = static_cast<E>(raw);
        return ok;
    }

    template <std::size_t N>
    [[nodiscard]] bool fixed(std::array<std::uint8_t, N>& out) {
        ByteView b;
        if (!bytes(N, b)) return false;
        std::copy(b.begin(), b.end(), out.begin());
        return true;
    }

    // Exactly n bytes, as a view into the input.
    [[nodiscard]] bool bytes(std::size_t n, ByteView& out);

    // Length-prefixed block of min..max bytes (the RFC's <min..max>).
    [[nodiscard]] bool u8_block(Reader& block, std::size_t min, std::size_t max);
    [[nodiscard]] bool u16_block(Reader& block, std::size_t min, std::size_t max);
    [[nodiscard]] bool u24_block(Reader& block, std::size_t min, std::size_t max);

    // The same, copying the block's bytes out.
    [[nodiscard]] bool u8_bytes(Bytes& out, std::size_t min, std::size_t max);
    [[nodiscard]] bool u16_bytes(Bytes& out, std::size_t min, std::size_t max);
    [[nodiscard]] bool u24_bytes(Bytes& out, std::size_t min, std::size_t max);

    ByteView rest() const { return rest_; }
    std::size_t remaining() const { return rest_.size(); }
    bool empty() const { return rest_.empty(); }
    // Bytes consumed since this Reader was made (for error offsets).
    std::size_t consumed() const { return consumed_; }
    Reason failure() const { return failure_; }
    const std::string& failure_detail() const { return detail_; }

private:
    bool fail(Reason why, std::string detail);
    bool block(std::size_t prefix_len, Reader& block, std::size_t min, std::size_t max);

    ByteView rest_;
    std::size_t consumed_ = 0;
    Reason failure_ = Reason::truncated;
    std::string detail_;
};

// decode_error builds the Error for a failed read: "<what>: <reader's detail> at offset N".
Error decode_error(std::string_view what, const Reader& r);
// decode_error for a check made by the caller (trailing bytes, a bad value).
Error decode_error(std::string_view what, Reason reason, std::string_view detail = {});

}  // namespace tlspp::wire
