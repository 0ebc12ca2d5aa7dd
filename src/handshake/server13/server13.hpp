// handshake/server13/server13.hpp: the TLS 1.3 server handshake (RFC 8446 §2, §4).
#pragma once

#include <memory>

#include "handshake/server13/states.hpp"
#include "handshake/step.hpp"
#include "tlspp/config.hpp"

namespace tlspp::handshake {

class Server13 {
public:
    explicit Server13(std::shared_ptr<const ServerConfig> config);

    // The protocol version whose message forms this machine reads.
    static constexpr ProtocolVersion version = ProtocolVersion::tls13;

    // handle advances the machine by one input; any input the current state
    // does not accept fails with unexpected_message naming the state. The
    // first input is the ClientHello the hello phase chose TLS 1.3 for (in the
    // transcript already, whose hash is not started yet: the suite picks it).
    Status handle(msg::Message input, Step& step);
    // accepts says whether the current state takes a handshake message of
    // this type (before its body is decoded; see read_message).
    bool accepts(HandshakeType type) const;

    std::string_view state_name() const { return server13::state_name(state_); }
    bool connected() const { return std::holds_alternative<server13::Connected>(state_); }

private:
    std::shared_ptr<const ServerConfig> config_;
    server13::State state_;
    // RFC 8446 §5: the one middlebox-compatibility ChangeCipherSpec has come.
    bool change_cipher_spec_received_ = false;
};

}  // namespace tlspp::handshake
