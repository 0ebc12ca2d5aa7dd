// RFC 8446 §4.2.8: key_share, in its three forms.
#include "msg/codec.hpp"
#include "msg/extensions/hello_extensions.hpp"

namespace tlspp::msg {

namespace {

bool read_entry(wire::Reader& r, KeyShareEntry& entry) {
    std::uint16_t group = 0;
    if (!r.u16(group)) return false;
    entry.group = static_cast<NamedGroup>(group);
    // "opaque key_exchange<1..2^16-1>;"
    return r.u16_bytes(entry.key_exchange, 1, 0xffff);
}

void write_entry(wire::Writer& w, const KeyShareEntry& entry) {
    w.u16(static_cast<std::uint16_t>(entry.group));
    w.u16_bytes(entry.key_exchange);
}

}  // namespace

Result<std::vector<KeyShareEntry>> decode_client_shares(ByteView data) {
    // "KeyShareEntry client_shares<0..2^16-1>;"
    wire::Reader r(data), list;
    if (!r.u16_block(list, 0, 0xffff)) return wire::decode_error("key_share", r);
    if (auto end = codec::expect_end(r, "key_share"); !end) return std::move(end).error();
    std::vector<KeyShareEntry> shares;
    while (!list.empty()) {
        KeyShareEntry entry;
        if (!read_entry(list, entry))
            return wire::decode_error("key_share.client_shares[" + std::to_string(shares.size()) + "]", list);
        shares.push_back(std::move(entry));
    }
    return shares;
}

void encode_client_shares(wire::Writer& w, const std::vector<KeyShareEntry>& shares) {
    auto block = w.u16_block();
    for (const auto& entry : shares) write_entry(w, entry);
}

Result<KeyShareEntry> decode_server_share(ByteView data) {
    wire::Reader r(data);
    KeyShareEntry entry;
    if (!read_entry(r, entry)) return wire::decode_error("key_share.server_share", r);
    if (auto end = codec::expect_end(r, "key_share"); !end) return std::move(end).error();
    return entry;
}

void encode_server_share(wire::Writer& w, const KeyShareEntry& share) { write_entry(w, share); }

Result<NamedGroup> decode_selected_group(ByteView data) {
    wire::Reader r(data);
    std::uint16_t group = 0;
    if (!r.u16(group)) return wire::decode_error("key_share.selected_group", r);
    if (auto end = codec::expect_end(r, "key_share"); !end) return std::move(end).error();
    return static_cast<NamedGroup>(group);
}

void encode_selected_group(wire::Writer& w, NamedGroup group) { w.u16(static_cast<std::uint16_t>(group)); }

}  // namespace tlspp::msg
