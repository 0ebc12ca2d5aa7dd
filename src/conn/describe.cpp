// conn/describe.cpp: decoded messages → Field trees (see describe.hpp).
#include "conn/describe.hpp"

#include <cstdio>

#include "msg/client_hello.hpp"
#include "msg/extensions/hello_extensions.hpp"
#include "msg/server_hello.hpp"
#include "pki/verify.hpp"

namespace tlspp::conn {

std::string hex(std::span<const std::uint8_t> bytes) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (auto b : bytes) {
        out += digits[b >> 4];
        out += digits[b & 0x0f];
    }
    return out;
}

std::string code_point(std::string_view name, std::uint16_t code, int hex_digits) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "0x%0*x", hex_digits, static_cast<unsigned>(code));
    if (name.empty()) return std::string("unknown (") + buf + ")";
    return std::string(name) + " (" + buf + ")";
}

namespace {

Field leaf(std::string name, std::string value) { return Field{std::move(name), std::move(value), {}}; }

std::string bytes_value(std::span<const std::uint8_t> bytes) {
    return bytes.empty() ? std::string("(empty)") : hex(bytes);
}

std::string version_value(std::uint16_t v) {
    return code_point(name(static_cast<ProtocolVersion>(v)), v);
}
std::string suite_value(std::uint16_t s) { return code_point(name(static_cast<CipherSuite>(s)), s); }
std::string group_value(NamedGroup g) { return code_point(name(g), static_cast<std::uint16_t>(g)); }
std::string scheme_value(SignatureScheme s) { return code_point(name(s), static_cast<std::uint16_t>(s)); }

std::string compression_value(std::uint8_t c) {
    return code_point(c == 0 ? "null" : "", c, 2);
}

std::string point_format_value(std::uint8_t f) {
    static constexpr std::string_view names[] = {"uncompressed", "ansiX962_compressed_prime",
                                                 "ansiX962_compressed_char2"};
    return code_point(f < 3 ? names[f] : "", f, 2);
}

template <class T, class F>
std::string join(const std::vector<T>& items, F&& format) {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) out += ", ";
        out += format(item);
    }
    return out;
}

// A list as a parent ("3 entries") with one child per entry, named `child`.
template <class T, class F>
Field list(std::string name, std::string child, const std::vector<T>& items, F&& format) {
    Field f{std::move(name), std::to_string(items.size()), {}};
    for (const auto& item : items) f.children.push_back(leaf(child, format(item)));
    return f;
}

std::string undecodable(std::span<const std::uint8_t> data, const Error& error) {
    return bytes_value(data) + " (does not decode: " + error.detail + ")";
}

// extension describes one extension; its name is the IANA name (or
// "unknown (0x....)"), its value the decoded content.
Field extension(const msg::RawExtension& raw) {
    auto type = static_cast<ExtensionType>(raw.type);
    std::string_view iana = name(type);
    Field f{iana.empty() ? code_point("", raw.type) : std::string(iana), "", {}};
    auto data = std::span<const std::uint8_t>(raw.data);
    switch (type) {
    case ExtensionType::server_name:
        if (data.empty()) {
            f.value = "(empty: acknowledged)";
        } else if (auto host = msg::decode_server_name(data)) {
            f.value = *host;
        } else {
            f.value = undecodable(data, host.error());
        }
        return f;
    case ExtensionType::supported_groups:
        if (auto groups = msg::decode_supported_groups(data))
            f.value = join(*groups, group_value);
        else
            f.value = undecodable(data, groups.error());
        return f;
    case ExtensionType::ec_point_formats:
        if (auto formats = msg::decode_ec_point_formats(data))
            f.value = join(*formats, point_format_value);
        else
            f.value = undecodable(data, formats.error());
        return f;
    case ExtensionType::signature_algorithms:
        if (auto schemes = msg::decode_signature_algorithms(data))
            f.value = join(*schemes, scheme_value);
        else
            f.value = undecodable(data, schemes.error());
        return f;
    case ExtensionType::application_layer_protocol_negotiation:
        if (auto protocols = msg::decode_alpn(data))
            f.value = join(*protocols, [](const std::string& p) { return p; });
        else
            f.value = undecodable(data, protocols.error());
        return f;
    case ExtensionType::renegotiation_info:
        if (auto info = msg::decode_renegotiation_info(data))
            f.value = info->empty() ? "(empty: initial handshake)" : hex(*info);
        else
            f.value = undecodable(data, info.error());
        return f;
    case ExtensionType::extended_master_secret:
    case ExtensionType::encrypt_then_mac:
        f.value = data.empty() ? "(empty)" : bytes_value(data);
        return f;
    case ExtensionType::session_ticket:
        f.value = data.empty() ? "(empty)" : std::to_string(data.size()) + " bytes: " + hex(data);
        return f;
    default:
        f.value = bytes_value(data);
        return f;
    }
}

Field extensions(const std::vector<msg::RawExtension>& raw) {
    Field f{"extensions", std::to_string(raw.size()), {}};
    for (const auto& e : raw) f.children.push_back(extension(e));
    return f;
}

Field certificate(const CertificateDer& der) {
    auto summary = pki::summarize(der);
    if (!summary) return leaf("certificate", undecodable(der, summary.error()));
    Field f{"certificate", summary->subject, {}};
    f.children.push_back(leaf("subject", summary->subject));
    f.children.push_back(leaf("issuer", summary->issuer));
    f.children.push_back(leaf("validity", summary->not_before + " .. " + summary->not_after));
    if (!summary->subject_alt_names.empty())
        f.children.push_back(leaf("subject_alt_names",
                                  join(summary->subject_alt_names, [](const std::string& s) { return s; })));
    f.children.push_back(leaf("subject_public_key", summary->key));
    f.children.push_back(leaf("serial_number", summary->serial_hex));
    f.children.push_back(leaf("length", std::to_string(der.size()) + " bytes"));
    return f;
}

// RFC 8422 §5.4 ServerKeyExchange for ECDHE, else RFC 5246 §7.4.3 for DHE,
// else the bytes (the suite decides the shape; describe does not know it).
std::vector<Field> server_key_exchange(const msg::ServerKeyExchange& m) {
    if (auto ec = msg::decode_ecdhe_server_params(m.body)) {
        return {leaf("curve_type", "named_curve (3)"), leaf("named_curve", group_value(ec->group)),
                leaf("public", hex(ec->public_key)), leaf("signature_algorithm", scheme_value(ec->scheme)),
                leaf("signature", hex(ec->signature))};
    }
    if (auto dh = msg::decode_dhe_server_params(m.body)) {
        return {leaf("dh_p", hex(dh->p) + " (" + std::to_string(dh->p.size() * 8) + " bits)"),
                leaf("dh_g", hex(dh->g)), leaf("dh_Ys", hex(dh->ys)),
                leaf("signature_algorithm", scheme_value(dh->scheme)), leaf("signature", hex(dh->signature))};
    }
    return {leaf("params", bytes_value(m.body))};
}

// RFC 5246 §7.4.7: ECDHE sends ecdh_Yc <1..2^8-1> (RFC 8422 §5.7); RSA and
// DHE both use a two-byte length, which the message alone cannot tell apart.
std::vector<Field> client_key_exchange(const msg::ClientKeyExchange& m) {
    if (auto point = msg::decode_ecdhe_client_public(m.body)) return {leaf("ecdh_Yc", hex(*point))};
    if (auto two = msg::decode_dhe_client_public(m.body)) return {leaf("exchange_keys", hex(*two))};
    return {leaf("exchange_keys", bytes_value(m.body))};
}

std::vector<Field> fields(const msg::HelloRequest&) { return {}; }
std::vector<Field> fields(const msg::ServerHelloDone&) { return {}; }

// wire_extensions gives a hello's extensions as they go on the wire. A hello
// we built has its known extensions only in the typed fields (the raw list is
// filled by decoding), so it is encoded and decoded again to list them in order.
template <class Hello, class Decode>
std::vector<msg::RawExtension> wire_extensions(const Hello& m, Decode decode) {
    msg::Bytes body;
    wire::Writer w(body);
    encode(w, m);
    auto decoded = decode(body);
    return decoded ? decoded->extensions : m.extensions;
}

std::vector<Field> fields(const msg::ClientHello& m) {
    return {leaf("client_version", version_value(m.legacy_version)),
            leaf("random", hex(m.random)),
            leaf("session_id", bytes_value(m.session_id)),
            list("cipher_suites", "cipher_suite", m.cipher_suites, suite_value),
            list("compression_methods", "compression_method",
                 std::vector<std::uint8_t>(m.compression_methods.begin(), m.compression_methods.end()),
                 compression_value),
            extensions(wire_extensions(m, msg::decode_client_hello))};
}

std::vector<Field> fields(const msg::ServerHello& m) {
    return {leaf("server_version", version_value(m.legacy_version)),
            leaf("random", hex(m.random)),
            leaf("session_id", bytes_value(m.session_id)),
            leaf("cipher_suite", suite_value(m.cipher_suite)),
            leaf("compression_method", compression_value(m.compression_method)),
            extensions(wire_extensions(m, msg::decode_server_hello))};
}

std::vector<Field> fields(const msg::Certificate& m) {
    Field chain{"certificate_list", std::to_string(m.chain.size()), {}};
    for (const auto& der : m.chain) chain.children.push_back(certificate(der));
    return {std::move(chain)};
}

std::vector<Field> fields(const msg::ServerKeyExchange& m) { return server_key_exchange(m); }

std::vector<Field> fields(const msg::CertificateRequest& m) {
    Field types{"certificate_types", "", {}};
    types.value = join(std::vector<std::uint8_t>(m.certificate_types.begin(), m.certificate_types.end()),
                       [](std::uint8_t t) {
                           return code_point(t == 1 ? "rsa_sign" : t == 64 ? "ecdsa_sign" : "", t, 2);
                       });
    return {std::move(types),
            leaf("supported_signature_algorithms", join(m.signature_schemes, scheme_value)),
            list("certificate_authorities", "distinguished_name", m.certificate_authorities,
                 [](const msg::Bytes& dn) { return hex(dn); })};
}

std::vector<Field> fields(const msg::CertificateVerify& m) {
    return {leaf("algorithm", scheme_value(m.scheme)), leaf("signature", hex(m.signature))};
}

std::vector<Field> fields(const msg::ClientKeyExchange& m) { return client_key_exchange(m); }

std::vector<Field> fields(const msg::Finished& m) { return {leaf("verify_data", hex(m.verify_data))}; }

std::vector<Field> fields(const msg::NewSessionTicket12& m) {
    return {leaf("ticket_lifetime_hint", std::to_string(m.lifetime_hint) + " s"),
            leaf("ticket", std::to_string(m.ticket.size()) + " bytes: " + hex(m.ticket))};
}

std::vector<Field> fields(const msg::EncryptedExtensions& m) { return {extensions(m.extensions)}; }

std::vector<Field> fields(const msg::Certificate13& m) {
    Field chain{"certificate_list", std::to_string(m.entries.size()), {}};
    for (const auto& entry : m.entries) {
        Field f = certificate(entry.cert_data);
        if (!entry.extensions.empty()) f.children.push_back(extensions(entry.extensions));
        chain.children.push_back(std::move(f));
    }
    return {leaf("certificate_request_context", bytes_value(m.request_context)), std::move(chain)};
}

std::vector<Field> fields(const msg::CertificateRequest13& m) {
    return {leaf("certificate_request_context", bytes_value(m.request_context)), extensions(m.extensions)};
}

std::vector<Field> fields(const msg::NewSessionTicket13& m) {
    return {leaf("ticket_lifetime", std::to_string(m.lifetime) + " s"),
            leaf("ticket_age_add", std::to_string(m.age_add)),
            leaf("ticket_nonce", bytes_value(m.nonce)),
            leaf("ticket", std::to_string(m.ticket.size()) + " bytes: " + hex(m.ticket)),
            extensions(m.extensions)};
}

std::vector<Field> fields(const msg::EndOfEarlyData&) { return {}; }

std::vector<Field> fields(const msg::KeyUpdate& m) {
    return {leaf("request_update", code_point(m.request_update == msg::KeyUpdate::update_requested ? "update_requested"
                                              : m.request_update == msg::KeyUpdate::update_not_requested
                                                  ? "update_not_requested"
                                                  : "",
                                              m.request_update, 2))};
}

std::vector<Field> fields(const msg::MessageHash& m) { return {leaf("hash", hex(m.hash))}; }

std::vector<Field> fields(const msg::ChangeCipherSpec&) {
    return {leaf("type", "change_cipher_spec (1)")};
}

}  // namespace

std::vector<Field> describe(const msg::Message& message) {
    return std::visit([](const auto& m) { return fields(m); }, message);
}

}  // namespace tlspp::conn
