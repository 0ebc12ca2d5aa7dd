// net/stream.cpp: the blocking adapter around the sans-I/O Connection.
// The socket is non-blocking; every wait is a poll() with a deadline, so a
// stalled peer costs at most the configured timeout and never a busy loop.
#include "tlspp/stream.hpp"

#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

#include "net/socket.hpp"

namespace tlspp {

using net::Deadline;
using net::deadline_after;
using std::chrono::milliseconds;

namespace {

// Records carry at most 16 KiB of plaintext (RFC 5246 §6.2.1), so one recv of
// this size takes at least a whole record plus its overhead.
constexpr std::size_t kReceiveChunk = 16 * 1024 + 2048;
// write() hands the connection this much at a time so that its output buffer
// stays small however large the caller's buffer is.
constexpr std::size_t kSendChunk = 64 * 1024;
// After a fatal error we still try to deliver the alert, but briefly.
constexpr milliseconds kAlertFlushTimeout{1'000};

constexpr short kHangup = POLLERR | POLLHUP | POLLNVAL;

struct AddrInfoDeleter {
    void operator()(addrinfo* ai) const { ::freeaddrinfo(ai); }
};

// connect_one makes one non-blocking connect attempt, waiting until `deadline`.
Result<net::Fd> connect_one(const addrinfo* ai, Deadline deadline, milliseconds timeout) {
    std::string where = net::format_address(ai->ai_addr, ai->ai_addrlen);
    net::Fd fd(::socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, ai->ai_protocol));
    if (!fd) return net::sys_error("socket(" + where + ")", errno);
    if (::connect(fd.get(), ai->ai_addr, ai->ai_addrlen) < 0) {
        if (errno != EINPROGRESS && errno != EINTR) return net::sys_error("connect(" + where + ")", errno);
        auto ready = net::wait_for(fd.get(), POLLOUT, deadline, "connect(" + where + ")", timeout);
        if (!ready) return std::move(ready).error();
        int err = 0;
        socklen_t len = sizeof err;
        if (::getsockopt(fd.get(), SOL_SOCKET, SO_ERROR, &err, &len) < 0) err = errno;
        if (err != 0) return net::sys_error("connect(" + where + ")", err);
    }
    // Handshake flights are small and latency-bound; Nagle would hold the
    // second record of a flight back for a round trip.
    int one = 1;
    ::setsockopt(fd.get(), IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

}  // namespace

// Budget is a deadline for one operation. An idle budget (read, write) moves
// its deadline forward whenever bytes move; a fixed one (handshake) does not.
struct Stream::Budget {
    Deadline deadline;
    milliseconds timeout;
    bool idle;
    const char* what;

    Budget(milliseconds t, bool is_idle, const char* w)
        : deadline(deadline_after(t)), timeout(t), idle(is_idle), what(w) {}
    void progress() {
        if (idle) deadline = deadline_after(timeout);
    }
    // expired is checked before each wait as well as by poll(): a poll with
    // no time left still reports a readable socket, so a peer that always has
    // a byte in flight would otherwise never see the deadline.
    bool expired() const { return deadline && net::SteadyClock::now() >= *deadline; }
    Error timed_out() const { return net::timeout_error(what, timeout); }
};

Stream::Stream(int fd, std::unique_ptr<Connection> conn, StreamOptions options)
    : fd_(fd), conn_(std::move(conn)), options_(options), peer_address_(net::peer_address(fd)) {}

Stream::Stream(Stream&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)),
      conn_(std::move(other.conn_)),
      options_(other.options_),
      peer_address_(std::move(other.peer_address_)),
      eof_(other.eof_),
      peer_closed_(other.peer_closed_),
      closed_(other.closed_),
      handshake_started_(other.handshake_started_),
      handshake_deadline_(other.handshake_deadline_) {}

Stream& Stream::operator=(Stream&& other) noexcept {
    if (this == &other) return *this;
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
    conn_ = std::move(other.conn_);
    options_ = other.options_;
    peer_address_ = std::move(other.peer_address_);
    eof_ = other.eof_;
    peer_closed_ = other.peer_closed_;
    closed_ = other.closed_;
    handshake_started_ = other.handshake_started_;
    handshake_deadline_ = other.handshake_deadline_;
    return *this;
}

Stream::~Stream() {
    if (fd_ >= 0) ::close(fd_);
}

Result<Stream> Stream::connect(std::shared_ptr<const ClientConfig> config, const std::string& host,
                               std::uint16_t port, std::string server_name, StreamOptions options) {
    if (auto valid = config->validate(); !valid) return std::move(valid).error();
    if (auto named = config->check_server_name(server_name); !named) return std::move(named).error();

    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    // No AI_ADDRCONFIG: it hides loopback addresses on hosts (or network
    // namespaces) whose only interface is lo, which is exactly where tests run.
    hints.ai_flags = AI_NUMERICSERV;
    addrinfo* raw = nullptr;
    std::string service = std::to_string(port);
    int rc = ::getaddrinfo(host.c_str(), service.c_str(), &hints, &raw);
    if (rc != 0) {
        std::string detail = "getaddrinfo(" + host + "): ";
        detail += rc == EAI_SYSTEM ? std::strerror(errno) : ::gai_strerror(rc);
        return make_error(Reason::io_error, std::move(detail));
    }
    std::unique_ptr<addrinfo, AddrInfoDeleter> list(raw);

    // One deadline for all addresses: a host with a dead IPv6 route must not
    // multiply the time the user said they were willing to wait.
    Deadline deadline = deadline_after(options.handshake_timeout);
    Error last = make_error(Reason::io_error, "getaddrinfo(" + host + "): no addresses");
    for (const addrinfo* ai = list.get(); ai != nullptr; ai = ai->ai_next) {
        auto fd = connect_one(ai, deadline, options.handshake_timeout);
        if (fd) {
            auto conn = std::make_unique<ClientConnection>(std::move(config), std::move(server_name), options.resume,
                                                           options.observer);
            return Stream(fd->release(), std::move(conn), options);
        }
        last = std::move(fd).error();
        if (last.reason == Reason::timeout) break;
    }
    return last;
}

Result<Stream> Stream::accept(int listening_fd, std::shared_ptr<const ServerConfig> config,
                              StreamOptions options) {
    for (;;) {
        auto ready = net::wait_for(listening_fd, POLLIN, std::nullopt, "accept", milliseconds{-1});
        if (!ready) return std::move(ready).error();
        int fd = ::accept4(listening_fd, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
        if (fd >= 0) return adopt_server(fd, std::move(config), options);
        if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK || errno == ECONNABORTED) continue;
        return net::sys_error("accept", errno);
    }
}

Result<Stream> Stream::adopt_server(int connected_fd, std::shared_ptr<const ServerConfig> config,
                                    StreamOptions options) {
    net::Fd fd(connected_fd);
    if (auto valid = config->validate(); !valid) return std::move(valid).error();
    if (auto nb = net::set_nonblocking(fd.get()); !nb) return std::move(nb).error();
    int one = 1;
    ::setsockopt(fd.get(), IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    auto conn = std::make_unique<ServerConnection>(std::move(config), options.observer);
    return Stream(fd.release(), std::move(conn), options);
}

bool Stream::peer_done() const { return peer_closed_ || conn_->peer_closed(); }

bool Stream::at_end() const { return peer_done() && conn_->available() == 0; }

std::size_t Stream::buffered() const { return conn_->available(); }

// receive_once does one non-blocking recv and feeds what came to the connection.
Status Stream::receive_once() {
    std::uint8_t buffer[kReceiveChunk];
    ssize_t n;
    do {
        n = ::recv(fd_, buffer, sizeof buffer, 0);
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
        if (errno == EAGAIN || errno == EWOULDBLOCK) return {};
        return net::sys_error("recv(" + peer_address_ + ")", errno);
    }
    if (n == 0) {
        eof_ = true;
        return {};
    }
    auto fed = conn_->read_in({buffer, static_cast<std::size_t>(n)});
    if (fed) return {};
    if (fed.error().reason == Reason::peer_closed) {
        peer_closed_ = true;
        return {};
    }
    return fail_with(std::move(fed).error());
}

// fail_with tries to deliver the alert the connection queued, then returns `error`.
Error Stream::fail_with(Error error) {
    if (conn_->wants_write()) {
        Budget budget(kAlertFlushTimeout, false, "sending alert");
        (void)flush(budget);
    }
    return error;
}

// flush sends everything the connection has queued. While the socket is full
// it keeps reading, so that a peer blocked on writing to us can make progress.
Status Stream::flush(Budget& budget) {
    while (conn_->wants_write()) {
        if (budget.expired()) return budget.timed_out();
        bool also_read = !eof_ && !conn_->failed() && !peer_done();
        auto ready = net::wait_for(fd_, static_cast<short>(POLLOUT | (also_read ? POLLIN : 0)), budget.deadline,
                                   budget.what, budget.timeout);
        if (!ready) return std::move(ready).error();
        if (*ready & (POLLOUT | kHangup)) {
            auto out = conn_->pending_output();
            // MSG_NOSIGNAL: a peer that went away gives EPIPE here, not a
            // SIGPIPE that would kill the whole process.
            ssize_t n = ::send(fd_, out.data(), out.size(), MSG_NOSIGNAL);
            if (n < 0) {
                if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK) continue;
                return net::sys_error("send(" + peer_address_ + ")", errno);
            }
            conn_->consume_output(static_cast<std::size_t>(n));
            budget.progress();
            continue;
        }
        if (*ready & POLLIN) {
            if (auto got = receive_once(); !got) return got;
            budget.progress();
        }
    }
    return {};
}

Status Stream::handshake() {
    // One deadline for the whole handshake, however many calls it takes and
    // however many bytes trickle in: an idle timer that every byte resets
    // would let a peer hold the connection (and, in a server, its thread)
    // forever at one byte per interval.
    if (!handshake_started_) {
        handshake_started_ = true;
        handshake_deadline_ = deadline_after(options_.handshake_timeout);
    }
    Budget budget(options_.handshake_timeout, false, "TLS handshake");
    budget.deadline = handshake_deadline_;
    for (;;) {
        // Flush first: the handshake is only over for us once our last flight
        // (the Finished) has left.
        if (auto sent = flush(budget); !sent) return sent;
        if (conn_->failed() && !peer_done()) return *conn_->error();
        if (conn_->handshake_done()) return {};
        if (eof_ || peer_done()) {
            auto end = conn_->transport_closed();
            if (!end && end.error().reason != Reason::peer_closed) return std::move(end).error();
            return make_error(Reason::truncated_connection,
                              "the peer (" + peer_address_ + ") closed the connection during the handshake");
        }
        if (budget.expired()) return budget.timed_out();
        auto ready = net::wait_for(fd_, POLLIN, budget.deadline, budget.what, budget.timeout);
        if (!ready) return std::move(ready).error();
        if (auto got = receive_once(); !got) return got;
    }
}

// end_of_stream turns the end of the TCP stream into 0 (after close_notify)
// or truncated_connection (without it).
Result<std::size_t> Stream::end_of_stream() {
    if (peer_done()) return std::size_t{0};
    auto end = conn_->transport_closed();
    if (!end && end.error().reason != Reason::peer_closed) return std::move(end).error();
    return std::size_t{0};
}

Result<std::size_t> Stream::read_ready(std::span<std::uint8_t> out) {
    if (!conn_->handshake_done()) {
        if (auto done = handshake(); !done) return std::move(done).error();
    }
    if (conn_->available() > 0) return conn_->receive(out);
    if (peer_done()) return std::size_t{0};
    if (conn_->failed()) return *conn_->error();
    if (eof_) return end_of_stream();

    if (auto got = receive_once(); !got) return std::move(got).error();
    // Reading can queue output (an alert, a post-handshake reply); send it now.
    if (conn_->wants_write()) {
        Budget budget(options_.io_timeout, true, "write");
        if (auto sent = flush(budget); !sent) return std::move(sent).error();
    }
    if (conn_->available() > 0) return conn_->receive(out);
    if (peer_done()) return std::size_t{0};
    if (conn_->failed()) return *conn_->error();
    if (eof_) return end_of_stream();
    return std::size_t{0};
}

Result<std::size_t> Stream::read(std::span<std::uint8_t> out) {
    Budget budget(options_.io_timeout, true, "read");
    for (;;) {
        auto got = read_ready(out);
        if (!got || *got > 0 || at_end() || out.empty()) return got;
        auto ready = net::wait_for(fd_, POLLIN, budget.deadline, budget.what, budget.timeout);
        if (!ready) return std::move(ready).error();
        budget.progress();
    }
}

Status Stream::write(std::span<const std::uint8_t> data) {
    if (closed_) return make_error(Reason::bad_config, "write after close()");
    if (!conn_->handshake_done()) {
        if (auto done = handshake(); !done) return done;
    }
    Budget budget(options_.io_timeout, true, "write");
    while (!data.empty()) {
        auto chunk = data.first(std::min(data.size(), kSendChunk));
        if (auto queued = conn_->send(chunk); !queued) return queued;
        if (auto sent = flush(budget); !sent) return sent;
        data = data.subspan(chunk.size());
    }
    return {};
}

void Stream::close() {
    if (closed_ || fd_ < 0) return;
    closed_ = true;
    if (!conn_->failed() || peer_done()) {
        conn_->close();
        Budget budget(std::min(options_.io_timeout, options_.close_linger), false, "sending close_notify");
        (void)flush(budget);
    }
    // Half-close, then drain until the peer closes too (or the linger ends):
    // closing with unread bytes in our receive buffer would send a reset,
    // which can destroy data the peer has not read yet.
    ::shutdown(fd_, SHUT_WR);
    Deadline deadline = deadline_after(options_.close_linger);
    while (!eof_) {
        auto ready = net::wait_for(fd_, POLLIN, deadline, "close", options_.close_linger);
        if (!ready) break;
        std::uint8_t discard[4096];
        ssize_t n = ::recv(fd_, discard, sizeof discard, 0);
        if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN && errno != EWOULDBLOCK)) break;
    }
    ::close(fd_);
    fd_ = -1;
}

}  // namespace tlspp
