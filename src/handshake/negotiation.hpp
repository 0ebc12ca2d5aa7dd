// handshake/negotiation.hpp: the server's choices from a ClientHello (TLS 1.2):
// cipher suite, certificate, signature scheme, group, application protocol.
#pragma once

#include <optional>
#include <string>

#include "crypto/signature.hpp"
#include "handshake/suites.hpp"
#include "msg/client_hello.hpp"
#include "tlspp/config.hpp"

namespace tlspp::handshake {

struct ServerChoice12 {
    const SuiteInfo* suite = nullptr;
    const CertifiedKey* certificate = nullptr;
    SignatureScheme scheme{};
    NamedGroup group{};
};

// choose12 walks the suites in the server's order (or the client's, if
// configured) and takes the first one the client offered for which there is
// a certificate of the right kind, a signature scheme both sides accept for
// its key, and a common group. Fails with handshake_failure naming what was
// missing: no_common_cipher_suite, no_common_group or no_common_signature_scheme.
Result<ServerChoice12> choose12(const ServerConfig& config, const msg::ClientHello& hello);

// choose_alpn picks the server's most preferred protocol that the client
// offered. It returns "" when either side has no ALPN list, and fails with
// no_application_protocol when both have lists with nothing in common
// (RFC 7301 §3.2).
Result<std::string> choose_alpn(const std::vector<std::string>& ours,
                                const std::optional<std::vector<std::string>>& offered);

// key_fits_suite says whether a certificate key can authenticate the suite
// (RSA suites: RSA keys; ECDSA suites: ECDSA and EdDSA keys, RFC 8422 §5.1.1).
bool key_fits_suite(crypto::KeyType key, Authentication auth);

// key_usage_fits says whether a leaf whose keyUsage allows signing
// (digitalSignature) and enciphering (keyEncipherment) as given may serve a
// suite of key exchange `kx`: RFC 5246 §7.4.2 and RFC 5280 §4.2.1.3,
// (EC)DHE signs its parameters, RSA key transport encrypts the pre-master.
bool key_usage_fits(bool may_sign, bool may_encipher, KeyExchange kx);

}  // namespace tlspp::handshake
