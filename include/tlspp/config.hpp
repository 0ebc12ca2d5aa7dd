// tlspp/config.hpp: ClientConfig and ServerConfig. Built once, immutable,
// shared by every connection made from them.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tlspp/random.hpp"
#include "tlspp/result.hpp"
#include "tlspp/trust.hpp"
#include "tlspp/types.hpp"

namespace tlspp {

// The defaults (design.md "Defaults"): forward-secret AEAD suites only, X25519 first.
std::vector<CipherSuite> default_cipher_suites();
std::vector<NamedGroup> default_groups();
std::vector<SignatureScheme> default_signature_schemes();

struct ClientConfig {
    std::vector<CipherSuite> cipher_suites = default_cipher_suites();   // in preference order
    std::vector<NamedGroup> groups = default_groups();
    std::vector<SignatureScheme> signature_schemes = default_signature_schemes();
    std::vector<std::string> alpn;                  // offered protocols, e.g. {"h2", "http/1.1"}
    std::optional<TrustStore> trust;                // required unless verify_peer is false
    bool verify_peer = true;                        // false only by explicit choice (--insecure)
    bool verify_host_name = true;                   // check the server name against the certificate
    std::shared_ptr<RandomSource> random = system_random();
    std::shared_ptr<Clock> clock = system_clock();

    // validate checks the config is usable (a trust store when verifying,
    // known suites/groups, non-empty lists). bad_config names the problem.
    Status validate() const;
};

struct ServerConfig {
    std::vector<CertifiedKey> certificates;         // one per key type; chosen by suite and client's schemes
    std::vector<CipherSuite> cipher_suites = default_cipher_suites();
    std::vector<NamedGroup> groups = default_groups();
    std::vector<SignatureScheme> signature_schemes = default_signature_schemes();
    std::vector<std::string> alpn;                  // supported protocols, in server preference order
    bool prefer_server_cipher_order = true;         // pick by our order (true) or the client's
    std::shared_ptr<RandomSource> random = system_random();
    std::shared_ptr<Clock> clock = system_clock();

    Status validate() const;
};

}  // namespace tlspp
