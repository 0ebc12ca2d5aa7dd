// session/server_cache.cpp: an LRU map from session ID to Session12 under one mutex.
#include "session/server_cache.hpp"

namespace tlspp::session {

namespace {

// How many expired entries get() drops from the cold end, at most: enough to
// keep a busy cache clean, bounded so that no lookup does unbounded work.
constexpr int kPurgeOnGet = 4;

std::string key_of(std::span<const std::uint8_t> id) { return std::string(id.begin(), id.end()); }

}  // namespace

void ServerSessionCache::erase(List::iterator it) {
    index_.erase(it->id);
    lru_.erase(it);
}

bool ServerSessionCache::put(std::span<const std::uint8_t> session_id, Session12 session) {
    if (session_id.empty() || session_id.size() > kMaxSessionIdLength || capacity_ == 0) return false;
    std::string key = key_of(session_id);
    std::lock_guard lock(mutex_);
    if (auto found = index_.find(key); found != index_.end()) erase(found->second);
    lru_.push_front(Entry{key, std::move(session)});
    index_.emplace(std::move(key), lru_.begin());
    while (lru_.size() > capacity_) erase(std::prev(lru_.end()));
    return true;
}

std::optional<Session12> ServerSessionCache::get(std::span<const std::uint8_t> session_id, Time now) {
    if (session_id.empty() || session_id.size() > kMaxSessionIdLength) return std::nullopt;
    std::lock_guard lock(mutex_);
    for (int i = 0; i < kPurgeOnGet && !lru_.empty() && lru_.back().session.expired(now); ++i)
        erase(std::prev(lru_.end()));
    auto found = index_.find(key_of(session_id));
    if (found == index_.end()) return std::nullopt;
    if (found->second->session.expired(now)) {
        erase(found->second);
        return std::nullopt;
    }
    lru_.splice(lru_.begin(), lru_, found->second);
    return lru_.front().session;
}

bool ServerSessionCache::remove(std::span<const std::uint8_t> session_id) {
    std::lock_guard lock(mutex_);
    auto found = index_.find(key_of(session_id));
    if (found == index_.end()) return false;
    erase(found->second);
    return true;
}

std::size_t ServerSessionCache::purge_expired(Time now) {
    std::lock_guard lock(mutex_);
    std::size_t purged = 0;
    for (auto it = lru_.begin(); it != lru_.end();) {
        auto next = std::next(it);
        if (it->session.expired(now)) {
            erase(it);
            ++purged;
        }
        it = next;
    }
    return purged;
}

std::size_t ServerSessionCache::size() const {
    std::lock_guard lock(mutex_);
    return lru_.size();
}

}  // namespace tlspp::session
