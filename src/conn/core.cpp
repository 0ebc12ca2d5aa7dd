#include "conn/core.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <string>

#include "conn/alerts.hpp"
#include "session/public.hpp"

namespace tlspp::conn {

namespace {

// A config that does not validate makes a connection that has failed from the start.
template <class Config>
std::optional<Error> invalid(const Config& config) {
    if (auto ok = config.validate(); !ok) return std::move(ok).error();
    return std::nullopt;
}

}  // namespace

Core::Core(std::shared_ptr<const ClientConfig> config, std::string server_name, std::optional<Session> resume,
           std::shared_ptr<Observer> observer)
    : machine_(std::in_place_type<handshake::Client>, config, server_name,
               resume ? std::optional<session::Session12>(resume->impl().s) : std::nullopt),
      limits_(config->limits),
      random_(config->random),
      clock_(config->clock),
      key_log_(config->key_log),
      events_(observer ? std::make_unique<ObserverSink>(std::move(observer)) : nullptr),
      reassembler_(limits_) {
    records_.max_empty_records = limits_.max_empty_records;
    records_.set_observer(events_.get());   // records as the record layer writes and reads them
    if (auto e = invalid(*config)) {
        error_ = std::move(*e);
        return;
    }
    if (auto named = config->check_server_name(server_name); !named) {
        error_ = std::move(named).error();
        return;
    }
    handshake::Step step = make_step();
    auto ok = std::get<handshake::Client>(machine_).start(step);
    step.flush();
    if (!ok) (void)fail(std::move(ok).error());
}

Core::Core(std::shared_ptr<const ServerConfig> config, std::shared_ptr<Observer> observer)
    : machine_(std::in_place_type<handshake::Server>, config),
      limits_(config->limits),
      random_(config->random),
      clock_(config->clock),
      key_log_(config->key_log),
      events_(observer ? std::make_unique<ObserverSink>(std::move(observer)) : nullptr),
      reassembler_(limits_, /*server=*/true) {
    records_.max_empty_records = limits_.max_empty_records;
    records_.set_observer(events_.get());   // records as the record layer writes and reads them
    if (auto e = invalid(*config)) error_ = std::move(*e);
}

std::optional<Session> Core::session() const {
    if (!handshake_done_ || error_) return std::nullopt;
    const std::optional<session::Session12>* s =
        std::visit([](const auto& machine) { return &machine.session(); }, machine_);
    if (!*s) return std::nullopt;
    return session::wrap(**s);
}

handshake::Step Core::make_step() {
    return handshake::Step(records_, transcript_, *random_, *clock_, info_, events_.get(), key_log_.get());
}

void Core::send_alert(AlertLevel level, Alert alert) {
    const std::array<std::uint8_t, 2> body{static_cast<std::uint8_t>(level), static_cast<std::uint8_t>(alert)};
    emit(AlertEvent{Direction::sent, level, alert});
    records_.write(ContentType::alert, body);
    sent_close_ = true;
}

Status Core::fail(Error error) {
    if (error_) return *error_;
    // make_error gave the TLS 1.2 alert; the version's own table decides (conn/alerts.cpp).
    if (!error.alert_from_peer) error.alert = alert_for(error.reason, version());
    if (sends_alert(error) && !sent_close_) send_alert(AlertLevel::fatal, error.alert);
    error_ = std::move(error);
    return *error_;
}

Status Core::read_in(std::span<const std::uint8_t> received) {
    if (error_) return *error_;
    // RFC 5246 §7.2.1: after close_notify, data received is ignored.
    if (peer_closed_) return {};
    records_.feed(received);
    return process_records();
}

Status Core::process_records() {
    while (!error_ && !peer_closed_) {
        auto next = records_.next_incoming();
        if (!next) return fail(std::move(next).error());
        if (!*next) return {};
        const record::PlainRecord& rec = **next;
        // RFC 5246 Appendix E.1: once the version is agreed, every record
        // carries it. RFC 8446 §5.1: in TLS 1.3 legacy_record_version "MUST
        // be ignored for all purposes".
        if (info_.version == ProtocolVersion::tls12 && rec.version != static_cast<std::uint16_t>(*info_.version))
            return fail(make_error(Reason::bad_record_version,
                                   "record version " + std::to_string(rec.version >> 8) + "." +
                                       std::to_string(rec.version & 0xff) + " after TLS 1.2 was agreed"));
        // RFC 5246 §6.2.1: only application data may be sent in empty records.
        if (rec.data.empty() && rec.type != ContentType::application_data)
            return fail(make_error(Reason::invalid_encoding,
                                   "empty " + std::string(name(rec.type)) + " record"));
        // As in OpenSSL (rec_layer_s3.c): a non-empty record other than an
        // alert ends a run of warnings (Limits::max_warning_alerts).
        if (rec.type != ContentType::alert && !rec.data.empty()) warnings_ = 0;
        Status step;
        progressed_ = false;
        switch (rec.type) {
        case ContentType::handshake: step = on_handshake_data(rec.data); break;
        case ContentType::change_cipher_spec: step = on_change_cipher_spec(rec.data); break;
        case ContentType::alert: step = on_alert(rec.data); break;
        case ContentType::application_data: step = on_application_data(rec.data); break;
        }
        if (!step) return fail(std::move(step).error());
        if (auto counted = count_progress(); !counted) return fail(std::move(counted).error());
    }
    return error_ ? Status(*error_) : Status();
}

// A record is progress when it completes a step of the handshake (a message
// the state machine takes, or ChangeCipherSpec) or carries application data.
// Everything else (a fragment of a message, a HelloRequest, a renegotiation
// attempt we refuse, a warning, an empty record) costs us a record's work and
// the peer almost nothing, so only so many may come in a row.
Status Core::count_progress() {
    if (progressed_) {
        records_without_progress_ = 0;
        return {};
    }
    if (peer_closed_) return {};   // close_notify: the end, not a stall
    if (++records_without_progress_ > limits_.max_records_without_progress)
        return make_error(Reason::too_many_records_without_progress,
                          "more than " + std::to_string(limits_.max_records_without_progress) +
                              " records in a row completed no handshake message and carried no application data "
                              "(Limits::max_records_without_progress)");
    return {};
}

Status Core::check_message_limits(const msg::Message& message) const {
    std::size_t count = 0;
    if (const auto* certificate = std::get_if<msg::Certificate>(&message)) count = certificate->chain.size();
    else if (const auto* certificate13 = std::get_if<msg::Certificate13>(&message)) count = certificate13->entries.size();
    // Its bytes are bounded by max_handshake_message_size already; the
    // count bounds the certificates parsed and offered to path building.
    if (count > limits_.max_certificate_chain_length)
        return make_error(Reason::certificate_chain_too_long,
                          "Certificate: " + std::to_string(count) + " certificates, limit " +
                              std::to_string(limits_.max_certificate_chain_length) +
                              " (Limits::max_certificate_chain_length)");
    return {};
}

Status Core::on_handshake_data(std::span<const std::uint8_t> data) {
    if (auto ok = reassembler_.feed(data); !ok) return ok;
    while (true) {
        auto next = reassembler_.next();
        if (!next) return std::move(next).error();
        if (!*next) return {};
        const handshake::Message& m = **next;
        // The state judges the type before the body is decoded (RFC 5246 §7.4).
        auto input = std::visit(
            [&](const auto& machine) { return handshake::read_message(machine, m.type, m.body); }, machine_);
        if (!input) return std::move(input).error();
        if (auto within = check_message_limits(*input); !within) return within;
        if (auto ok = dispatch(std::move(*input), &m); !ok) return ok;
        // RFC 8446 §5.1: "Handshake messages MUST NOT span key changes ...
        // Because the ServerHello, Finished, and KeyUpdate messages can
        // immediately precede a key change, implementations MUST send these
        // messages in alignment with a record boundary" (unexpected_message).
        if (read_keys_changed_ && !reassembler_.aligned())
            return make_error(Reason::handshake_spans_key_change,
                              "more handshake bytes in the record that ends with a key change");
    }
}

Status Core::on_change_cipher_spec(std::span<const std::uint8_t> data) {
    // RFC 5246 §7.1: the message is a single byte of value 1. Anything else
    // is unexpected_message, as OpenSSL 3 answers (SSL_R_BAD_CHANGE_CIPHER_SPEC)
    // and RFC 8446 §5 requires: "An implementation which receives any other
    // change_cipher_spec value ... MUST abort the handshake with an
    // "unexpected_message" alert."
    if (data.size() != 1 || data[0] != 1)
        return make_error(Reason::malformed_change_cipher_spec,
                          "ChangeCipherSpec of " + std::to_string(data.size()) + " byte(s), first " +
                              std::to_string(data[0]) + ": not the single byte 1");
    // The keys change after this record: no handshake message may straddle it.
    if (!reassembler_.aligned())
        return make_error(Reason::handshake_spans_key_change,
                          "a handshake message is split across ChangeCipherSpec");
    return dispatch(msg::ChangeCipherSpec{}, nullptr);
}

Status Core::dispatch(msg::Message input, const handshake::Message* message) {
    handshake::Step step = make_step();
    if (events_)
        events_->message(Direction::received, input, message ? message->encoded.size() : 1, records_.read_protected());
    if (message) {
        // RFC 5246 §7.4.1.1: HelloRequest is not included in the transcript.
        // Finished and CertificateVerify cover the messages before them.
        if ((message->type == HandshakeType::finished || message->type == HandshakeType::certificate_verify) &&
            transcript_.hash_started())
            step.set_hash_before(transcript_.hash());
        step.set_messages_before(transcript_.messages().size());
        if (message->type != HandshakeType::hello_request) transcript_.add(message->encoded);
    }
    // Progress for the DoS guard: any handshake step before the handshake is
    // done, except HelloRequest, which a client ignores while negotiating
    // (RFC 5246 §7.4.1.1). After it, handshake messages are renegotiation,
    // which we refuse with a warning: no progress either.
    const bool step_of_handshake = !handshake_done_ && !(message && message->type == HandshakeType::hello_request);
    Status result = std::visit([&](auto& machine) { return machine.handle(std::move(input), step); }, machine_);
    read_keys_changed_ = step.read_keys_changed();
    // What the handler sent goes to the record layer even if it then failed:
    // the peer gets those messages and then our alert, as they were sent.
    step.flush();
    if (!result) return result;
    if (step_of_handshake) progressed_ = true;
    if (step.false_start()) false_start_ = true;
    if (step.finished()) {
        handshake_done_ = true;
        emit(HandshakeDoneEvent{info_.resumed});
    }
    return {};
}

Status Core::on_alert(std::span<const std::uint8_t> data) {
    // RFC 5246 §7.2: an alert is two bytes, level and description.
    if (data.size() != 2)
        return make_error(Reason::invalid_encoding, "alert record of " + std::to_string(data.size()) + " bytes");
    const auto level = static_cast<AlertLevel>(data[0]);
    const auto description = static_cast<Alert>(data[1]);
    emit(AlertEvent{Direction::received, level, description});
    if (description == Alert::close_notify) {
        peer_closed_ = true;
        // RFC 5246 §7.2.1: "The other party MUST respond with a close_notify
        // alert of its own and close down the connection immediately".
        // RFC 8446 §6.1 drops that rule: closure is per direction, so a TLS 1.3
        // peer may still be sent what it asked for; the application closes.
        if (!sent_close_ && version() == ProtocolVersion::tls12) close();
        return {};
    }
    // RFC 8446 §6: in TLS 1.3 the level is ignored; every alert but
    // close_notify and user_canceled is an error alert.
    const bool warning = version() == ProtocolVersion::tls13 ? description == Alert::user_canceled
                                                              : level == AlertLevel::warning;
    if (warning) {
        // RFC 5246 §7.2: warnings may be ignored; too many in a row is abuse.
        // With the default of 4 the fifth is fatal, as in OpenSSL since
        // CVE-2016-8610 (MAX_WARN_ALERT_COUNT). OpenSSL counts close_notify
        // too; here it is the orderly end, handled above.
        if (++warnings_ > limits_.max_warning_alerts)
            return make_error(Reason::too_many_warnings,
                              std::to_string(warnings_) + " consecutive warning alerts, limit " +
                                  std::to_string(limits_.max_warning_alerts) + " (Limits::max_warning_alerts)");
        return {};
    }
    Error e;
    e.reason = Reason::peer_alert;
    e.alert = description;
    e.alert_from_peer = true;
    e.detail = "the peer sent a fatal " + std::string(name(description).empty() ? "unknown" : name(description)) +
               " alert (" + std::to_string(data[1]) + ")";
    return e;
}

Status Core::on_application_data(std::span<const std::uint8_t> data) {
    if (!handshake_done_)
        return make_error(Reason::application_data_before_handshake,
                          "application data before the handshake finished");
    if (data.empty()) return {};   // counted by the record layer (Limits::max_empty_records)
    progressed_ = true;
    // Decrypted in place in the record layer's input buffer, it stays there
    // until receive() copies it into the application's buffer: no copy here.
    records_.keep(data);
    return {};
}

Status Core::transport_closed() {
    if (peer_closed_) return make_error(Reason::peer_closed, "the peer closed the connection");
    if (error_) return *error_;
    // RFC 5246 §7.2.1: a connection that ends without close_notify may have been truncated.
    return fail(make_error(Reason::truncated_connection, "the transport closed without close_notify"));
}

Status Core::send(std::span<const std::uint8_t> data) {
    if (error_) return *error_;
    if (!handshake_done_ && !false_start_)
        return make_error(Reason::not_connected, "send: the handshake is not finished");
    if (sent_close_) return make_error(Reason::not_connected, "send: the connection was closed");
    records_.write(ContentType::application_data, data);
    return {};
}

std::size_t Core::receive(std::span<std::uint8_t> out) {
    std::size_t n = 0;
    while (n < out.size()) {
        auto kept = records_.kept_front();
        if (kept.empty()) break;
        const std::size_t take = std::min(out.size() - n, kept.size());
        std::memcpy(out.data() + n, kept.data(), take);
        records_.consume_kept(take);
        n += take;
    }
    return n;
}

void Core::consume_received(std::size_t n) {
    // A count past the data is the caller's bug; it consumes what there is.
    records_.consume_kept(std::min(n, records_.kept_front().size()));
}

void Core::close() {
    if (sent_close_ || error_) return;
    send_alert(AlertLevel::warning, Alert::close_notify);
}

}  // namespace tlspp::conn
