// msg/extensions/hello_extensions.hpp: the decoded forms of the hello
// extensions tlspp understands (one .cpp per extension in this folder).
// Each decoder fails with decode_error if the extension's data is malformed
// or has trailing bytes; each encoder writes the extension's data only.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "msg/extensions/extension.hpp"
#include "wire/writer.hpp"

namespace tlspp::msg {

// RFC 6066 §3 server_name: a host_name entry (the only NameType). The
// server's empty acknowledgement is the empty data.
Result<std::string> decode_server_name(ByteView data);
void encode_server_name(wire::Writer& w, std::string_view host);

// RFC 8422 §5.1.1 / RFC 8446 §4.2.7 supported_groups: NamedGroup list <2..2^16-1>.
Result<std::vector<NamedGroup>> decode_supported_groups(ByteView data);
void encode_supported_groups(wire::Writer& w, const std::vector<NamedGroup>& groups);

// RFC 8422 §5.1.2 ec_point_formats: ECPointFormat list <1..2^8-1>.
Result<Bytes> decode_ec_point_formats(ByteView data);
void encode_ec_point_formats(wire::Writer& w, ByteView formats);

// RFC 5246 §7.4.1.4.1 / RFC 8446 §4.2.3 signature_algorithms: <2..2^16-2>, even length.
Result<std::vector<SignatureScheme>> decode_signature_algorithms(ByteView data);
void encode_signature_algorithms(wire::Writer& w, const std::vector<SignatureScheme>& schemes);

// RFC 7301 §3.1 ALPN: ProtocolName list <2..2^16-1> of <1..2^8-1> each. The
// server's reply must hold exactly one name (checked by the caller).
Result<std::vector<std::string>> decode_alpn(ByteView data);
void encode_alpn(wire::Writer& w, const std::vector<std::string>& protocols);
// The server's ALPN reply (ServerHello in TLS 1.2, EncryptedExtensions in
// 1.3): the same list, holding exactly one name (RFC 7301 §3.1); any other
// count is decode_error (invalid_encoding).
Result<std::string> decode_alpn_choice(ByteView data);
void encode_alpn_choice(wire::Writer& w, std::string_view protocol);

// RFC 5746 §3.2 renegotiation_info: renegotiated_connection <0..255>.
Result<Bytes> decode_renegotiation_info(ByteView data);
void encode_renegotiation_info(wire::Writer& w, ByteView renegotiated_connection);

// ---- TLS 1.3 (RFC 8446 §4.2) ----

// RFC 8446 §4.2.1 supported_versions. In ClientHello: "ProtocolVersion
// versions<2..254>;" (kept raw: unknown and GREASE values are the
// negotiation's to skip). In ServerHello/HelloRetryRequest: one
// "ProtocolVersion selected_version;".
Result<std::vector<std::uint16_t>> decode_supported_versions_list(ByteView data);
void encode_supported_versions_list(wire::Writer& w, const std::vector<std::uint16_t>& versions);
Result<std::uint16_t> decode_selected_version(ByteView data);
void encode_selected_version(wire::Writer& w, std::uint16_t version);

// RFC 8446 §4.2.8: "struct { NamedGroup group; opaque key_exchange<1..2^16-1>; } KeyShareEntry;"
struct KeyShareEntry {
    NamedGroup group{};
    Bytes key_exchange;
    bool operator==(const KeyShareEntry&) const = default;
};
// key_share in ClientHello: "KeyShareEntry client_shares<0..2^16-1>;" (a
// group twice is illegal_parameter: §4.2.8 "Clients MUST NOT offer multiple
// KeyShareEntry values for the same group", judged by the server).
Result<std::vector<KeyShareEntry>> decode_client_shares(ByteView data);
void encode_client_shares(wire::Writer& w, const std::vector<KeyShareEntry>& shares);
// key_share in ServerHello: one KeyShareEntry.
Result<KeyShareEntry> decode_server_share(ByteView data);
void encode_server_share(wire::Writer& w, const KeyShareEntry& share);
// key_share in HelloRetryRequest: "NamedGroup selected_group;".
Result<NamedGroup> decode_selected_group(ByteView data);
void encode_selected_group(wire::Writer& w, NamedGroup group);

// RFC 8446 §4.2.2: "struct { opaque cookie<1..2^16-1>; } Cookie;"
Result<Bytes> decode_cookie(ByteView data);
void encode_cookie(wire::Writer& w, ByteView cookie);

// RFC 8446 §4.2.9: "PskKeyExchangeMode ke_modes<1..255>;" (psk_ke 0, psk_dhe_ke 1).
Result<Bytes> decode_psk_key_exchange_modes(ByteView data);
void encode_psk_key_exchange_modes(wire::Writer& w, ByteView modes);

// RFC 8446 §4.2.4: "opaque DistinguishedName<1..2^16-1>;
// DistinguishedName authorities<3..2^16-1>;" (DER names, kept as bytes).
Result<std::vector<Bytes>> decode_certificate_authorities(ByteView data);
void encode_certificate_authorities(wire::Writer& w, const std::vector<Bytes>& names);

// RFC 7627 §5.1 extended_master_secret and RFC 5077 session_ticket
// acknowledgement: empty data; anything else is decode_error.
Status decode_empty_extension(ByteView data, std::string_view what);

}  // namespace tlspp::msg
