// conn/core.hpp: the inside of a Connection. It owns the record layer, the
// reassembler, the transcript and the state machine, and is the one place
// where inputs reach the machine and failures become alerts.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <variant>
#include <vector>

#include "conn/observer_sink.hpp"
#include "handshake/client.hpp"
#include "handshake/reassembler.hpp"
#include "handshake/server.hpp"
#include "handshake/transcript.hpp"
#include "record/record_layer.hpp"
#include "tlspp/connection.hpp"

namespace tlspp::conn {

class Core {
public:
    Core(std::shared_ptr<const ClientConfig> config, std::string server_name, std::optional<Session> resume,
         std::shared_ptr<Observer> observer);
    Core(std::shared_ptr<const ServerConfig> config, std::shared_ptr<Observer> observer);

    Status read_in(std::span<const std::uint8_t> received);
    Status transport_closed();
    std::span<const std::uint8_t> pending_output() const { return records_.output(); }
    void consume_output(std::size_t n) { records_.consume_output(n); }
    Status send(std::span<const std::uint8_t> data);
    std::size_t receive(std::span<std::uint8_t> out);
    std::size_t available() const { return records_.kept_bytes(); }
    std::span<const std::uint8_t> received_data() const { return records_.kept_front(); }
    void consume_received(std::size_t n);
    void close();

    bool handshake_done() const { return handshake_done_; }
    bool can_send() const { return (handshake_done_ || false_start_) && !error_ && !sent_close_; }
    bool peer_closed() const { return peer_closed_; }
    bool failed() const { return error_.has_value(); }
    const Error* error() const { return error_ ? &*error_ : nullptr; }
    const SessionInfo& info() const { return info_; }
    // The resumable session once the handshake is done (see Connection::session).
    std::optional<Session> session() const;

private:
    Status process_records();
    Status on_handshake_data(std::span<const std::uint8_t> data);
    Status on_change_cipher_spec(std::span<const std::uint8_t> data);
    Status on_alert(std::span<const std::uint8_t> data);
    Status on_application_data(std::span<const std::uint8_t> data);
    Status dispatch(msg::Message input, const handshake::Message* message);
    // The version whose rules apply now: the negotiated one, TLS 1.2's before.
    ProtocolVersion version() const { return info_.version.value_or(ProtocolVersion::tls12); }
    // check_message_limits applies the Limits that bound a decoded message's
    // lists (the certificates of a Certificate).
    Status check_message_limits(const msg::Message& message) const;
    // count_progress is called after each record: the DoS guard on records
    // that move nothing forward (Limits::max_records_without_progress).
    Status count_progress();
    handshake::Step make_step();
    // fail records the error, queues the alert for it (unless it came from
    // the peer), and returns it.
    Status fail(Error error);
    void send_alert(AlertLevel level, Alert alert);
    void emit(Event event) {
        if (events_) events_->emit(std::move(event));
    }

    std::variant<handshake::Client, handshake::Server> machine_;
    Limits limits_;
    std::shared_ptr<RandomSource> random_;
    std::shared_ptr<Clock> clock_;
    std::shared_ptr<KeyLog> key_log_;
    std::unique_ptr<ObserverSink> events_;   // null without an observer: no events are built
    record::RecordLayer records_;
    handshake::Reassembler reassembler_;
    handshake::Transcript transcript_;
    SessionInfo info_;

    std::optional<Error> error_;
    bool handshake_done_ = false;
    bool false_start_ = false;      // the client may send before the handshake is done (RFC 7918)
    bool peer_closed_ = false;
    bool sent_close_ = false;
    unsigned warnings_ = 0;                   // consecutive warning alerts
    unsigned records_without_progress_ = 0;   // consecutive records that completed nothing
    bool progressed_ = false;                 // the current record completed a handshake step or carried data
    bool read_keys_changed_ = false;          // the last dispatched message installed new read keys
};

}  // namespace tlspp::conn
