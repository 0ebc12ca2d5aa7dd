#include "handshake/step.hpp"

#include <array>
#include <string>

namespace tlspp::handshake {

void Step::send_encoded(std::span<const std::uint8_t> encoded) {
    transcript_.add(encoded);
    records_.write(ContentType::handshake, encoded);
}

void Step::send_change_cipher_spec() {
    static constexpr std::array<std::uint8_t, 1> ccs{1};
    if (events_) report_message(ChangeCipherSpec{}, ccs.size());
    records_.write(ContentType::change_cipher_spec, ccs);
}

void Step::send_warning(Alert alert) {
    const std::array<std::uint8_t, 2> body{static_cast<std::uint8_t>(AlertLevel::warning),
                                           static_cast<std::uint8_t>(alert)};
    if (events_) events_->emit(AlertEvent{Direction::sent, AlertLevel::warning, alert});
    records_.write(ContentType::alert, body);
}

void Step::install_read_protection(std::unique_ptr<record::Protection> p, std::string_view what) {
    records_.set_read_protection(std::move(p));
    if (events_) events_->emit(KeyChangeEvent{Direction::received, std::string(what)});
}

void Step::install_write_protection(std::unique_ptr<record::Protection> p, std::string_view what) {
    records_.set_write_protection(std::move(p));
    if (events_) events_->emit(KeyChangeEvent{Direction::sent, std::string(what)});
}

void Step::report_message(const Input12& message, std::size_t length) {
    events_->message(Direction::sent, message, length, records_.write_protected());
}

std::string_view input_name(const Input12& input) {
    return std::visit(
        [](const auto& m) -> std::string_view {
            using M = std::decay_t<decltype(m)>;
            if constexpr (std::is_same_v<M, ChangeCipherSpec>) return "ChangeCipherSpec";
            else if constexpr (std::is_same_v<M, msg::HelloRequest>) return "HelloRequest";
            else if constexpr (std::is_same_v<M, msg::ClientHello>) return "ClientHello";
            else if constexpr (std::is_same_v<M, msg::ServerHello>) return "ServerHello";
            else if constexpr (std::is_same_v<M, msg::Certificate>) return "Certificate";
            else if constexpr (std::is_same_v<M, msg::ServerKeyExchange>) return "ServerKeyExchange";
            else if constexpr (std::is_same_v<M, msg::CertificateRequest>) return "CertificateRequest";
            else if constexpr (std::is_same_v<M, msg::ServerHelloDone>) return "ServerHelloDone";
            else if constexpr (std::is_same_v<M, msg::CertificateVerify>) return "CertificateVerify";
            else if constexpr (std::is_same_v<M, msg::ClientKeyExchange>) return "ClientKeyExchange";
            else if constexpr (std::is_same_v<M, msg::Finished>) return "Finished";
            else return "NewSessionTicket";
        },
        input);
}

std::optional<HandshakeType> input_type(const Input12& input) {
    return std::visit(
        [](const auto& m) -> std::optional<HandshakeType> {
            using M = std::decay_t<decltype(m)>;
            if constexpr (std::is_same_v<M, ChangeCipherSpec>) return std::nullopt;
            else return M::type;
        },
        input);
}

Error unexpected(const Input12& input, std::string_view state_name) {
    // RFC 5246 §7.4: "Sending handshake messages in an order other than that
    // listed here results in a fatal error (unexpected_message)".
    const bool ccs = std::holds_alternative<ChangeCipherSpec>(input);
    std::string detail = std::string(input_name(input)) + " is not allowed in " + std::string(state_name);
    return make_error(ccs ? Reason::unexpected_change_cipher_spec : Reason::unexpected_handshake_message,
                      std::move(detail));
}

}  // namespace tlspp::handshake
