// explain/recorder.hpp: an Observer that keeps a connection's events, stamped
// with the time and the endpoint that saw them, for the renderers in this
// folder (text.hpp, json.hpp, diagram.hpp).
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string_view>
#include <vector>

#include "tlspp/observer.hpp"

namespace tlspp::explain {

// Side is an endpoint: the one whose observer saw an event. It turns an
// event's Direction (sent / received) into client → server or server → client.
enum class Side { client, server };

std::string_view side_name(Side side);   // "client", "server"
Side other(Side side);
// sender says which endpoint sent a message, a record or an alert that `observer` saw going `direction`.
Side sender(Side observer, Direction direction);

struct Stamped {
    Event event;
    Side observer = Side::client;
    double t_ms = 0;          // since the recorder's first event
    // derived: a RecordEvent the recorder made itself (see Recorder::add),
    // not one the connection reported.
    bool derived = false;
};

// sent_records gives the records that carry a message, ChangeCipherSpec or
// alert this endpoint sent: tlspp's record layer writes each of them in
// records of their own, cut at 2^14 bytes (RFC 5246 §6.2.1). Lengths are of
// the content, as in the RecordEvents of received records.
std::vector<RecordEvent> sent_records(ContentType type, std::size_t length, bool is_protected);

// Recorder collects events from one or more connections. observer_for(side)
// gives the Observer to pass to that side's Connection; both may feed one
// recorder (tlspp explain runs both ends in one process). Not thread-safe:
// use it from the thread that drives the connections.
class Recorder : public std::enable_shared_from_this<Recorder> {
public:
    // show_secrets: connections are asked for secret values (Observer::wants_secrets).
    explicit Recorder(bool show_secrets = false);

    std::shared_ptr<Observer> observer_for(Side side);

    // on_event, when set, is called with each event as it arrives (live output).
    std::function<void(const Stamped&)> on_event;
    // clock gives milliseconds since an arbitrary origin; tests set a fixed one.
    std::function<double()> clock;

    const std::vector<Stamped>& events() const { return events_; }
    bool show_secrets() const { return show_secrets_; }

    // add stores an event. The core reports RecordEvents for received records
    // only, so for each message, ChangeCipherSpec and alert an endpoint sends,
    // add first stores the records that carried it (sent_records, marked
    // `derived`), with the same time. Should a connection report its sent
    // records itself, the first such report turns the derivation off for that
    // endpoint, and a reported record equal to one just derived is not stored twice.
    void add(const Event& event, Side observer);

private:
    struct SideState {
        bool reports_sent_records = false;     // the connection gives sent RecordEvents itself
        bool write_protected = false;          // a KeyChangeEvent(sent) was seen
        std::vector<RecordEvent> unconfirmed;  // derived for the last message sent, in order
    };
    void store(Event event, Side observer, double t, bool derived);

    bool show_secrets_;
    bool started_ = false;
    double origin_ = 0;
    std::vector<Stamped> events_;
    SideState sides_[2];
};

}  // namespace tlspp::explain
