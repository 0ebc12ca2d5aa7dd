// RFC 5246 §7.4.1.3: ServerHello, with the TLS 1.2 extensions tlspp knows.
#include "msg/server_hello.hpp"

#include "msg/codec.hpp"
#include "msg/extensions/hello_extensions.hpp"

namespace tlspp::msg {

namespace {

constexpr std::string_view kName = "ServerHello";

Status set_flag(ByteView data, std::string_view what, bool& flag) {
    if (auto empty = decode_empty_extension(data, what); !empty)
        return codec::in_message(std::move(empty).error(), kName);
    flag = true;
    return {};
}

// decode_alpn_choice decodes the server's ALPN reply.
// RFC 7301 §3.1: "The "extension_data" field of the ("application_layer_protocol_negotiation(16)")
// extension is structured the same as described above for the client
// "extension_data", except that the "ProtocolNameList" MUST contain exactly one "ProtocolName"."
Status decode_alpn_choice(ByteView data, std::optional<std::string>& out) {
    auto names = decode_alpn(data);
    if (!names) return codec::in_message(std::move(names).error(), kName);
    if (names->size() != 1)
        return wire::decode_error("ServerHello.alpn", Reason::invalid_encoding,
                                  std::to_string(names->size()) + " protocol names, must be exactly 1");
    out = std::move(names->front());
    return {};
}

// decode_known fills the field for an extension tlspp understands. Whether
// the server was allowed to send it (RFC 5246 §7.4.1.4: only what the client
// offered) is the client state machine's check, not syntax.
Status decode_known(ServerHello& hello, const RawExtension& ext) {
    const ByteView data(ext.data);
    switch (static_cast<ExtensionType>(ext.type)) {
    case ExtensionType::server_name:
        // RFC 6066 §3: "the "extension_data" field of this extension SHALL be empty."
        return set_flag(data, "server_name", hello.server_name_ack);
    case ExtensionType::renegotiation_info:
        return codec::assign(decode_renegotiation_info(data), hello.renegotiation_info, kName);
    case ExtensionType::ec_point_formats:
        return codec::assign(decode_ec_point_formats(data), hello.ec_point_formats, kName);
    case ExtensionType::session_ticket:
        // RFC 5077 §3.2: "The server uses a zero-length SessionTicket extension to indicate..."
        return set_flag(data, "session_ticket", hello.session_ticket);
    case ExtensionType::application_layer_protocol_negotiation:
        return decode_alpn_choice(data, hello.alpn);
    case ExtensionType::extended_master_secret:
        return set_flag(data, "extended_master_secret", hello.extended_master_secret);
    case ExtensionType::encrypt_then_mac:
        // RFC 7366 §2: the extension_data is empty in both hellos.
        return set_flag(data, "encrypt_then_mac", hello.encrypt_then_mac);
    case ExtensionType::supported_versions:
        return codec::assign(decode_selected_version(data), hello.selected_version, kName);
    case ExtensionType::key_share:
        // RFC 8446 §4.2.8: a HelloRetryRequest names a group, a ServerHello carries a share.
        if (hello.is_hello_retry_request())
            return codec::assign(decode_selected_group(data), hello.selected_group, kName);
        return codec::assign(decode_server_share(data), hello.key_share, kName);
    case ExtensionType::cookie:
        return codec::assign(decode_cookie(data), hello.cookie, kName);
    default:
        return {};
    }
}

// has_field says whether `type` is written from a decoded field by encode().
bool has_field(const ServerHello& m, std::uint16_t type) {
    switch (static_cast<ExtensionType>(type)) {
    case ExtensionType::server_name: return m.server_name_ack;
    case ExtensionType::renegotiation_info: return m.renegotiation_info.has_value();
    case ExtensionType::ec_point_formats: return m.ec_point_formats.has_value();
    case ExtensionType::session_ticket: return m.session_ticket;
    case ExtensionType::application_layer_protocol_negotiation: return m.alpn.has_value();
    case ExtensionType::extended_master_secret: return m.extended_master_secret;
    case ExtensionType::encrypt_then_mac: return m.encrypt_then_mac;
    case ExtensionType::supported_versions: return m.selected_version.has_value();
    case ExtensionType::key_share: return m.key_share || m.selected_group;
    case ExtensionType::cookie: return m.cookie.has_value();
    default: return false;
    }
}

bool has_any_extension(const ServerHello& m) {
    return m.server_name_ack || m.renegotiation_info || m.ec_point_formats || m.session_ticket || m.alpn ||
           m.extended_master_secret || m.encrypt_then_mac || m.selected_version || m.key_share ||
           m.selected_group || m.cookie || !m.extensions.empty();
}

}  // namespace

// RFC 8446 §4.1.3: "CF 21 AD 74 E5 9A 61 11 BE 1D 8C 02 1E 65 B8 91
// C2 A2 11 16 7A BB 8C 5E 07 9E 09 E2 C8 A8 33 9C".
const std::array<std::uint8_t, 32> hello_retry_request_random = {
    0xcf, 0x21, 0xad, 0x74, 0xe5, 0x9a, 0x61, 0x11, 0xbe, 0x1d, 0x8c, 0x02, 0x1e, 0x65, 0xb8, 0x91,
    0xc2, 0xa2, 0x11, 0x16, 0x7a, 0xbb, 0x8c, 0x5e, 0x07, 0x9e, 0x09, 0xe2, 0xc8, 0xa8, 0x33, 0x9c};
// RFC 8446 §4.1.3: "44 4F 57 4E 47 52 44 01" and "44 4F 57 4E 47 52 44 00".
const std::array<std::uint8_t, 8> downgrade_sentinel_tls12 = {0x44, 0x4f, 0x57, 0x4e, 0x47, 0x52, 0x44, 0x01};
const std::array<std::uint8_t, 8> downgrade_sentinel_tls11 = {0x44, 0x4f, 0x57, 0x4e, 0x47, 0x52, 0x44, 0x00};

bool ServerHello::is_hello_retry_request() const { return random == hello_retry_request_random; }

Result<ServerHello> decode_server_hello(ByteView body) {
    wire::Reader r(body);
    ServerHello hello;
    if (!r.u16(hello.legacy_version)) return wire::decode_error("ServerHello.server_version", r);
    if (!r.fixed(hello.random)) return wire::decode_error("ServerHello.random", r);
    // RFC 5246 §7.4.1.2: "opaque SessionID<0..32>;"
    if (!r.u8_bytes(hello.session_id, 0, 32)) return wire::decode_error("ServerHello.session_id", r);
    if (!r.u16(hello.cipher_suite)) return wire::decode_error("ServerHello.cipher_suite", r);
    if (!r.u8(hello.compression_method)) return wire::decode_error("ServerHello.compression_method", r);

    // RFC 5246 §7.4.1.3: "select (extensions_present) { case false: struct {};
    // case true: Extension extensions<0..2^16-1>; };"
    if (auto ext = codec::decode_hello_extensions(r, hello, kName, decode_known); !ext) return std::move(ext).error();
    return hello;
}

void encode(wire::Writer& w, const ServerHello& m) {
    w.u16(m.legacy_version);
    w.bytes(m.random);
    w.u8_bytes(m.session_id);
    w.u16(m.cipher_suite);
    w.u8(m.compression_method);
    if (!has_any_extension(m)) return;

    auto block = w.u16_block();
    if (m.server_name_ack) codec::write_extension(w, ExtensionType::server_name, [](auto&) {});
    if (m.renegotiation_info)
        codec::write_extension(w, ExtensionType::renegotiation_info,
                               [&](auto& x) { encode_renegotiation_info(x, *m.renegotiation_info); });
    if (m.ec_point_formats)
        codec::write_extension(w, ExtensionType::ec_point_formats,
                               [&](auto& x) { encode_ec_point_formats(x, *m.ec_point_formats); });
    if (m.session_ticket) codec::write_extension(w, ExtensionType::session_ticket, [](auto&) {});
    if (m.alpn)
        codec::write_extension(w, ExtensionType::application_layer_protocol_negotiation,
                               [&](auto& x) { encode_alpn(x, {*m.alpn}); });
    if (m.encrypt_then_mac) codec::write_extension(w, ExtensionType::encrypt_then_mac, [](auto&) {});
    if (m.extended_master_secret) codec::write_extension(w, ExtensionType::extended_master_secret, [](auto&) {});
    if (m.selected_version)
        codec::write_extension(w, ExtensionType::supported_versions, [&](auto& x) { x.u16(*m.selected_version); });
    if (m.key_share)
        codec::write_extension(w, ExtensionType::key_share, [&](auto& x) { encode_server_share(x, *m.key_share); });
    else if (m.selected_group)
        codec::write_extension(w, ExtensionType::key_share,
                               [&](auto& x) { x.u16(static_cast<std::uint16_t>(*m.selected_group)); });
    if (m.cookie) codec::write_extension(w, ExtensionType::cookie, [&](auto& x) { encode_cookie(x, *m.cookie); });
    codec::write_raw_extensions(w, m.extensions, [&](std::uint16_t type) { return has_field(m, type); });
}

}  // namespace tlspp::msg
