// RFC 5246 §7.4.1.4: the extension list carried by both hellos.
#include <bitset>
#include <string>

#include "msg/codec.hpp"
#include "msg/extensions/extension.hpp"

namespace tlspp::msg {

namespace {

// count_extensions counts the extensions in a block by their lengths alone,
// so the list is allocated once rather than grown one extension at a time.
// A malformed block counts what it can; the decoder below reports why.
std::size_t count_extensions(wire::Reader block) {
    std::size_t n = 0;
    std::uint16_t type = 0;
    wire::Reader data;
    // (Checking for the end first: a failed read builds an error detail.)
    while (!block.empty() && block.u16(type) && block.u16_block(data, 0, 0xffff)) ++n;
    return n;
}

}  // namespace

Result<std::vector<RawExtension>> decode_extension_list(wire::Reader block, std::string_view what) {
    std::vector<RawExtension> out;
    out.reserve(count_extensions(block));
    // One bit per extension type: the duplicate check stays linear, so a
    // 64 KiB hello of empty extensions costs one pass, not n²/2 comparisons.
    std::bitset<65536> seen;
    while (!block.empty()) {
        // RFC 5246 §7.4.1.4: "struct { ExtensionType extension_type;
        // opaque extension_data<0..2^16-1>; } Extension;"
        RawExtension ext{};
        if (!block.u16(ext.type) || !block.u16_bytes(ext.data, 0, 0xffff))
            return wire::decode_error(std::string(what) + ".extensions", block);
        // RFC 5246 §7.4.1.4: "There MUST NOT be more than one extension of the same type."
        if (seen.test(ext.type))
            return wire::decode_error(what, Reason::duplicate_extension,
                                      "extension " + std::to_string(ext.type) + " appears twice");
        seen.set(ext.type);
        out.push_back(std::move(ext));
    }
    return out;
}

}  // namespace tlspp::msg
