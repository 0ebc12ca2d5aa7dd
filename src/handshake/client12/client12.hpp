// handshake/client12/client12.hpp: the TLS 1.2 client handshake (RFC 5246 §7.3).
#pragma once

#include <memory>
#include <string>

#include "handshake/client12/states.hpp"
#include "handshake/client_offer.hpp"
#include "handshake/step.hpp"
#include "tlspp/config.hpp"

namespace tlspp::handshake {

class Client12 {
public:
    // The hello phase (handshake/client.hpp) sent `offer`; the machine
    // starts by reading the ServerHello that chose TLS 1.2.
    Client12(std::shared_ptr<const ClientConfig> config, std::string server_name, ClientOffer offer);

    // The protocol version whose message forms this machine reads.
    static constexpr ProtocolVersion version = ProtocolVersion::tls12;

    // handle advances the machine by one input; any input the current state
    // does not accept fails with unexpected_message naming the state.
    Status handle(msg::Message input, Step& step);
    // accepts says whether the current state takes a handshake message of
    // this type (before its body is decoded; see read_message).
    bool accepts(HandshakeType type) const;

    std::string_view state_name() const { return client12::state_name(state_); }
    bool connected() const { return std::holds_alternative<client12::Connected>(state_); }
    // The resumable session, once connected (with the ticket, if one came).
    const std::optional<session::Session12>& session() const { return session_; }

private:
    std::shared_ptr<const ClientConfig> config_;
    std::string server_name_;
    std::optional<session::Session12> session_;
    std::optional<msg::NewSessionTicket12> new_ticket_;
    client12::State state_;
};

}  // namespace tlspp::handshake
