// tools/tlspp/throwaway_pki.hpp: a CA and server certificates made in memory
// for `tlspp explain` (adapted from tests/support/test_pki.cpp). Keys live
// only in this process; nothing is written to disk.
#pragma once

#include <string>

#include "tlspp/result.hpp"
#include "tlspp/trust.hpp"

namespace tlspp::cli {

struct ThrowawayPki {
    TrustStore trust;            // holds only the throwaway root CA
    CertifiedKey server_p256;    // CN=localhost, SAN DNS:localhost, IP:127.0.0.1, ECDSA P-256
    CertifiedKey server_rsa;     // the same names, RSA-2048 (for RSA key exchange)
    CertifiedKey client;         // CN=client, EKU clientAuth, ECDSA P-256 (for mutual TLS)
};

// make_throwaway_pki fails with bad_config if libcrypto cannot make the keys.
Result<ThrowawayPki> make_throwaway_pki();

}  // namespace tlspp::cli
