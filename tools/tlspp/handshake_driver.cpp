// tools/tlspp/handshake_driver.cpp
#include "handshake_driver.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "net/socket.hpp"

namespace tlspp::cli {

namespace {

using Clock = std::chrono::steady_clock;

// flush sends what the connection has queued, as far as the socket takes it.
Status flush(int fd, Connection& conn) {
    while (conn.wants_write()) {
        auto out = conn.pending_output();
        ssize_t n = ::send(fd, out.data(), out.size(), MSG_NOSIGNAL);
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return {};
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return net::sys_error("send", errno);
        conn.consume_output(static_cast<std::size_t>(n));
    }
    return {};
}

// receive reads once (the socket said it is readable) and feeds the connection.
Status receive(int fd, Connection& conn) {
    std::uint8_t buffer[16 * 1024];
    ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) return {};
    if (n < 0) return net::sys_error("recv", errno);
    if (n == 0) return conn.transport_closed();
    return conn.read_in({buffer, static_cast<std::size_t>(n)});
}

bool settled(const Connection& conn) { return conn.handshake_done() && !conn.wants_write(); }

Error failure(int fd, Connection& conn, Error error) {
    (void)flush(fd, conn);   // the alert, if one was queued
    return error;
}

}  // namespace

Status drive_pair(int client_fd, Connection& client, int server_fd, Connection& server,
                  std::chrono::milliseconds timeout) {
    auto deadline = Clock::now() + timeout;
    for (;;) {
        if (auto s = flush(client_fd, client); !s) return s;
        if (auto s = flush(server_fd, server); !s) return s;
        if (settled(client) && settled(server)) return {};
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (left.count() <= 0) return net::timeout_error("handshake", timeout);
        pollfd fds[2] = {{client_fd, static_cast<short>(POLLIN | (client.wants_write() ? POLLOUT : 0)), 0},
                         {server_fd, static_cast<short>(POLLIN | (server.wants_write() ? POLLOUT : 0)), 0}};
        int n = ::poll(fds, 2, static_cast<int>(left.count()));
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return net::sys_error("poll", errno);
        if (fds[0].revents & (POLLIN | POLLHUP | POLLERR))
            if (auto s = receive(client_fd, client); !s) return failure(client_fd, client, std::move(s).error());
        if (fds[1].revents & (POLLIN | POLLHUP | POLLERR))
            if (auto s = receive(server_fd, server); !s) return failure(server_fd, server, std::move(s).error());
    }
}

Status drive_handshake(int fd, Connection& conn, std::chrono::milliseconds timeout) {
    auto deadline = Clock::now() + timeout;
    for (;;) {
        if (auto s = flush(fd, conn); !s) return s;
        if (settled(conn)) return {};
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (left.count() <= 0) return net::timeout_error("handshake", timeout);
        pollfd p{fd, static_cast<short>(POLLIN | (conn.wants_write() ? POLLOUT : 0)), 0};
        int n = ::poll(&p, 1, static_cast<int>(left.count()));
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return net::sys_error("poll", errno);
        if (p.revents & (POLLIN | POLLHUP | POLLERR))
            if (auto s = receive(fd, conn); !s) return failure(fd, conn, std::move(s).error());
    }
}

Result<int> connect_loopback(std::uint16_t port) {
    int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0) return net::sys_error("socket", errno);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) < 0 && errno != EINPROGRESS) {
        int err = errno;
        ::close(fd);
        return net::sys_error("connect 127.0.0.1", err);
    }
    return fd;
}

Result<int> connect_host(const std::string& host, std::uint16_t port, std::chrono::milliseconds timeout,
                         std::string* address) {
    addrinfo hints{};
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    if (int rc = ::getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found); rc != 0)
        return make_error(Reason::io_error, "getaddrinfo " + host + ": " + ::gai_strerror(rc));
    std::unique_ptr<addrinfo, decltype(&::freeaddrinfo)> list(found, ::freeaddrinfo);
    Error last = make_error(Reason::io_error, "connect " + host + ": no address");
    for (addrinfo* a = found; a; a = a->ai_next) {
        int fd = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, a->ai_protocol);
        if (fd < 0) continue;
        std::string where = net::format_address(a->ai_addr, a->ai_addrlen);
        if (::connect(fd, a->ai_addr, a->ai_addrlen) < 0 && errno != EINPROGRESS) {
            last = net::sys_error("connect " + where, errno);
            ::close(fd);
            continue;
        }
        pollfd p{fd, POLLOUT, 0};
        int n = ::poll(&p, 1, static_cast<int>(timeout.count()));
        int err = 0;
        socklen_t len = sizeof err;
        if (n <= 0) {
            last = net::timeout_error("connect " + where, timeout);
        } else if (::getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) == 0 && err == 0) {
            if (address) *address = where;
            return fd;
        } else {
            last = net::sys_error("connect " + where, err);
        }
        ::close(fd);
    }
    return last;
}

void finish_close(int fd, Connection& conn) {
    conn.close();
    auto deadline = Clock::now() + std::chrono::milliseconds(500);
    while (conn.wants_write() && Clock::now() < deadline) {
        if (!flush(fd, conn)) return;
        if (!conn.wants_write()) break;
        pollfd p{fd, POLLOUT, 0};
        ::poll(&p, 1, 100);
    }
}

}  // namespace tlspp::cli
