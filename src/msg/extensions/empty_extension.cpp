// Extensions whose data must be empty: extended_master_secret (RFC 7627 §5.1),
// the server's session_ticket acknowledgement (RFC 5077 §3.2) and server_name
// acknowledgement (RFC 6066 §3).
#include <string>

#include "msg/extensions/hello_extensions.hpp"

namespace tlspp::msg {

Status decode_empty_extension(ByteView data, std::string_view what) {
    // RFC 7627 §5.1: "The "extension_data" field of this extension SHALL be empty."
    if (data.empty()) return {};
    return wire::decode_error(what, Reason::trailing_bytes,
                              "must be empty, has " + std::to_string(data.size()) + " bytes");
}

}  // namespace tlspp::msg
