// Dispatch of TLS 1.2 handshake bodies by type (RFC 5246 §7.4).
#include "msg/handshake.hpp"

#include <string>

namespace tlspp::msg {

namespace {

// lift turns Result<M> into Result<Handshake12>.
template <class M>
Result<Handshake12> lift(Result<M> decoded) {
    if (!decoded) return std::move(decoded).error();
    return Handshake12(std::move(*decoded));
}

}  // namespace

Result<Handshake12> decode_handshake12(HandshakeType type, ByteView body) {
    switch (type) {
    case HandshakeType::hello_request: return lift(decode_hello_request(body));
    case HandshakeType::client_hello: return lift(decode_client_hello(body));
    case HandshakeType::server_hello: return lift(decode_server_hello(body));
    case HandshakeType::certificate: return lift(decode_certificate(body));
    // The shape of these two depends on the negotiated key exchange, so the
    // state handler that knows it decodes the body (server_key_exchange.hpp).
    case HandshakeType::server_key_exchange: return Handshake12(ServerKeyExchange{Bytes(body.begin(), body.end())});
    case HandshakeType::client_key_exchange: return Handshake12(ClientKeyExchange{Bytes(body.begin(), body.end())});
    case HandshakeType::certificate_request: return lift(decode_certificate_request(body));
    case HandshakeType::server_hello_done: return lift(decode_server_hello_done(body));
    case HandshakeType::certificate_verify: return lift(decode_certificate_verify(body));
    case HandshakeType::finished: return lift(decode_finished(body));
    case HandshakeType::new_session_ticket: return lift(decode_new_session_ticket12(body));
    // TLS 1.3-only and unassigned types. RFC 5246 §7.4 does not list them, and
    // the state machine can never accept them.
    case HandshakeType::end_of_early_data:
    case HandshakeType::encrypted_extensions:
    case HandshakeType::certificate_status:
    case HandshakeType::key_update:
    case HandshakeType::message_hash:
        break;
    }
    std::string detail = "handshake type " + std::to_string(static_cast<unsigned>(type));
    if (auto known = name(type); !known.empty()) detail += " (" + std::string(known) + ")";
    return wire::decode_error("Handshake", Reason::unexpected_handshake_message, detail + " is not a TLS 1.2 message");
}

std::string_view message_name(HandshakeType type) {
    switch (type) {
    case HandshakeType::hello_request: return "HelloRequest";
    case HandshakeType::client_hello: return "ClientHello";
    case HandshakeType::server_hello: return "ServerHello";
    case HandshakeType::certificate: return "Certificate";
    case HandshakeType::server_key_exchange: return "ServerKeyExchange";
    case HandshakeType::certificate_request: return "CertificateRequest";
    case HandshakeType::server_hello_done: return "ServerHelloDone";
    case HandshakeType::certificate_verify: return "CertificateVerify";
    case HandshakeType::client_key_exchange: return "ClientKeyExchange";
    case HandshakeType::finished: return "Finished";
    case HandshakeType::new_session_ticket: return "NewSessionTicket";
    case HandshakeType::end_of_early_data:
    case HandshakeType::encrypted_extensions:
    case HandshakeType::certificate_status:
    case HandshakeType::key_update:
    case HandshakeType::message_hash: break;
    }
    return "";
}

std::string_view message_name(const Handshake12& m) {
    return std::visit([](const auto& message) { return message_name(std::decay_t<decltype(message)>::type); }, m);
}

}  // namespace tlspp::msg
