// session/client_store.cpp: an LRU map from (server name, port) to Session12 under one mutex.
#include "session/client_store.hpp"

namespace tlspp::session {

namespace {

std::string lower(std::string_view name) {
    std::string out(name);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

}  // namespace

bool ClientSessionStore::usable(const Session12& s, Time now) {
    if (s.expired(now)) return false;
    if (!s.ticket.empty() && s.ticket_lifetime_hint != 0 &&
        now - s.created >= std::chrono::seconds(s.ticket_lifetime_hint))
        return false;
    return true;
}

void ClientSessionStore::erase(List::iterator it) {
    index_.erase(it->key);
    lru_.erase(it);
}

void ClientSessionStore::put(std::string_view server_name, std::uint16_t port, Session12 session) {
    if (capacity_ == 0) return;
    Key key{lower(server_name), port};
    std::lock_guard lock(mutex_);
    if (auto found = index_.find(key); found != index_.end()) erase(found->second);
    lru_.push_front(Entry{key, std::move(session)});
    index_.emplace(std::move(key), lru_.begin());
    while (lru_.size() > capacity_) erase(std::prev(lru_.end()));
}

std::optional<Session12> ClientSessionStore::find(std::string_view server_name, std::uint16_t port, Time now,
                                                  bool remove) {
    const Key key{lower(server_name), port};
    std::lock_guard lock(mutex_);
    auto found = index_.find(key);
    if (found == index_.end()) return std::nullopt;
    const List::iterator it = found->second;
    if (!usable(it->session, now)) {
        erase(it);
        return std::nullopt;
    }
    if (remove) {
        std::optional<Session12> out(std::move(it->session));
        erase(it);
        return out;
    }
    lru_.splice(lru_.begin(), lru_, it);
    return it->session;
}

std::optional<Session12> ClientSessionStore::get(std::string_view server_name, std::uint16_t port, Time now) {
    return find(server_name, port, now, false);
}

std::optional<Session12> ClientSessionStore::take(std::string_view server_name, std::uint16_t port, Time now) {
    return find(server_name, port, now, true);
}

bool ClientSessionStore::remove(std::string_view server_name, std::uint16_t port) {
    const Key key{lower(server_name), port};
    std::lock_guard lock(mutex_);
    auto found = index_.find(key);
    if (found == index_.end()) return false;
    erase(found->second);
    return true;
}

std::size_t ClientSessionStore::purge_expired(Time now) {
    std::lock_guard lock(mutex_);
    std::size_t purged = 0;
    for (auto it = lru_.begin(); it != lru_.end();) {
        auto next = std::next(it);
        if (!usable(it->session, now)) {
            erase(it);
            ++purged;
        }
        it = next;
    }
    return purged;
}

std::size_t ClientSessionStore::size() const {
    std::lock_guard lock(mutex_);
    return lru_.size();
}

}  // namespace tlspp::session
