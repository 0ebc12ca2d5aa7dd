// wire/writer.hpp: appends big-endian integers and length-prefixed blocks.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <type_traits>
#include <vector>

namespace tlspp::wire {

// Writer appends to a byte vector it does not own. Blocks are opened with
// u8_block()/u16_block()/u24_block(), which return a guard that writes the
// block's length when it goes out of scope (picotls ptls_buffer_push_block).
class Writer {
public:
    explicit Writer(std::vector<std::uint8_t>& out) : out_(&out) {}

    void u8(std::uint8_t v) { out_->push_back(v); }
    void u16(std::uint16_t v) { u8(static_cast<std::uint8_t>(v >> 8)); u8(static_cast<std::uint8_t>(v)); }
    void u24(std::uint32_t v) { u8(static_cast<std::uint8_t>(v >> 16)); u16(static_cast<std::uint16_t>(v)); }
    void u32(std::uint32_t v) { u16(static_cast<std::uint16_t>(v >> 16)); u16(static_cast<std::uint16_t>(v)); }
    void u64(std::uint64_t v) { u32(static_cast<std::uint32_t>(v >> 32)); u32(static_cast<std::uint32_t>(v)); }
    void bytes(std::span<const std::uint8_t> b) { out_->insert(out_->end(), b.begin(), b.end()); }

    template <class E>
        requires std::is_enum_v<E>
    void value(E v) {
        if constexpr (sizeof(E) == 1) u8(static_cast<std::uint8_t>(v));
        else u16(static_cast<std::uint16_t>(v));
    }

    class Block {
    public:
        Block(std::vector<std::uint8_t>& out, std::size_t prefix_len);
        Block(const Block&) = delete;
        Block& operator=(const Block&) = delete;
        ~Block();
    private:
        std::vector<std::uint8_t>& out_;
        std::size_t start_;
        std::size_t prefix_len_;
    };

    [[nodiscard]] Block u8_block() { return Block(*out_, 1); }
    [[nodiscard]] Block u16_block() { return Block(*out_, 2); }
    [[nodiscard]] Block u24_block() { return Block(*out_, 3); }

    void u8_bytes(std::span<const std::uint8_t> b) { auto blk = u8_block(); bytes(b); }
    void u16_bytes(std::span<const std::uint8_t> b) { auto blk = u16_block(); bytes(b); }
    void u24_bytes(std::span<const std::uint8_t> b) { auto blk = u24_block(); bytes(b); }

    std::size_t size() const { return out_->size(); }
    std::vector<std::uint8_t>& buffer() { return *out_; }

private:
    std::vector<std::uint8_t>* out_;
};

}  // namespace tlspp::wire
