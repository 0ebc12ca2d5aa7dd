// RFC 6066 §3: server_name (SNI).
#include <string>

#include "msg/codec.hpp"
#include "msg/extensions/hello_extensions.hpp"

namespace tlspp::msg {

namespace {
// RFC 6066 §3: "enum { host_name(0), (255) } NameType;"
constexpr std::uint8_t kHostName = 0;
}  // namespace

Result<std::string> decode_server_name(ByteView data) {
    // RFC 6066 §3: "struct { ServerName server_name_list<1..2^16-1> } ServerNameList;"
    wire::Reader r(data), list;
    if (!r.u16_block(list, 1, 0xffff)) return wire::decode_error("server_name", r);
    if (auto end = codec::expect_end(r, "server_name"); !end) return std::move(end).error();

    std::optional<std::string> host;
    while (!list.empty()) {
        std::uint8_t name_type = 0;
        wire::Reader name;
        // Every NameType defined so far carries opaque<1..2^16-1>; reading
        // unknown ones the same way lets us skip them. An empty name is
        // checked below, as invalid_encoding rather than a length error.
        if (!list.u8(name_type) || !list.u16_block(name, 0, 0xffff))
            return wire::decode_error("server_name.server_name_list", list);
        if (name_type != kHostName) continue;
        // RFC 6066 §3: "The ServerNameList MUST NOT contain more than one name of the same name_type."
        if (host)
            return wire::decode_error("server_name", Reason::invalid_encoding,
                                      "more than one host_name");
        // RFC 6066 §3: "opaque HostName<1..2^16-1>;"
        if (name.empty())
            return wire::decode_error("server_name", Reason::invalid_encoding, "empty host_name");
        host.emplace(name.rest().begin(), name.rest().end());
    }
    if (!host)
        return wire::decode_error("server_name", Reason::invalid_encoding, "no host_name entry");
    return std::move(*host);
}

void encode_server_name(wire::Writer& w, std::string_view host) {
    auto list = w.u16_block();
    w.u8(kHostName);
    auto name = w.u16_block();
    for (char c : host) w.u8(static_cast<std::uint8_t>(c));
}

}  // namespace tlspp::msg
