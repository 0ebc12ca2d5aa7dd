// handshake/client.hpp: the client side of a connection. Its hello phase is
// version-neutral: it sends one ClientHello for every enabled version, reads
// the ServerHello's version (supported_versions, the downgrade sentinel of
// RFC 8446 §4.1.3), and hands off to the machine of that version, Client12
// or Client13, which reads the ServerHello from there on.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <variant>

#include "handshake/client12/client12.hpp"
#include "handshake/client13/client13.hpp"
#include "handshake/client_offer.hpp"

namespace tlspp::handshake {

class Client {
public:
    // `resume`, if given, is offered for an abbreviated TLS 1.2 handshake.
    Client(std::shared_ptr<const ClientConfig> config, std::string server_name,
           std::optional<session::Session12> resume = std::nullopt);

    // start queues the ClientHello.
    Status start(Step& step);
    // The protocol version whose message forms are read now: TLS 1.2's until
    // a ServerHello chose TLS 1.3 (the hellos have one form in both).
    ProtocolVersion version() const;

    Status handle(msg::Message input, Step& step);
    bool accepts(HandshakeType type) const;
    std::string_view state_name() const;
    bool connected() const;
    // The resumable TLS 1.2 session, once connected (see Connection::session).
    const std::optional<session::Session12>& session() const;

private:
    // choose reads the version from the ServerHello and makes its machine.
    Status choose(const msg::ServerHello& hello);

    std::shared_ptr<const ClientConfig> config_;
    std::string server_name_;
    std::optional<session::Session12> resume_;
    std::optional<ClientOffer> offer_;   // from start() until the ServerHello
    std::variant<std::monostate, Client12, Client13> machine_;
};

}  // namespace tlspp::handshake
