// msg/client_hello.hpp: RFC 5246 §7.4.1.2 (and the TLS 1.2 extensions).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "msg/extensions/hello_extensions.hpp"

namespace tlspp::msg {

struct ClientHello {
    static constexpr HandshakeType type = HandshakeType::client_hello;

    std::uint16_t legacy_version = 0x0303;
    std::array<std::uint8_t, 32> random{};
    Bytes session_id;                         // <0..32>
    std::vector<std::uint16_t> cipher_suites; // raw codes: unknown ones are kept and ignored
    Bytes compression_methods{0};             // <1..2^8-1>

    // The extensions tlspp understands, decoded. Absent → nullopt / false.
    std::optional<std::string> server_name;
    std::optional<std::vector<NamedGroup>> supported_groups;
    std::optional<Bytes> ec_point_formats;
    std::optional<std::vector<SignatureScheme>> signature_algorithms;
    std::optional<std::vector<std::string>> alpn;
    std::optional<Bytes> renegotiation_info;
    std::optional<Bytes> session_ticket;      // RFC 5077: empty = "I support tickets"
    bool extended_master_secret = false;
    bool encrypt_then_mac = false;            // RFC 7366: empty extension
    // TLS 1.3 (RFC 8446 §4.2).
    std::optional<std::vector<std::uint16_t>> supported_versions;   // raw: GREASE and unknown kept
    std::optional<std::vector<KeyShareEntry>> key_shares;
    std::optional<Bytes> cookie;
    std::optional<Bytes> psk_key_exchange_modes;
    std::optional<std::vector<SignatureScheme>> signature_algorithms_cert;
    bool early_data = false;                  // §4.2.10: empty in ClientHello
    bool post_handshake_auth = false;         // §4.2.6: empty

    // Every extension as it arrived, in order (known ones too), for the
    // explainer and for extensions a later stage reads. On encode a set field
    // is written in place of its raw entry (so a decoded hello re-encodes as
    // it arrived, without duplicates), and fields without one come first; a
    // test can still send a duplicate by leaving the field unset and listing
    // the type twice.
    std::vector<RawExtension> extensions;
};

// The largest well-formed ClientHello body (RFC 5246 §7.4.1.2): version 2,
// random 32, session_id 1+32, cipher_suites 2+65534, compression_methods
// 1+255, extensions 2+65535. OpenSSL's CLIENT_HELLO_MAX_LENGTH is the same.
inline constexpr std::size_t max_client_hello_length = 131'396;

// decode_client_hello parses a ClientHello body. Syntax only: it fails with
// decode_error for truncation, trailing bytes, a length outside the RFC's
// range, a duplicate extension or a malformed known extension. Whether the
// values are acceptable is the server state machine's decision.
Result<ClientHello> decode_client_hello(ByteView body);
// encode writes the body (no handshake header); the extensions through the
// extension table (write_extensions, msg/extensions/table.hpp): a built
// hello's fields in the table's order (server_name, ec_point_formats,
// supported_groups, session_ticket, alpn, encrypt_then_mac,
// extended_master_secret, signature_algorithms, renegotiation_info,
// supported_versions, key_share, psk_key_exchange_modes, cookie,
// signature_algorithms_cert, early_data, post_handshake_auth), then
// `extensions`; a decoded hello in the order it arrived.
void encode(wire::Writer& w, const ClientHello& m);

}  // namespace tlspp::msg
