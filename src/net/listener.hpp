// net/listener.hpp: a bound, listening TCP socket for servers and tests.
#pragma once

#include <cstdint>
#include <string>

#include "net/socket.hpp"
#include "tlspp/result.hpp"

namespace tlspp::net {

class Listener {
public:
    // open binds host:port and listens. `host` is a numeric address or a name
    // ("127.0.0.1", "::1", "localhost", "0.0.0.0"); port 0 lets the kernel pick,
    // and port() then reports its choice. It fails with io_error naming the
    // call (getaddrinfo, socket, bind, listen) and the address tried.
    static Result<Listener> open(const std::string& host, std::uint16_t port, int backlog = 128);

    int fd() const { return fd_.get(); }
    std::uint16_t port() const { return port_; }
    // address is "127.0.0.1:4433" or "[::1]:4433", with the real port.
    const std::string& address() const { return address_; }

    // accept waits for the next connection and returns its descriptor
    // (non-blocking, close-on-exec). If `wake_fd` (>= 0) becomes readable
    // first, it returns -1 instead: servers pass a self-pipe that a signal
    // handler writes to. Transient errors (ECONNABORTED, EINTR) are retried;
    // EMFILE and the like are returned as io_error.
    Result<int> accept(int wake_fd = -1);

    // close stops listening; pending connections in the backlog are reset.
    void close() { fd_.reset(); }

private:
    Listener(Fd fd, std::uint16_t port, std::string address)
        : fd_(std::move(fd)), port_(port), address_(std::move(address)) {}

    Fd fd_;
    std::uint16_t port_ = 0;
    std::string address_;
};

}  // namespace tlspp::net
