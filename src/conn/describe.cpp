// conn/describe.cpp: decoded messages → Field trees (see describe.hpp).
#include "conn/describe.hpp"
#include "conn/describe_values.hpp"

#include <algorithm>
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

namespace detail {

std::string bytes_value(std::span<const std::uint8_t> bytes) {
    return bytes.empty() ? std::string("(empty)") : hex(bytes);
}

std::string undecodable(std::span<const std::uint8_t> data, const Error& error) {
    return bytes_value(data) + " (does not decode: " + error.detail + ")";
}

}  // namespace detail

namespace {

using detail::bytes_value;
using detail::ExtensionsOf;
using detail::extensions;
using detail::group_value;
using detail::join;
using detail::leaf;
using detail::list;
using detail::scheme_value;
using detail::suite_value;
using detail::undecodable;
using detail::version_value;

std::string compression_value(std::uint8_t c) {
    return code_point(c == 0 ? "null" : "", c, 2);
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

// wire_extensions gives a message's extensions as they go on the wire. A
// message we built has its known extensions only in the typed fields (the raw
// list is filled by decoding), so it is encoded and decoded again to list them
// in order.
template <class Message, class Decode>
std::vector<msg::RawExtension> wire_extensions(const Message& m, Decode decode) {
    msg::Bytes body;
    wire::Writer w(body);
    encode(w, m);
    auto decoded = decode(body);
    return decoded ? decoded->extensions : m.extensions;
}

constexpr std::uint16_t kTls13 = static_cast<std::uint16_t>(ProtocolVersion::tls13);

// A ClientHello that offers TLS 1.3 and a ServerHello that selects it carry
// the fields under their RFC 8446 names: §4.1.2 "legacy_version",
// "legacy_session_id", "legacy_compression_methods"; §4.1.3
// "legacy_session_id_echo", "legacy_compression_method". A TLS 1.2 hello keeps
// the RFC 5246 names.
bool offers_tls13(const msg::ClientHello& m) {
    return m.supported_versions &&
           std::find(m.supported_versions->begin(), m.supported_versions->end(), kTls13) != m.supported_versions->end();
}

bool selects_tls13(const msg::ServerHello& m) {
    return m.is_hello_retry_request() || m.selected_version == kTls13;
}

std::vector<Field> fields(const msg::ClientHello& m) {
    const bool v13 = offers_tls13(m);
    return {leaf(v13 ? "legacy_version" : "client_version", version_value(m.legacy_version)),
            leaf("random", hex(m.random)),
            leaf(v13 ? "legacy_session_id" : "session_id", bytes_value(m.session_id)),
            list("cipher_suites", "cipher_suite", m.cipher_suites, suite_value),
            list(v13 ? "legacy_compression_methods" : "compression_methods", "compression_method",
                 std::vector<std::uint8_t>(m.compression_methods.begin(), m.compression_methods.end()),
                 compression_value),
            extensions(wire_extensions(m, msg::decode_client_hello), ExtensionsOf::client_hello)};
}

std::vector<Field> fields(const msg::ServerHello& m) {
    const bool v13 = selects_tls13(m);
    const auto where = m.is_hello_retry_request() ? ExtensionsOf::hello_retry_request : ExtensionsOf::server_hello;
    return {leaf(v13 ? "legacy_version" : "server_version", version_value(m.legacy_version)),
            leaf("random", hex(m.random)),
            leaf(v13 ? "legacy_session_id_echo" : "session_id", bytes_value(m.session_id)),
            leaf("cipher_suite", suite_value(m.cipher_suite)),
            leaf(v13 ? "legacy_compression_method" : "compression_method", compression_value(m.compression_method)),
            extensions(wire_extensions(m, msg::decode_server_hello), where)};
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

// RFC 8446 §4.3.1: "struct { Extension extensions<0..2^16-1>; } EncryptedExtensions;"
std::vector<Field> fields(const msg::EncryptedExtensions& m) {
    return {extensions(wire_extensions(m, msg::decode_encrypted_extensions), ExtensionsOf::encrypted_extensions)};
}

// RFC 8446 §4.4.2: a request context, then CertificateEntry { cert_data; extensions; } per certificate.
std::vector<Field> fields(const msg::Certificate13& m) {
    Field chain{"certificate_list", std::to_string(m.entries.size()), {}};
    for (const auto& entry : m.entries) {
        Field f = certificate(entry.cert_data);
        if (!entry.extensions.empty())
            f.children.push_back(extensions(entry.extensions, ExtensionsOf::certificate_entry));
        chain.children.push_back(std::move(f));
    }
    return {leaf("certificate_request_context", bytes_value(m.request_context)), std::move(chain)};
}

// RFC 8446 §4.3.2: "opaque certificate_request_context<0..2^8-1>; Extension extensions<2..2^16-1>;"
std::vector<Field> fields(const msg::CertificateRequest13& m) {
    return {leaf("certificate_request_context", bytes_value(m.request_context)),
            extensions(wire_extensions(m, msg::decode_certificate_request13), ExtensionsOf::certificate_request)};
}

// RFC 8446 §4.6.1: lifetime, age_add, nonce, ticket, extensions (early_data's max_early_data_size).
std::vector<Field> fields(const msg::NewSessionTicket13& m) {
    return {leaf("ticket_lifetime", std::to_string(m.lifetime) + " s"),
            leaf("ticket_age_add", std::to_string(m.age_add)),
            leaf("ticket_nonce", bytes_value(m.nonce)),
            leaf("ticket", std::to_string(m.ticket.size()) + " bytes: " + hex(m.ticket)),
            extensions(m.extensions, ExtensionsOf::new_session_ticket)};
}

// RFC 8446 §4.5: "struct {} EndOfEarlyData;"
std::vector<Field> fields(const msg::EndOfEarlyData&) { return {}; }

// RFC 8446 §4.6.3: "enum { update_not_requested(0), update_requested(1), (255) } KeyUpdateRequest;"
std::vector<Field> fields(const msg::KeyUpdate& m) {
    std::string_view request = m.request_update == msg::KeyUpdate::update_requested       ? "update_requested"
                               : m.request_update == msg::KeyUpdate::update_not_requested ? "update_not_requested"
                                                                                          : "";
    return {leaf("request_update", code_point(request, m.request_update, 2))};
}

std::vector<Field> fields(const msg::MessageHash& m) { return {leaf("hash", hex(m.hash))}; }

std::vector<Field> fields(const msg::ChangeCipherSpec&) {
    return {leaf("type", "change_cipher_spec (1)")};
}

}  // namespace

std::vector<Field> describe(const msg::Message& message) {
    return std::visit([](const auto& m) { return fields(m); }, message);
}

std::string_view message_label(const msg::Message& message) {
    if (const auto* hello = std::get_if<msg::ServerHello>(&message); hello && hello->is_hello_retry_request())
        return "HelloRetryRequest";
    return msg::message_name(message);
}

}  // namespace tlspp::conn
