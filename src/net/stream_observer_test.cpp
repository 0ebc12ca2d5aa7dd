// Stream passes StreamOptions::observer to the Connection it makes: on the
// client (connect) and on the server (accept / adopt_server), over real TCP
// on 127.0.0.1, and the session goes on normally afterwards.
#include <gtest/gtest.h>

#include <mutex>
#include <thread>
#include <vector>

#include "net/listener.hpp"
#include "support/configs.hpp"
#include "tlspp/stream.hpp"

namespace tlspp {
namespace {

// Collects the names of the messages an endpoint saw (thread-safe: client and
// server run in different threads here).
class Names : public Observer {
public:
    void on_event(const Event& event) override {
        std::lock_guard lock(mutex_);
        if (const auto* m = std::get_if<MessageEvent>(&event))
            names_.push_back((m->direction == Direction::sent ? ">" : "<") + m->name);
        if (std::holds_alternative<HandshakeDoneEvent>(event)) names_.push_back("done");
    }
    std::vector<std::string> names() {
        std::lock_guard lock(mutex_);
        return names_;
    }

private:
    std::mutex mutex_;
    std::vector<std::string> names_;
};

std::span<const std::uint8_t> bytes(std::string_view s) {
    return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

void run(bool adopt) {
    auto listener = net::Listener::open("127.0.0.1", 0);
    ASSERT_TRUE(listener) << listener.error().message();
    auto client_seen = std::make_shared<Names>(), server_seen = std::make_shared<Names>();

    std::string echoed;
    std::thread server([&] {
        StreamOptions options;
        options.observer = server_seen;
        Result<Stream> stream = make_error(Reason::internal_error, "not accepted");
        if (adopt) {
            auto fd = listener->accept();
            if (fd && *fd >= 0) stream = Stream::adopt_server(*fd, test::server_config(test::pki().server_p256), options);
        } else {
            stream = Stream::accept(listener->fd(), test::server_config(test::pki().server_p256), options);
        }
        if (!stream) return;
        std::uint8_t buffer[64];
        auto got = stream->read(buffer);   // runs the handshake first
        if (got && *got > 0) (void)stream->write({buffer, *got});
        stream->close();
    });

    StreamOptions options;
    options.observer = client_seen;
    auto stream = Stream::connect(test::client_config(), "127.0.0.1", listener->port(), "localhost", options);
    ASSERT_TRUE(stream) << stream.error().message();
    ASSERT_TRUE(stream->handshake());
    ASSERT_TRUE(stream->write(bytes("ping")));
    std::uint8_t buffer[64];
    auto got = stream->read(buffer);
    ASSERT_TRUE(got) << got.error().message();
    EXPECT_EQ(std::string(reinterpret_cast<char*>(buffer), *got), "ping");
    stream->close();
    server.join();

    const std::vector<std::string> client_want = {">ClientHello", "<ServerHello", "<Certificate",
                                                  "<ServerKeyExchange", "<ServerHelloDone", ">ClientKeyExchange",
                                                  ">ChangeCipherSpec", ">Finished", "<ChangeCipherSpec", "<Finished",
                                                  "done"};
    EXPECT_EQ(client_seen->names(), client_want);
    const std::vector<std::string> server_want = {"<ClientHello", ">ServerHello", ">Certificate",
                                                  ">ServerKeyExchange", ">ServerHelloDone", "<ClientKeyExchange",
                                                  "<ChangeCipherSpec", "<Finished", ">ChangeCipherSpec", ">Finished",
                                                  "done"};
    EXPECT_EQ(server_seen->names(), server_want);
}

TEST(StreamObserver, ConnectAndAcceptReportTheHandshake) { run(false); }

TEST(StreamObserver, AdoptServerReportsTheHandshake) { run(true); }

TEST(StreamObserver, NoObserverByDefault) { EXPECT_EQ(StreamOptions{}.observer, nullptr); }

}  // namespace
}  // namespace tlspp
