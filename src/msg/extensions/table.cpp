// The extension table: one row per extension tlspp knows (RFC 8446 §4.2 and
// the TLS 1.2 extensions), with the messages it may appear in and the codec
// of each message field that holds it.
#include "msg/extensions/table.hpp"

#include <algorithm>
#include <string>

#include "msg/client_hello.hpp"
#include "msg/extensions/hello_extensions.hpp"
#include "msg/messages13.hpp"
#include "msg/server_hello.hpp"

namespace tlspp::msg {

namespace {

template <class T>
struct MemberOf;
template <class M, class T>
struct MemberOf<T M::*> {
    using message = M;
};

// OptionalField: a std::optional field, filled by `Decode(data)` and written
// back by `Encode(w, value)`.
template <auto Field, auto Decode, auto Encode>
struct OptionalField {
    using M = typename MemberOf<decltype(Field)>::message;
    static Status decode(M& m, ByteView data, std::string_view) {
        auto value = Decode(data);
        if (!value) return std::move(value).error();
        m.*Field = std::move(*value);
        return {};
    }
    static void encode(wire::Writer& w, const M& m) { Encode(w, *(m.*Field)); }
    static bool present(const M& m) { return (m.*Field).has_value(); }
    static constexpr FieldCodec<M> codec{&decode, &encode, &present};
};
template <auto Field, auto Decode, auto Encode>
constexpr auto optional_field = &OptionalField<Field, Decode, Encode>::codec;

// Flag: a bool field for an extension whose data is empty (RFC 7627 §5.1,
// RFC 7366 §2, RFC 6066 §3 and RFC 5077 §3.2 acknowledgements, RFC 8446
// §4.2.10 early_data outside NewSessionTicket, §4.2.6 post_handshake_auth).
template <auto Field>
struct Flag {
    using M = typename MemberOf<decltype(Field)>::message;
    static Status decode(M& m, ByteView data, std::string_view extension) {
        if (auto empty = decode_empty_extension(data, extension); !empty) return empty;
        m.*Field = true;
        return {};
    }
    static void encode(wire::Writer&, const M&) {}
    static bool present(const M& m) { return m.*Field; }
    static constexpr FieldCodec<M> codec{&decode, &encode, &present};
};
template <auto Field>
constexpr auto flag = &Flag<Field>::codec;

// RFC 5077 §3.2: the ClientHello's SessionTicket is a ticket, or empty to ask for one.
Result<Bytes> decode_opaque(ByteView data) { return Bytes(data.begin(), data.end()); }
void encode_opaque(wire::Writer& w, ByteView data) { w.bytes(data); }

// RFC 8446 §4.2.8: the ServerHello's key_share is the server's share; a
// HelloRetryRequest's is the selected_group (the random says which, and is
// decoded before the extensions).
struct ServerKeyShare {
    static Status decode(ServerHello& m, ByteView data, std::string_view) {
        if (m.is_hello_retry_request()) return assign(decode_selected_group(data), m.selected_group);
        return assign(decode_server_share(data), m.key_share);
    }
    static void encode(wire::Writer& w, const ServerHello& m) {
        if (m.key_share) return encode_server_share(w, *m.key_share);
        encode_selected_group(w, *m.selected_group);
    }
    static bool present(const ServerHello& m) { return m.key_share || m.selected_group; }
    template <class T, class Field>
    static Status assign(Result<T> decoded, Field& field) {
        if (!decoded) return std::move(decoded).error();
        field = std::move(*decoded);
        return {};
    }
    static constexpr FieldCodec<ServerHello> codec{&decode, &encode, &present};
};

template <class... M>
constexpr ExtensionRow::Fields fields(const FieldCodec<M>*... codecs) {
    ExtensionRow::Fields out{};
    ((std::get<const FieldCodec<M>*>(out) = codecs), ...);
    return out;
}

// row builds a row; a row without field codecs is known but kept raw everywhere.
constexpr ExtensionRow row(std::uint16_t type, std::string_view name, MessageSet allowed,
                           ExtensionRow::Fields codecs = {}, MessageSet unsolicited = {}) {
    ExtensionRow r;
    r.type = type;
    r.name = name;
    r.allowed = allowed;
    r.unsolicited = unsolicited;
    r.fields = codecs;
    return r;
}

constexpr auto CH = MessageKind::client_hello;
constexpr auto SH12 = MessageKind::server_hello12;
constexpr auto SH = MessageKind::server_hello13;
constexpr auto HRR = MessageKind::hello_retry_request;
constexpr auto EE = MessageKind::encrypted_extensions;
constexpr auto CT = MessageKind::certificate13;
constexpr auto CR = MessageKind::certificate_request13;
constexpr auto NST = MessageKind::new_session_ticket13;

constexpr std::uint16_t code(ExtensionType t) { return static_cast<std::uint16_t>(t); }

// The rows, in the order a built message writes its fields. `allowed` is
// RFC 8446 §4.2's table for TLS 1.3 plus SH12 where the extension's own RFC
// has the TLS 1.2 server answer in its ServerHello; the TLS 1.2-only
// extensions (RFC 8446 §4.2 does not list them) appear in CH and SH12 alone.
constexpr ExtensionRow kRows[] = {
    row(code(ExtensionType::server_name), "server_name", {CH, SH12, EE},
        fields(optional_field<&ClientHello::server_name, decode_server_name, encode_server_name>,
               flag<&ServerHello::server_name_ack>,
               flag<&EncryptedExtensions::server_name_ack>)),
    row(code(ExtensionType::ec_point_formats), "ec_point_formats", {CH, SH12},
        fields(optional_field<&ClientHello::ec_point_formats, decode_ec_point_formats, encode_ec_point_formats>,
               optional_field<&ServerHello::ec_point_formats, decode_ec_point_formats, encode_ec_point_formats>)),
    row(code(ExtensionType::supported_groups), "supported_groups", {CH, EE},
        fields(optional_field<&ClientHello::supported_groups, decode_supported_groups, encode_supported_groups>,
               optional_field<&EncryptedExtensions::supported_groups, decode_supported_groups,
                              encode_supported_groups>)),
    row(code(ExtensionType::session_ticket), "session_ticket", {CH, SH12},
        fields(optional_field<&ClientHello::session_ticket, decode_opaque, encode_opaque>,
               flag<&ServerHello::session_ticket>)),
    row(code(ExtensionType::application_layer_protocol_negotiation), "application_layer_protocol_negotiation",
        {CH, SH12, EE},
        fields(optional_field<&ClientHello::alpn, decode_alpn, encode_alpn>,
               optional_field<&ServerHello::alpn, decode_alpn_choice, encode_alpn_choice>,
               optional_field<&EncryptedExtensions::alpn, decode_alpn_choice, encode_alpn_choice>)),
    row(code(ExtensionType::encrypt_then_mac), "encrypt_then_mac", {CH, SH12},
        fields(flag<&ClientHello::encrypt_then_mac>, flag<&ServerHello::encrypt_then_mac>)),
    row(code(ExtensionType::extended_master_secret), "extended_master_secret", {CH, SH12},
        fields(flag<&ClientHello::extended_master_secret>, flag<&ServerHello::extended_master_secret>)),
    row(code(ExtensionType::signature_algorithms), "signature_algorithms", {CH, CR},
        fields(optional_field<&ClientHello::signature_algorithms, decode_signature_algorithms,
                              encode_signature_algorithms>,
               optional_field<&CertificateRequest13::signature_algorithms, decode_signature_algorithms,
                              encode_signature_algorithms>)),
    // RFC 8446 §4.1.2 forbids renegotiation in TLS 1.3; the extension is TLS 1.2's.
    row(code(ExtensionType::renegotiation_info), "renegotiation_info", {CH, SH12},
        fields(optional_field<&ClientHello::renegotiation_info, decode_renegotiation_info, encode_renegotiation_info>,
               optional_field<&ServerHello::renegotiation_info, decode_renegotiation_info,
                              encode_renegotiation_info>)),
    row(code(ExtensionType::supported_versions), "supported_versions", {CH, SH, HRR},
        fields(optional_field<&ClientHello::supported_versions, decode_supported_versions_list,
                              encode_supported_versions_list>,
               optional_field<&ServerHello::selected_version, decode_selected_version, encode_selected_version>)),
    row(code(ExtensionType::key_share), "key_share", {CH, SH, HRR},
        fields(optional_field<&ClientHello::key_shares, decode_client_shares, encode_client_shares>,
               &ServerKeyShare::codec)),
    row(code(ExtensionType::psk_key_exchange_modes), "psk_key_exchange_modes", {CH},
        fields(optional_field<&ClientHello::psk_key_exchange_modes, decode_psk_key_exchange_modes,
                              encode_psk_key_exchange_modes>)),
    // RFC 8446 §4.2.2: the server may send a cookie in a HelloRetryRequest unasked.
    row(code(ExtensionType::cookie), "cookie", {CH, HRR},
        fields(optional_field<&ClientHello::cookie, decode_cookie, encode_cookie>,
               optional_field<&ServerHello::cookie, decode_cookie, encode_cookie>),
        {HRR}),
    row(code(ExtensionType::signature_algorithms_cert), "signature_algorithms_cert", {CH, CR},
        fields(optional_field<&ClientHello::signature_algorithms_cert, decode_signature_algorithms,
                              encode_signature_algorithms>,
               optional_field<&CertificateRequest13::signature_algorithms_cert, decode_signature_algorithms,
                              encode_signature_algorithms>)),
    // RFC 8446 §4.2.10: empty in ClientHello and EncryptedExtensions; in
    // NewSessionTicket it carries max_early_data_size (kept raw).
    row(code(ExtensionType::early_data), "early_data", {CH, EE, NST},
        fields(flag<&ClientHello::early_data>, flag<&EncryptedExtensions::early_data>)),
    row(code(ExtensionType::post_handshake_auth), "post_handshake_auth", {CH},
        fields(flag<&ClientHello::post_handshake_auth>)),
    row(code(ExtensionType::certificate_authorities), "certificate_authorities", {CH, CR},
        fields(optional_field<&CertificateRequest13::certificate_authorities, decode_certificate_authorities,
                              encode_certificate_authorities>)),

    // Known, kept raw in every message. RFC 6066 §8 (status_request) and
    // RFC 6962 §3.3.1 (signed_certificate_timestamp) have a TLS 1.2 server
    // answer in its ServerHello, as RFC 6066 §4, RFC 5764 §4.1.1, RFC 6520 §2
    // and RFC 7250 §3 do for the others in SH12.
    row(code(ExtensionType::status_request), "status_request", {CH, SH12, CR, CT}),
    row(1, "max_fragment_length", {CH, SH12, EE}),
    row(14, "use_srtp", {CH, SH12, EE}),
    row(15, "heartbeat", {CH, SH12, EE}),
    row(18, "signed_certificate_timestamp", {CH, SH12, CR, CT}),
    row(19, "client_certificate_type", {CH, SH12, EE}),
    row(20, "server_certificate_type", {CH, SH12, EE}),
    row(21, "padding", {CH}),
    row(48, "oid_filters", {CR}),
    // RFC 8446 §4.2.11: "The "pre_shared_key" extension MUST be the last
    // extension in the ClientHello": when it gets a ClientHello field, write
    // it after the raw extensions too.
    row(code(ExtensionType::pre_shared_key), "pre_shared_key", {CH, SH}),
};

}  // namespace

std::span<const ExtensionRow> extension_table() noexcept { return kRows; }

const ExtensionRow* find_extension(std::uint16_t type) noexcept {
    const auto* row = std::find_if(std::begin(kRows), std::end(kRows), [&](const auto& r) { return r.type == type; });
    return row == std::end(kRows) ? nullptr : row;
}

}  // namespace tlspp::msg
