// RFC 8446 §4.2.2 cookie, §4.2.9 psk_key_exchange_modes and §4.2.4
// certificate_authorities: opaque vectors with nothing to interpret here.
#include "msg/codec.hpp"
#include "msg/extensions/hello_extensions.hpp"

namespace tlspp::msg {

Result<Bytes> decode_cookie(ByteView data) {
    wire::Reader r(data);
    Bytes cookie;
    if (!r.u16_bytes(cookie, 1, 0xffff)) return wire::decode_error("cookie", r);
    if (auto end = codec::expect_end(r, "cookie"); !end) return std::move(end).error();
    return cookie;
}

void encode_cookie(wire::Writer& w, ByteView cookie) { w.u16_bytes(cookie); }

Result<Bytes> decode_psk_key_exchange_modes(ByteView data) {
    wire::Reader r(data);
    Bytes modes;
    if (!r.u8_bytes(modes, 1, 0xff)) return wire::decode_error("psk_key_exchange_modes", r);
    if (auto end = codec::expect_end(r, "psk_key_exchange_modes"); !end) return std::move(end).error();
    return modes;
}

void encode_psk_key_exchange_modes(wire::Writer& w, ByteView modes) { w.u8_bytes(modes); }

Result<std::vector<Bytes>> decode_certificate_authorities(ByteView data) {
    wire::Reader r(data), list;
    if (!r.u16_block(list, 3, 0xffff)) return wire::decode_error("certificate_authorities", r);
    if (auto end = codec::expect_end(r, "certificate_authorities"); !end) return std::move(end).error();
    std::vector<Bytes> names;
    while (!list.empty()) {
        Bytes name;
        if (!list.u16_bytes(name, 1, 0xffff))
            return wire::decode_error("certificate_authorities[" + std::to_string(names.size()) + "]", list);
        names.push_back(std::move(name));
    }
    return names;
}

void encode_certificate_authorities(wire::Writer& w, const std::vector<Bytes>& names) {
    auto block = w.u16_block();
    for (const auto& name : names) w.u16_bytes(name);
}

}  // namespace tlspp::msg
