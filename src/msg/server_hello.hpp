// msg/server_hello.hpp: RFC 5246 §7.4.1.3.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "msg/extensions/extension.hpp"

namespace tlspp::msg {

struct ServerHello {
    static constexpr HandshakeType type = HandshakeType::server_hello;

    std::uint16_t legacy_version = 0x0303;
    std::array<std::uint8_t, 32> random{};
    Bytes session_id;                          // <0..32>
    std::uint16_t cipher_suite = 0;
    std::uint8_t compression_method = 0;

    std::optional<Bytes> renegotiation_info;
    std::optional<Bytes> ec_point_formats;
    std::optional<std::string> alpn;           // exactly one protocol name
    bool extended_master_secret = false;
    bool encrypt_then_mac = false;             // RFC 7366: empty acknowledgement
    bool session_ticket = false;               // RFC 5077 §3.2: empty acknowledgement
    bool server_name_ack = false;              // RFC 6066 §3: empty server_name

    std::vector<RawExtension> extensions;      // every extension as it arrived, in order
};

// decode_server_hello parses a ServerHello body; the extensions block may be
// absent (RFC 5246 §7.4.1.3). Fails with decode_error as ClientHello does;
// an ALPN extension with other than one name is decode_error too.
Result<ServerHello> decode_server_hello(ByteView body);
// encode writes known extensions in the order: server_name ack,
// renegotiation_info, ec_point_formats, session_ticket, alpn,
// encrypt_then_mac, extended_master_secret; then `extensions`. No extensions → no block.
void encode(wire::Writer& w, const ServerHello& m);

}  // namespace tlspp::msg
