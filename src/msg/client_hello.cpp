// RFC 5246 §7.4.1.2: ClientHello, with the TLS 1.2 extensions tlspp knows.
#include "msg/client_hello.hpp"

#include "msg/codec.hpp"
#include "msg/extensions/table.hpp"

namespace tlspp::msg {

namespace {

constexpr std::string_view kName = "ClientHello";

}  // namespace

Result<ClientHello> decode_client_hello(ByteView body) {
    wire::Reader r(body);
    ClientHello hello;
    if (!r.u16(hello.legacy_version)) return wire::decode_error("ClientHello.client_version", r);
    if (!r.fixed(hello.random)) return wire::decode_error("ClientHello.random", r);
    // RFC 5246 §7.4.1.2: "opaque SessionID<0..32>;"
    if (!r.u8_bytes(hello.session_id, 0, 32)) return wire::decode_error("ClientHello.session_id", r);
    // RFC 5246 §7.4.1.2: "CipherSuite cipher_suites<2..2^16-2>;"
    if (auto suites = codec::read_u16_list(r, 2, 0xfffe, hello.cipher_suites, "ClientHello.cipher_suites");
        !suites)
        return std::move(suites).error();
    // RFC 5246 §7.4.1.2: "CompressionMethod compression_methods<1..2^8-1>;"
    if (!r.u8_bytes(hello.compression_methods, 1, 0xff))
        return wire::decode_error("ClientHello.compression_methods", r);

    // RFC 5246 §7.4.1.2: "the presence of extensions can be detected by
    // determining whether there are bytes following the compression_methods".
    // Unknown types are kept raw and not judged: RFC 5246 §7.4.1.4: "the
    // client may offer extensions the server does not understand".
    if (auto ext = codec::decode_hello_extensions(r, hello, kName); !ext) return std::move(ext).error();
    return hello;
}

void encode(wire::Writer& w, const ClientHello& m) {
    w.u16(m.legacy_version);
    w.bytes(m.random);
    w.u8_bytes(m.session_id);
    codec::write_u16_list(w, m.cipher_suites);
    w.u8_bytes(m.compression_methods);
    // The block is optional in TLS 1.2; leave it out when there is nothing to say.
    if (has_extensions(m)) write_extensions(w, m);
}

}  // namespace tlspp::msg
