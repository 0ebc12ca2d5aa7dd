// RFC 7301 §3.1: application_layer_protocol_negotiation.
#include <string>

#include "msg/codec.hpp"
#include "msg/extensions/hello_extensions.hpp"

namespace tlspp::msg {

Result<std::vector<std::string>> decode_alpn(ByteView data) {
    // RFC 7301 §3.1: "opaque ProtocolName<1..2^8-1>;
    //                 struct { ProtocolName protocol_name_list<2..2^16-1> } ProtocolNameList;"
    wire::Reader r(data), list;
    if (!r.u16_block(list, 2, 0xffff)) return wire::decode_error("alpn.protocol_name_list", r);
    if (auto end = codec::expect_end(r, "alpn"); !end) return std::move(end).error();

    std::vector<std::string> names;
    while (!list.empty()) {
        wire::Reader name;
        // Read with min 0 so an empty name is reported as invalid_encoding:
        // RFC 7301 §3.1: "Empty strings MUST NOT be included".
        if (!list.u8_block(name, 0, 0xff)) return wire::decode_error("alpn.protocol_name_list", list);
        if (name.empty())
            return wire::decode_error("alpn", Reason::invalid_encoding, "empty protocol name");
        names.emplace_back(name.rest().begin(), name.rest().end());
    }
    return names;
}

void encode_alpn(wire::Writer& w, const std::vector<std::string>& protocols) {
    auto list = w.u16_block();
    for (const auto& protocol : protocols) {
        auto name = w.u8_block();
        for (char c : protocol) w.u8(static_cast<std::uint8_t>(c));
    }
}

// RFC 7301 §3.1: "The "extension_data" field of the
// ("application_layer_protocol_negotiation(16)") extension is structured the
// same as described above for the client "extension_data", except that the
// "ProtocolNameList" MUST contain exactly one "ProtocolName"."
Result<std::string> decode_alpn_choice(ByteView data) {
    auto names = decode_alpn(data);
    if (!names) return std::move(names).error();
    if (names->size() != 1)
        return wire::decode_error("alpn", Reason::invalid_encoding,
                                  std::to_string(names->size()) + " protocol names, must be exactly 1");
    return std::move(names->front());
}

void encode_alpn_choice(wire::Writer& w, std::string_view protocol) {
    encode_alpn(w, {std::string(protocol)});
}

}  // namespace tlspp::msg
