// tools/tlspp/handshake_driver.hpp: run a Connection's handshake over a socket
// with poll(), for the explain paths. (Stream cannot take an Observer yet;
// once StreamOptions carries one, client/server --explain can use Stream.)
#pragma once

#include <chrono>
#include <cstdint>

#include "tlspp/connection.hpp"
#include "tlspp/result.hpp"

namespace tlspp::cli {

// drive_handshake runs `conn`'s handshake on the connected, non-blocking
// socket `fd` until it is done and its output is flushed, it fails, or
// `timeout` passes (Reason::timeout). On failure the alert is sent (best effort).
Status drive_handshake(int fd, Connection& conn, std::chrono::milliseconds timeout);

// drive_pair runs two connections, each on its own socket, in this thread
// until both handshakes are done (tlspp explain: client and server in one process).
Status drive_pair(int client_fd, Connection& client, int server_fd, Connection& server,
                  std::chrono::milliseconds timeout);

// connect_loopback opens a non-blocking TCP connection to 127.0.0.1:port.
Result<int> connect_loopback(std::uint16_t port);

// connect_host connects (blocking, at most `timeout`) to host:port and returns
// a non-blocking socket; the address it reached is written to `address`.
Result<int> connect_host(const std::string& host, std::uint16_t port, std::chrono::milliseconds timeout,
                         std::string* address);

// finish_close queues close_notify and flushes it (best effort).
void finish_close(int fd, Connection& conn);

}  // namespace tlspp::cli
