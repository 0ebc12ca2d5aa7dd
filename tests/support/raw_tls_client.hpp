// A TLS client driven by hand over a blocking socket, for tests of the
// socket adapters (EventServer, Stream): it sends exactly what the test says,
// when the test says, and reads what the server does with it.
#pragma once

#include <gtest/gtest.h>
#include <poll.h>
#include <sys/socket.h>

#include <cerrno>
#include <chrono>
#include <span>

#include "tlspp/connection.hpp"

namespace tlspp::test {

// handshake_by_hand drives `tls` through its handshake over the blocking socket `fd`.
inline ::testing::AssertionResult handshake_by_hand(int fd, ClientConnection& tls) {
    std::uint8_t buffer[32 * 1024];
    while (!tls.handshake_done()) {
        auto out = tls.pending_output();
        if (!out.empty()) {
            if (::send(fd, out.data(), out.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(out.size()))
                return ::testing::AssertionFailure() << "send failed";
            tls.consume_output(out.size());
        }
        if (tls.handshake_done()) break;
        ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0) return ::testing::AssertionFailure() << "the server closed during the handshake";
        if (auto fed = tls.read_in({buffer, static_cast<std::size_t>(n)}); !fed)
            return ::testing::AssertionFailure() << fed.error().message();
    }
    return ::testing::AssertionSuccess();
}

// send_pending sends everything `tls` has queued.
inline ::testing::AssertionResult send_pending(int fd, Connection& tls) {
    auto out = tls.pending_output();
    if (::send(fd, out.data(), out.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(out.size()))
        return ::testing::AssertionFailure() << "send failed";
    tls.consume_output(out.size());
    return ::testing::AssertionSuccess();
}

// read_until_eof feeds `tls` everything the server sends until it closes its
// side, and says whether that happened within `limit`.
inline bool read_until_eof(int fd, Connection& tls, std::chrono::milliseconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    std::uint8_t buffer[16 * 1024];
    while (std::chrono::steady_clock::now() < deadline) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, 20) <= 0) continue;
        ssize_t n = ::recv(fd, buffer, sizeof buffer, MSG_DONTWAIT);
        if (n == 0) return true;
        if (n < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) continue;
            return errno == ECONNRESET;
        }
        (void)tls.read_in({buffer, static_cast<std::size_t>(n)});
    }
    return false;
}

// A close_notify alert (warning level) in a plaintext TLS 1.2 record.
inline constexpr std::uint8_t plaintext_close_notify[] = {0x15, 0x03, 0x03, 0x00, 0x02, 0x01, 0x00};

}  // namespace tlspp::test
