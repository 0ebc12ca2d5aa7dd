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
    records_.write(ContentType::change_cipher_spec, ccs);
}

void Step::send_warning(Alert alert) {
    const std::array<std::uint8_t, 2> body{static_cast<std::uint8_t>(AlertLevel::warning),
                                           static_cast<std::uint8_t>(alert)};
    records_.write(ContentType::alert, body);
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

Error unexpected(const Input12& input, std::string_view state_name) {
    // RFC 5246 §7.4: "Sending handshake messages in an order other than that
    // listed here results in a fatal error (unexpected_message)".
    const bool ccs = std::holds_alternative<ChangeCipherSpec>(input);
    std::string detail = std::string(input_name(input)) + " is not allowed in " + std::string(state_name);
    return make_error(ccs ? Reason::unexpected_change_cipher_spec : Reason::unexpected_handshake_message,
                      std::move(detail));
}

}  // namespace tlspp::handshake
