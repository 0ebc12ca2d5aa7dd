// The server's hello phase: which version answers the ClientHello.
#include "handshake/server.hpp"

#include <algorithm>

#include "handshake/negotiation.hpp"

namespace tlspp::handshake {

namespace {

// host_name_problem says what makes `name` a host name no server serves, or
// returns an empty view. RFC 6066 §3: HostName is "the fully qualified DNS
// hostname of the server ... without a trailing dot"; RFC 1035 §2.3.4 bounds
// a name to 255 octets and a label to 1..63.
std::string_view host_name_problem(std::string_view name) {
    if (name.empty()) return "is empty";
    if (name.find('\0') != std::string_view::npos) return "has a NUL byte";
    if (name.size() > 255) return "is longer than 255 bytes";
    if (name.front() == '.' || name.back() == '.' || name.find("..") != std::string_view::npos)
        return "has an empty label";
    return {};
}

// check_server_name judges the ClientHello's host_name for both versions.
// Choice (RFC 6066 §3 names no alert for a malformed HostName): a list that
// does not parse is decode_error (the decoder); a host_name that parses but
// no server could serve (NUL, > 255 bytes, empty label) is unrecognized_name,
// as OpenSSL's tls_parse_ctos_server_name answers NUL and > 255 bytes.
Status check_server_name(const msg::ClientHello& m) {
    if (m.server_name)
        if (std::string_view problem = host_name_problem(*m.server_name); !problem.empty())
            return make_error(Reason::unrecognized_server_name,
                              "ClientHello: server_name host_name " + std::string(problem));
    return {};
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
        if (auto named = check_server_name(*hello); !named) return named;
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
