// The public session types: thin wrappers over session::Session12,
// session::ServerSessionCache and session::TicketKeys.
#include "session/public.hpp"

namespace tlspp {

Result<Session> Session::from_pem(std::string_view text) {
    auto s = session::from_pem(text);
    if (!s) return std::move(s).error();
    return session::wrap(std::move(*s));
}

Result<std::string> Session::to_pem() const { return session::to_pem(impl_->s); }
CipherSuite Session::cipher_suite() const { return impl_->s.suite; }
bool Session::extended_master_secret() const { return impl_->s.extended_master_secret; }
std::string Session::server_name() const { return impl_->s.server_name; }
std::string Session::alpn() const { return impl_->s.alpn; }
Session::Time Session::created() const { return impl_->s.created; }
std::chrono::seconds Session::lifetime() const { return impl_->s.lifetime; }
bool Session::expired(Time now) const { return impl_->s.expired(now); }
std::vector<std::uint8_t> Session::session_id() const { return impl_->s.session_id; }
bool Session::has_ticket() const { return !impl_->s.ticket.empty(); }
std::uint32_t Session::ticket_lifetime_hint() const { return impl_->s.ticket_lifetime_hint; }

ServerSessionCache::ServerSessionCache(std::size_t capacity) : impl_(std::make_unique<Impl>(capacity)) {}
ServerSessionCache::~ServerSessionCache() = default;
std::size_t ServerSessionCache::size() const { return impl_->cache.size(); }
std::size_t ServerSessionCache::capacity() const { return impl_->cache.capacity(); }
std::size_t ServerSessionCache::purge_expired(std::chrono::system_clock::time_point now) {
    return impl_->cache.purge_expired(now);
}

TicketKeys::TicketKeys(TicketKeyOptions options, std::shared_ptr<RandomSource> random, Time now)
    : impl_(std::make_unique<Impl>(std::move(random), now,
                                   session::TicketKeys::Options{options.rotation_interval, options.previous_keys})) {}
TicketKeys::~TicketKeys() = default;
void TicketKeys::rotate(Time now) { impl_->keys.rotate(now); }
std::size_t TicketKeys::key_count() const { return impl_->keys.key_count(); }

}  // namespace tlspp
