// EventServer over real TCP on 127.0.0.1: sessions work, every deadline
// fires, a stalled or vanished client costs nothing to the others and leaves
// nothing behind, the connection limit refuses, and a client that does not
// read its echo stops being read from.
#include "net/event_server.hpp"

#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <mutex>
#include <thread>

#include "net/listener.hpp"
#include "support/configs.hpp"
#include "support/raw_tls_client.hpp"
#include "tlspp/stream.hpp"

namespace tlspp::net {
namespace {

using std::chrono::milliseconds;

std::span<const std::uint8_t> bytes(std::string_view s) {
    return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

// Echo sends every byte back; a chunk containing "quit" ends the session.
class Echo : public SessionHandler {
public:
    Result<Next> on_data(std::span<const std::uint8_t> data, std::string& reply) override {
        reply.append(reinterpret_cast<const char*>(data.data()), data.size());
        return reply.find("quit") == std::string::npos ? Next::more : Next::finish;
    }
};

// Server runs an EventServer with Echo on a thread of its own; stop() wakes it
// through a pipe, as a signal handler would.
class Server {
public:
    explicit Server(EventServerOptions options) {
        auto listener = Listener::open("127.0.0.1", 0);
        if (!listener) throw std::runtime_error(listener.error().message());
        listener_ = std::make_unique<Listener>(std::move(*listener));
        if (::pipe(wake_) < 0) throw std::runtime_error("pipe");
        auto config = std::make_shared<ServerConfig>();
        config->certificates.push_back(test::pki().server_p256.certified_key());
        options.log = [this](std::string_view line) {
            std::lock_guard lock(mutex_);
            log_ += std::string(line) + "\n";
        };
        auto made = EventServer::create(listener_->fd(), wake_[0], config,
                                        [](const SessionInfo&, const std::string&) { return std::make_unique<Echo>(); },
                                        std::move(options));
        if (!made) throw std::runtime_error(made.error().message());
        server_ = std::make_unique<EventServer>(std::move(*made));
        thread_ = std::thread([this] { result_ = server_->run(); });
    }
    ~Server() {
        stop();
        ::close(wake_[0]);
        ::close(wake_[1]);
    }
    void stop() {
        if (!thread_.joinable()) return;
        char byte = 1;
        (void)!::write(wake_[1], &byte, 1);
        thread_.join();
    }
    std::uint16_t port() const { return listener_->port(); }
    std::size_t open() const { return server_->open_connections(); }
    // stats, once stop() has returned.
    const EventServerStats& stats() const { return server_->stats(); }
    bool ran_ok() const { return result_.ok(); }
    std::string log() {
        std::lock_guard lock(mutex_);
        return log_;
    }
    // wait_open waits (at most 5 s) until `n` connections are open.
    bool wait_open(std::size_t n) const {
        for (int i = 0; i < 500 && open() != n; ++i) std::this_thread::sleep_for(milliseconds(10));
        return open() == n;
    }

private:
    std::unique_ptr<Listener> listener_;
    int wake_[2] = {-1, -1};
    std::unique_ptr<EventServer> server_;
    std::thread thread_;
    Status result_;
    std::mutex mutex_;
    std::string log_;
};

Fd connect_raw(std::uint16_t port) {
    Fd fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd.get(), reinterpret_cast<sockaddr*>(&addr), sizeof addr) < 0) fd.reset();
    return fd;
}

// closed_by_peer: within `limit`, the socket reads end-of-stream or a reset
// (after discarding whatever the server still sent).
bool closed_by_peer(int fd, milliseconds limit) {
    auto deadline = SteadyClock::now() + limit;
    while (SteadyClock::now() < deadline) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, 50) <= 0) continue;
        std::uint8_t buffer[4096];
        ssize_t n = ::recv(fd, buffer, sizeof buffer, MSG_DONTWAIT);
        if (n == 0 || (n < 0 && errno == ECONNRESET)) return true;
    }
    return false;
}

// still_open: nothing to read and no end-of-stream yet.
bool still_open(int fd) {
    std::uint8_t byte;
    ssize_t n = ::recv(fd, &byte, 1, MSG_DONTWAIT | MSG_PEEK);
    return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
}

Result<Stream> tls_client(std::uint16_t port, std::uint64_t seed = 1) {
    auto stream = Stream::connect(test::client_config(seed), "127.0.0.1", port, "localhost");
    if (!stream) return stream;
    if (auto done = stream->handshake(); !done) return std::move(done).error();
    return stream;
}

std::string echo_once(Stream& stream, std::string_view text) {
    if (!stream.write(bytes(text))) return "write failed";
    std::string got;
    std::uint8_t buffer[256];
    while (got.size() < text.size()) {
        auto n = stream.read(buffer);
        if (!n || *n == 0) break;
        got.append(reinterpret_cast<const char*>(buffer), *n);
    }
    return got;
}

TEST(EventServer, EchoesAndEndsTheSessionOnRequest) {
    Server server({});
    {
        auto client = tls_client(server.port());
        ASSERT_TRUE(client) << client.error().message();
        EXPECT_EQ(echo_once(*client, "hello"), "hello");
        EXPECT_EQ(echo_once(*client, "quit"), "quit");
        // Next::finish: close_notify follows the reply, so read() reports the orderly end.
        std::uint8_t buffer[16];
        auto end = client->read(buffer);
        ASSERT_TRUE(end) << end.error().message();
        EXPECT_EQ(*end, 0u);
    }
    EXPECT_TRUE(server.wait_open(0));
    server.stop();
    EXPECT_TRUE(server.ran_ok());
    EXPECT_EQ(server.stats().handshakes_done, 1u);
    EXPECT_EQ(server.stats().handshakes_failed, 0u);
}

TEST(EventServer, HandshakeDeadlineClosesASilentClient) {
    EventServerOptions options;
    options.handshake_timeout = milliseconds(200);
    Server server(options);
    Fd silent = connect_raw(server.port());
    ASSERT_TRUE(silent);
    EXPECT_TRUE(closed_by_peer(silent.get(), milliseconds(5'000)));
    EXPECT_TRUE(server.wait_open(0));
    server.stop();
    EXPECT_EQ(server.stats().handshakes_failed, 1u);
    EXPECT_NE(server.log().find("TLS handshake: timed out after 200 ms"), std::string::npos) << server.log();
}

TEST(EventServer, StalledClientDoesNotBlockAnother) {
    EventServerOptions options;
    options.handshake_timeout = milliseconds(30'000);
    Server server(options);
    // A record header announcing a 512-byte handshake record, then 4 bytes of it.
    Fd stalled = connect_raw(server.port());
    ASSERT_TRUE(stalled);
    const std::uint8_t partial[] = {0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc};
    ASSERT_EQ(::send(stalled.get(), partial, sizeof partial, 0), static_cast<ssize_t>(sizeof partial));
    ASSERT_TRUE(server.wait_open(1));

    auto client = tls_client(server.port());
    ASSERT_TRUE(client) << client.error().message();
    EXPECT_EQ(echo_once(*client, "still served"), "still served");
    EXPECT_TRUE(still_open(stalled.get())) << "the stalled client was dropped to serve the other one";
    EXPECT_EQ(server.open(), 2u);
}

TEST(EventServer, IdleDeadlineEndsAnEstablishedSessionWithCloseNotify) {
    EventServerOptions options;
    options.idle_timeout = milliseconds(200);
    Server server(options);
    auto client = tls_client(server.port());
    ASSERT_TRUE(client) << client.error().message();
    EXPECT_EQ(echo_once(*client, "ping"), "ping");
    std::uint8_t buffer[16];
    auto end = client->read(buffer);   // the client waits up to its own 30 s io_timeout
    ASSERT_TRUE(end) << end.error().message();
    EXPECT_EQ(*end, 0u);
    EXPECT_TRUE(client->at_end());
    client->close();
    EXPECT_TRUE(server.wait_open(0));
    server.stop();
    EXPECT_EQ(server.stats().idle_timeouts, 1u);
}

// A client that sends its ClientHello, reads part of the answer and goes
// away (with a FIN, then with a reset) leaves no connection behind.
TEST(EventServer, ClientGoneMidHandshakeLeavesNothing) {
    Server server({});
    for (bool reset : {false, true}) {
        Fd fd = connect_raw(server.port());
        ASSERT_TRUE(fd);
        ClientConnection hello(test::client_config(), "localhost");
        auto out = hello.pending_output();
        ASSERT_EQ(::send(fd.get(), out.data(), out.size(), 0), static_cast<ssize_t>(out.size()));
        std::uint8_t some[64];
        ASSERT_GT(::recv(fd.get(), some, sizeof some, 0), 0);   // the ServerHello's first bytes
        if (reset) {
            linger hard{1, 0};
            ::setsockopt(fd.get(), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
            fd.reset();
        } else {
            // A FIN (closing with the rest of the flight unread would send a reset).
            ::shutdown(fd.get(), SHUT_WR);
        }
        EXPECT_TRUE(server.wait_open(0)) << (reset ? "after a reset" : "after a FIN");
    }
    server.stop();
    EXPECT_EQ(server.stats().handshakes_failed, 2u);
    EXPECT_EQ(server.stats().handshakes_done, 0u);
    std::string log = server.log();
    EXPECT_NE(log.find("closed the connection during the handshake"), std::string::npos) << log;
    EXPECT_NE(log.find("Connection reset by peer"), std::string::npos) << log;
}

// RFC 5246 §7.2.1: "The other party MUST respond with a close_notify alert of
// its own and close down the connection immediately". The deadlines are far
// away, so only the close_notify can end the connection within the bound.
TEST(EventServer, AnswersCloseNotifyAfterTheHandshakeAndClosesAtOnce) {
    EventServerOptions options;
    options.idle_timeout = milliseconds(30'000);
    options.close_linger = milliseconds(30'000);
    Server server(options);
    Fd fd = connect_raw(server.port());
    ASSERT_TRUE(fd);
    ClientConnection tls(test::client_config(), "localhost");
    ASSERT_TRUE(test::handshake_by_hand(fd.get(), tls));
    tls.close();
    ASSERT_TRUE(test::send_pending(fd.get(), tls));
    EXPECT_TRUE(test::read_until_eof(fd.get(), tls, milliseconds(2'000))) << "the server kept the connection open";
    EXPECT_TRUE(tls.peer_closed()) << "no close_notify came back";
    fd.reset();
    EXPECT_TRUE(server.wait_open(0));
    server.stop();
    EXPECT_EQ(server.stats().handshakes_done, 1u);
    EXPECT_EQ(server.stats().idle_timeouts, 0u);
}

TEST(EventServer, AnswersCloseNotifyDuringTheHandshakeAndClosesAtOnce) {
    EventServerOptions options;
    options.handshake_timeout = milliseconds(30'000);
    options.close_linger = milliseconds(30'000);
    Server server(options);
    Fd fd = connect_raw(server.port());
    ASSERT_TRUE(fd);
    ClientConnection tls(test::client_config(), "localhost");
    ASSERT_TRUE(test::send_pending(fd.get(), tls));
    // close_notify right after the ClientHello, in the clear.
    ASSERT_EQ(::send(fd.get(), test::plaintext_close_notify, sizeof test::plaintext_close_notify, 0), 7);
    EXPECT_TRUE(test::read_until_eof(fd.get(), tls, milliseconds(2'000))) << "the server kept the connection open";
    EXPECT_TRUE(tls.peer_closed()) << "no close_notify came back";
    fd.reset();
    EXPECT_TRUE(server.wait_open(0));
    server.stop();
    EXPECT_EQ(server.stats().handshakes_done, 0u);
    EXPECT_EQ(server.stats().handshakes_failed, 1u);
    EXPECT_NE(server.log().find("close_notify during the handshake"), std::string::npos) << server.log();
}

TEST(EventServer, RefusesClientsBeyondTheLimit) {
    EventServerOptions options;
    options.max_connections = 2;
    Server server(options);
    Fd first = connect_raw(server.port()), second = connect_raw(server.port());
    ASSERT_TRUE(server.wait_open(2));
    Fd third = connect_raw(server.port());
    ASSERT_TRUE(third);
    EXPECT_TRUE(closed_by_peer(third.get(), milliseconds(5'000)));
    EXPECT_TRUE(still_open(first.get()));
    EXPECT_TRUE(still_open(second.get()));
    // A slot freed is a slot offered again.
    first.reset();
    ASSERT_TRUE(server.wait_open(1));
    auto client = tls_client(server.port());
    ASSERT_TRUE(client) << client.error().message();
    EXPECT_EQ(echo_once(*client, "in"), "in");
    server.stop();
    EXPECT_EQ(server.stats().refused, 1u);
    EXPECT_NE(server.log().find("limit of 2 open connections"), std::string::npos) << server.log();
}

// A client that sends without reading its echo fills the server's output;
// past the high-water mark the server stops reading it, so the client's
// sends block long before all of its data is taken. Then it reads, and
// every byte comes back.
TEST(EventServer, StopsReadingAClientThatDoesNotReadItsOutput) {
    EventServerOptions options;
    options.output_high_water = 64 * 1024;
    Server server(options);
    Fd fd = connect_raw(server.port());
    ASSERT_TRUE(fd);
    ClientConnection tls(test::client_config(), "localhost");
    ASSERT_TRUE(test::handshake_by_hand(fd.get(), tls));
    std::uint8_t buffer[32 * 1024];
    // Up to 64 MiB, sent until the socket stays full for a second.
    constexpr std::size_t kLimit = 64u << 20;
    std::vector<std::uint8_t> chunk(16 * 1024, 'x');
    std::size_t sent = 0;
    bool blocked = false;
    while (sent < kLimit && !blocked) {
        if (!tls.wants_write()) {
            ASSERT_TRUE(tls.send(chunk));
            sent += chunk.size();
        }
        pollfd p{fd.get(), POLLOUT, 0};
        if (::poll(&p, 1, 1'000) == 0) {
            blocked = true;
            break;
        }
        auto out = tls.pending_output();
        ssize_t n = ::send(fd.get(), out.data(), out.size(), MSG_DONTWAIT);
        ASSERT_TRUE(n > 0 || errno == EAGAIN);
        if (n > 0) tls.consume_output(static_cast<std::size_t>(n));
    }
    EXPECT_TRUE(blocked) << "the server took all " << sent << " bytes without the client reading any";
    EXPECT_LT(sent, kLimit);

    // Now read the echo while sending the rest; every byte comes back.
    std::size_t received = 0;
    std::uint8_t plain[16 * 1024];
    for (int rounds = 0; received < sent && rounds < 100'000; ++rounds) {
        auto out = tls.pending_output();
        if (!out.empty()) {
            ssize_t n = ::send(fd.get(), out.data(), out.size(), MSG_DONTWAIT);
            if (n > 0) tls.consume_output(static_cast<std::size_t>(n));
        }
        pollfd p{fd.get(), POLLIN, 0};
        ASSERT_GT(::poll(&p, 1, 5'000), 0) << "the echo stopped after " << received << " of " << sent << " bytes";
        ssize_t n = ::recv(fd.get(), buffer, sizeof buffer, 0);
        ASSERT_GT(n, 0);
        ASSERT_TRUE(tls.read_in({buffer, static_cast<std::size_t>(n)}));
        while (tls.available() > 0) received += tls.receive(plain);
    }
    EXPECT_EQ(received, sent);
}

TEST(EventServer, StopClosesEveryConnection) {
    Server server({});
    Fd silent = connect_raw(server.port());
    auto client = tls_client(server.port());
    ASSERT_TRUE(client) << client.error().message();
    ASSERT_TRUE(server.wait_open(2));
    server.stop();
    EXPECT_TRUE(server.ran_ok());
    EXPECT_EQ(server.open(), 0u);
    EXPECT_TRUE(closed_by_peer(silent.get(), milliseconds(2'000)));
    std::uint8_t buffer[16];
    auto end = client->read(buffer);   // close_notify was sent before the socket closed
    ASSERT_TRUE(end) << end.error().message();
    EXPECT_EQ(*end, 0u);
}

}  // namespace
}  // namespace tlspp::net
