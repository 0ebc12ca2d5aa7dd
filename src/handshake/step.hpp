// handshake/step.hpp: what a state handler may do. Handlers never touch
// buffers or sockets; they act through a Step, which the connection core
// builds for each input (rustls' "actions out").
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <type_traits>
#include <variant>

#include "handshake/events.hpp"
#include "handshake/transcript.hpp"
#include "msg/handshake.hpp"
#include "record/record_layer.hpp"
#include "tlspp/connection.hpp"
#include "tlspp/keylog.hpp"
#include "tlspp/random.hpp"

namespace tlspp::handshake {

// The machines' handlers name ChangeCipherSpec like every other message.
using msg::ChangeCipherSpec;

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

    Step(const Step&) = delete;
    Step& operator=(const Step&) = delete;
    ~Step();

    // send encodes a handshake message into the flight, adds it to the
    // transcript and queues it for the record layer (see flush()).
    template <class M>
    void send(const M& message) {
        const std::size_t start = begin_message();
        wire::Writer w(flight_);
        msg::encode_message(w, message);
        if (events_) report_message(msg::Message(message), flight_.size() - start);
        end_message(start);
    }
    // send_certificate sends a Certificate message with `chain` (leaf first),
    // encoded straight from the chain rather than from a msg::Certificate copy of it.
    void send_certificate(const std::vector<std::vector<std::uint8_t>>& chain);
    // send_finished sends a Finished message with `verify_data`, encoded from
    // the view rather than from a msg::Finished copy of it.
    void send_finished(std::span<const std::uint8_t> verify_data);
    void send_change_cipher_spec();
    void send_warning(Alert alert);

    // flush hands the messages sent since the last flush to the record layer,
    // each in records of its own, growing its output buffer once for all of
    // them. The messages of a flight are encoded back to back into one
    // buffer here instead of one vector each, so a flight costs a few
    // allocations rather than several per message. Step flushes before
    // anything else reaches the record layer (ChangeCipherSpec, an alert, a
    // key or record-version change) and when it is destroyed; the core also
    // flushes after each handler, before any alert of its own.
    void flush();

    // install_*_protection switches keys; `what` names the protection for
    // the observer ("AES-128-GCM").
    void install_read_protection(std::unique_ptr<record::Protection> p, std::string_view what);
    void install_write_protection(std::unique_ptr<record::Protection> p, std::string_view what);
    // reserve_output makes room in the record layer for the queued messages
    // and `n` more bytes of records (e.g. ChangeCipherSpec and Finished, which
    // go out through separate writes under different keys), so all of them
    // take one allocation rather than one each.
    void reserve_output(std::size_t n);

    // The observer's sink, or null: handlers report keys and checks through it.
    EventSink* events() const { return events_; }
    // The SSLKEYLOGFILE writer, or null.
    KeyLog* key_log() const { return key_log_; }
    void set_record_version(std::uint16_t v) {
        flush();   // the queued messages go out with the version they were sent under
        records_.set_write_version(v);
    }

    Transcript& transcript() { return transcript_; }
    // The transcript hash before the message being handled (set by the core
    // for Finished and CertificateVerify, which cover the messages before them).
    std::span<const std::uint8_t> hash_before() const { return hash_before_; }
    void set_hash_before(const TranscriptHash& h) { hash_before_ = h; }
    // The messages before the one being handled, when the transcript keeps
    // them (TLS 1.2 CertificateVerify signs the messages themselves).
    std::span<const std::uint8_t> messages_before() const { return transcript_.messages().first(messages_before_); }
    void set_messages_before(std::size_t length) { messages_before_ = length; }

    RandomSource& random() { return random_; }
    Clock& clock() { return clock_; }
    SessionInfo& info() { return info_; }

    // read_keys_changed says whether this step installed new read keys
    // (the core then checks the record ended with the message, RFC 8446 §5.1).
    bool read_keys_changed() const { return read_keys_changed_; }

    // finish marks the handshake complete: application data may flow.
    void finish() { finished_ = true; }
    bool finished() const { return finished_; }
    // allow_false_start lets the client send application data before the
    // handshake completes (RFC 7918), from the point this is called.
    void allow_false_start() { false_start_ = true; }
    bool false_start() const { return false_start_; }

private:
    void report_message(const msg::Message& message, std::size_t length);
    // begin_message returns where the next message starts in flight_;
    // end_message adds the message that starts at `start` to the transcript
    // and records where it ends.
    std::size_t begin_message();
    void end_message(std::size_t start);

    record::RecordLayer& records_;
    Transcript& transcript_;
    RandomSource& random_;
    Clock& clock_;
    SessionInfo& info_;
    EventSink* events_;
    KeyLog* key_log_;
    TranscriptHash hash_before_;
    // The flight: messages sent and not yet flushed, back to back, and where
    // each ends. A flight has at most 6 messages (a server's Certificate
    // flight with CertificateRequest is 5); more only flush earlier.
    std::vector<std::uint8_t> flight_;
    std::array<std::size_t, 6> message_ends_{};
    std::size_t messages_ = 0;
    std::size_t messages_before_ = 0;
    bool finished_ = false;
    bool false_start_ = false;
    bool read_keys_changed_ = false;
};

// unexpected is the one rejection path for a message a state does not
// accept: by its decoded message, or by its type alone (see read_message).
Error unexpected(const msg::Message& message, std::string_view state_name);
Error unexpected(HandshakeType type, std::string_view state_name);

// advance is the one dispatcher of every state machine. `on(state, message)`
// is callable exactly for the (state, message) pairs the machine accepts
// (its handlers' overload set), so any other pair is unexpected_message and
// the list of handlers *is* the state diagram. On success the state is
// replaced by the handler's result.
template <class State, class On>
Status advance(State& state, const msg::Message& input, On&& on, std::string_view state_name) {
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

// handshake_type_of<M> is the handshake type of message M; ChangeCipherSpec has none.
template <class M>
constexpr std::optional<HandshakeType> handshake_type_of() {
    if constexpr (std::is_same_v<M, ChangeCipherSpec>) return std::nullopt;
    else return M::type;
}

// state_accepts says whether the current state takes a handshake message of
// type `type`: whether `On`, the machine's overload set as one callable (the
// one advance() dispatches through), can be called with that state and a
// message of that type. So the accepted types are the handlers, stated once.
template <class On, class State>
bool state_accepts(const State& state, HandshakeType type) {
    return std::visit(
        [type](const auto& current) {
            using S = std::decay_t<decltype(current)>;
            return [type]<class... Ms>(const std::variant<Ms...>*) {
                return ((handshake_type_of<Ms>() == type && std::is_invocable_v<On&, S&&, const Ms&>) || ...);
            }(static_cast<const msg::Message*>(nullptr));
        },
        state);
}

// read_message turns a whole handshake message into the machine's input,
// decoded in the form of the machine's protocol version.
// RFC 5246 §7.4: "Sending handshake messages in an order other than that
// listed here results in a fatal error (unexpected_message)", whatever the
// body: the current state judges the type first (Machine::accepts), and only
// a type it accepts has its body decoded.
// The version is the machine's: a fixed one (Machine::version, for Client12,
// Client13, ...) or the one its hello phase has settled (machine.version()).
template <class Machine>
Result<msg::Message> read_message(const Machine& machine, HandshakeType type, std::span<const std::uint8_t> body) {
    if (!machine.accepts(type)) return unexpected(type, machine.state_name());
    if constexpr (requires { machine.version(); }) return msg::decode_message(machine.version(), type, body);
    else return msg::decode_message(Machine::version, type, body);
}

}  // namespace tlspp::handshake
