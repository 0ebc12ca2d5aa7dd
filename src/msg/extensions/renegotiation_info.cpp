// RFC 5746 §3.2: renegotiation_info.
#include "msg/codec.hpp"
#include "msg/extensions/hello_extensions.hpp"

namespace tlspp::msg {

Result<Bytes> decode_renegotiation_info(ByteView data) {
    // RFC 5746 §3.2: "struct { opaque renegotiated_connection<0..255>; } RenegotiationInfo;"
    // Whether it matches the previous verify_data is the state machine's check.
    wire::Reader r(data);
    Bytes renegotiated_connection;
    if (!r.u8_bytes(renegotiated_connection, 0, 0xff))
        return wire::decode_error("renegotiation_info.renegotiated_connection", r);
    if (auto end = codec::expect_end(r, "renegotiation_info"); !end) return std::move(end).error();
    return renegotiated_connection;
}

void encode_renegotiation_info(wire::Writer& w, ByteView renegotiated_connection) {
    w.u8_bytes(renegotiated_connection);
}

}  // namespace tlspp::msg
