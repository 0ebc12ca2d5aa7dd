// Ready configs for tests: deterministic randomness, the test PKI's trust store.
#pragma once

#include <algorithm>
#include <memory>

#include "handshake/suites.hpp"
#include "support/fixed_random.hpp"
#include "support/test_pki.hpp"
#include "tlspp/config.hpp"

namespace tlspp::test {

template <class Config>
void tls12_only(Config& config);

// client_config and server_config are the library's defaults with the test
// PKI and fixed randomness, kept to TLS 1.2 (tls12_only): the tests written
// before TLS 1.3 check TLS 1.2 exchanges. TLS 1.3 tests start from
// client_config13 / server_config13 (both versions enabled, as by default).
inline std::shared_ptr<ClientConfig> client_config13(std::uint64_t seed = 1) {
    auto c = std::make_shared<ClientConfig>();
    c->trust = pki().trust;
    c->random = std::make_shared<FixedRandom>(seed);
    return c;
}

inline std::shared_ptr<ServerConfig> server_config13(const Identity& id, std::uint64_t seed = 2) {
    auto s = std::make_shared<ServerConfig>();
    s->certificates.push_back(id.certified_key());
    s->random = std::make_shared<FixedRandom>(seed);
    return s;
}

inline std::shared_ptr<ClientConfig> client_config(std::uint64_t seed = 1) {
    auto c = client_config13(seed);
    tls12_only(*c);
    return c;
}

inline std::shared_ptr<ServerConfig> server_config(const Identity& id, std::uint64_t seed = 2) {
    auto s = server_config13(id, seed);
    tls12_only(*s);
    return s;
}

// tls12_only keeps a config to TLS 1.2: versions {1.2} and only the TLS 1.2
// suites of its list, so a test of a TLS 1.2 exchange sends and expects what
// a TLS 1.2-only peer does (no TLS 1.3 suites in its ClientHello).
template <class Config>
void tls12_only(Config& config) {
    config.versions = {ProtocolVersion::tls12};
    std::erase_if(config.cipher_suites, [](CipherSuite s) {
        const auto* info = handshake::find_suite(s);
        return !info || info->version != ProtocolVersion::tls12;
    });
}

}  // namespace tlspp::test
