// The server's hello phase: which version answers the ClientHello.
#include "handshake/server.hpp"

#include <algorithm>

#include "handshake/negotiation.hpp"

namespace tlspp::handshake {


Server::Server(std::shared_ptr<const ServerConfig> config) : config_(std::move(config)) {}

ProtocolVersion Server::version() const {
    return std::holds_alternative<Server13>(machine_) ? ProtocolVersion::tls13 : ProtocolVersion::tls12;
}

Status Server::handle(msg::Message input, Step& step) {
    if (std::holds_alternative<std::monostate>(machine_)) {
        const auto* hello = std::get_if<msg::ClientHello>(&input);
        if (!hello) return unexpected(input, state_name());
        auto version = choose_version(*config_, *hello);
        if (!version) return std::move(version).error();
        if (*version == ProtocolVersion::tls13) machine_.emplace<Server13>(config_);
        else machine_.emplace<Server12>(config_);
    }
    return std::visit(
        [&](auto& machine) -> Status {
            if constexpr (std::is_same_v<std::decay_t<decltype(machine)>, std::monostate>) return {};
            else return machine.handle(std::move(input), step);
        },
        machine_);
}

bool Server::accepts(HandshakeType type) const {
    return std::visit(
        [type](const auto& machine) {
            if constexpr (std::is_same_v<std::decay_t<decltype(machine)>, std::monostate>)
                return type == HandshakeType::client_hello;
            else return machine.accepts(type);
        },
        machine_);
}

std::string_view Server::state_name() const {
    return std::visit(
        [](const auto& machine) -> std::string_view {
            if constexpr (std::is_same_v<std::decay_t<decltype(machine)>, std::monostate>)
                return "server: expect ClientHello";
            else return machine.state_name();
        },
        machine_);
}

bool Server::connected() const {
    return std::visit(
        [](const auto& machine) {
            if constexpr (std::is_same_v<std::decay_t<decltype(machine)>, std::monostate>) return false;
            else return machine.connected();
        },
        machine_);
}

const std::optional<session::Session12>& Server::session() const {
    static const std::optional<session::Session12> none;
    if (const auto* m12 = std::get_if<Server12>(&machine_)) return m12->session();
    return none;
}

}  // namespace tlspp::handshake
