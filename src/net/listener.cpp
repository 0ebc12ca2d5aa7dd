// net/listener.cpp: bind + listen with getaddrinfo, so IPv4 and IPv6 look alike.
#include "net/listener.hpp"

#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstring>
#include <memory>

namespace tlspp::net {

namespace {

struct AddrInfoDeleter {
    void operator()(addrinfo* ai) const { ::freeaddrinfo(ai); }
};

std::uint16_t port_of(const sockaddr_storage& ss) {
    if (ss.ss_family == AF_INET6) return ntohs(reinterpret_cast<const sockaddr_in6&>(ss).sin6_port);
    return ntohs(reinterpret_cast<const sockaddr_in&>(ss).sin_port);
}

// bind_one tries a single resolved address; the caller keeps the last error
// so that "nothing worked" still says why.
Result<Fd> bind_one(const addrinfo* ai, int backlog) {
    std::string where = format_address(ai->ai_addr, ai->ai_addrlen);
    Fd fd(::socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, ai->ai_protocol));
    if (!fd) return sys_error("socket(" + where + ")", errno);
    // SO_REUSEADDR lets a restarted server (or the next interop test) bind a
    // port that still has connections in TIME_WAIT.
    int one = 1;
    ::setsockopt(fd.get(), SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    // An IPv6 listener on "::" should not silently also take IPv4: the user
    // asked for the address they named.
    if (ai->ai_family == AF_INET6) ::setsockopt(fd.get(), IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one);
    if (::bind(fd.get(), ai->ai_addr, ai->ai_addrlen) < 0) return sys_error("bind(" + where + ")", errno);
    if (::listen(fd.get(), backlog) < 0) return sys_error("listen(" + where + ")", errno);
    return fd;
}

}  // namespace

Result<Listener> Listener::open(const std::string& host, std::uint16_t port, int backlog) {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    addrinfo* raw = nullptr;
    std::string service = std::to_string(port);
    int rc = ::getaddrinfo(host.empty() ? nullptr : host.c_str(), service.c_str(), &hints, &raw);
    if (rc != 0) {
        std::string detail = "getaddrinfo(" + host + "): ";
        detail += rc == EAI_SYSTEM ? std::strerror(errno) : ::gai_strerror(rc);
        return make_error(Reason::io_error, std::move(detail));
    }
    std::unique_ptr<addrinfo, AddrInfoDeleter> list(raw);

    Error last = make_error(Reason::io_error, "getaddrinfo(" + host + "): no addresses");
    for (const addrinfo* ai = list.get(); ai != nullptr; ai = ai->ai_next) {
        auto fd = bind_one(ai, backlog);
        if (!fd) {
            last = std::move(fd).error();
            continue;
        }
        sockaddr_storage ss{};
        socklen_t len = sizeof ss;
        if (::getsockname(fd->get(), reinterpret_cast<sockaddr*>(&ss), &len) < 0)
            return sys_error("getsockname", errno);
        std::string address = format_address(reinterpret_cast<sockaddr*>(&ss), len);
        return Listener(std::move(*fd), port_of(ss), std::move(address));
    }
    return last;
}

Result<int> Listener::accept(int wake_fd) {
    for (;;) {
        pollfd fds[2] = {{fd_.get(), POLLIN, 0}, {wake_fd, POLLIN, 0}};
        int n = ::poll(fds, wake_fd >= 0 ? 2 : 1, -1);
        if (n < 0) {
            if (errno == EINTR) continue;
            return sys_error("poll", errno);
        }
        if (wake_fd >= 0 && fds[1].revents != 0) return -1;
        if (fds[0].revents == 0) continue;
        int fd = ::accept4(fd_.get(), nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
        if (fd >= 0) return fd;
        // The listener is non-blocking, so another accepter winning the race
        // shows up as EAGAIN; a client that gave up shows up as ECONNABORTED.
        if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK || errno == ECONNABORTED ||
            errno == EPROTO)
            continue;
        return sys_error("accept(" + address_ + ")", errno);
    }
}

}  // namespace tlspp::net
