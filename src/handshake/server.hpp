// handshake/server.hpp: the server side of a connection. Its hello phase is
// version-neutral: it reads the ClientHello, picks the version (RFC 8446
// §4.2.1), and hands the ClientHello to the machine of that version.
#pragma once

#include <memory>
#include <optional>
#include <variant>

#include "handshake/server12/server12.hpp"
#include "handshake/server13/server13.hpp"

namespace tlspp::handshake {

class Server {
public:
    explicit Server(std::shared_ptr<const ServerConfig> config);

    // The protocol version whose message forms are read now: TLS 1.2's
    // until a version is chosen (a ClientHello has one form in both).
    ProtocolVersion version() const;

    Status handle(msg::Message input, Step& step);
    bool accepts(HandshakeType type) const;
    std::string_view state_name() const;
    bool connected() const;
    // The TLS 1.2 session, once connected: new, or the one resumed.
    const std::optional<session::Session12>& session() const;

private:
    std::shared_ptr<const ServerConfig> config_;
    std::variant<std::monostate, Server12, Server13> machine_;
};

}  // namespace tlspp::handshake
