#include "wire/reader.hpp"

#include <string>

namespace tlspp::wire {

bool Reader::fail(Reason why, std::string detail) {
    failure_ = why;
    detail_ = std::move(detail);
    return false;
}

bool Reader::bytes(std::size_t n, ByteView& out) {
    if (rest_.size() < n)
        return fail(Reason::truncated,
                    "needs " + std::to_string(n) + " bytes, has " + std::to_string(rest_.size()));
    out = rest_.first(n);
    rest_ = rest_.subspan(n);
    consumed_ += n;
    return true;
}

bool Reader::u8(std::uint8_t& out) {
    ByteView b;
    if (!bytes(1, b)) return false;
    out = b[0];
    return true;
}

bool Reader::u16(std::uint16_t& out) {
    ByteView b;
    if (!bytes(2, b)) return false;
    out = static_cast<std::uint16_t>(b[0] << 8 | b[1]);
    return true;
}

bool Reader::u24(std::uint32_t& out) {
    ByteView b;
    if (!bytes(3, b)) return false;
    out = std::uint32_t{b[0]} << 16 | std::uint32_t{b[1]} << 8 | b[2];
    return true;
}

bool Reader::u32(std::uint32_t& out) {
    ByteView b;
    if (!bytes(4, b)) return false;
    out = std::uint32_t{b[0]} << 24 | std::uint32_t{b[1]} << 16 | std::uint32_t{b[2]} << 8 | b[3];
    return true;
}

bool Reader::u64(std::uint64_t& out) {
    ByteView b;
    if (!bytes(8, b)) return false;
    out = 0;
    for (auto byte : b) out = out << 8 | byte;
    return true;
}

bool Reader::block(std::size_t prefix_len, Reader& out, std::size_t min, std::size_t max) {
    const ByteView start = rest_;
    const std::size_t start_consumed = consumed_;
    std::uint32_t len = 0;
    bool ok = false;
    if (prefix_len == 1) {
        std::uint8_t v;
        ok = u8(v);
        len = v;
    } else if (prefix_len == 2) {
        std::uint16_t v;
        ok = u16(v);
        len = v;
    } else {
        ok = u24(len);
    }
    if (!ok) return false;
    if (len < min || len > max) {
        rest_ = start;
        consumed_ = start_consumed;
        return fail(Reason::length_out_of_range, "length " + std::to_string(len) + " outside " +
                                                     std::to_string(min) + ".." + std::to_string(max));
    }
    ByteView body;
    if (!bytes(len, body)) {
        rest_ = start;
        consumed_ = start_consumed;
        return fail(Reason::truncated, "block of " + std::to_string(len) + " bytes, has " +
                                           std::to_string(start.size() - prefix_len));
    }
    out = Reader(body);
    return true;
}

bool Reader::u8_block(Reader& b, std::size_t min, std::size_t max) { return block(1, b, min, max); }
bool Reader::u16_block(Reader& b, std::size_t min, std::size_t max) { return block(2, b, min, max); }
bool Reader::u24_block(Reader& b, std::size_t min, std::size_t max) { return block(3, b, min, max); }

namespace {
bool copy_block(bool ok, const Reader& b, Bytes& out) {
    if (ok) out.assign(b.rest().begin(), b.rest().end());
    return ok;
}
}  // namespace

bool Reader::u8_bytes(Bytes& out, std::size_t min, std::size_t max) {
    Reader b;
    return copy_block(u8_block(b, min, max), b, out);
}
bool Reader::u16_bytes(Bytes& out, std::size_t min, std::size_t max) {
    Reader b;
    return copy_block(u16_block(b, min, max), b, out);
}
bool Reader::u24_bytes(Bytes& out, std::size_t min, std::size_t max) {
    Reader b;
    return copy_block(u24_block(b, min, max), b, out);
}

Error decode_error(std::string_view what, const Reader& r) {
    std::string detail(what);
    detail += ": ";
    detail += r.failure_detail().empty() ? std::string(name(r.failure())) : r.failure_detail();
    detail += " at offset " + std::to_string(r.consumed());
    return make_error(r.failure(), std::move(detail));
}

Error decode_error(std::string_view what, Reason reason, std::string_view detail) {
    std::string text(what);
    text += ": ";
    text += detail.empty() ? name(reason) : detail;
    return make_error(reason, std::move(text));
}

}  // namespace tlspp::wire
