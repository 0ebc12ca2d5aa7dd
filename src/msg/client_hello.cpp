// RFC 5246 §7.4.1.2: ClientHello, with the TLS 1.2 extensions tlspp knows.
#include "msg/client_hello.hpp"

#include "msg/codec.hpp"
#include "msg/extensions/hello_extensions.hpp"

namespace tlspp::msg {

namespace {

constexpr std::string_view kName = "ClientHello";

// decode_known fills the field for an extension tlspp understands. Unknown
// types are left alone: RFC 5246 §7.4.1.4: "the client may offer extensions
// the server does not understand" and the server ignores them.
Status decode_known(ClientHello& hello, const RawExtension& ext) {
    const ByteView data(ext.data);
    switch (static_cast<ExtensionType>(ext.type)) {
    case ExtensionType::server_name:
        return codec::assign(decode_server_name(data), hello.server_name, kName);
    case ExtensionType::supported_groups:
        return codec::assign(decode_supported_groups(data), hello.supported_groups, kName);
    case ExtensionType::ec_point_formats:
        return codec::assign(decode_ec_point_formats(data), hello.ec_point_formats, kName);
    case ExtensionType::signature_algorithms:
        return codec::assign(decode_signature_algorithms(data), hello.signature_algorithms, kName);
    case ExtensionType::application_layer_protocol_negotiation:
        return codec::assign(decode_alpn(data), hello.alpn, kName);
    case ExtensionType::renegotiation_info:
        return codec::assign(decode_renegotiation_info(data), hello.renegotiation_info, kName);
    case ExtensionType::session_ticket:
        // RFC 5077 §3.2: the data is a ticket, or empty to ask for a new one.
        hello.session_ticket = ext.data;
        return {};
    case ExtensionType::extended_master_secret:
        if (auto empty = decode_empty_extension(data, "extended_master_secret"); !empty)
            return codec::in_message(std::move(empty).error(), kName);
        hello.extended_master_secret = true;
        return {};
    case ExtensionType::encrypt_then_mac:
        // RFC 7366 §2: "The "extension_data" field of this extension SHALL be empty."
        if (auto empty = decode_empty_extension(data, "encrypt_then_mac"); !empty)
            return codec::in_message(std::move(empty).error(), kName);
        hello.encrypt_then_mac = true;
        return {};
    case ExtensionType::supported_versions:
        return codec::assign(decode_supported_versions_list(data), hello.supported_versions, kName);
    case ExtensionType::key_share:
        return codec::assign(decode_client_shares(data), hello.key_shares, kName);
    case ExtensionType::cookie:
        return codec::assign(decode_cookie(data), hello.cookie, kName);
    case ExtensionType::psk_key_exchange_modes:
        return codec::assign(decode_psk_key_exchange_modes(data), hello.psk_key_exchange_modes, kName);
    case ExtensionType::signature_algorithms_cert:
        return codec::assign(decode_signature_algorithms(data), hello.signature_algorithms_cert, kName);
    case ExtensionType::early_data:
        if (auto empty = decode_empty_extension(data, "early_data"); !empty)
            return codec::in_message(std::move(empty).error(), kName);
        hello.early_data = true;
        return {};
    case ExtensionType::post_handshake_auth:
        if (auto empty = decode_empty_extension(data, "post_handshake_auth"); !empty)
            return codec::in_message(std::move(empty).error(), kName);
        hello.post_handshake_auth = true;
        return {};
    default:
        return {};
    }
}

// has_field says whether `type` is written from a decoded field by encode().
bool has_field(const ClientHello& m, std::uint16_t type) {
    switch (static_cast<ExtensionType>(type)) {
    case ExtensionType::server_name: return m.server_name.has_value();
    case ExtensionType::supported_groups: return m.supported_groups.has_value();
    case ExtensionType::ec_point_formats: return m.ec_point_formats.has_value();
    case ExtensionType::signature_algorithms: return m.signature_algorithms.has_value();
    case ExtensionType::application_layer_protocol_negotiation: return m.alpn.has_value();
    case ExtensionType::renegotiation_info: return m.renegotiation_info.has_value();
    case ExtensionType::session_ticket: return m.session_ticket.has_value();
    case ExtensionType::extended_master_secret: return m.extended_master_secret;
    case ExtensionType::encrypt_then_mac: return m.encrypt_then_mac;
    case ExtensionType::supported_versions: return m.supported_versions.has_value();
    case ExtensionType::key_share: return m.key_shares.has_value();
    case ExtensionType::cookie: return m.cookie.has_value();
    case ExtensionType::psk_key_exchange_modes: return m.psk_key_exchange_modes.has_value();
    case ExtensionType::signature_algorithms_cert: return m.signature_algorithms_cert.has_value();
    case ExtensionType::early_data: return m.early_data;
    case ExtensionType::post_handshake_auth: return m.post_handshake_auth;
    default: return false;
    }
}

bool has_any_extension(const ClientHello& m) {
    return m.server_name || m.supported_groups || m.ec_point_formats || m.signature_algorithms || m.alpn ||
           m.renegotiation_info || m.session_ticket || m.extended_master_secret || m.encrypt_then_mac ||
           m.supported_versions || m.key_shares || m.cookie || m.psk_key_exchange_modes ||
           m.signature_algorithms_cert || m.early_data || m.post_handshake_auth || !m.extensions.empty();
}

}  // namespace

Result<ClientHello> decode_client_hello(ByteView body) {
    wire::Reader r(body);
    ClientHello hello;
    if (!r.u16(hello.legacy_version)) return wire::decode_error("ClientHello.client_version", r);
    if (!r.fixed(hello.random)) return wire::decode_error("ClientHello.random", r);
    // RFC 5246 §7.4.1.2: "opaque SessionID<0..32>;"
    if (!r.u8_bytes(hello.session_id, 0, 32)) return wire::decode_error("ClientHello.session_id", r);
    // RFC 5246 §7.4.1.2: "CipherSuite cipher_suites<2..2^16-2>;"
    if (auto suites = codec::read_u16_list(r, 2, 0xfffe, hello.cipher_suites, "ClientHello.cipher_suites");
        !suites)
        return std::move(suites).error();
    // RFC 5246 §7.4.1.2: "CompressionMethod compression_methods<1..2^8-1>;"
    if (!r.u8_bytes(hello.compression_methods, 1, 0xff))
        return wire::decode_error("ClientHello.compression_methods", r);

    // RFC 5246 §7.4.1.2: "the presence of extensions can be detected by
    // determining whether there are bytes following the compression_methods".
    if (auto ext = codec::decode_hello_extensions(r, hello, kName, decode_known); !ext) return std::move(ext).error();
    return hello;
}

void encode(wire::Writer& w, const ClientHello& m) {
    w.u16(m.legacy_version);
    w.bytes(m.random);
    w.u8_bytes(m.session_id);
    codec::write_u16_list(w, m.cipher_suites);
    w.u8_bytes(m.compression_methods);
    // The block is optional in TLS 1.2; leave it out when there is nothing to say.
    if (!has_any_extension(m)) return;

    auto block = w.u16_block();
    if (m.server_name)
        codec::write_extension(w, ExtensionType::server_name, [&](auto& x) { encode_server_name(x, *m.server_name); });
    if (m.ec_point_formats)
        codec::write_extension(w, ExtensionType::ec_point_formats,
                               [&](auto& x) { encode_ec_point_formats(x, *m.ec_point_formats); });
    if (m.supported_groups)
        codec::write_extension(w, ExtensionType::supported_groups,
                               [&](auto& x) { encode_supported_groups(x, *m.supported_groups); });
    if (m.session_ticket)
        codec::write_extension(w, ExtensionType::session_ticket, [&](auto& x) { x.bytes(*m.session_ticket); });
    if (m.alpn)
        codec::write_extension(w, ExtensionType::application_layer_protocol_negotiation,
                               [&](auto& x) { encode_alpn(x, *m.alpn); });
    if (m.encrypt_then_mac) codec::write_extension(w, ExtensionType::encrypt_then_mac, [](auto&) {});
    if (m.extended_master_secret)
        codec::write_extension(w, ExtensionType::extended_master_secret, [](auto&) {});
    if (m.signature_algorithms)
        codec::write_extension(w, ExtensionType::signature_algorithms,
                               [&](auto& x) { encode_signature_algorithms(x, *m.signature_algorithms); });
    if (m.renegotiation_info)
        codec::write_extension(w, ExtensionType::renegotiation_info,
                               [&](auto& x) { encode_renegotiation_info(x, *m.renegotiation_info); });
    if (m.supported_versions)
        codec::write_extension(w, ExtensionType::supported_versions,
                               [&](auto& x) { encode_supported_versions_list(x, *m.supported_versions); });
    if (m.key_shares)
        codec::write_extension(w, ExtensionType::key_share, [&](auto& x) { encode_client_shares(x, *m.key_shares); });
    if (m.psk_key_exchange_modes)
        codec::write_extension(w, ExtensionType::psk_key_exchange_modes,
                               [&](auto& x) { encode_psk_key_exchange_modes(x, *m.psk_key_exchange_modes); });
    if (m.cookie) codec::write_extension(w, ExtensionType::cookie, [&](auto& x) { encode_cookie(x, *m.cookie); });
    if (m.signature_algorithms_cert)
        codec::write_extension(w, ExtensionType::signature_algorithms_cert,
                               [&](auto& x) { encode_signature_algorithms(x, *m.signature_algorithms_cert); });
    if (m.early_data) codec::write_extension(w, ExtensionType::early_data, [](auto&) {});
    if (m.post_handshake_auth) codec::write_extension(w, ExtensionType::post_handshake_auth, [](auto&) {});
    codec::write_raw_extensions(w, m.extensions, [&](std::uint16_t type) { return has_field(m, type); });
}

}  // namespace tlspp::msg
