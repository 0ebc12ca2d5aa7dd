// RFC 8446 §4.2.1: supported_versions.
#include "msg/codec.hpp"
#include "msg/extensions/hello_extensions.hpp"

namespace tlspp::msg {

Result<std::vector<std::uint16_t>> decode_supported_versions_list(ByteView data) {
    // RFC 8446 §4.2.1: "ProtocolVersion versions<2..254>;" in ClientHello.
    wire::Reader r(data), list;
    if (!r.u8_block(list, 2, 254)) return wire::decode_error("supported_versions", r);
    if (auto end = codec::expect_end(r, "supported_versions"); !end) return std::move(end).error();
    if (list.remaining() % 2 != 0)
        return wire::decode_error("supported_versions", Reason::length_out_of_range,
                                  "length " + std::to_string(list.remaining()) + " is odd, entries are 2 bytes");
    std::vector<std::uint16_t> versions;
    while (!list.empty()) {
        std::uint16_t v = 0;
        if (!list.u16(v)) return wire::decode_error("supported_versions", list);
        versions.push_back(v);
    }
    return versions;
}

void encode_supported_versions_list(wire::Writer& w, const std::vector<std::uint16_t>& versions) {
    auto block = w.u8_block();
    for (std::uint16_t v : versions) w.u16(v);
}

Result<std::uint16_t> decode_selected_version(ByteView data) {
    // RFC 8446 §4.2.1: "ProtocolVersion selected_version;" in ServerHello.
    wire::Reader r(data);
    std::uint16_t v = 0;
    if (!r.u16(v)) return wire::decode_error("supported_versions", r);
    if (auto end = codec::expect_end(r, "supported_versions"); !end) return std::move(end).error();
    return v;
}

void encode_selected_version(wire::Writer& w, std::uint16_t version) { w.u16(version); }

}  // namespace tlspp::msg
