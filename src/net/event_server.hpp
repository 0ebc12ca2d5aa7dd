// net/event_server.hpp: many TLS server connections on one thread, driven by
// epoll (Linux). The adapter design.md promises for the sans-I/O Connection:
// each accepted socket gets a ServerConnection; the loop feeds it what the
// socket received and sends what it queued, and never blocks in anything but
// epoll_wait. Once a handshake is done, a SessionHandler (a small state
// machine that does no I/O either) turns the client's data into replies.
//
// What keeps one client from hurting the others:
//   - every connection has a deadline: the whole handshake must finish
//     within handshake_timeout of the accept, and an established connection
//     that moves no byte for idle_timeout is closed;
//   - at most max_connections are open; a client beyond that is accepted and
//     closed at once, so that it learns at once (a full kernel backlog would
//     leave it waiting for its SYN to be retried);
//   - a connection whose output the client does not read (more than
//     output_high_water bytes queued) is not read from until it drains, so a
//     client that sends without reading cannot grow our memory.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "net/socket.hpp"
#include "tlspp/config.hpp"
#include "tlspp/connection.hpp"
#include "tlspp/result.hpp"

namespace tlspp::net {

// What a session wants after a callback.
enum class Next {
    more,     // keep the connection open and wait for more data
    finish,   // send the reply, then close_notify, then close
};

// SessionHandler is the application side of one established connection.
// The loop calls it on its own thread, one callback at a time.
class SessionHandler {
public:
    virtual ~SessionHandler() = default;
    // on_data gets application data from the client (never empty) and
    // appends what to send back to `reply`. An error ends the session: it is
    // logged as "session with PEER: ...", and close_notify still goes out
    // (the TLS connection itself is fine).
    // When the client sends close_notify the session ends with no further
    // callback: RFC 5246 §7.2.1 has us answer with close_notify at once,
    // "discarding any pending writes", so there is nothing left to reply.
    virtual Result<Next> on_data(std::span<const std::uint8_t> data, std::string& reply) = 0;
};

// Makes the handler for a connection whose handshake just finished.
using HandlerFactory =
    std::function<std::unique_ptr<SessionHandler>(const SessionInfo& info, const std::string& peer_address)>;

struct EventServerOptions {
    std::chrono::milliseconds handshake_timeout{10'000};   // from accept to handshake done
    std::chrono::milliseconds idle_timeout{10'000};        // established, no byte moved
    // After close_notify (or a fatal alert) is out, how long to drain the
    // client's last bytes before closing: closing a socket with unread input
    // sends a reset, which can destroy our last reply before the client reads it.
    std::chrono::milliseconds close_linger{2'000};
    std::size_t max_connections = 10'000;
    std::size_t output_high_water = 256 * 1024;
    // log receives one line per event worth telling a person (a failed
    // handshake with its reason, a session error, refused clients); it may be empty.
    std::function<void(std::string_view)> log;
};

// Counters, for tests and for the server's log.
struct EventServerStats {
    std::uint64_t accepted = 0;
    std::uint64_t refused = 0;             // over max_connections
    std::uint64_t handshakes_done = 0;
    std::uint64_t handshakes_failed = 0;   // protocol errors, timeouts, clients gone
    std::uint64_t idle_timeouts = 0;
};

class EventServer {
public:
    // create sets up epoll over `listening_fd` (which stays the caller's and
    // must be non-blocking) and `wake_fd`: once wake_fd is readable, run()
    // closes every connection and returns. The config must be valid.
    static Result<EventServer> create(int listening_fd, int wake_fd, std::shared_ptr<const ServerConfig> config,
                                      HandlerFactory handlers, EventServerOptions options);

    EventServer(EventServer&&) noexcept;
    EventServer& operator=(EventServer&&) noexcept;
    ~EventServer();

    // run serves until wake_fd becomes readable. It fails only if epoll itself does.
    Status run();

    // open_connections may be read from any thread while run() runs;
    // stats() only once it has returned.
    std::size_t open_connections() const;
    const EventServerStats& stats() const;

private:
    struct Impl;
    explicit EventServer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace tlspp::net
