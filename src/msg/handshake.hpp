// msg/handshake.hpp: the one message model. Every handshake message (and
// ChangeCipherSpec, whose place the state machines judge too) is one
// alternative of msg::Message, used by the decoder, the state machines, the
// events and the explainer alike; framing with the 4-byte handshake header
// (RFC 5246 §7.4, RFC 8446 §4: type, uint24 length).
#pragma once

#include <optional>
#include <string_view>
#include <variant>

#include "msg/certificate.hpp"
#include "msg/certificate_request.hpp"
#include "msg/client_hello.hpp"
#include "msg/messages13.hpp"
#include "msg/server_hello.hpp"
#include "msg/server_key_exchange.hpp"
#include "msg/simple_messages.hpp"
#include "wire/writer.hpp"

namespace tlspp::msg {

// ChangeCipherSpec is not a handshake message (it is a record of its own
// content type, RFC 5246 §7.1), but the state machine decides where it may
// come, so it is one of the messages a machine is given. It has no
// handshake type and is never produced by decode_message.
struct ChangeCipherSpec {};

using Message = std::variant<HelloRequest, ClientHello, ServerHello, Certificate, ServerKeyExchange,
                             CertificateRequest, ServerHelloDone, CertificateVerify, ClientKeyExchange, Finished,
                             NewSessionTicket12, EncryptedExtensions, Certificate13, CertificateRequest13,
                             NewSessionTicket13, EndOfEarlyData, KeyUpdate, MessageHash, ChangeCipherSpec>;

// decode_message decodes a handshake body by (version, type): the version
// picks the form where a type has one per version. Syntax only: whether the
// message is acceptable here is the state machine's question (advance()),
// so the decoder never refuses a type for the version. A type it has no
// codec for fails with unexpected_handshake_message (unexpected_message).
Result<Message> decode_message(ProtocolVersion version, HandshakeType type, ByteView body);

// message_type is the handshake type of a message; nullopt for ChangeCipherSpec.
std::optional<HandshakeType> message_type(const Message& m);

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

// message_name is the one name of a message, as the RFCs write it:
// "ClientHello", "EncryptedExtensions", ..., "ChangeCipherSpec"; by type,
// "" for an unassigned one. (wire/names.cpp spells the code points as IANA
// lists them, "client_hello": a different thing, kept for code points.)
std::string_view message_name(HandshakeType type);
std::string_view message_name(const Message& m);

}  // namespace tlspp::msg
