// Stream timeouts over real loopback sockets (StreamOptions): the handshake
// timeout is one deadline for the whole handshake, which bytes trickling in
// do not extend, and io_timeout is an idle limit that they do. A stalled
// peer costs its own connection (and thread) only: another client on the
// same listener completes its handshake meanwhile.
//
// The bounds are wide (a loaded CI machine may be slow to wake a thread);
// what they tell apart is "dropped at the deadline" from "kept as long as
// bytes trickle" (seconds, at one byte per 100 ms).
#include <gtest/gtest.h>

#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include "net/listener.hpp"
#include "net/socket.hpp"
#include "support/configs.hpp"
#include "tlspp/stream.hpp"

namespace tlspp {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

constexpr milliseconds kTimeout = 300ms;
constexpr milliseconds kTrickle = 100ms;
// Timed out "at the deadline": not before it, and well before a trickling
// peer would have finished (a ClientHello is ~200 bytes: ~20 s at 100 ms each).
constexpr milliseconds kLatest = 2'000ms;

StreamOptions short_timeouts() {
    StreamOptions o;
    o.handshake_timeout = kTimeout;
    o.io_timeout = kTimeout;
    o.close_linger = 100ms;
    return o;
}

milliseconds since(Clock::time_point t0) { return std::chrono::duration_cast<milliseconds>(Clock::now() - t0); }

// A plain TCP client: the misbehaving peer, in full control of its bytes.
net::Fd connect_raw(std::uint16_t port) {
    net::Fd fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd.get(), reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) return net::Fd();
    return fd;
}

// peer_closed says whether the other end has closed (or reset) the connection.
bool peer_closed(int fd) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 0) <= 0) return false;
    std::uint8_t b[256];
    const ssize_t n = ::recv(fd, b, sizeof b, MSG_DONTWAIT);
    return n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK);
}

// trickle sends `bytes` one at a time, `interval` apart, until they run out,
// the peer closes, or `limit` passes. Returns how many were sent.
std::size_t trickle(int fd, std::span<const std::uint8_t> bytes, milliseconds interval, milliseconds limit) {
    const auto t0 = Clock::now();
    std::size_t sent = 0;
    while (sent < bytes.size() && since(t0) < limit && !peer_closed(fd)) {
        if (::send(fd, bytes.data() + sent, 1, MSG_NOSIGNAL) != 1) break;
        ++sent;
        std::this_thread::sleep_for(interval);
    }
    return sent;
}

// Outcome of one server-side handshake.
struct Served {
    Status status;
    milliseconds took{0};
};

// Server accepts `n` connections on `listener`, each handshaken in a thread
// of its own with short timeouts, and records the outcome by peer address.
class Server {
public:
    Server(net::Listener& listener, int n) {
        acceptor_ = std::jthread([this, &listener, n] {
            const auto give_up = Clock::now() + 10s;
            for (int i = 0; i < n; ++i) {
                auto ready = net::wait_for(listener.fd(), POLLIN, give_up, "accept", 10s);
                if (!ready) return;
                auto fd = listener.accept();
                if (!fd || *fd < 0) return;
                workers_.emplace_back([this, fd = *fd] { serve(fd); });
            }
        });
    }
    ~Server() { join(); }

    void join() {
        if (acceptor_.joinable()) acceptor_.join();
        for (auto& w : workers_)
            if (w.joinable()) w.join();
    }
    // outcome waits (bounded) for the connection from `peer` to be done.
    std::optional<Served> outcome(const std::string& peer, milliseconds wait = 5s) {
        const auto until = Clock::now() + wait;
        while (Clock::now() < until) {
            {
                std::lock_guard lock(mutex_);
                if (auto it = done_.find(peer); it != done_.end()) return it->second;
            }
            std::this_thread::sleep_for(10ms);
        }
        return std::nullopt;
    }

private:
    void serve(int fd) {
        auto stream = Stream::adopt_server(fd, test::server_config(test::pki().server_p256), short_timeouts());
        if (!stream) return;
        const auto t0 = Clock::now();
        Served s{stream->handshake(), {}};
        s.took = since(t0);
        if (s.status) {
            // Echo one read so the client can tell the session works end to end.
            std::uint8_t buffer[64];
            if (auto got = stream->read(buffer); got && *got > 0) (void)stream->write({buffer, *got});
            stream->close();
        }
        std::lock_guard lock(mutex_);
        done_.emplace(stream->peer_address(), std::move(s));
    }

    std::jthread acceptor_;
    std::vector<std::jthread> workers_;   // written by the acceptor only, joined after it
    std::mutex mutex_;
    std::map<std::string, Served> done_;
};

void expect_timed_out(const std::optional<Served>& s, const char* who) {
    ASSERT_TRUE(s) << who << ": the server never finished with it";
    ASSERT_FALSE(s->status) << who << ": handshake succeeded";
    EXPECT_EQ(s->status.error().reason, Reason::timeout) << who << ": " << s->status.error().message();
    EXPECT_GE(s->took, kTimeout - 5ms) << who;
    EXPECT_LT(s->took, kLatest) << who << ": the deadline was not kept";
}

TEST(StreamTimeout, StalledClientsAreDroppedWhileAnotherCompletesItsHandshake) {
    auto listener = net::Listener::open("127.0.0.1", 0);
    ASSERT_TRUE(listener) << listener.error().message();
    Server server(*listener, 3);

    // The silent client connects and sends nothing.
    net::Fd silent = connect_raw(listener->port());
    ASSERT_TRUE(silent);
    const std::string silent_peer = net::local_address(silent.get());

    // The trickling client sends a real ClientHello, one byte every 100 ms.
    ClientConnection hello_source(test::client_config(), "localhost");
    const std::vector<std::uint8_t> hello(hello_source.pending_output().begin(), hello_source.pending_output().end());
    ASSERT_GT(hello.size() * kTrickle, kLatest) << "the hello must outlast the bound at this pace";
    net::Fd slow = connect_raw(listener->port());
    ASSERT_TRUE(slow);
    const std::string slow_peer = net::local_address(slow.get());
    std::atomic<std::size_t> trickled{0};
    std::jthread trickler([&] { trickled = trickle(slow.get(), hello, kTrickle, kLatest + 1s); });

    // Meanwhile a well-behaved client completes its handshake and a round trip.
    std::this_thread::sleep_for(50ms);
    auto good = Stream::connect(test::client_config(), "127.0.0.1", listener->port(), "localhost", short_timeouts());
    ASSERT_TRUE(good) << good.error().message();
    const std::string good_peer = net::local_address(good->fd());
    ASSERT_TRUE(good->handshake());
    static constexpr std::uint8_t ping[] = {'p', 'i', 'n', 'g'};
    ASSERT_TRUE(good->write(ping));
    std::uint8_t echoed[8];
    auto got = good->read(echoed);
    ASSERT_TRUE(got) << got.error().message();
    EXPECT_EQ(*got, 4u);
    good->close();

    expect_timed_out(server.outcome(silent_peer), "silent client");
    expect_timed_out(server.outcome(slow_peer), "trickling client");
    trickler.join();
    // Bytes did arrive before the deadline: they did not extend it.
    EXPECT_GE(trickled.load(), 2u);
    EXPECT_LT(trickled.load(), hello.size());
    auto served_good = server.outcome(good_peer);
    ASSERT_TRUE(served_good);
    EXPECT_TRUE(served_good->status) << served_good->status.error().message();
    server.join();
}

TEST(StreamTimeout, ClientDropsASilentServerAndTheDeadlineSurvivesARetry) {
    // A listener that never answers: the kernel completes the TCP handshake
    // from the backlog, and no TLS byte ever comes back.
    auto listener = net::Listener::open("127.0.0.1", 0);
    ASSERT_TRUE(listener) << listener.error().message();
    auto stream = Stream::connect(test::client_config(), "127.0.0.1", listener->port(), "localhost", short_timeouts());
    ASSERT_TRUE(stream) << stream.error().message();
    const auto t0 = Clock::now();
    auto done = stream->handshake();
    const auto took = since(t0);
    ASSERT_FALSE(done);
    EXPECT_EQ(done.error().reason, Reason::timeout) << done.error().message();
    EXPECT_GE(took, kTimeout - 5ms);
    EXPECT_LT(took, kLatest);
    // The deadline is the handshake's, not the call's: a retry fails at once.
    const auto t1 = Clock::now();
    auto again = stream->handshake();
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().reason, Reason::timeout);
    EXPECT_LT(since(t1), kTimeout);
}

TEST(StreamTimeout, ClientDropsAServerThatTricklesItsFlight) {
    // The server side: accept, read the ClientHello, answer with a real
    // flight one byte every 100 ms.
    auto listener = net::Listener::open("127.0.0.1", 0);
    ASSERT_TRUE(listener) << listener.error().message();
    std::atomic<std::size_t> trickled{0};
    std::jthread server([&] {
        auto ready = net::wait_for(listener->fd(), POLLIN, Clock::now() + 5s, "accept", 5s);
        if (!ready) return;
        auto fd = listener->accept();
        if (!fd || *fd < 0) return;
        net::Fd conn(*fd);
        ServerConnection tls(test::server_config(test::pki().server_p256));
        std::uint8_t buffer[4096];
        const auto until = Clock::now() + 5s;
        while (!tls.wants_write() && Clock::now() < until) {
            pollfd p{conn.get(), POLLIN, 0};
            if (::poll(&p, 1, 100) <= 0) continue;
            const ssize_t n = ::recv(conn.get(), buffer, sizeof buffer, 0);
            if (n <= 0 || !tls.read_in({buffer, static_cast<std::size_t>(n)})) return;
        }
        const std::vector<std::uint8_t> flight(tls.pending_output().begin(), tls.pending_output().end());
        trickled = trickle(conn.get(), flight, kTrickle, kLatest + 1s);
    });
    Status done;
    milliseconds took{0};
    {
        auto stream =
            Stream::connect(test::client_config(), "127.0.0.1", listener->port(), "localhost", short_timeouts());
        ASSERT_TRUE(stream) << stream.error().message();
        const auto t0 = Clock::now();
        done = stream->handshake();
        took = since(t0);
    }   // the socket closes here: the trickler sees it and stops
    server.join();
    ASSERT_FALSE(done);
    EXPECT_EQ(done.error().reason, Reason::timeout) << done.error().message();
    EXPECT_GE(took, kTimeout - 5ms);
    EXPECT_LT(took, kLatest);
    EXPECT_GE(trickled.load(), 2u);
}

// A fixture-free sans-I/O client over a blocking socket, to control exactly
// when its bytes leave after the handshake.
class RawClient {
public:
    explicit RawClient(std::uint16_t port) : fd_(connect_raw(port)), tls_(test::client_config(), "localhost") {}

    bool handshake() {
        const auto until = Clock::now() + 5s;
        while (!tls_.handshake_done() && !tls_.failed() && Clock::now() < until) {
            if (!flush()) return false;
            pollfd p{fd_.get(), POLLIN, 0};
            if (::poll(&p, 1, 100) <= 0) continue;
            std::uint8_t buffer[4096];
            const ssize_t n = ::recv(fd_.get(), buffer, sizeof buffer, 0);
            if (n <= 0) return false;
            (void)tls_.read_in({buffer, static_cast<std::size_t>(n)});
        }
        return tls_.handshake_done() && flush();
    }
    // record returns the bytes of one application data record holding `data`.
    std::vector<std::uint8_t> record(std::span<const std::uint8_t> data) {
        (void)tls_.send(data);
        std::vector<std::uint8_t> out(tls_.pending_output().begin(), tls_.pending_output().end());
        tls_.consume_output(out.size());
        return out;
    }
    int fd() const { return fd_.get(); }

private:
    bool flush() {
        while (tls_.wants_write()) {
            auto out = tls_.pending_output();
            const ssize_t n = ::send(fd_.get(), out.data(), out.size(), MSG_NOSIGNAL);
            if (n <= 0) return false;
            tls_.consume_output(static_cast<std::size_t>(n));
        }
        return true;
    }

    net::Fd fd_;
    ClientConnection tls_;
};

TEST(StreamTimeout, IoTimeoutIsAnIdleLimitThatTricklingBytesExtend) {
    auto listener = net::Listener::open("127.0.0.1", 0);
    ASSERT_TRUE(listener) << listener.error().message();
    Status first_read, second_read;
    std::size_t first_bytes = 0;
    milliseconds first_took{0}, second_took{0};
    std::jthread server([&] {
        auto ready = net::wait_for(listener->fd(), POLLIN, Clock::now() + 5s, "accept", 5s);
        if (!ready) return;
        auto fd = listener->accept();
        if (!fd || *fd < 0) return;
        auto stream = Stream::adopt_server(*fd, test::server_config(test::pki().server_p256), short_timeouts());
        if (!stream || !stream->handshake()) return;
        std::uint8_t buffer[64];
        auto t0 = Clock::now();
        auto got = stream->read(buffer);   // a record trickled over ~1 s: must arrive
        first_took = since(t0);
        first_read = got ? Status() : Status(got.error());
        if (got) first_bytes = *got;
        t0 = Clock::now();
        auto idle = stream->read(buffer);   // then nothing at all: idle timeout
        second_took = since(t0);
        second_read = idle ? Status() : Status(idle.error());
    });

    RawClient client(listener->port());
    ASSERT_TRUE(client.handshake());
    static constexpr std::uint8_t data[] = {'h', 'e', 'l', 'l', 'o'};
    const auto rec = client.record(data);
    // Eleven bytes at 100 ms (over three times io_timeout in all), then the rest at once.
    const std::size_t head = 11;
    ASSERT_GT(rec.size(), head);
    EXPECT_EQ(trickle(client.fd(), std::span(rec).first(head), kTrickle, 5s), head);
    ASSERT_EQ(::send(client.fd(), rec.data() + head, rec.size() - head, MSG_NOSIGNAL),
              static_cast<ssize_t>(rec.size() - head));
    server.join();

    EXPECT_TRUE(first_read) << first_read.error().message();
    EXPECT_EQ(first_bytes, sizeof data);
    EXPECT_GT(first_took, kTimeout) << "the read outlived io_timeout because bytes kept moving";
    ASSERT_FALSE(second_read);
    EXPECT_EQ(second_read.error().reason, Reason::timeout) << second_read.error().message();
    EXPECT_GE(second_took, kTimeout - 5ms);
    EXPECT_LT(second_took, kLatest);
}

}  // namespace
}  // namespace tlspp
