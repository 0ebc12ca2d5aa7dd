// RFC 8446 §4: the TLS 1.3 messages and forms (syntax only).
#include "msg/messages13.hpp"

#include <initializer_list>
#include <string>

#include "msg/codec.hpp"

namespace tlspp::msg {

namespace {

// read_extensions reads an extensions block of min..max bytes into raw
// extensions (duplicates refused, RFC 8446 §4.2: "There MUST NOT be more
// than one extension of the same type in a given extension block.").
Status read_extensions(wire::Reader& r, std::size_t min, std::size_t max, std::vector<RawExtension>& out,
                       const std::string& what) {
    wire::Reader block;
    if (!r.u16_block(block, min, max)) return wire::decode_error(what + ".extensions", r);
    auto list = decode_extension_list(block, what);
    if (!list) return std::move(list).error();
    out = std::move(*list);
    return {};
}

void write_extensions(wire::Writer& w, const std::vector<RawExtension>& extensions) {
    auto block = w.u16_block();
    for (const auto& ext : extensions) {
        w.u16(ext.type);
        w.u16_bytes(ext.data);
    }
}

// write_fields_in_order writes an extensions block: the raw extensions in
// their order, each one that has a decoded field written from the field
// (`write_field(w, type)` returns whether it wrote it); then the fields in
// `known` order that no raw extension stood for. A decoded message so
// re-encodes byte for byte, and a built one gets the fixed order.
template <class WriteField>
void write_fields_in_order(wire::Writer& w, const std::vector<RawExtension>& raw, WriteField&& write_field,
                           std::initializer_list<ExtensionType> known) {
    auto block = w.u16_block();
    for (const auto& ext : raw) {
        if (write_field(w, static_cast<ExtensionType>(ext.type))) continue;
        w.u16(ext.type);
        w.u16_bytes(ext.data);
    }
    for (ExtensionType type : known) {
        bool listed = false;
        for (const auto& ext : raw) listed |= ext.type == static_cast<std::uint16_t>(type);
        if (!listed) write_field(w, type);
    }
}

Status decode_ee_extension(EncryptedExtensions& m, const RawExtension& ext) {
    constexpr std::string_view kName = "EncryptedExtensions";
    const ByteView data(ext.data);
    switch (static_cast<ExtensionType>(ext.type)) {
    case ExtensionType::server_name:
        if (auto empty = decode_empty_extension(data, "server_name"); !empty)
            return codec::in_message(std::move(empty).error(), kName);
        m.server_name_ack = true;
        return {};
    case ExtensionType::application_layer_protocol_negotiation: {
        // RFC 7301 §3.1: the server's list "MUST contain exactly one "ProtocolName"".
        auto names = decode_alpn(data);
        if (!names) return codec::in_message(std::move(names).error(), kName);
        if (names->size() != 1)
            return wire::decode_error("EncryptedExtensions.alpn", Reason::invalid_encoding,
                                      std::to_string(names->size()) + " protocol names, must be exactly 1");
        m.alpn = std::move(names->front());
        return {};
    }
    case ExtensionType::supported_groups:
        return codec::assign(decode_supported_groups(data), m.supported_groups, kName);
    case ExtensionType::early_data:
        if (auto empty = decode_empty_extension(data, "early_data"); !empty)
            return codec::in_message(std::move(empty).error(), kName);
        m.early_data = true;
        return {};
    default: return {};
    }
}


Status decode_cr_extension(CertificateRequest13& m, const RawExtension& ext) {
    constexpr std::string_view kName = "CertificateRequest";
    const ByteView data(ext.data);
    switch (static_cast<ExtensionType>(ext.type)) {
    case ExtensionType::signature_algorithms:
        return codec::assign(decode_signature_algorithms(data), m.signature_algorithms, kName);
    case ExtensionType::signature_algorithms_cert:
        return codec::assign(decode_signature_algorithms(data), m.signature_algorithms_cert, kName);
    case ExtensionType::certificate_authorities:
        return codec::assign(decode_certificate_authorities(data), m.certificate_authorities, kName);
    default: return {};
    }
}


}  // namespace

Result<EncryptedExtensions> decode_encrypted_extensions(ByteView body) {
    wire::Reader r(body);
    EncryptedExtensions m;
    if (auto ok = read_extensions(r, 0, 0xffff, m.extensions, "EncryptedExtensions"); !ok) return std::move(ok).error();
    if (auto end = codec::expect_end(r, "EncryptedExtensions"); !end) return std::move(end).error();
    for (const auto& ext : m.extensions)
        if (auto ok = decode_ee_extension(m, ext); !ok) return std::move(ok).error();
    return m;
}

void encode(wire::Writer& w, const EncryptedExtensions& m) {
    write_fields_in_order(w, m.extensions, [&](wire::Writer& x, ExtensionType type) {
        switch (type) {
        case ExtensionType::server_name:
            if (m.server_name_ack) codec::write_extension(x, type, [](auto&) {});
            return m.server_name_ack;
        case ExtensionType::supported_groups:
            if (m.supported_groups)
                codec::write_extension(x, type, [&](auto& y) { encode_supported_groups(y, *m.supported_groups); });
            return m.supported_groups.has_value();
        case ExtensionType::application_layer_protocol_negotiation:
            if (m.alpn) codec::write_extension(x, type, [&](auto& y) { encode_alpn(y, {*m.alpn}); });
            return m.alpn.has_value();
        case ExtensionType::early_data:
            if (m.early_data) codec::write_extension(x, type, [](auto&) {});
            return m.early_data;
        default: return false;
        }
    }, {ExtensionType::server_name, ExtensionType::supported_groups,
        ExtensionType::application_layer_protocol_negotiation, ExtensionType::early_data});
}

Result<Certificate13> decode_certificate13(ByteView body) {
    wire::Reader r(body), list;
    Certificate13 m;
    if (!r.u8_bytes(m.request_context, 0, 0xff)) return wire::decode_error("Certificate.certificate_request_context", r);
    if (!r.u24_block(list, 0, 0xffffff)) return wire::decode_error("Certificate.certificate_list", r);
    if (auto end = codec::expect_end(r, "Certificate"); !end) return std::move(end).error();
    while (!list.empty()) {
        const std::string what = "Certificate.certificate_list[" + std::to_string(m.entries.size()) + "]";
        CertificateEntry entry;
        // The DER inside is parsed by pki/, which can say more than "malformed".
        if (!list.u24_bytes(entry.cert_data, 1, 0xffffff)) return wire::decode_error(what, list);
        if (auto ok = read_extensions(list, 0, 0xffff, entry.extensions, what); !ok) return std::move(ok).error();
        m.entries.push_back(std::move(entry));
    }
    return m;
}

void encode(wire::Writer& w, const Certificate13& m) {
    w.u8_bytes(m.request_context);
    auto list = w.u24_block();
    for (const auto& entry : m.entries) {
        w.u24_bytes(entry.cert_data);
        write_extensions(w, entry.extensions);
    }
}

Result<CertificateRequest13> decode_certificate_request13(ByteView body) {
    wire::Reader r(body);
    CertificateRequest13 m;
    if (!r.u8_bytes(m.request_context, 0, 0xff))
        return wire::decode_error("CertificateRequest.certificate_request_context", r);
    if (auto ok = read_extensions(r, 2, 0xffff, m.extensions, "CertificateRequest"); !ok) return std::move(ok).error();
    if (auto end = codec::expect_end(r, "CertificateRequest"); !end) return std::move(end).error();
    for (const auto& ext : m.extensions)
        if (auto ok = decode_cr_extension(m, ext); !ok) return std::move(ok).error();
    return m;
}

void encode(wire::Writer& w, const CertificateRequest13& m) {
    w.u8_bytes(m.request_context);
    write_fields_in_order(w, m.extensions, [&](wire::Writer& x, ExtensionType type) {
        switch (type) {
        case ExtensionType::signature_algorithms:
            if (m.signature_algorithms)
                codec::write_extension(x, type,
                                       [&](auto& y) { encode_signature_algorithms(y, *m.signature_algorithms); });
            return m.signature_algorithms.has_value();
        case ExtensionType::signature_algorithms_cert:
            if (m.signature_algorithms_cert)
                codec::write_extension(x, type,
                                       [&](auto& y) { encode_signature_algorithms(y, *m.signature_algorithms_cert); });
            return m.signature_algorithms_cert.has_value();
        case ExtensionType::certificate_authorities:
            if (m.certificate_authorities)
                codec::write_extension(
                    x, type, [&](auto& y) { encode_certificate_authorities(y, *m.certificate_authorities); });
            return m.certificate_authorities.has_value();
        default: return false;
        }
    }, {ExtensionType::signature_algorithms, ExtensionType::signature_algorithms_cert,
        ExtensionType::certificate_authorities});
}

Result<EndOfEarlyData> decode_end_of_early_data(ByteView body) {
    wire::Reader r(body);
    if (auto end = codec::expect_end(r, "EndOfEarlyData"); !end) return std::move(end).error();
    return EndOfEarlyData{};
}

void encode(wire::Writer&, const EndOfEarlyData&) {}

Result<KeyUpdate> decode_key_update(ByteView body) {
    wire::Reader r(body);
    KeyUpdate m;
    if (!r.u8(m.request_update)) return wire::decode_error("KeyUpdate.request_update", r);
    if (auto end = codec::expect_end(r, "KeyUpdate"); !end) return std::move(end).error();
    return m;
}

void encode(wire::Writer& w, const KeyUpdate& m) { w.u8(m.request_update); }

Result<NewSessionTicket13> decode_new_session_ticket13(ByteView body) {
    wire::Reader r(body);
    NewSessionTicket13 m;
    if (!r.u32(m.lifetime)) return wire::decode_error("NewSessionTicket.ticket_lifetime", r);
    if (!r.u32(m.age_add)) return wire::decode_error("NewSessionTicket.ticket_age_add", r);
    if (!r.u8_bytes(m.nonce, 0, 0xff)) return wire::decode_error("NewSessionTicket.ticket_nonce", r);
    if (!r.u16_bytes(m.ticket, 1, 0xffff)) return wire::decode_error("NewSessionTicket.ticket", r);
    if (auto ok = read_extensions(r, 0, 0xfffe, m.extensions, "NewSessionTicket"); !ok) return std::move(ok).error();
    if (auto end = codec::expect_end(r, "NewSessionTicket"); !end) return std::move(end).error();
    return m;
}

void encode(wire::Writer& w, const NewSessionTicket13& m) {
    w.u32(m.lifetime);
    w.u32(m.age_add);
    w.u8_bytes(m.nonce);
    w.u16_bytes(m.ticket);
    write_extensions(w, m.extensions);
}

Result<MessageHash> decode_message_hash(ByteView body) {
    if (body.empty()) return wire::decode_error("message_hash", Reason::truncated, "the hash is empty");
    return MessageHash{Bytes(body.begin(), body.end())};
}

void encode(wire::Writer& w, const MessageHash& m) { w.bytes(m.hash); }

}  // namespace tlspp::msg
