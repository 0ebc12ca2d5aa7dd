// tlspp/connection.hpp: a TLS connection without I/O. The caller feeds the
// bytes it received in and sends the bytes the connection has for the peer.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "tlspp/config.hpp"
#include "tlspp/observer.hpp"
#include "tlspp/result.hpp"
#include "tlspp/session.hpp"
#include "tlspp/types.hpp"

namespace tlspp {

namespace conn { class Core; }

// SessionInfo is what the handshake settled; fields are filled as it goes.
struct SessionInfo {
    std::optional<ProtocolVersion> version;
    std::optional<CipherSuite> cipher_suite;
    std::optional<NamedGroup> group;
    std::optional<SignatureScheme> peer_signature_scheme;   // what the peer signed with
    std::string alpn;                                       // empty when none was agreed
    std::string server_name;                                // SNI sent (client) or received (server)
    std::vector<CertificateDer> peer_chain;                 // as sent by the peer, leaf first
    bool peer_verified = false;                             // the chain was verified (not --insecure)
    bool extended_master_secret = false;
    bool encrypt_then_mac = false;                          // RFC 7366 (CBC suites only)
    bool secure_renegotiation = false;
    bool resumed = false;
    bool hello_retry_request = false;                       // TLS 1.3: the server asked for another key share (RFC 8446 §4.1.4)
};

class Connection {
public:
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
    Connection(Connection&&) noexcept;
    Connection& operator=(Connection&&) noexcept;
    virtual ~Connection();

    // read_in takes bytes received from the peer; all are consumed. It fails
    // with the error that ended the connection; the alert for the peer is then
    // already queued in pending_output(). After a failure it keeps failing.
    Status read_in(std::span<const std::uint8_t> received);

    // transport_closed tells the connection the peer's byte stream ended. It
    // returns peer_closed if close_notify had arrived, else truncated_connection.
    Status transport_closed();

    // Bytes to send to the peer. consume_output(n) drops the first n of them.
    std::span<const std::uint8_t> pending_output() const;
    void consume_output(std::size_t n);
    bool wants_write() const { return !pending_output().empty(); }

    // send encrypts application data into pending_output(). It fails before
    // the handshake is done, after close(), or after a failure.
    Status send(std::span<const std::uint8_t> data);

    // receive moves up to out.size() bytes of received application data into out.
    std::size_t receive(std::span<std::uint8_t> out);
    std::size_t available() const;
    // received_data and consume_received read received application data
    // without a copy. received_data is the oldest part not yet consumed (up
    // to one record's plaintext; empty if none), decrypted in place in the
    // connection's own buffer. It stays valid until the next call to anything
    // else on this connection (read_in may move it). consume_received(n)
    // drops its first n bytes (n ≤ its size). receive() is these two with a
    // copy into the caller's buffer.
    std::span<const std::uint8_t> received_data() const;
    void consume_received(std::size_t n);

    // close queues close_notify; nothing more can be sent after it.
    void close();

    bool handshake_done() const;
    // can_send says send() would be accepted now: after the handshake, or,
    // with False Start, once the client's Finished is out.
    bool can_send() const;
    bool peer_closed() const;          // close_notify received
    bool failed() const;
    const Error* error() const;        // the error that ended the connection, if any
    const SessionInfo& info() const;
    // session is the resumable session once the handshake is done (a
    // resumed one included): for a client, to offer in a later
    // ClientConnection, with the ticket if the server sent one. nullopt
    // before the handshake is done or after a failure.
    std::optional<Session> session() const;

protected:
    explicit Connection(std::unique_ptr<conn::Core> core);
    std::unique_ptr<conn::Core> core_;
};

class ClientConnection : public Connection {
public:
    // The ClientHello is queued at once. server_name is sent as SNI (unless
    // it is an IP address) and checked against the certificate.
    // `observer`, if given, receives every event of this connection (see observer.hpp).
    ClientConnection(std::shared_ptr<const ClientConfig> config, std::string server_name,
                     std::shared_ptr<Observer> observer = nullptr);
    // As above, offering `resume` (a Connection::session() of an earlier
    // connection to this server) for an abbreviated handshake (RFC 5246
    // §7.3). The server may refuse it: then the handshake is a full one and
    // info().resumed is false.
    ClientConnection(std::shared_ptr<const ClientConfig> config, std::string server_name,
                     std::optional<Session> resume, std::shared_ptr<Observer> observer = nullptr);
};

class ServerConnection : public Connection {
public:
    explicit ServerConnection(std::shared_ptr<const ServerConfig> config, std::shared_ptr<Observer> observer = nullptr);
};

}  // namespace tlspp
