// tlspp/stream.hpp: a blocking TLS stream over a TCP socket, the simplest
// adapter around the sans-I/O Connection. Every wait happens in poll() with a
// timeout, so no call blocks longer than the configured time without progress.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>

#include "tlspp/config.hpp"
#include "tlspp/connection.hpp"
#include "tlspp/observer.hpp"
#include "tlspp/result.hpp"

namespace tlspp {

// StreamOptions are the timeouts (a negative value means "no timeout") and
// an optional observer.
struct StreamOptions {
    // The TCP connect and, separately, the whole handshake must each finish
    // within this. It is a total deadline, not an idle one: it starts with the
    // first handshake() (or the read()/write() that runs it) and bytes that
    // arrive do not extend it, so a peer that trickles a byte at a time is
    // dropped with Reason::timeout when it expires, as is one that sends nothing.
    std::chrono::milliseconds handshake_timeout{10'000};
    // An idle limit: read() and write() fail with Reason::timeout after this
    // long without any byte moving in the direction they wait for.
    std::chrono::milliseconds io_timeout{30'000};
    // close() waits at most this long for the peer to close its side, so that
    // unread bytes from the peer do not turn our FIN into a reset that could
    // destroy the last response before the peer reads it.
    std::chrono::milliseconds close_linger{2'000};
    // observer, if set, is given to the Connection the stream makes, and so
    // receives every event of it (observer.hpp): for connect() from the
    // ClientHello on, for accept()/adopt_server() from the first record the
    // client sends. Its on_event runs in the thread that calls the stream.
    // An observer that should only see the handshake can stop forwarding
    // once it has seen HandshakeDoneEvent.
    std::shared_ptr<Observer> observer;
    // resume, for connect(): a session of an earlier connection to offer
    // (Connection::session()); info().resumed says whether the server took it.
    std::optional<Session> resume;
};

class Stream {
public:
    // connect resolves host (a name, an IPv4 or an IPv6 literal, without
    // brackets) with getaddrinfo, tries each address in turn, and sets up a
    // ClientConnection that sends `server_name` as SNI and checks it against
    // the certificate. The handshake is not run yet: call handshake(), or let
    // the first read()/write() run it. Fails with io_error naming the call
    // and address (getaddrinfo, socket, connect) or timeout, and, before any
    // of that, with bad_config when the server name is empty while the host
    // name is to be verified (ClientConfig::check_server_name).
    static Result<Stream> connect(std::shared_ptr<const ClientConfig> config, const std::string& host,
                                  std::uint16_t port, std::string server_name, StreamOptions options = {});

    // accept waits (without a time limit) for a connection on a listening
    // socket and wraps it in a ServerConnection.
    static Result<Stream> accept(int listening_fd, std::shared_ptr<const ServerConfig> config,
                                 StreamOptions options = {});

    // adopt_server takes ownership of an already accepted socket.
    static Result<Stream> adopt_server(int connected_fd, std::shared_ptr<const ServerConfig> config,
                                       StreamOptions options = {});

    Stream(Stream&&) noexcept;
    Stream& operator=(Stream&&) noexcept;
    Stream(const Stream&) = delete;
    Stream& operator=(const Stream&) = delete;
    // The destructor closes the socket without sending close_notify (it must
    // not block); call close() for an orderly end.
    ~Stream();

    // handshake runs the handshake to completion. On failure the alert for the
    // peer has been sent (best effort) and the error says why; a peer that
    // hangs up mid-handshake gives truncated_connection, one that does not
    // finish within handshake_timeout (counted from the first call) timeout.
    Status handshake();

    // read waits for application data and returns how many bytes it put in
    // `out` (at least one), or 0 once the peer has sent close_notify. The end
    // of the TCP stream without close_notify is an error
    // (truncated_connection): a truncation attack must not look like an end.
    Result<std::size_t> read(std::span<std::uint8_t> out);

    // read_ready is read() for callers with their own poll() loop: call it when
    // fd() is readable or buffered() > 0. It does at most one recv() and returns
    // the application data then available, possibly 0 bytes; at_end() tells a
    // close_notify apart from "nothing yet".
    Result<std::size_t> read_ready(std::span<std::uint8_t> out);

    // write sends all of `data`, waiting while the socket is full. While it
    // waits it also takes in what the peer sends (kept for read()), so two
    // peers writing at each other cannot deadlock.
    Status write(std::span<const std::uint8_t> data);

    // close sends close_notify, flushes, half-closes the socket, waits up to
    // close_linger for the peer's side to end, and closes the socket. Errors
    // are ignored: the peer may already be gone. Calling it twice is harmless.
    void close();

    bool at_end() const;                    // close_notify received and all data read
    std::size_t buffered() const;           // decrypted bytes waiting for read()
    const Connection& connection() const { return *conn_; }
    const SessionInfo& info() const { return conn_->info(); }
    int fd() const { return fd_; }
    const std::string& peer_address() const { return peer_address_; }

private:
    Stream(int fd, std::unique_ptr<Connection> conn, StreamOptions options);

    struct Budget;
    Status flush(Budget& budget);
    Status receive_once();
    Error fail_with(Error error);
    Result<std::size_t> end_of_stream();
    bool peer_done() const;

    int fd_ = -1;
    std::unique_ptr<Connection> conn_;
    StreamOptions options_;
    std::string peer_address_;
    bool eof_ = false;          // the peer's TCP stream ended
    bool peer_closed_ = false;  // read_in reported close_notify
    bool closed_ = false;       // close() ran
    // When the handshake must be done by, set by its first handshake() call;
    // nullopt before that, and with a negative handshake_timeout.
    bool handshake_started_ = false;
    std::optional<std::chrono::steady_clock::time_point> handshake_deadline_;
};

}  // namespace tlspp
