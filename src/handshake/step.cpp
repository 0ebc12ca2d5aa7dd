#include "handshake/step.hpp"

#include <array>
#include <cstdlib>
#include <cstring>
#include <string>

namespace tlspp::handshake {

namespace {

// What the first message of a flight reserves: a ClientHello, or a server's
// ServerHello + Certificate (a two-certificate RSA chain) + ServerKeyExchange
// fit, so a typical flight is encoded without growing the buffer. It is
// freed with the Step, after the flight is in the record layer.
constexpr std::size_t flight_reserve = 2048;

}  // namespace

// Whatever is still queued goes out when the Step ends, so no caller can lose
// a message by forgetting flush(); the core flushes explicitly as well, to
// have the messages before any alert it then sends.
Step::~Step() { flush(); }

std::size_t Step::begin_message() {
    if (flight_.capacity() == 0) flight_.reserve(flight_reserve);
    return flight_.size();
}

void Step::end_message(std::size_t start) {
    transcript_.add(std::span<const std::uint8_t>(flight_).subspan(start));
    message_ends_[messages_++] = flight_.size();
    if (messages_ == message_ends_.size()) flush();
}

void Step::send_certificate(const std::vector<std::vector<std::uint8_t>>& chain) {
    const std::size_t start = begin_message();
    wire::Writer w(flight_);
    w.value(HandshakeType::certificate);
    {
        auto body = w.u24_block();
        msg::encode_certificate_list(w, chain);
    }
    if (events_) report_message(msg::Certificate{chain}, flight_.size() - start);
    end_message(start);
}

void Step::send_finished(std::span<const std::uint8_t> verify_data) {
    // Finished ends its flight (it follows ChangeCipherSpec), so it goes to
    // the record layer at once, encoded on the stack: a flight buffer for 16
    // bytes would be an allocation per handshake. verify_data is 12 bytes in
    // TLS 1.2 (RFC 5246 §7.4.9) and a hash long in TLS 1.3 (RFC 8446 §4.4.4).
    constexpr std::size_t max_verify_data = 64;
    if (verify_data.size() > max_verify_data) std::abort();   // a bug in the caller
    flush();
    std::array<std::uint8_t, 4 + max_verify_data> buffer;
    buffer[0] = static_cast<std::uint8_t>(HandshakeType::finished);
    buffer[1] = 0;
    buffer[2] = static_cast<std::uint8_t>(verify_data.size() >> 8);
    buffer[3] = static_cast<std::uint8_t>(verify_data.size());
    std::memcpy(buffer.data() + 4, verify_data.data(), verify_data.size());
    const auto message = std::span<const std::uint8_t>(buffer).first(4 + verify_data.size());
    if (events_) report_message(msg::Finished{msg::Bytes(verify_data.begin(), verify_data.end())}, message.size());
    transcript_.add(message);
    records_.write(ContentType::handshake, message);
}

void Step::reserve_output(std::size_t n) {
    std::size_t begin = 0;
    for (std::size_t i = 0; i < messages_; ++i) {
        n += records_.output_bytes(message_ends_[i] - begin);
        begin = message_ends_[i];
    }
    records_.reserve_output(n);
}

void Step::flush() {
    if (messages_ == 0) return;
    records_.write_each(ContentType::handshake, flight_,
                        std::span<const std::size_t>(message_ends_.data(), messages_));
    flight_.clear();   // keeps its capacity for the rest of this Step
    messages_ = 0;
}

void Step::send_change_cipher_spec() {
    flush();
    static constexpr std::array<std::uint8_t, 1> ccs{1};
    if (events_) report_message(ChangeCipherSpec{}, ccs.size());
    records_.write(ContentType::change_cipher_spec, ccs);
}

void Step::send_warning(Alert alert) {
    const std::array<std::uint8_t, 2> body{static_cast<std::uint8_t>(AlertLevel::warning),
                                           static_cast<std::uint8_t>(alert)};
    if (events_) events_->emit(AlertEvent{Direction::sent, AlertLevel::warning, alert});
    flush();
    records_.write(ContentType::alert, body);
}

void Step::install_read_protection(std::unique_ptr<record::Protection> p, std::string_view what) {
    records_.set_read_protection(std::move(p));
    read_keys_changed_ = true;
    if (events_) events_->emit(KeyChangeEvent{Direction::received, std::string(what)});
}

void Step::install_write_protection(std::unique_ptr<record::Protection> p, std::string_view what) {
    flush();   // what was sent before goes out under the old keys
    records_.set_write_protection(std::move(p));
    if (events_) events_->emit(KeyChangeEvent{Direction::sent, std::string(what)});
}

void Step::report_message(const msg::Message& message, std::size_t length) {
    events_->message(Direction::sent, message, length, records_.write_protected());
}

Error unexpected(const msg::Message& input, std::string_view state_name) {
    // RFC 5246 §7.4: "Sending handshake messages in an order other than that
    // listed here results in a fatal error (unexpected_message)".
    const bool ccs = std::holds_alternative<ChangeCipherSpec>(input);
    std::string detail = std::string(msg::message_name(input)) + " is not allowed in " + std::string(state_name);
    return make_error(ccs ? Reason::unexpected_change_cipher_spec : Reason::unexpected_handshake_message,
                      std::move(detail));
}

Error unexpected(HandshakeType type, std::string_view state_name) {
    std::string what(msg::message_name(type));
    if (what.empty()) what = "unassigned handshake message type " + std::to_string(static_cast<unsigned>(type));
    return make_error(Reason::unexpected_handshake_message, what + " is not allowed in " + std::string(state_name));
}

}  // namespace tlspp::handshake
