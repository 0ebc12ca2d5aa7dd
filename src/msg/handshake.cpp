// Dispatch of handshake bodies by (version, type) (RFC 5246 §7.4, RFC 8446 §4), and their names.
#include "msg/handshake.hpp"

#include <string>

namespace tlspp::msg {

namespace {

// lift turns Result<M> into Result<Message>.
template <class M>
Result<Message> lift(Result<M> decoded) {
    if (!decoded) return std::move(decoded).error();
    return Message(std::move(*decoded));
}

std::string type_text(HandshakeType type) {
    std::string text = "handshake type " + std::to_string(static_cast<unsigned>(type));
    if (auto known = name(type); !known.empty()) text += " (" + std::string(known) + ")";
    return text;
}

// not_decoded is the answer for a (version, type) this library has no codec
// for yet: said as such, not as a judgement on the message's place.
Error not_decoded(ProtocolVersion version, HandshakeType type) {
    return wire::decode_error("Handshake", Reason::unexpected_handshake_message,
                              type_text(type) + " has no decoder for " + std::string(name(version)));
}

}  // namespace

Result<Message> decode_message(ProtocolVersion version, HandshakeType type, ByteView body) {
    // RFC 8446 §4.4.2, §4.3.2, §4.6.1: Certificate, CertificateRequest and
    // NewSessionTicket have another form in TLS 1.3; the rest have one form,
    // decoded whatever the version (whether it may come is the machine's call).
    const bool tls13 = version == ProtocolVersion::tls13;
    switch (type) {
    case HandshakeType::hello_request: return lift(decode_hello_request(body));
    case HandshakeType::client_hello: return lift(decode_client_hello(body));
    case HandshakeType::server_hello: return lift(decode_server_hello(body));
    case HandshakeType::certificate:
        return tls13 ? lift(decode_certificate13(body)) : lift(decode_certificate(body));
    // The shape of these two depends on the negotiated key exchange, so the
    // state handler that knows it decodes the body (server_key_exchange.hpp).
    case HandshakeType::server_key_exchange: return Message(ServerKeyExchange{Bytes(body.begin(), body.end())});
    case HandshakeType::client_key_exchange: return Message(ClientKeyExchange{Bytes(body.begin(), body.end())});
    case HandshakeType::certificate_request:
        return tls13 ? lift(decode_certificate_request13(body)) : lift(decode_certificate_request(body));
    case HandshakeType::server_hello_done: return lift(decode_server_hello_done(body));
    case HandshakeType::certificate_verify: return lift(decode_certificate_verify(body));
    case HandshakeType::finished: return lift(decode_finished(body));
    case HandshakeType::new_session_ticket:
        return tls13 ? lift(decode_new_session_ticket13(body)) : lift(decode_new_session_ticket12(body));
    case HandshakeType::encrypted_extensions: return lift(decode_encrypted_extensions(body));
    case HandshakeType::end_of_early_data: return lift(decode_end_of_early_data(body));
    case HandshakeType::key_update: return lift(decode_key_update(body));
    case HandshakeType::message_hash: return lift(decode_message_hash(body));
    // RFC 6066 §8: tlspp never requests certificate status, so it has no codec.
    case HandshakeType::certificate_status:
        break;
    }
    return not_decoded(version, type);
}

std::optional<HandshakeType> message_type(const Message& m) {
    return std::visit(
        [](const auto& message) -> std::optional<HandshakeType> {
            using M = std::decay_t<decltype(message)>;
            if constexpr (std::is_same_v<M, ChangeCipherSpec>) return std::nullopt;
            else return M::type;
        },
        m);
}

std::string_view message_name(HandshakeType type) {
    switch (type) {
    case HandshakeType::hello_request: return "HelloRequest";
    case HandshakeType::client_hello: return "ClientHello";
    case HandshakeType::server_hello: return "ServerHello";
    case HandshakeType::new_session_ticket: return "NewSessionTicket";
    case HandshakeType::end_of_early_data: return "EndOfEarlyData";
    case HandshakeType::encrypted_extensions: return "EncryptedExtensions";
    case HandshakeType::certificate: return "Certificate";
    case HandshakeType::server_key_exchange: return "ServerKeyExchange";
    case HandshakeType::certificate_request: return "CertificateRequest";
    case HandshakeType::server_hello_done: return "ServerHelloDone";
    case HandshakeType::certificate_verify: return "CertificateVerify";
    case HandshakeType::client_key_exchange: return "ClientKeyExchange";
    case HandshakeType::finished: return "Finished";
    case HandshakeType::certificate_status: return "CertificateStatus";
    case HandshakeType::key_update: return "KeyUpdate";
    // RFC 8446 §4.4.1: a synthetic message, written in the transcript only.
    case HandshakeType::message_hash: return "message_hash";
    }
    return "";
}

std::string_view message_name(const Message& m) {
    if (auto type = message_type(m)) return message_name(*type);
    return "ChangeCipherSpec";
}

}  // namespace tlspp::msg
