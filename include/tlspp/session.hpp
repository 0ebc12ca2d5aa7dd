// tlspp/session.hpp: TLS 1.2 session resumption (RFC 5246 §7.3 abbreviated
// handshake, RFC 5077 session tickets).
//
//   Server: share a cache and/or ticket keys between every connection of a config:
//     server_config->session_cache = std::make_shared<tlspp::ServerSessionCache>();
//     server_config->ticket_keys = std::make_shared<tlspp::TicketKeys>();
//   Client: keep the session of a finished connection and offer it next time:
//     std::optional<tlspp::Session> s = connection.session();
//     tlspp::ClientConnection again(config, "example.com", s);
//     again.info().resumed   // after the handshake: whether the server agreed
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tlspp/random.hpp"
#include "tlspp/result.hpp"
#include "tlspp/types.hpp"

namespace tlspp {

// Session is a resumable TLS 1.2 session: cheap to copy, immutable. It holds
// the master secret: keep its PEM form private (mode 0600).
class Session {
public:
    using Time = std::chrono::system_clock::time_point;

    // from_pem reads a "TLSPP SESSION" PEM block (as to_pem writes it);
    // fails with a decode_error Reason on anything malformed.
    static Result<Session> from_pem(std::string_view text);
    Result<std::string> to_pem() const;

    CipherSuite cipher_suite() const;
    bool extended_master_secret() const;
    std::string server_name() const;               // the SNI it was made with ("" when none)
    std::string alpn() const;
    Time created() const;
    std::chrono::seconds lifetime() const;
    bool expired(Time now) const;                  // not resumable at `now`
    std::vector<std::uint8_t> session_id() const;  // the server's session ID (may be empty)
    bool has_ticket() const;                       // an RFC 5077 ticket came with it
    std::uint32_t ticket_lifetime_hint() const;    // seconds, 0 when unknown

    struct Impl;   // defined in src/session/
    const Impl& impl() const { return *impl_; }
    explicit Session(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

private:
    std::shared_ptr<const Impl> impl_;
};

// ServerSessionCache is the server's cache for resumption by session ID:
// bounded (least recently used entries go first), thread-safe, shared by
// every connection of a ServerConfig. Entries expire after
// ServerConfig::session_lifetime.
class ServerSessionCache {
public:
    static constexpr std::size_t kDefaultCapacity = 10'000;

    explicit ServerSessionCache(std::size_t capacity = kDefaultCapacity);
    ServerSessionCache(const ServerSessionCache&) = delete;
    ServerSessionCache& operator=(const ServerSessionCache&) = delete;
    ~ServerSessionCache();

    std::size_t size() const;
    std::size_t capacity() const;
    // purge_expired drops the entries expired at `now`; returns how many.
    std::size_t purge_expired(std::chrono::system_clock::time_point now);

    struct Impl;   // defined in src/session/
    Impl& impl() const { return *impl_; }

private:
    std::unique_ptr<Impl> impl_;
};

// How often ticket keys rotate, and how many retired keys still open tickets.
struct TicketKeyOptions {
    std::chrono::seconds rotation_interval = std::chrono::hours(12);   // must be > 0
    std::size_t previous_keys = 2;
};

// TicketKeys protects RFC 5077 session tickets (AES-256-GCM under a named
// key; the current key seals, recent keys still open). Keys are random and
// live in memory only. Thread-safe; shared by every connection of a config.
class TicketKeys {
public:
    using Time = std::chrono::system_clock::time_point;

    explicit TicketKeys(TicketKeyOptions options = TicketKeyOptions(),
                        std::shared_ptr<RandomSource> random = system_random(),
                        Time now = std::chrono::system_clock::now());
    TicketKeys(const TicketKeys&) = delete;
    TicketKeys& operator=(const TicketKeys&) = delete;
    ~TicketKeys();

    // rotate makes a new current key now; older tickets open while their key is kept.
    void rotate(Time now = std::chrono::system_clock::now());
    std::size_t key_count() const;

    struct Impl;   // defined in src/session/
    Impl& impl() const { return *impl_; }

private:
    std::unique_ptr<Impl> impl_;
};

}  // namespace tlspp
