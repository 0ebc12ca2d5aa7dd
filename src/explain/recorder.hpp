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
};

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

    // add stores an event, stamped. Records come from the record layer as it
    // writes and reads them (both directions), so they are stored as they are.
    void add(const Event& event, Side observer);

private:

    bool show_secrets_;
    bool started_ = false;
    double origin_ = 0;
    std::vector<Stamped> events_;
};

}  // namespace tlspp::explain
