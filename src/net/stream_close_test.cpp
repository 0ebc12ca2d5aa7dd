// Stream, server side, when the client sends close_notify: RFC 5246 §7.2.1
// "The other party MUST respond with a close_notify alert of its own and
// close down the connection immediately". The Stream answers; a server that
// ends the session when read() returns 0 (or the handshake fails) closes the
// connection at once, well before any timeout.
#include <gtest/gtest.h>

#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "net/socket.hpp"
#include "support/configs.hpp"
#include "support/raw_tls_client.hpp"
#include "tlspp/stream.hpp"

namespace tlspp {
namespace {

using namespace std::chrono_literals;

StreamOptions long_timeouts() {
    StreamOptions o;
    o.handshake_timeout = 30s;
    o.io_timeout = 30s;
    o.close_linger = 30s;
    return o;
}

// A connected pair: the server end for a Stream, the client end for the test.
struct Pair {
    Pair() {
        int fds[2];
        EXPECT_EQ(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds), 0);
        server = fds[0];
        client.reset(fds[1]);
    }
    int server = -1;   // adopted by the Stream
    net::Fd client;
};

TEST(StreamClose, AnswersCloseNotifyDuringTheHandshakeAndEnds) {
    Pair p;
    Status handshake;
    std::thread server([&] {
        auto stream = Stream::adopt_server(p.server, test::server_config(test::pki().server_p256), long_timeouts());
        ASSERT_TRUE(stream) << stream.error().message();
        handshake = stream->handshake();
        stream->close();
    });
    ClientConnection tls(test::client_config(), "localhost");
    ASSERT_TRUE(test::send_pending(p.client.get(), tls));
    ASSERT_EQ(::send(p.client.get(), test::plaintext_close_notify, sizeof test::plaintext_close_notify, 0), 7);
    EXPECT_TRUE(test::read_until_eof(p.client.get(), tls, 2s)) << "the server kept the connection open";
    EXPECT_TRUE(tls.peer_closed()) << "no close_notify came back";
    p.client.reset();
    server.join();
    ASSERT_FALSE(handshake);
    EXPECT_EQ(handshake.error().reason, Reason::truncated_connection) << handshake.error().message();
}

TEST(StreamClose, AnswersCloseNotifyAfterTheHandshakeAndEnds) {
    Pair p;
    Result<std::size_t> got = std::size_t{99};
    std::thread server([&] {
        auto stream = Stream::adopt_server(p.server, test::server_config(test::pki().server_p256), long_timeouts());
        ASSERT_TRUE(stream) << stream.error().message();
        ASSERT_TRUE(stream->handshake());
        std::uint8_t buffer[64];
        got = stream->read(buffer);
        stream->close();
    });
    ClientConnection tls(test::client_config(), "localhost");
    ASSERT_TRUE(test::handshake_by_hand(p.client.get(), tls));
    tls.close();
    ASSERT_TRUE(test::send_pending(p.client.get(), tls));
    EXPECT_TRUE(test::read_until_eof(p.client.get(), tls, 2s)) << "the server kept the connection open";
    EXPECT_TRUE(tls.peer_closed()) << "no close_notify came back";
    p.client.reset();
    server.join();
    ASSERT_TRUE(got) << got.error().message();
    EXPECT_EQ(*got, 0u) << "read() reports the orderly end";
}

}  // namespace
}  // namespace tlspp
