// session/public.hpp: the insides of the public session types (tlspp/session.hpp).
#pragma once

#include "session/server_cache.hpp"
#include "session/session.hpp"
#include "session/ticket_keys.hpp"
#include "tlspp/session.hpp"

namespace tlspp {

struct Session::Impl {
    session::Session12 s;
};

struct ServerSessionCache::Impl {
    explicit Impl(std::size_t capacity) : cache(capacity) {}
    session::ServerSessionCache cache;
};

struct TicketKeys::Impl {
    Impl(std::shared_ptr<RandomSource> random, Time now, session::TicketKeys::Options options)
        : keys(std::move(random), now, options) {}
    session::TicketKeys keys;
};

namespace session {

// wrap makes the public handle of a session.
inline tlspp::Session wrap(Session12 s) {
    return tlspp::Session(std::make_shared<const tlspp::Session::Impl>(tlspp::Session::Impl{std::move(s)}));
}

}  // namespace session
}  // namespace tlspp
