// RFC 8422 §5.1.1 / RFC 7919 §2: supported_groups (formerly elliptic_curves).
#include "msg/codec.hpp"
#include "msg/extensions/hello_extensions.hpp"

namespace tlspp::msg {

Result<std::vector<NamedGroup>> decode_supported_groups(ByteView data) {
    // RFC 8422 §5.1.1: "struct { NamedCurve named_curve_list<2..2^16-1> } NamedCurveList;"
    // Unknown groups are kept: choosing among them is negotiation's job.
    wire::Reader r(data);
    std::vector<NamedGroup> groups;
    if (auto list = codec::read_u16_list(r, 2, 0xffff, groups, "supported_groups"); !list)
        return std::move(list).error();
    if (auto end = codec::expect_end(r, "supported_groups"); !end) return std::move(end).error();
    return groups;
}

void encode_supported_groups(wire::Writer& w, const std::vector<NamedGroup>& groups) {
    codec::write_u16_list(w, groups);
}

}  // namespace tlspp::msg
