// RFC 5246 §7.4.1.3: ServerHello, with the TLS 1.2 extensions tlspp knows.
#include "msg/server_hello.hpp"

#include "msg/codec.hpp"
#include "msg/extensions/table.hpp"

namespace tlspp::msg {

namespace {

constexpr std::string_view kName = "ServerHello";

}  // namespace

// RFC 8446 §4.1.3: "CF 21 AD 74 E5 9A 61 11 BE 1D 8C 02 1E 65 B8 91
// C2 A2 11 16 7A BB 8C 5E 07 9E 09 E2 C8 A8 33 9C".
const std::array<std::uint8_t, 32> hello_retry_request_random = {
    0xcf, 0x21, 0xad, 0x74, 0xe5, 0x9a, 0x61, 0x11, 0xbe, 0x1d, 0x8c, 0x02, 0x1e, 0x65, 0xb8, 0x91,
    0xc2, 0xa2, 0x11, 0x16, 0x7a, 0xbb, 0x8c, 0x5e, 0x07, 0x9e, 0x09, 0xe2, 0xc8, 0xa8, 0x33, 0x9c};
// RFC 8446 §4.1.3: "44 4F 57 4E 47 52 44 01" and "44 4F 57 4E 47 52 44 00".
const std::array<std::uint8_t, 8> downgrade_sentinel_tls12 = {0x44, 0x4f, 0x57, 0x4e, 0x47, 0x52, 0x44, 0x01};
const std::array<std::uint8_t, 8> downgrade_sentinel_tls11 = {0x44, 0x4f, 0x57, 0x4e, 0x47, 0x52, 0x44, 0x00};

bool ServerHello::is_hello_retry_request() const { return random == hello_retry_request_random; }

Result<ServerHello> decode_server_hello(ByteView body) {
    wire::Reader r(body);
    ServerHello hello;
    if (!r.u16(hello.legacy_version)) return wire::decode_error("ServerHello.server_version", r);
    if (!r.fixed(hello.random)) return wire::decode_error("ServerHello.random", r);
    // RFC 5246 §7.4.1.2: "opaque SessionID<0..32>;"
    if (!r.u8_bytes(hello.session_id, 0, 32)) return wire::decode_error("ServerHello.session_id", r);
    if (!r.u16(hello.cipher_suite)) return wire::decode_error("ServerHello.cipher_suite", r);
    if (!r.u8(hello.compression_method)) return wire::decode_error("ServerHello.compression_method", r);

    // RFC 5246 §7.4.1.3: "select (extensions_present) { case false: struct {};
    // case true: Extension extensions<0..2^16-1>; };"
    // Whether the server was allowed to send each extension (RFC 5246
    // §7.4.1.4: only what the client offered) is the client's check_solicited,
    // not syntax.
    if (auto ext = codec::decode_hello_extensions(r, hello, kName); !ext) return std::move(ext).error();
    return hello;
}

void encode(wire::Writer& w, const ServerHello& m) {
    w.u16(m.legacy_version);
    w.bytes(m.random);
    w.u8_bytes(m.session_id);
    w.u16(m.cipher_suite);
    w.u8(m.compression_method);
    if (has_extensions(m)) write_extensions(w, m);
}

}  // namespace tlspp::msg
