// net/socket.cpp: POSIX plumbing for Stream and Listener.
#include "net/socket.hpp"

#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace tlspp::net {

Deadline deadline_after(std::chrono::milliseconds timeout) {
    if (timeout.count() < 0) return std::nullopt;
    return SteadyClock::now() + timeout;
}

Error sys_error(std::string_view what, int err) {
    std::string detail(what);
    detail += ": ";
    detail += std::strerror(err);
    return make_error(Reason::io_error, std::move(detail));
}

Error timeout_error(std::string_view what, std::chrono::milliseconds after) {
    std::string detail(what);
    detail += ": timed out after " + std::to_string(after.count()) + " ms";
    return make_error(Reason::timeout, std::move(detail));
}

Fd& Fd::operator=(Fd&& other) noexcept {
    if (this != &other) reset(other.release());
    return *this;
}

void Fd::reset(int fd) {
    // close() is not retried on EINTR: on Linux the descriptor is released
    // either way, and retrying could close a descriptor another thread just got.
    if (fd_ >= 0) ::close(fd_);
    fd_ = fd;
}

Status set_nonblocking(int fd) {
    int flags = ::fcntl(fd, F_GETFL);
    if (flags < 0) return sys_error("fcntl(F_GETFL)", errno);
    if (::fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0) return sys_error("fcntl(F_SETFL, O_NONBLOCK)", errno);
    return {};
}

// poll_timeout_ms converts what is left of the deadline into poll()'s
// argument, rounding up so that we never wake a millisecond early and spin.
static int poll_timeout_ms(Deadline deadline) {
    if (!deadline) return -1;
    auto left = *deadline - SteadyClock::now();
    if (left <= SteadyClock::duration::zero()) return 0;
    auto ms = std::chrono::ceil<std::chrono::milliseconds>(left).count();
    return ms > 0x7fffffff ? 0x7fffffff : static_cast<int>(ms);
}

Result<short> wait_for(int fd, short events, Deadline deadline, std::string_view what,
                       std::chrono::milliseconds timeout_for_message) {
    for (;;) {
        pollfd p{fd, events, 0};
        int n = ::poll(&p, 1, poll_timeout_ms(deadline));
        if (n < 0) {
            if (errno == EINTR) continue;
            return sys_error("poll", errno);
        }
        if (n == 0) return timeout_error(what, timeout_for_message);
        return p.revents;
    }
}

std::string format_address(const sockaddr* addr, socklen_t len) {
    char host[NI_MAXHOST];
    char port[NI_MAXSERV];
    if (::getnameinfo(addr, len, host, sizeof host, port, sizeof port, NI_NUMERICHOST | NI_NUMERICSERV) != 0)
        return "?";
    if (addr->sa_family == AF_INET6) return std::string("[") + host + "]:" + port;
    return std::string(host) + ":" + port;
}

std::string peer_address(int fd) {
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    if (::getpeername(fd, reinterpret_cast<sockaddr*>(&ss), &len) < 0) return "?";
    return format_address(reinterpret_cast<sockaddr*>(&ss), len);
}

std::string local_address(int fd) {
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    if (::getsockname(fd, reinterpret_cast<sockaddr*>(&ss), &len) < 0) return "?";
    return format_address(reinterpret_cast<sockaddr*>(&ss), len);
}

}  // namespace tlspp::net
