// handshake/server12/server12.hpp: the TLS 1.2 server handshake (RFC 5246 §7.3).
#pragma once

#include <memory>

#include "handshake/server12/states.hpp"
#include "handshake/step.hpp"
#include "session/session.hpp"
#include "tlspp/config.hpp"

namespace tlspp::handshake {

class Server12 {
public:
    explicit Server12(std::shared_ptr<const ServerConfig> config);

    // The protocol version whose message forms this machine reads.
    static constexpr ProtocolVersion version = ProtocolVersion::tls12;

    // handle advances the machine by one input; any input the current state
    // does not accept fails with unexpected_message naming the state.
    Status handle(msg::Message input, Step& step);
    // accepts says whether the current state takes a handshake message of
    // this type (before its body is decoded; see read_message).
    bool accepts(HandshakeType type) const;

    std::string_view state_name() const { return server12::state_name(state_); }
    bool connected() const { return std::holds_alternative<server12::Connected>(state_); }
    // The session, once connected: new, or the one resumed.
    const std::optional<session::Session12>& session() const { return session_; }

private:
    std::shared_ptr<const ServerConfig> config_;
    server12::State state_;
    std::optional<session::Session12> session_;
};

}  // namespace tlspp::handshake
