// conn/describe_extensions.cpp: extension blocks → Field trees (describe.hpp).
// An extension is named by its IANA name and its data decoded in the form it
// has in the message that carries it (RFC 8446 §4.2).
#include <utility>

#include "conn/describe_values.hpp"
#include "msg/extensions/hello_extensions.hpp"

namespace tlspp::conn::detail {

namespace {

// RFC 8701 §2: "{0x0A,0x0A}, {0x1A,0x1A}, ... {0xFA,0xFA}" for cipher suites,
// extensions, named groups, signature algorithms and versions.
bool is_grease16(std::uint16_t v) { return (v & 0x0f0f) == 0x0a0a && (v >> 8) == (v & 0xff); }

// RFC 8701 §2: "0x0B, 0x2A, 0x49, 0x68, 0x87, 0xA6, 0xC5, and 0xE4" for PskKeyExchangeModes.
bool is_grease_psk_mode(std::uint8_t m) { return m % 0x1f == 0x0b; }

std::string named16(std::string_view name, std::uint16_t code) {
    if (name.empty() && is_grease16(code)) return code_point("GREASE", code);
    return code_point(name, code);
}

std::string point_format_value(std::uint8_t f) {
    static constexpr std::string_view names[] = {"uncompressed", "ansiX962_compressed_prime",
                                                 "ansiX962_compressed_char2"};
    return code_point(f < 3 ? names[f] : "", f, 2);
}

// RFC 8446 §4.2.9: "enum { psk_ke(0), psk_dhe_ke(1), (255) } PskKeyExchangeMode;"
std::string psk_mode_value(std::uint8_t m) {
    if (m == 0) return code_point("psk_ke", m, 2);
    if (m == 1) return code_point("psk_dhe_ke", m, 2);
    return code_point(is_grease_psk_mode(m) ? "GREASE" : "", m, 2);
}

// Decoded by `decode` and shown by `show`, or the bytes with the reason they do not decode.
template <class Decode, class Show>
void decoded(Field& f, std::span<const std::uint8_t> data, Decode decode, Show show) {
    if (auto value = decode(data)) show(f, *value);
    else f.value = undecodable(data, value.error());
}

void set_value(Field& f, std::string value) { f.value = std::move(value); }

// RFC 8446 §4.2.8: KeyShareEntry { NamedGroup group; opaque key_exchange<1..2^16-1>; }:
// the group as the value, the public key below it.
void key_share_entry(Field& f, const msg::KeyShareEntry& entry) {
    f.value = group_value(entry.group);
    f.children.push_back(leaf("key_exchange", hex(entry.key_exchange)));
}

void key_share(Field& f, std::span<const std::uint8_t> data, ExtensionsOf where) {
    switch (where) {
    case ExtensionsOf::hello_retry_request:
        // RFC 8446 §4.2.8: "struct { NamedGroup selected_group; } KeyShareHelloRetryRequest;"
        decoded(f, data, msg::decode_selected_group,
                [](Field& out, NamedGroup g) { out.children.push_back(leaf("selected_group", group_value(g))); });
        return;
    case ExtensionsOf::server_hello:
        // RFC 8446 §4.2.8: "struct { KeyShareEntry server_share; } KeyShareServerHello;"
        decoded(f, data, msg::decode_server_share, key_share_entry);
        return;
    default:
        // RFC 8446 §4.2.8: "struct { KeyShareEntry client_shares<0..2^16-1>; } KeyShareClientHello;"
        decoded(f, data, msg::decode_client_shares, [](Field& out, const std::vector<msg::KeyShareEntry>& shares) {
            out.value = std::to_string(shares.size());
            for (const auto& entry : shares) {
                Field e{"key_share_entry", "", {}};
                key_share_entry(e, entry);
                out.children.push_back(std::move(e));
            }
        });
        return;
    }
}

void supported_versions(Field& f, std::span<const std::uint8_t> data, ExtensionsOf where) {
    // RFC 8446 §4.2.1: "ProtocolVersion versions<2..254>;" in ClientHello,
    // "ProtocolVersion selected_version;" in ServerHello and HelloRetryRequest.
    if (where == ExtensionsOf::client_hello) {
        decoded(f, data, msg::decode_supported_versions_list,
                [](Field& out, const std::vector<std::uint16_t>& v) { out.value = join(v, version_value); });
        return;
    }
    decoded(f, data, msg::decode_selected_version, [](Field& out, std::uint16_t v) { out.value = version_value(v); });
}

// RFC 8446 §4.2.10: early_data is empty except in NewSessionTicket, where it
// is "struct { uint32 max_early_data_size; }".
void early_data(Field& f, std::span<const std::uint8_t> data, ExtensionsOf where) {
    if (where != ExtensionsOf::new_session_ticket) {
        f.value = bytes_value(data);
        return;
    }
    wire::Reader r(data);
    std::uint32_t max = 0;
    if (!r.u32(max) || !r.empty()) {
        f.value = bytes_value(data) + " (does not decode: max_early_data_size is 4 bytes)";
        return;
    }
    f.children.push_back(leaf("max_early_data_size", std::to_string(max) + " bytes"));
}

// extension describes one extension; its name is the IANA name (or
// "unknown (0x....)"), its value the decoded content.
Field extension(const msg::RawExtension& raw, ExtensionsOf where) {
    auto type = static_cast<ExtensionType>(raw.type);
    std::string_view iana = name(type);
    Field f{iana.empty() ? named16("", raw.type) : std::string(iana), "", {}};
    auto data = std::span<const std::uint8_t>(raw.data);
    auto joined = [](auto format) {
        return [format](Field& out, const auto& items) { out.value = join(items, format); };
    };
    switch (type) {
    case ExtensionType::server_name:
        if (data.empty()) f.value = "(empty: acknowledged)";
        else decoded(f, data, msg::decode_server_name, set_value);
        return f;
    case ExtensionType::supported_groups:
        decoded(f, data, msg::decode_supported_groups, joined(group_value));
        return f;
    case ExtensionType::ec_point_formats:
        decoded(f, data, msg::decode_ec_point_formats, [](Field& out, const msg::Bytes& formats) {
            out.value = join(std::vector<std::uint8_t>(formats.begin(), formats.end()), point_format_value);
        });
        return f;
    case ExtensionType::signature_algorithms:
    case ExtensionType::signature_algorithms_cert:   // RFC 8446 §4.2.3: the same SignatureSchemeList
        decoded(f, data, msg::decode_signature_algorithms, joined(scheme_value));
        return f;
    case ExtensionType::application_layer_protocol_negotiation:
        decoded(f, data, msg::decode_alpn, joined([](const std::string& p) { return p; }));
        return f;
    case ExtensionType::renegotiation_info:
        decoded(f, data, msg::decode_renegotiation_info, [](Field& out, const msg::Bytes& info) {
            out.value = info.empty() ? "(empty: initial handshake)" : hex(info);
        });
        return f;
    case ExtensionType::extended_master_secret:
    case ExtensionType::encrypt_then_mac:
    case ExtensionType::post_handshake_auth:   // RFC 8446 §4.2.6: "extension_data field ... is zero length"
        f.value = bytes_value(data);
        return f;
    case ExtensionType::session_ticket:
        f.value = data.empty() ? "(empty)" : std::to_string(data.size()) + " bytes: " + hex(data);
        return f;
    case ExtensionType::supported_versions:
        supported_versions(f, data, where);
        return f;
    case ExtensionType::key_share:
        key_share(f, data, where);
        return f;
    case ExtensionType::cookie:   // RFC 8446 §4.2.2: "opaque cookie<1..2^16-1>;"
        decoded(f, data, msg::decode_cookie, [](Field& out, const msg::Bytes& c) { out.value = hex(c); });
        return f;
    case ExtensionType::psk_key_exchange_modes:
        decoded(f, data, msg::decode_psk_key_exchange_modes, [](Field& out, const msg::Bytes& modes) {
            out.value = join(std::vector<std::uint8_t>(modes.begin(), modes.end()), psk_mode_value);
        });
        return f;
    case ExtensionType::early_data:
        early_data(f, data, where);
        return f;
    case ExtensionType::certificate_authorities:   // RFC 8446 §4.2.4: DER DistinguishedNames
        decoded(f, data, msg::decode_certificate_authorities, [](Field& out, const std::vector<msg::Bytes>& names) {
            out = list(out.name, "distinguished_name", names, [](const msg::Bytes& dn) { return hex(dn); });
        });
        return f;
    default:
        f.value = bytes_value(data);
        return f;
    }
}

}  // namespace

std::string version_value(std::uint16_t v) { return named16(name(static_cast<ProtocolVersion>(v)), v); }
std::string suite_value(std::uint16_t s) { return named16(name(static_cast<CipherSuite>(s)), s); }
std::string group_value(NamedGroup g) {
    return named16(name(g), static_cast<std::uint16_t>(g));
}
std::string scheme_value(SignatureScheme s) { return named16(name(s), static_cast<std::uint16_t>(s)); }

Field extensions(const std::vector<msg::RawExtension>& raw, ExtensionsOf where) {
    Field f{"extensions", std::to_string(raw.size()), {}};
    for (const auto& e : raw) f.children.push_back(extension(e, where));
    return f;
}

}  // namespace tlspp::conn::detail
