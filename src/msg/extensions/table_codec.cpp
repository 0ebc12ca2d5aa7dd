// Decoding and encoding the extension fields of a message through the
// extension table: one loop per direction for every message with fields.
#include <algorithm>
#include <array>

#include "msg/client_hello.hpp"
#include "msg/codec.hpp"
#include "msg/extensions/table.hpp"
#include "msg/messages13.hpp"
#include "msg/server_hello.hpp"

namespace tlspp::msg {

namespace {

// Layout<M>: the message's name for error details, and the extensions a
// built M writes before the rest of the table order.
template <class M>
struct Layout;
template <>
struct Layout<ClientHello> {
    static constexpr std::string_view name = "ClientHello";
    static constexpr std::array<ExtensionType, 0> first{};
};
// tlspp's ServerHello has always led with these two (the explainer's golden
// transcripts show it); the table order puts renegotiation_info later.
template <>
struct Layout<ServerHello> {
    static constexpr std::string_view name = "ServerHello";
    static constexpr std::array first{ExtensionType::server_name, ExtensionType::renegotiation_info};
};
template <>
struct Layout<EncryptedExtensions> {
    static constexpr std::string_view name = "EncryptedExtensions";
    static constexpr std::array<ExtensionType, 0> first{};
};
template <>
struct Layout<CertificateRequest13> {
    static constexpr std::string_view name = "CertificateRequest";
    static constexpr std::array<ExtensionType, 0> first{};
};

bool listed(const std::vector<RawExtension>& raw, std::uint16_t type) {
    return std::any_of(raw.begin(), raw.end(), [&](const RawExtension& e) { return e.type == type; });
}

bool leads(std::span<const ExtensionType> first, std::uint16_t type) {
    return std::any_of(first.begin(), first.end(), [&](ExtensionType t) { return static_cast<std::uint16_t>(t) == type; });
}

template <class M>
void write_field(wire::Writer& w, const ExtensionRow& row, const FieldCodec<M>& codec, const M& m) {
    w.u16(row.type);
    auto data = w.u16_block();
    codec.encode(w, m);
}

// write_unlisted writes the field of `row` if it is set and no raw extension stands for it.
template <class M>
void write_unlisted(wire::Writer& w, const ExtensionRow& row, const M& m) {
    const FieldCodec<M>* codec = row.field<M>();
    if (codec && codec->present(m) && !listed(m.extensions, row.type)) write_field(w, row, *codec, m);
}

}  // namespace

template <class M>
Status decode_fields(M& m) {
    for (const auto& ext : m.extensions) {
        const ExtensionRow* row = find_extension(ext.type);
        const FieldCodec<M>* codec = row ? row->field<M>() : nullptr;
        if (!codec) continue;
        if (auto ok = codec->decode(m, ext.data, row->name); !ok)
            return codec::in_message(std::move(ok).error(), Layout<M>::name);
    }
    return {};
}

template <class M>
bool has_extensions(const M& m) {
    if (!m.extensions.empty()) return true;
    for (const auto& row : extension_table())
        if (const FieldCodec<M>* codec = row.field<M>(); codec && codec->present(m)) return true;
    return false;
}

template <class M>
void write_extensions(wire::Writer& w, const M& m) {
    auto block = w.u16_block();
    for (ExtensionType type : Layout<M>::first) write_unlisted(w, *find_extension(static_cast<std::uint16_t>(type)), m);
    for (const auto& row : extension_table())
        if (!leads(Layout<M>::first, row.type)) write_unlisted(w, row, m);

    // The raw list in its order: a set field is written in place of its
    // first raw entry, and its later ones are skipped.
    for (auto ext = m.extensions.begin(); ext != m.extensions.end(); ++ext) {
        const ExtensionRow* row = find_extension(ext->type);
        const FieldCodec<M>* codec = row ? row->field<M>() : nullptr;
        if (!codec || !codec->present(m)) {
            w.u16(ext->type);
            w.u16_bytes(ext->data);
            continue;
        }
        const bool first = std::none_of(m.extensions.begin(), ext, [&](const RawExtension& e) { return e.type == ext->type; });
        if (first) write_field(w, *row, *codec, m);
    }
}

template Status decode_fields(ClientHello&);
template Status decode_fields(ServerHello&);
template Status decode_fields(EncryptedExtensions&);
template Status decode_fields(CertificateRequest13&);
template bool has_extensions(const ClientHello&);
template bool has_extensions(const ServerHello&);
template bool has_extensions(const EncryptedExtensions&);
template bool has_extensions(const CertificateRequest13&);
template void write_extensions(wire::Writer&, const ClientHello&);
template void write_extensions(wire::Writer&, const ServerHello&);
template void write_extensions(wire::Writer&, const EncryptedExtensions&);
template void write_extensions(wire::Writer&, const CertificateRequest13&);

}  // namespace tlspp::msg
