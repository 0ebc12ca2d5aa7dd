// session/server_cache.hpp: the server's session cache for TLS 1.2
// resumption by session ID (RFC 5246 §7.4.1.2, §F.1.4).
//
//   auto cache = std::make_shared<session::ServerSessionCache>(10'000);   // held by ServerConfig
//   cache->put(session_id, session);                    // after a full handshake's Finished
//   if (auto s = cache->get(client_hello.session_id, clock.now())) ...     // resume if it fits
//
// One cache is shared by every connection of a config, from any thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>

#include "session/session.hpp"

namespace tlspp::session {

// ServerSessionCache maps session IDs (1..32 bytes) to sessions. It is
// bounded: when full, put() evicts the least recently used entry (get() and
// put() count as use). Each entry expires by its own Session12::created and
// lifetime: an expired entry is never returned; it is dropped when get()
// meets it, by purge_expired(), and a few at a time from the least recently
// used end on every get(). All methods are thread-safe (one mutex; the
// critical sections copy a Session12 and nothing more).
class ServerSessionCache {
public:
    static constexpr std::size_t kDefaultCapacity = 10'000;
    static constexpr std::size_t kMaxSessionIdLength = 32;

    // capacity 0 makes a cache that stores nothing (resumption by ID off).
    explicit ServerSessionCache(std::size_t capacity = kDefaultCapacity) : capacity_(capacity) {}
    ServerSessionCache(const ServerSessionCache&) = delete;
    ServerSessionCache& operator=(const ServerSessionCache&) = delete;

    // put stores a copy of `session` under `session_id`, replacing any entry
    // with that ID. Returns false (and stores nothing) if the ID is empty or
    // longer than 32 bytes, or the capacity is 0.
    bool put(std::span<const std::uint8_t> session_id, Session12 session);

    // get returns a copy of the session stored under `session_id` if it has
    // not expired at `now`, and marks it most recently used.
    std::optional<Session12> get(std::span<const std::uint8_t> session_id, Time now);

    // remove drops the entry (say, after a fatal alert on a resumed
    // connection, RFC 5246 §7.2.2). Returns whether there was one.
    bool remove(std::span<const std::uint8_t> session_id);

    // purge_expired drops every entry expired at `now`; returns how many.
    std::size_t purge_expired(Time now);

    std::size_t size() const;
    std::size_t capacity() const { return capacity_; }

private:
    struct Entry {
        std::string id;
        Session12 session;
    };
    using List = std::list<Entry>;   // most recently used first

    void erase(List::iterator it);

    const std::size_t capacity_;
    mutable std::mutex mutex_;
    List lru_;
    std::unordered_map<std::string, List::iterator> index_;
};

}  // namespace tlspp::session
