// session/client_store.hpp: the client's saved sessions, one per server
// (host name and port), for resumption by session ID or ticket.
//
//   auto store = std::make_shared<session::ClientSessionStore>();   // held by ClientConfig
//   if (auto s = store->take("example.com", 443, now)) ...  // offer s->ticket / s->session_id
//   store->put("example.com", 443, session);                 // after the handshake (or a new ticket)
//
// One store is shared by every connection of a config, from any thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "session/session.hpp"

namespace tlspp::session {

// ClientSessionStore keeps the latest session per (server name, port).
// Server names compare case-insensitively (ASCII; DNS names, RFC 4343), an
// IP literal is a name like any other. It is bounded: when full, put()
// evicts the least recently used server's session. A session is usable while
// Session12::expired(now) is false and, when it has a ticket with a nonzero
// ticket_lifetime_hint, for no longer than that hint after `created`
// (RFC 5077 §3.3). Expired sessions are never returned and are dropped when
// met. All methods are thread-safe.
//
// Tickets are best used once (RFC 8446 §C.4 advises it; RFC 5077 servers may
// reissue them): take() hands the session out and forgets it, and the
// connection put()s back what the server returns (the same session with a
// fresh ticket, or a new one). get() leaves the session stored, for session
// IDs, which may be offered many times.
class ClientSessionStore {
public:
    static constexpr std::size_t kDefaultCapacity = 256;

    // capacity 0 makes a store that keeps nothing.
    explicit ClientSessionStore(std::size_t capacity = kDefaultCapacity) : capacity_(capacity) {}
    ClientSessionStore(const ClientSessionStore&) = delete;
    ClientSessionStore& operator=(const ClientSessionStore&) = delete;

    // put stores a copy of `session` for the server, replacing the one before.
    void put(std::string_view server_name, std::uint16_t port, Session12 session);

    // get returns a copy of the server's session if it is usable at `now`.
    std::optional<Session12> get(std::string_view server_name, std::uint16_t port, Time now);

    // take is get() that also removes the session from the store.
    std::optional<Session12> take(std::string_view server_name, std::uint16_t port, Time now);

    // remove forgets the server's session (say, after a failed resumption).
    bool remove(std::string_view server_name, std::uint16_t port);

    // purge_expired drops every session not usable at `now`; returns how many.
    std::size_t purge_expired(Time now);

    std::size_t size() const;
    std::size_t capacity() const { return capacity_; }

    // usable is the expiry rule above, for one session.
    static bool usable(const Session12& s, Time now);

private:
    using Key = std::pair<std::string, std::uint16_t>;
    struct Entry {
        Key key;
        Session12 session;
    };
    using List = std::list<Entry>;   // most recently used first

    std::optional<Session12> find(std::string_view server_name, std::uint16_t port, Time now, bool remove);
    void erase(List::iterator it);

    const std::size_t capacity_;
    mutable std::mutex mutex_;
    List lru_;
    std::map<Key, List::iterator> index_;
};

}  // namespace tlspp::session
