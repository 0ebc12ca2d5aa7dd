// Ready configs for tests: deterministic randomness, the test PKI's trust store.
#pragma once

#include <memory>

#include "support/fixed_random.hpp"
#include "support/test_pki.hpp"
#include "tlspp/config.hpp"

namespace tlspp::test {

inline std::shared_ptr<ClientConfig> client_config(std::uint64_t seed = 1) {
    auto c = std::make_shared<ClientConfig>();
    c->trust = pki().trust;
    c->random = std::make_shared<FixedRandom>(seed);
    return c;
}

inline std::shared_ptr<ServerConfig> server_config(const Identity& id, std::uint64_t seed = 2) {
    auto s = std::make_shared<ServerConfig>();
    s->certificates.push_back(id.certified_key());
    s->random = std::make_shared<FixedRandom>(seed);
    return s;
}

}  // namespace tlspp::test
