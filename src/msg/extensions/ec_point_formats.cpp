// RFC 8422 §5.1.2: ec_point_formats.
#include "msg/codec.hpp"
#include "msg/extensions/hello_extensions.hpp"

namespace tlspp::msg {

Result<Bytes> decode_ec_point_formats(ByteView data) {
    // RFC 8422 §5.1.2: "struct { ECPointFormat ec_point_format_list<1..2^8-1> } ECPointFormatList;"
    // Whether "uncompressed" is present is checked in negotiation (RFC 8422 §5.1.2 MUST).
    wire::Reader r(data);
    Bytes formats;
    if (!r.u8_bytes(formats, 1, 0xff)) return wire::decode_error("ec_point_formats", r);
    if (auto end = codec::expect_end(r, "ec_point_formats"); !end) return std::move(end).error();
    return formats;
}

void encode_ec_point_formats(wire::Writer& w, ByteView formats) { w.u8_bytes(formats); }

}  // namespace tlspp::msg
