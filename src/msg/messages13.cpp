// RFC 8446 §4: the TLS 1.3 messages and forms (syntax only).
#include "msg/messages13.hpp"

#include <string>

#include "msg/codec.hpp"
#include "msg/extensions/table.hpp"

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

void write_raw_extensions(wire::Writer& w, const std::vector<RawExtension>& extensions) {
    auto block = w.u16_block();
    for (const auto& ext : extensions) {
        w.u16(ext.type);
        w.u16_bytes(ext.data);
    }
}

}  // namespace

Result<EncryptedExtensions> decode_encrypted_extensions(ByteView body) {
    wire::Reader r(body);
    EncryptedExtensions m;
    if (auto ok = read_extensions(r, 0, 0xffff, m.extensions, "EncryptedExtensions"); !ok) return std::move(ok).error();
    if (auto end = codec::expect_end(r, "EncryptedExtensions"); !end) return std::move(end).error();
    if (auto ok = decode_fields(m); !ok) return std::move(ok).error();
    return m;
}

void encode(wire::Writer& w, const EncryptedExtensions& m) { write_extensions(w, m); }

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
        write_raw_extensions(w, entry.extensions);
    }
}

Result<CertificateRequest13> decode_certificate_request13(ByteView body) {
    wire::Reader r(body);
    CertificateRequest13 m;
    if (!r.u8_bytes(m.request_context, 0, 0xff))
        return wire::decode_error("CertificateRequest.certificate_request_context", r);
    if (auto ok = read_extensions(r, 2, 0xffff, m.extensions, "CertificateRequest"); !ok) return std::move(ok).error();
    if (auto end = codec::expect_end(r, "CertificateRequest"); !end) return std::move(end).error();
    if (auto ok = decode_fields(m); !ok) return std::move(ok).error();
    return m;
}

void encode(wire::Writer& w, const CertificateRequest13& m) {
    w.u8_bytes(m.request_context);
    write_extensions(w, m);
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
    write_raw_extensions(w, m.extensions);
}

Result<MessageHash> decode_message_hash(ByteView body) {
    if (body.empty()) return wire::decode_error("message_hash", Reason::truncated, "the hash is empty");
    return MessageHash{Bytes(body.begin(), body.end())};
}

void encode(wire::Writer& w, const MessageHash& m) { w.bytes(m.hash); }

}  // namespace tlspp::msg
