// msg/handshake.hpp: every TLS 1.2 handshake message, and framing with the
// 4-byte handshake header (RFC 5246 §7.4: type, uint24 length).
#pragma once

#include <variant>

#include "msg/certificate.hpp"
#include "msg/certificate_request.hpp"
#include "msg/client_hello.hpp"
#include "msg/server_hello.hpp"
#include "msg/server_key_exchange.hpp"
#include "msg/simple_messages.hpp"
#include "wire/writer.hpp"

namespace tlspp::msg {

using Handshake12 = std::variant<HelloRequest, ClientHello, ServerHello, Certificate, ServerKeyExchange,
                                 CertificateRequest, ServerHelloDone, CertificateVerify, ClientKeyExchange,
                                 Finished, NewSessionTicket12>;

// decode_handshake12 decodes a body by its type. A type that is not a TLS
// 1.2 message fails with unexpected_handshake_message (unexpected_message).
Result<Handshake12> decode_handshake12(HandshakeType type, ByteView body);

// encode_message appends header + body of any message with a static `type`.
template <class M>
void encode_message(wire::Writer& w, const M& m) {
    w.value(M::type);
    auto body = w.u24_block();
    encode(w, m);
}

// encode_message returns header + body of any message with a static `type`.
template <class M>
Bytes encode_message(const M& m) {
    Bytes out;
    wire::Writer w(out);
    encode_message(w, m);
    return out;
}

// message_name gives "ClientHello", "ServerKeyExchange", ... for a variant,
// or for a TLS 1.2 handshake type ("" for any other type).
std::string_view message_name(const Handshake12& m);
std::string_view message_name(HandshakeType type);

}  // namespace tlspp::msg
