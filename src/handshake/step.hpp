// handshake/step.hpp: what a state handler may do. Handlers never touch
// buffers or sockets; they act through a Step, which the connection core
// builds for each input (rustls' "actions out").
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>

#include "handshake/transcript.hpp"
#include "msg/handshake.hpp"
#include "record/record_layer.hpp"
#include "tlspp/connection.hpp"
#include "tlspp/random.hpp"

namespace tlspp::handshake {

// ChangeCipherSpec is not a handshake message, but the state machine decides
// where it may come (RFC 5246 §7.1), so it is one of the machine's inputs.
struct ChangeCipherSpec {};

using Input12 = std::variant<msg::HelloRequest, msg::ClientHello, msg::ServerHello, msg::Certificate,
                             msg::ServerKeyExchange, msg::CertificateRequest, msg::ServerHelloDone,
                             msg::CertificateVerify, msg::ClientKeyExchange, msg::Finished,
                             msg::NewSessionTicket12, ChangeCipherSpec>;

std::string_view input_name(const Input12& input);

class Step {
public:
    Step(record::RecordLayer& records, Transcript& transcript, RandomSource& random, Clock& clock,
         SessionInfo& info)
        : records_(records), transcript_(transcript), random_(random), clock_(clock), info_(info) {}

    // send encodes a handshake message, adds it to the transcript and queues it.
    template <class M>
    void send(const M& message) {
        send_encoded(msg::encode_message(message));
    }
    void send_encoded(std::span<const std::uint8_t> encoded);
    void send_change_cipher_spec();
    void send_warning(Alert alert);

    void install_read_protection(std::unique_ptr<record::Protection> p) { records_.set_read_protection(std::move(p)); }
    void install_write_protection(std::unique_ptr<record::Protection> p) { records_.set_write_protection(std::move(p)); }
    void set_record_version(std::uint16_t v) { records_.set_write_version(v); }

    Transcript& transcript() { return transcript_; }
    // The transcript hash before the message being handled (set by the core
    // for Finished and CertificateVerify, which cover the messages before them).
    std::span<const std::uint8_t> hash_before() const { return hash_before_; }
    void set_hash_before(crypto::Bytes h) { hash_before_ = std::move(h); }

    RandomSource& random() { return random_; }
    Clock& clock() { return clock_; }
    SessionInfo& info() { return info_; }

    // finish marks the handshake complete: application data may flow.
    void finish() { finished_ = true; }
    bool finished() const { return finished_; }

private:
    record::RecordLayer& records_;
    Transcript& transcript_;
    RandomSource& random_;
    Clock& clock_;
    SessionInfo& info_;
    crypto::Bytes hash_before_;
    bool finished_ = false;
};

// unexpected is the one rejection path for a message a state does not accept.
Error unexpected(const Input12& input, std::string_view state_name);

// advance is the one dispatcher of every state machine. `on(state, message)`
// is callable exactly for the (state, message) pairs the machine accepts
// (its handlers' overload set), so any other pair is unexpected_message and
// the list of handlers *is* the state diagram. On success the state is
// replaced by the handler's result.
template <class State, class On>
Status advance(State& state, const Input12& input, On&& on, std::string_view state_name) {
    Result<State> next = std::visit(
        [&](auto& current, const auto& message) -> Result<State> {
            if constexpr (requires { on(std::move(current), message); })
                return on(std::move(current), message);
            else
                return unexpected(input, state_name);
        },
        state, input);
    if (!next) return std::move(next).error();
    state = std::move(*next);
    return {};
}

}  // namespace tlspp::handshake
