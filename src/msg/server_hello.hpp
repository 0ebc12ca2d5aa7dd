// msg/server_hello.hpp: RFC 5246 §7.4.1.3.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "msg/extensions/hello_extensions.hpp"

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
    // TLS 1.3 (RFC 8446 §4.1.3, §4.1.4).
    std::optional<std::uint16_t> selected_version;   // supported_versions
    std::optional<KeyShareEntry> key_share;           // ServerHello: the server's share
    std::optional<NamedGroup> selected_group;         // HelloRetryRequest: the group to retry with
    std::optional<Bytes> cookie;                      // HelloRetryRequest only

    // is_hello_retry_request: RFC 8446 §4.1.3, a ServerHello whose random is
    // SHA-256("HelloRetryRequest"). Its key_share is a selected_group.
    bool is_hello_retry_request() const;

    std::vector<RawExtension> extensions;      // every extension as it arrived, in order (see ClientHello)
};

// RFC 8446 §4.1.3: the random of a HelloRetryRequest.
extern const std::array<std::uint8_t, 32> hello_retry_request_random;
// RFC 8446 §4.1.3: the last 8 bytes of a TLS 1.3 server's random when it
// negotiates TLS 1.2 ("DOWNGRD" 01) or below ("DOWNGRD" 00).
extern const std::array<std::uint8_t, 8> downgrade_sentinel_tls12;
extern const std::array<std::uint8_t, 8> downgrade_sentinel_tls11;

// decode_server_hello parses a ServerHello body; the extensions block may be
// absent (RFC 5246 §7.4.1.3). Fails with decode_error as ClientHello does;
// an ALPN extension with other than one name is decode_error too.
Result<ServerHello> decode_server_hello(ByteView body);
// encode writes a built hello's extensions in the order: server_name ack,
// renegotiation_info, then the extension table's order (ec_point_formats,
// session_ticket, alpn, encrypt_then_mac, extended_master_secret,
// supported_versions, key_share (the selected_group in a HelloRetryRequest),
// cookie); then `extensions`. A decoded hello keeps the order it arrived in.
// No extensions → no block.
void encode(wire::Writer& w, const ServerHello& m);

}  // namespace tlspp::msg
