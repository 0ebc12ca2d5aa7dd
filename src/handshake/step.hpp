// handshake/step.hpp: what a state handler may do. Handlers never touch
// buffers or sockets; they act through a Step, which the connection core
// builds for each input (rustls' "actions out").
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>

#include "handshake/events.hpp"
#include "handshake/input.hpp"
#include "handshake/transcript.hpp"
#include "msg/handshake.hpp"
#include "record/record_layer.hpp"
#include "tlspp/connection.hpp"
#include "tlspp/keylog.hpp"
#include "tlspp/random.hpp"

namespace tlspp::handshake {


class Step {
public:
    Step(record::RecordLayer& records, Transcript& transcript, RandomSource& random, Clock& clock,
         SessionInfo& info, EventSink* events, KeyLog* key_log = nullptr)
        : records_(records),
          transcript_(transcript),
          random_(random),
          clock_(clock),
          info_(info),
          events_(events),
          key_log_(key_log) {}

    // send encodes a handshake message, adds it to the transcript and queues it.
    template <class M>
    void send(const M& message) {
        auto encoded = msg::encode_message(message);
        if (events_) report_message(Input12(message), encoded.size());
        send_encoded(encoded);
    }
    void send_encoded(std::span<const std::uint8_t> encoded);
    void send_change_cipher_spec();
    void send_warning(Alert alert);

    // install_*_protection switches keys; `what` names the protection for
    // the observer ("AES-128-GCM").
    void install_read_protection(std::unique_ptr<record::Protection> p, std::string_view what);
    void install_write_protection(std::unique_ptr<record::Protection> p, std::string_view what);

    // The observer's sink, or null: handlers report keys and checks through it.
    EventSink* events() const { return events_; }
    // The SSLKEYLOGFILE writer, or null.
    KeyLog* key_log() const { return key_log_; }
    void set_record_version(std::uint16_t v) { records_.set_write_version(v); }

    Transcript& transcript() { return transcript_; }
    // The transcript hash before the message being handled (set by the core
    // for Finished and CertificateVerify, which cover the messages before them).
    std::span<const std::uint8_t> hash_before() const { return hash_before_; }
    void set_hash_before(crypto::Bytes h) { hash_before_ = std::move(h); }
    // The messages before the one being handled, when the transcript keeps
    // them (TLS 1.2 CertificateVerify signs the messages themselves).
    std::span<const std::uint8_t> messages_before() const { return transcript_.messages().first(messages_before_); }
    void set_messages_before(std::size_t length) { messages_before_ = length; }

    RandomSource& random() { return random_; }
    Clock& clock() { return clock_; }
    SessionInfo& info() { return info_; }

    // finish marks the handshake complete: application data may flow.
    void finish() { finished_ = true; }
    bool finished() const { return finished_; }
    // allow_false_start lets the client send application data before the
    // handshake completes (RFC 7918), from the point this is called.
    void allow_false_start() { false_start_ = true; }
    bool false_start() const { return false_start_; }

private:
    void report_message(const Input12& message, std::size_t length);

    record::RecordLayer& records_;
    Transcript& transcript_;
    RandomSource& random_;
    Clock& clock_;
    SessionInfo& info_;
    EventSink* events_;
    KeyLog* key_log_;
    crypto::Bytes hash_before_;
    std::size_t messages_before_ = 0;
    bool finished_ = false;
    bool false_start_ = false;
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
