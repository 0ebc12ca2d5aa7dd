// handshake/input.hpp: what a TLS 1.2 state machine consumes.
#pragma once

#include <optional>
#include <string_view>
#include <variant>

#include "msg/handshake.hpp"

namespace tlspp::handshake {

// ChangeCipherSpec is not a handshake message, but the state machine decides
// where it may come (RFC 5246 §7.1), so it is one of the machine's inputs.
struct ChangeCipherSpec {};

using Input12 = std::variant<msg::HelloRequest, msg::ClientHello, msg::ServerHello, msg::Certificate,
                             msg::ServerKeyExchange, msg::CertificateRequest, msg::ServerHelloDone,
                             msg::CertificateVerify, msg::ClientKeyExchange, msg::Finished,
                             msg::NewSessionTicket12, ChangeCipherSpec>;

// input_name gives "ClientHello", "ChangeCipherSpec", ...; input_type the
// handshake type (nullopt for ChangeCipherSpec).
std::string_view input_name(const Input12& input);
std::optional<HandshakeType> input_type(const Input12& input);

}  // namespace tlspp::handshake
