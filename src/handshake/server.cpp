// The server's hello phase: which version answers the ClientHello.
#include "handshake/server.hpp"

#include <algorithm>

#include "handshake/suites.hpp"

namespace tlspp::handshake {

namespace {

bool enabled(const ServerConfig& config, ProtocolVersion v) {
    return std::find(config.versions.begin(), config.versions.end(), v) != config.versions.end();
}

// tls13_suite_configured: TLS 1.3 is chosen only with one of its suites to
// answer with (RFC 8446 §4.1.1), as the client offers it only then.
bool tls13_suite_configured(const ServerConfig& config) {
    return std::any_of(config.cipher_suites.begin(), config.cipher_suites.end(), [](CipherSuite s) {
        const SuiteInfo* info = find_suite(s);
        return info && info->version == ProtocolVersion::tls13;
    });
}

bool offered(const msg::ClientHello& hello, ProtocolVersion v) {
    const auto& list = *hello.supported_versions;
    return std::find(list.begin(), list.end(), static_cast<std::uint16_t>(v)) != list.end();
}

// choose_version picks the highest version enabled here that the client
// offers. RFC 8446 §4.2.1: with supported_versions the client's list
// decides and legacy_version is ignored; without it, legacy_version 0x0303
// or above means TLS 1.2 (RFC 5246 Appendix E.1).
Result<ProtocolVersion> choose_version(const ServerConfig& config, const msg::ClientHello& hello) {
    if (hello.supported_versions) {
        if (enabled(config, ProtocolVersion::tls13) && tls13_suite_configured(config) &&
            offered(hello, ProtocolVersion::tls13))
            return ProtocolVersion::tls13;
        if (enabled(config, ProtocolVersion::tls12) && offered(hello, ProtocolVersion::tls12))
            return ProtocolVersion::tls12;
        return make_error(Reason::unsupported_version,
                          "ClientHello: supported_versions has no version enabled here");
    }
    if (!enabled(config, ProtocolVersion::tls12))
        return make_error(Reason::unsupported_version, "ClientHello: TLS 1.2 (no supported_versions), which is not enabled");
    return ProtocolVersion::tls12;
}

}  // namespace

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
