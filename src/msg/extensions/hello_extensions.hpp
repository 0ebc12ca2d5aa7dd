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

// RFC 5746 §3.2 renegotiation_info: renegotiated_connection <0..255>.
Result<Bytes> decode_renegotiation_info(ByteView data);
void encode_renegotiation_info(wire::Writer& w, ByteView renegotiated_connection);

// RFC 7627 §5.1 extended_master_secret and RFC 5077 session_ticket
// acknowledgement: empty data; anything else is decode_error.
Status decode_empty_extension(ByteView data, std::string_view what);

}  // namespace tlspp::msg
