// net/event_server.cpp: the epoll loop. Level-triggered: a connection is
// registered for what it can use now (input unless its output is backed up,
// output while some is queued), so an event is never lost and an idle socket
// costs nothing. Connections are named by an id that is never reused, not by
// their descriptor: a descriptor closed while handling one event can be
// reused by an accept before a stale event for it is looked at.
#include "net/event_server.hpp"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <set>
#include <unordered_map>
#include <vector>

namespace tlspp::net {

using std::chrono::milliseconds;
using TimePoint = SteadyClock::time_point;

namespace {

// One recv takes at least a whole record (16 KiB of plaintext, RFC 5246 §6.2.1) plus its overhead.
constexpr std::size_t kReceiveChunk = 16 * 1024 + 2048;
constexpr std::size_t kAppChunk = 16 * 1024;
constexpr int kMaxEvents = 256;
// Accepts per wake-up: enough to keep up with a burst, few enough that the
// connections already open still get their turn.
constexpr int kAcceptBurst = 64;
// Out of descriptors: the listener stays readable, so stop watching it for a
// while (instead of spinning) and let connections end meanwhile.
constexpr milliseconds kAcceptPause{100};
// A fatal alert after a failed handshake gets this long to leave, as in Stream.
constexpr milliseconds kAlertFlushTimeout{1'000};
constexpr milliseconds kLogInterval{1'000};

constexpr std::uint64_t kListenerId = 0;
constexpr std::uint64_t kWakeId = 1;

enum class Phase {
    handshake,     // until the handshake is done or fails
    established,   // the SessionHandler runs
    closing,       // sending what is queued (reply, close_notify or alert), then shutdown(SHUT_WR)
    draining,      // discarding the client's last bytes until it closes too, or the linger ends
};

int epoll_timeout(std::optional<TimePoint> next) {
    if (!next) return -1;
    auto left = *next - SteadyClock::now();
    if (left <= SteadyClock::duration::zero()) return 0;
    auto ms = std::chrono::ceil<milliseconds>(left).count();
    return ms > 0x7fffffff ? 0x7fffffff : static_cast<int>(ms);
}

}  // namespace

struct Client {
    Client(std::uint64_t i, int fd, std::shared_ptr<const ServerConfig> config)
        : id(i), socket(fd), tls(std::move(config)), peer(peer_address(fd)) {}

    std::uint64_t id;
    Fd socket;
    ServerConnection tls;
    std::string peer;
    Phase phase = Phase::handshake;
    std::unique_ptr<SessionHandler> handler;
    TimePoint deadline;
    std::uint32_t interest = 0;   // the events epoll watches for now
    bool eof = false;             // the client's byte stream ended
    bool linger_on_progress = false;   // closing: each byte sent extends the deadline
};

struct EventServer::Impl {
    int listen_fd;
    int wake_fd;
    Fd epoll;
    std::shared_ptr<const ServerConfig> config;
    HandlerFactory handlers;
    EventServerOptions options;
    EventServerStats stats;
    // clients.size(), readable from other threads (tests, a status line).
    std::atomic<std::size_t> live{0};

    std::unordered_map<std::uint64_t, std::unique_ptr<Client>> clients;
    std::set<std::pair<TimePoint, std::uint64_t>> deadlines;
    std::uint64_t last_id = kWakeId;
    std::optional<TimePoint> accept_paused_until;
    TimePoint last_refusal_log{};
    std::uint64_t refused_unlogged = 0;
    TimePoint last_accept_error_log{};
    std::vector<std::uint8_t> received = std::vector<std::uint8_t>(kReceiveChunk);
    std::vector<std::uint8_t> plaintext = std::vector<std::uint8_t>(kAppChunk);
    std::string reply;

    void log(const std::string& line) const {
        if (options.log) options.log(line);
    }

    Status watch(int fd, std::uint64_t id, std::uint32_t events, int op) {
        epoll_event ev{};
        ev.events = events;
        ev.data.u64 = id;
        if (::epoll_ctl(epoll.get(), op, fd, &ev) < 0) return sys_error("epoll_ctl", errno);
        return {};
    }

    // ---- deadlines --------------------------------------------------------
    void set_deadline(Client& c, TimePoint when) {
        deadlines.erase({c.deadline, c.id});
        c.deadline = when;
        deadlines.insert({when, c.id});
    }

    std::optional<TimePoint> next_wakeup() const {
        std::optional<TimePoint> next;
        if (!deadlines.empty()) next = deadlines.begin()->first;
        if (accept_paused_until && (!next || *accept_paused_until < *next)) next = accept_paused_until;
        return next;
    }

    void expire(TimePoint now) {
        while (!deadlines.empty() && deadlines.begin()->first <= now) {
            std::uint64_t id = deadlines.begin()->second;
            auto it = clients.find(id);
            if (it == clients.end()) {   // cannot happen: destroy() removes the entry
                deadlines.erase(deadlines.begin());
                continue;
            }
            on_deadline(*it->second);
        }
        if (accept_paused_until && *accept_paused_until <= now) {
            accept_paused_until.reset();
            (void)watch(listen_fd, kListenerId, EPOLLIN, EPOLL_CTL_MOD);
        }
    }

    void on_deadline(Client& c) {
        switch (c.phase) {
        case Phase::handshake:
            ++stats.handshakes_failed;
            log("handshake with " + c.peer + " failed: " +
                timeout_error("TLS handshake", options.handshake_timeout).message());
            // A client that stalled its handshake reads nothing we could say.
            return destroy(c);
        case Phase::established:
            ++stats.idle_timeouts;
            log("session with " + c.peer + ": " +
                timeout_error("waiting for the client", options.idle_timeout).message());
            begin_close(c, true);
            return settle(c);
        case Phase::closing:
        case Phase::draining:
            return destroy(c);
        }
    }

    // ---- accepting ---------------------------------------------------------
    void accept_ready() {
        for (int i = 0; i < kAcceptBurst; ++i) {
            int fd = ::accept4(listen_fd, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
            if (fd < 0) {
                if (errno == EAGAIN || errno == EWOULDBLOCK) return;
                if (errno == EINTR || errno == ECONNABORTED || errno == EPROTO) continue;
                // EMFILE, ENFILE, ENOBUFS, ENOMEM: wait for connections to end.
                int err = errno;
                auto now = SteadyClock::now();
                if (now - last_accept_error_log >= kLogInterval) {
                    last_accept_error_log = now;
                    log(sys_error("accept", err).message() + " (" + std::to_string(clients.size()) +
                        " connections open); pausing accepts for " + std::to_string(kAcceptPause.count()) + " ms");
                }
                accept_paused_until = now + kAcceptPause;
                (void)watch(listen_fd, kListenerId, 0, EPOLL_CTL_MOD);
                return;
            }
            if (clients.size() >= options.max_connections) {
                refuse(fd);
                continue;
            }
            add(fd);
        }
    }

    void refuse(int fd) {
        ::close(fd);
        ++stats.refused;
        ++refused_unlogged;
        auto now = SteadyClock::now();
        if (now - last_refusal_log < kLogInterval) return;
        last_refusal_log = now;
        log("refused " + std::to_string(refused_unlogged) + " connection(s): the limit of " +
            std::to_string(options.max_connections) + " open connections is reached");
        refused_unlogged = 0;
    }

    void add(int fd) {
        // Handshake flights are small and latency-bound; Nagle would hold the
        // second record of a flight back for a round trip.
        int one = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        auto client = std::make_unique<Client>(++last_id, fd, config);
        if (auto added = watch(fd, client->id, EPOLLIN, EPOLL_CTL_ADD); !added) {
            log("connection setup failed: " + added.error().message());
            return;   // ~Client closes the socket
        }
        ++stats.accepted;
        client->interest = EPOLLIN;
        Client& c = *client;
        clients.emplace(c.id, std::move(client));
        live.store(clients.size());
        set_deadline(c, SteadyClock::now() + options.handshake_timeout);
    }

    void destroy(Client& c) {
        deadlines.erase({c.deadline, c.id});
        // Closing the descriptor also removes it from the epoll set.
        clients.erase(c.id);
        live.store(clients.size());
    }

    // ---- one connection ----------------------------------------------------
    void on_ready(Client& c, std::uint32_t events) {
        std::uint64_t id = c.id;
        if ((events & (EPOLLOUT | EPOLLERR | EPOLLHUP)) && c.tls.wants_write()) {
            if (auto sent = flush(c); !sent) return lost(c, sent.error());
        }
        if ((events & (EPOLLIN | EPOLLERR | EPOLLHUP)) && (c.interest & EPOLLIN)) {
            receive(c);
            if (!clients.contains(id)) return;
        }
        settle(c);
    }

    // lost: the socket failed (reset, EPIPE); nothing more can be said to the client.
    void lost(Client& c, const Error& error) {
        if (c.phase == Phase::handshake) {
            ++stats.handshakes_failed;
            log("handshake with " + c.peer + " failed: " + error.message());
        } else if (c.phase == Phase::established) {
            log("session with " + c.peer + ": " + error.message());
        }
        destroy(c);
    }

    Status flush(Client& c) {
        while (c.tls.wants_write()) {
            auto out = c.tls.pending_output();
            // MSG_NOSIGNAL: a client that went away gives EPIPE, not a SIGPIPE that kills the server.
            ssize_t n = ::send(c.socket.get(), out.data(), out.size(), MSG_NOSIGNAL);
            if (n < 0) {
                if (errno == EINTR) continue;
                if (errno == EAGAIN || errno == EWOULDBLOCK) return {};
                return sys_error("send(" + c.peer + ")", errno);
            }
            c.tls.consume_output(static_cast<std::size_t>(n));
            progress(c);
        }
        return {};
    }

    void progress(Client& c) {
        auto now = SteadyClock::now();
        if (c.phase == Phase::established) set_deadline(c, now + options.idle_timeout);
        else if (c.phase == Phase::closing && c.linger_on_progress) set_deadline(c, now + options.close_linger);
    }

    // receive does one recv (level-triggered epoll brings us back if more is
    // waiting, after the other connections had their turn).
    void receive(Client& c) {
        ssize_t n;
        do {
            n = ::recv(c.socket.get(), received.data(), received.size(), 0);
        } while (n < 0 && errno == EINTR);
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
        if (n < 0) return lost(c, sys_error("recv(" + c.peer + ")", errno));
        if (c.phase == Phase::closing || c.phase == Phase::draining) {
            // Whatever the client still sends is discarded: we have said our last word.
            if (n == 0) c.eof = true;
            if (n == 0 && c.phase == Phase::draining) destroy(c);
            return;
        }
        if (n == 0) {
            c.eof = true;
            return ended(c);
        }
        progress(c);
        // read_in succeeds on close_notify and only sets peer_closed(); in
        // TLS 1.2 the connection has already queued its own close_notify in
        // answer, in TLS 1.3 the handler may still answer what came before it.
        auto fed = c.tls.read_in({received.data(), static_cast<std::size_t>(n)});
        if (c.phase == Phase::handshake) {
            // The bytes that finish the handshake may carry a bad record
            // after it: that is the session's failure, not the handshake's.
            if (!c.tls.handshake_done()) {
                if (!fed) return handshake_failed(c, fed.error());
                if (c.tls.peer_closed()) return closed_during_handshake(c);
                return;
            }
            if (!established(c)) return;
        }
        std::uint64_t id = c.id;
        deliver(c);
        if (!clients.contains(id) || c.phase != Phase::established) return;
        if (!fed) {
            // A fatal error after the handshake: the alert is queued; no close_notify.
            log("session with " + c.peer + ": " + fed.error().message());
            return begin_close(c, false);
        }
        // RFC 5246 §7.2.1: "The other party MUST respond with a close_notify
        // alert of its own and close down the connection immediately,
        // discarding any pending writes." Ours is queued; closing sends it.
        // RFC 8446 §6.1: in TLS 1.3 what the handler wrote above goes first.
        if (c.tls.peer_closed()) return begin_close(c, true);
    }

    // closed_during_handshake: the client sent close_notify before the
    // handshake was done. Our close_notify is queued: send it and close
    // (RFC 5246 §7.2.1), as for a failed handshake.
    void closed_during_handshake(Client& c) {
        handshake_failed(c, make_error(Reason::peer_closed, "the client (" + c.peer +
                                                                ") sent close_notify during the handshake"));
    }

    // ended: the client's stream ended (FIN, or close_notify during the handshake).
    void ended(Client& c) {
        if (c.phase == Phase::handshake) {
            ++stats.handshakes_failed;
            log("handshake with " + c.peer + " failed: " +
                make_error(Reason::truncated_connection,
                           "the peer (" + c.peer + ") closed the connection during the handshake")
                    .message());
            return destroy(c);
        }
        // Established: the end of the stream without close_notify may be a
        // truncation attack (RFC 5246 §7.2.1), and is reported as one.
        if (auto end = c.tls.transport_closed(); !end && end.error().reason != Reason::peer_closed)
            log("session with " + c.peer + ": " + end.error().message());
        destroy(c);
    }

    void handshake_failed(Client& c, const Error& error) {
        ++stats.handshakes_failed;
        log("handshake with " + c.peer + " failed: " + error.message());
        // The alert for the client is queued: give it a moment to leave.
        c.phase = Phase::closing;
        c.linger_on_progress = false;
        set_deadline(c, SteadyClock::now() + std::min(kAlertFlushTimeout, options.close_linger));
        if (auto sent = flush(c); !sent) destroy(c);
    }

    // established: the handshake just finished. False when the connection is gone.
    bool established(Client& c) {
        ++stats.handshakes_done;
        c.phase = Phase::established;
        set_deadline(c, SteadyClock::now() + options.idle_timeout);
        c.handler = handlers(c.tls.info(), c.peer);
        if (!c.handler) {
            log("session with " + c.peer + ": no handler");
            begin_close(c, true);
            return false;
        }
        return true;
    }

    // deliver hands the decrypted data to the handler and queues its replies.
    void deliver(Client& c) {
        while (c.phase == Phase::established && c.tls.available() > 0) {
            std::size_t n = c.tls.receive(plaintext);
            reply.clear();
            auto next = c.handler->on_data({plaintext.data(), n}, reply);
            if (!next) {
                log("session with " + c.peer + ": " + next.error().message());
                return begin_close(c, true);
            }
            if (!send_reply(c)) return;
            if (*next == Next::finish) return begin_close(c, true);
        }
    }

    bool send_reply(Client& c) {
        if (reply.empty()) return true;
        auto queued = c.tls.send({reinterpret_cast<const std::uint8_t*>(reply.data()), reply.size()});
        if (queued) return true;
        log("session with " + c.peer + ": " + queued.error().message());
        destroy(c);
        return false;
    }

    // begin_close sends what is queued, with close_notify if `notify`, then half-closes.
    void begin_close(Client& c, bool notify) {
        if (notify) c.tls.close();
        c.phase = Phase::closing;
        c.linger_on_progress = true;
        set_deadline(c, SteadyClock::now() + options.close_linger);
    }

    // settle moves a closing connection on once its output is out, and
    // registers for the events the connection can use now.
    void settle(Client& c) {
        if (c.phase == Phase::closing && c.tls.wants_write()) {
            if (auto sent = flush(c); !sent) return destroy(c);
        }
        if (c.phase == Phase::handshake || c.phase == Phase::established) {
            if (auto sent = flush(c); !sent) return lost(c, sent.error());
        }
        if (c.phase == Phase::closing && !c.tls.wants_write()) {
            ::shutdown(c.socket.get(), SHUT_WR);
            if (c.eof) return destroy(c);
            c.phase = Phase::draining;
            set_deadline(c, SteadyClock::now() + options.close_linger);
        }
        std::uint32_t want = 0;
        bool backed_up = c.tls.pending_output().size() > options.output_high_water;
        switch (c.phase) {
        case Phase::handshake:
        case Phase::established: want = backed_up ? 0u : std::uint32_t{EPOLLIN}; break;
        case Phase::closing: want = c.eof ? 0u : std::uint32_t{EPOLLIN}; break;
        case Phase::draining: want = EPOLLIN; break;
        }
        if (c.tls.wants_write()) want |= EPOLLOUT;
        if (want == c.interest) return;
        if (auto changed = watch(c.socket.get(), c.id, want, EPOLL_CTL_MOD); !changed)
            return lost(c, changed.error());
        c.interest = want;
    }

    void stop_all() {
        for (auto& [id, client] : clients) {
            Client& c = *client;
            // One non-blocking try at close_notify: the server is going away.
            if (c.phase == Phase::established) {
                c.tls.close();
                (void)flush(c);
            }
        }
        clients.clear();
        deadlines.clear();
        live.store(0);
    }
};

Result<EventServer> EventServer::create(int listening_fd, int wake_fd, std::shared_ptr<const ServerConfig> config,
                                        HandlerFactory handlers, EventServerOptions options) {
    if (auto valid = config->validate(); !valid) return std::move(valid).error();
    if (!handlers) return make_error(Reason::bad_config, "EventServer needs a handler factory");
    auto impl = std::make_unique<Impl>();
    impl->listen_fd = listening_fd;
    impl->wake_fd = wake_fd;
    impl->config = std::move(config);
    impl->handlers = std::move(handlers);
    impl->options = std::move(options);
    impl->epoll.reset(::epoll_create1(EPOLL_CLOEXEC));
    if (!impl->epoll) return sys_error("epoll_create1", errno);
    if (auto w = impl->watch(listening_fd, kListenerId, EPOLLIN, EPOLL_CTL_ADD); !w) return std::move(w).error();
    if (auto w = impl->watch(wake_fd, kWakeId, EPOLLIN, EPOLL_CTL_ADD); !w) return std::move(w).error();
    return EventServer(std::move(impl));
}

EventServer::EventServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
EventServer::EventServer(EventServer&&) noexcept = default;
EventServer& EventServer::operator=(EventServer&&) noexcept = default;
EventServer::~EventServer() = default;

std::size_t EventServer::open_connections() const { return impl_->live.load(); }
const EventServerStats& EventServer::stats() const { return impl_->stats; }

Status EventServer::run() {
    Impl& s = *impl_;
    epoll_event events[kMaxEvents];
    for (;;) {
        int n = ::epoll_wait(s.epoll.get(), events, kMaxEvents, epoll_timeout(s.next_wakeup()));
        if (n < 0 && errno != EINTR) return sys_error("epoll_wait", errno);
        for (int i = 0; i < n; ++i) {
            std::uint64_t id = events[i].data.u64;
            if (id == kWakeId) {
                s.stop_all();
                return {};
            }
            if (id == kListenerId) {
                s.accept_ready();
                continue;
            }
            // A connection destroyed earlier in this batch is simply not found.
            if (auto it = s.clients.find(id); it != s.clients.end()) s.on_ready(*it->second, events[i].events);
        }
        s.expire(SteadyClock::now());
    }
}

}  // namespace tlspp::net
