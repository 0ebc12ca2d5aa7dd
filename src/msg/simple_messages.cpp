// The small TLS 1.2 handshake messages (see simple_messages.hpp).
#include "msg/simple_messages.hpp"

#include "msg/codec.hpp"

namespace tlspp::msg {

namespace {

Status expect_empty(ByteView body, std::string_view what) {
    return codec::expect_end(wire::Reader(body), what);
}

// read_exact reads one length-prefixed block that must fill the body.
template <bool (wire::Reader::*Read)(Bytes&, std::size_t, std::size_t)>
Result<Bytes> read_exact(ByteView body, std::size_t min, std::size_t max, std::string_view what) {
    wire::Reader r(body);
    Bytes out;
    if (!(r.*Read)(out, min, max)) return wire::decode_error(what, r);
    if (auto end = codec::expect_end(r, what); !end) return std::move(end).error();
    return out;
}

ClientKeyExchange make_prefixed(ByteView data, void (wire::Writer::*Write)(std::span<const std::uint8_t>)) {
    ClientKeyExchange m;
    m.body.reserve(2 + data.size());   // at most a 2-byte length prefix: one allocation
    wire::Writer w(m.body);
    (w.*Write)(data);
    return m;
}

}  // namespace

// RFC 5246 §7.4.1.1: "struct { } HelloRequest;"
Result<HelloRequest> decode_hello_request(ByteView body) {
    if (auto empty = expect_empty(body, "HelloRequest"); !empty) return std::move(empty).error();
    return HelloRequest{};
}

// RFC 5246 §7.4.5: "struct { } ServerHelloDone;"
Result<ServerHelloDone> decode_server_hello_done(ByteView body) {
    if (auto empty = expect_empty(body, "ServerHelloDone"); !empty) return std::move(empty).error();
    return ServerHelloDone{};
}

void encode(wire::Writer&, const HelloRequest&) {}
void encode(wire::Writer&, const ServerHelloDone&) {}

// RFC 8422 §5.7: "struct { opaque point <1..2^8-1>; } ECPoint;"
Result<Bytes> decode_ecdhe_client_public(ByteView body) {
    return read_exact<&wire::Reader::u8_bytes>(body, 1, 0xff, "ClientKeyExchange.ecdh_Yc");
}

// RFC 5246 §7.4.7.2: "opaque dh_Yc<1..2^16-1>;"
Result<Bytes> decode_dhe_client_public(ByteView body) {
    return read_exact<&wire::Reader::u16_bytes>(body, 1, 0xffff, "ClientKeyExchange.dh_Yc");
}

// RFC 5246 §7.4.7.1: "public-key-encrypted PreMasterSecret pre_master_secret;"
// which, being encrypted, carries a two-byte length in TLS 1.0 and later.
Result<Bytes> decode_rsa_encrypted_premaster(ByteView body) {
    return read_exact<&wire::Reader::u16_bytes>(body, 0, 0xffff, "ClientKeyExchange.pre_master_secret");
}

ClientKeyExchange make_ecdhe_client_key_exchange(ByteView public_key) {
    return make_prefixed(public_key, &wire::Writer::u8_bytes);
}
ClientKeyExchange make_dhe_client_key_exchange(ByteView public_key) {
    return make_prefixed(public_key, &wire::Writer::u16_bytes);
}
ClientKeyExchange make_rsa_client_key_exchange(ByteView encrypted) {
    return make_prefixed(encrypted, &wire::Writer::u16_bytes);
}

void encode(wire::Writer& w, const ClientKeyExchange& m) { w.bytes(m.body); }

// RFC 5246 §7.4.8: "struct { digitally-signed struct { opaque handshake_messages[handshake_messages_length]; } } CertificateVerify;"
Result<CertificateVerify> decode_certificate_verify(ByteView body) {
    wire::Reader r(body);
    CertificateVerify m;
    if (!r.value(m.scheme)) return wire::decode_error("CertificateVerify.algorithm", r);
    if (!r.u16_bytes(m.signature, 0, 0xffff)) return wire::decode_error("CertificateVerify.signature", r);
    if (auto end = codec::expect_end(r, "CertificateVerify"); !end) return std::move(end).error();
    return m;
}

void encode(wire::Writer& w, const CertificateVerify& m) {
    w.value(m.scheme);
    w.u16_bytes(m.signature);
}

// RFC 5246 §7.4.9: "opaque verify_data[verify_data_length];" The length is
// the cipher suite's (12 unless it says otherwise), checked where it is known;
// the only syntax rule here is that it cannot be zero.
Result<Finished> decode_finished(ByteView body) {
    if (body.empty())
        return wire::decode_error("Finished.verify_data", Reason::truncated, "verify_data is empty");
    return Finished{Bytes(body.begin(), body.end())};
}

void encode(wire::Writer& w, const Finished& m) { w.bytes(m.verify_data); }

// RFC 5077 §3.3: "struct { uint32 ticket_lifetime_hint; opaque ticket<0..2^16-1>; } NewSessionTicket;"
Result<NewSessionTicket12> decode_new_session_ticket12(ByteView body) {
    wire::Reader r(body);
    NewSessionTicket12 m;
    if (!r.u32(m.lifetime_hint)) return wire::decode_error("NewSessionTicket.ticket_lifetime_hint", r);
    if (!r.u16_bytes(m.ticket, 0, 0xffff)) return wire::decode_error("NewSessionTicket.ticket", r);
    if (auto end = codec::expect_end(r, "NewSessionTicket"); !end) return std::move(end).error();
    return m;
}

void encode(wire::Writer& w, const NewSessionTicket12& m) {
    w.u32(m.lifetime_hint);
    w.u16_bytes(m.ticket);
}

}  // namespace tlspp::msg
