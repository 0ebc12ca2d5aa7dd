// msg/codec.hpp: small helpers shared by the message and extension codecs in
// src/msg (not part of the contract headers).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "msg/extensions/extension.hpp"
#include "msg/extensions/table.hpp"
#include "tlspp/result.hpp"
#include "wire/reader.hpp"
#include "wire/writer.hpp"

namespace tlspp::msg::codec {

// expect_end fails with trailing_bytes if `r` has bytes left. Every block a
// decoder opens ends with this check, so nothing after the last field is
// silently ignored.
inline Status expect_end(const wire::Reader& r, std::string_view what) {
    if (r.empty()) return {};
    return wire::decode_error(what, Reason::trailing_bytes,
                              std::to_string(r.remaining()) + " trailing bytes");
}

// read_u16_list reads a u16-length-prefixed list of 16-bit code points
// (cipher suites, groups, signature schemes) of min..max bytes. An odd
// length cannot hold whole code points: length_out_of_range.
template <class T>
Status read_u16_list(wire::Reader& r, std::size_t min, std::size_t max, std::vector<T>& out,
                     std::string_view what) {
    wire::Reader list;
    if (!r.u16_block(list, min, max)) return wire::decode_error(what, r);
    if (list.remaining() % 2 != 0)
        return wire::decode_error(what, Reason::length_out_of_range,
                                  "length " + std::to_string(list.remaining()) + " is odd, entries are 2 bytes");
    out.clear();
    out.reserve(list.remaining() / 2);
    while (!list.empty()) {
        std::uint16_t code = 0;
        if (!list.u16(code)) return wire::decode_error(what, list);
        out.push_back(static_cast<T>(code));
    }
    return {};
}

template <class T>
void write_u16_list(wire::Writer& w, const std::vector<T>& items) {
    auto block = w.u16_block();
    for (const auto& item : items) w.u16(static_cast<std::uint16_t>(item));
}

// decode_hello_extensions reads the extensions block that ends a hello
// (optional in TLS 1.2, RFC 5246 §7.4.1.2/§7.4.1.3), keeps every extension
// raw in `hello.extensions`, and fills the fields of the ones the extension
// table has a codec for (decode_fields).
template <class Hello>
Status decode_hello_extensions(wire::Reader& r, Hello& hello, std::string_view what) {
    if (r.empty()) return {};
    wire::Reader block;
    if (!r.u16_block(block, 0, 0xffff)) return wire::decode_error(std::string(what) + ".extensions", r);
    if (auto end = expect_end(r, what); !end) return end;
    auto list = decode_extension_list(block, what);
    if (!list) return std::move(list).error();
    hello.extensions = std::move(*list);
    return decode_fields(hello);
}

// in_message turns an extension decoder's "server_name: ..." into
// "ClientHello.server_name: ..." so the error names the message too.
inline Error in_message(Error e, std::string_view message) {
    e.detail = std::string(message) + "." + e.detail;
    return e;
}

}  // namespace tlspp::msg::codec
