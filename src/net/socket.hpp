// net/socket.hpp: the few POSIX socket helpers Stream and Listener share.
// Everything here reports failures as tlspp::Error (io_error or timeout) whose
// detail names the system call and strerror, so a CLI can print it as is.
#pragma once

#include <sys/socket.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "tlspp/result.hpp"

namespace tlspp::net {

using SteadyClock = std::chrono::steady_clock;

// A deadline of nullopt means "wait forever".
using Deadline = std::optional<SteadyClock::time_point>;

// deadline_after returns now + timeout, or nullopt when timeout is negative
// (the convention for "no timeout" throughout net/).
Deadline deadline_after(std::chrono::milliseconds timeout);

// sys_error builds an io_error whose detail reads "<what>: <strerror(err)>".
Error sys_error(std::string_view what, int err);

// timeout_error builds a timeout error whose detail reads "<what>: timed out after N ms".
Error timeout_error(std::string_view what, std::chrono::milliseconds after);

// Fd owns a file descriptor and closes it once.
class Fd {
public:
    Fd() = default;
    explicit Fd(int fd) : fd_(fd) {}
    Fd(Fd&& other) noexcept : fd_(other.release()) {}
    Fd& operator=(Fd&& other) noexcept;
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() { reset(); }

    int get() const { return fd_; }
    int release() { int fd = fd_; fd_ = -1; return fd; }
    void reset(int fd = -1);
    explicit operator bool() const { return fd_ >= 0; }

private:
    int fd_ = -1;
};

// set_nonblocking puts fd in O_NONBLOCK mode: Stream never blocks in a system
// call, only in poll(), which is where timeouts are enforced.
Status set_nonblocking(int fd);

// wait_for polls one fd for `events` until the deadline. EINTR restarts the
// wait with the time left. It returns the revents, or a timeout error naming
// `what`, or io_error from poll itself.
Result<short> wait_for(int fd, short events, Deadline deadline, std::string_view what,
                       std::chrono::milliseconds timeout_for_message);

// format_address gives "127.0.0.1:4433" or "[::1]:4433".
std::string format_address(const sockaddr* addr, socklen_t len);

// peer_address / local_address are format_address of getpeername / getsockname,
// or "?" when the call fails (they are only for messages).
std::string peer_address(int fd);
std::string local_address(int fd);

}  // namespace tlspp::net
