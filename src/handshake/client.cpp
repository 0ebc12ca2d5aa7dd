// The client's hello phase, second half: which version the ServerHello chose.
#include "handshake/client.hpp"

#include <algorithm>

namespace tlspp::handshake {

namespace {

// offered says whether the ClientHello offered version `v`: without
// supported_versions it offered TLS 1.2 alone (RFC 8446 §4.2.1).
bool offered(const msg::ClientHello& hello, ProtocolVersion v) {
    if (!hello.supported_versions) return v == ProtocolVersion::tls12;
    const auto& list = *hello.supported_versions;
    return std::find(list.begin(), list.end(), static_cast<std::uint16_t>(v)) != list.end();
}

std::string version_text(std::uint16_t v) { return std::to_string(v >> 8) + "." + std::to_string(v & 0xff); }

bool ends_with(const std::array<std::uint8_t, 32>& random, const std::array<std::uint8_t, 8>& tail) {
    return std::equal(tail.begin(), tail.end(), random.end() - 8);
}

}  // namespace

Client::Client(std::shared_ptr<const ClientConfig> config, std::string server_name,
               std::optional<session::Session12> resume)
    : config_(std::move(config)), server_name_(std::move(server_name)), resume_(std::move(resume)) {}

Status Client::start(Step& step) {
    auto offer = make_client_offer(*config_, server_name_, std::move(resume_), step);
    resume_.reset();
    if (!offer) return std::move(offer).error();
    // Many servers reject record version 0x0303 before they know the version;
    // 0x0301 in the first record is what every major client sends (RFC 8446
    // §5.1: "MAY also be 0x0301 for compatibility purposes").
    step.set_record_version(static_cast<std::uint16_t>(ProtocolVersion::tls10));
    step.send(offer->hello);
    step.info().server_name = offer->sent_server_name ? server_name_ : std::string();
    offer_ = std::move(*offer);
    return {};
}

Status Client::choose(const msg::ServerHello& m) {
    const bool offered13 = offered(offer_->hello, ProtocolVersion::tls13);
    if (m.selected_version) {
        // RFC 8446 §4.2.1: "If the "supported_versions" extension in the
        // ServerHello contains a version not offered by the client or contains
        // a version prior to TLS 1.3, the client MUST abort the handshake with
        // an "illegal_parameter" alert."
        if (*m.selected_version != static_cast<std::uint16_t>(ProtocolVersion::tls13) || !offered13)
            return make_error(Reason::illegal_parameter, "ServerHello: supported_versions selects " +
                                                             version_text(*m.selected_version) +
                                                             ", which was not offered");
        machine_.emplace<Client13>(config_, server_name_, std::move(*offer_));
        offer_.reset();
        return {};
    }
    // RFC 8446 §4.1.3: a TLS 1.3 client that gets a TLS 1.2 (or lower)
    // ServerHello "MUST check that the last 8 bytes are not equal to either
    // of these values" and otherwise abort with illegal_parameter.
    if (offered13 && (ends_with(m.random, msg::downgrade_sentinel_tls12) ||
                      ends_with(m.random, msg::downgrade_sentinel_tls11)))
        return make_error(Reason::downgrade_detected,
                          "ServerHello: TLS " + version_text(m.legacy_version) +
                              " with the downgrade sentinel of a TLS 1.3 server in its random (RFC 8446 §4.1.3)");
    // A HelloRetryRequest is a TLS 1.3 message; without supported_versions it is malformed.
    if (m.is_hello_retry_request())
        return make_error(Reason::missing_extension, "HelloRetryRequest without supported_versions");
    if (!offered(offer_->hello, ProtocolVersion::tls12))
        return make_error(Reason::unsupported_version, "ServerHello: server chose version " +
                                                           version_text(m.legacy_version) +
                                                           ", only TLS 1.3 is enabled");
    machine_.emplace<Client12>(config_, server_name_, std::move(*offer_));
    offer_.reset();
    return {};
}

ProtocolVersion Client::version() const {
    return std::holds_alternative<Client13>(machine_) ? ProtocolVersion::tls13 : ProtocolVersion::tls12;
}

Status Client::handle(msg::Message input, Step& step) {
    if (std::holds_alternative<std::monostate>(machine_)) {
        // RFC 5246 §7.4.1.1: a HelloRequest while negotiating is ignored.
        if (std::holds_alternative<msg::HelloRequest>(input)) return {};
        const auto* hello = std::get_if<msg::ServerHello>(&input);
        if (!hello) return unexpected(input, state_name());
        if (auto chosen = choose(*hello); !chosen) {
            // Whatever we answer, it goes out as a record of the version the
            // server chose (RFC 8446 §5.1: 0x0303 for every record but the first).
            step.set_record_version(static_cast<std::uint16_t>(ProtocolVersion::tls12));
            return chosen;
        }
    }
    return std::visit(
        [&](auto& machine) -> Status {
            if constexpr (std::is_same_v<std::decay_t<decltype(machine)>, std::monostate>) return {};
            else return machine.handle(std::move(input), step);
        },
        machine_);
}

bool Client::accepts(HandshakeType type) const {
    return std::visit(
        [type](const auto& machine) {
            if constexpr (std::is_same_v<std::decay_t<decltype(machine)>, std::monostate>)
                return type == HandshakeType::server_hello || type == HandshakeType::hello_request;
            else return machine.accepts(type);
        },
        machine_);
}

std::string_view Client::state_name() const {
    return std::visit(
        [](const auto& machine) -> std::string_view {
            if constexpr (std::is_same_v<std::decay_t<decltype(machine)>, std::monostate>)
                return "client: expect ServerHello";
            else return machine.state_name();
        },
        machine_);
}

bool Client::connected() const {
    return std::visit(
        [](const auto& machine) {
            if constexpr (std::is_same_v<std::decay_t<decltype(machine)>, std::monostate>) return false;
            else return machine.connected();
        },
        machine_);
}

const std::optional<session::Session12>& Client::session() const {
    static const std::optional<session::Session12> none;
    if (const auto* m12 = std::get_if<Client12>(&machine_)) return m12->session();
    return none;
}

}  // namespace tlspp::handshake
