// tlspp/config.hpp: ClientConfig and ServerConfig. Built once, immutable,
// shared by every connection made from them.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tlspp/keylog.hpp"
#include "tlspp/limits.hpp"
#include "tlspp/random.hpp"
#include "tlspp/result.hpp"
#include "tlspp/session.hpp"
#include "tlspp/trust.hpp"
#include "tlspp/types.hpp"

namespace tlspp {

// The defaults (design.md "Defaults"): forward-secret AEAD suites only, X25519 first.
// The cipher suites are the three TLS 1.3 suites in OpenSSL 3's order, then the
// TLS 1.2 ones; each version uses only its own suites.
std::vector<CipherSuite> default_cipher_suites();
std::vector<NamedGroup> default_groups();
std::vector<SignatureScheme> default_signature_schemes();

// The protocol versions enabled by default, most preferred first: TLS 1.3, then TLS 1.2.
std::vector<ProtocolVersion> default_versions();

struct ClientConfig {
    // The versions offered, most preferred first: TLS 1.3 and/or 1.2, each at
    // most once (validate() refuses 1.0, 1.1 and duplicates). Each version
    // enabled needs at least one cipher suite of its own in cipher_suites.
    std::vector<ProtocolVersion> versions = default_versions();
    // In preference order; TLS 1.3 and TLS 1.2 suites in one list, each
    // version picking its own (a 1.3 suite is never used in 1.2, RFC 8446 §4.1.2).
    std::vector<CipherSuite> cipher_suites = default_cipher_suites();
    std::vector<NamedGroup> groups = default_groups();
    std::vector<SignatureScheme> signature_schemes = default_signature_schemes();
    std::vector<std::string> alpn;                  // offered protocols, e.g. {"h2", "http/1.1"}
    std::optional<TrustStore> trust;                // required unless verify_peer is false
    bool verify_peer = true;                        // false only by explicit choice (--insecure)
    bool verify_host_name = true;                   // check the server name against the certificate
    // With verify_host_name, a host name may also match the subject's CN, but
    // only in a certificate without a subjectAltName extension. Off: RFC 6125
    // §6.4.4 and browsers match subjectAltName only. IP addresses never match a CN.
    bool subject_cn_fallback = false;
    // Chains that verified, reused by repeat connections (rules: tlspp/trust.hpp).
    // On by default, one cache per config: a hit answers as a full verification
    // would (time and the immutable trust store are its only inputs). nullptr: off.
    std::shared_ptr<VerifiedChainCache> verified_chains = std::make_shared<VerifiedChainCache>();
    // Client certificates for mutual TLS; the first that fits the server's
    // CertificateRequest (key type, signature schemes) is sent.
    std::vector<CertifiedKey> certificates;
    // False Start (RFC 7918): send application data right after our Finished,
    // before the server's, when the suite is forward secret (ECDHE/DHE) with
    // an AEAD and ALPN was offered. Off by default.
    bool false_start = false;
    // RFC 5077: offer session tickets (an empty session_ticket extension,
    // or the ticket of the session being resumed).
    bool session_tickets = true;
    // RFC 7366: offer Encrypt-then-MAC when CBC suites are offered (the CBC
    // suites themselves are off by default; naming them enables them).
    bool encrypt_then_mac = true;
    // Connect to a server that does not send renegotiation_info (RFC 5746).
    // Off: like OpenSSL 3 (without SSL_OP_LEGACY_SERVER_CONNECT), such a
    // server is refused with handshake_failure (insecure_renegotiation).
    bool allow_legacy_server = false;
    std::shared_ptr<KeyLog> key_log;                // e.g. KeyLog::from_environment() (SSLKEYLOGFILE)
    std::shared_ptr<RandomSource> random = system_random();
    std::shared_ptr<Clock> clock = system_clock();
    // DoS bounds on what the server may send (tlspp/limits.hpp).
    Limits limits;
    // OpenSSL's security levels (SSL_CTX_set_security_level(3)), 0..5: the
    // bits of security a key or signature must give, 0 / 80 / 112 / 128 /
    // 192 / 256. RSA, DSA and DH moduli need at least 1024 / 2048 / 3072 /
    // 7680 / 15360 bits from level 1 to 5, EC keys 160 / 224 / 256 / 384 /
    // 512; no MD5 from level 1, no SHA-1 from level 2. It applies to every
    // certificate of the peer's chain (except the trust anchor's own
    // self-signature; failure: certificate_too_weak, bad_certificate), to our
    // own certificates (validate()), to the signature schemes offered and
    // accepted in the handshake, and to finite-field DHE groups. Level 1
    // admits peers that can only sign with SHA-1; level 0 checks nothing.
    int security_level = 2;

    // validate checks the config is usable (a trust store when verifying,
    // known suites/groups, non-empty lists, versions as above, a suite for
    // each enabled version). bad_config names the problem.
    Status validate() const;
    // check_server_name checks a connection's server name against this config:
    // with verify_peer and verify_host_name, an empty name (nothing to check
    // the certificate against) fails with bad_config, as does a name with a
    // NUL byte. ClientConnection and Stream::connect call it.
    Status check_server_name(std::string_view server_name) const;
};

enum class ClientAuth {
    none,       // no CertificateRequest
    optional,   // request a certificate; verify it if one is sent
    required,   // request one and fail the handshake without it
};

struct ServerConfig {
    // The versions accepted; the highest one the client also offers is chosen
    // (handshake::choose_version). Rules as ClientConfig::versions.
    std::vector<ProtocolVersion> versions = default_versions();
    std::vector<CertifiedKey> certificates;         // one per key type; chosen by suite and client's schemes
    std::vector<CipherSuite> cipher_suites = default_cipher_suites();
    std::vector<NamedGroup> groups = default_groups();
    std::vector<SignatureScheme> signature_schemes = default_signature_schemes();
    std::vector<std::string> alpn;                  // supported protocols, in server preference order
    bool prefer_server_cipher_order = true;         // pick by our order (true) or the client's
    ClientAuth client_auth = ClientAuth::none;
    // The CAs client certificates must chain to (and their CRLs, if the store
    // has any); their names go into CertificateRequest.certificate_authorities.
    std::optional<TrustStore> client_trust;
    // Client chains that verified, reused when the same client comes back
    // (rules: tlspp/trust.hpp). Off by default: a server sees many clients.
    std::shared_ptr<VerifiedChainCache> verified_client_chains;
    // Session resumption (tlspp/session.hpp): by session ID when a cache is
    // set, by RFC 5077 ticket when ticket keys are set (preferred when the
    // client offers a ticket). Both may be shared by several configs.
    std::shared_ptr<ServerSessionCache> session_cache;
    std::shared_ptr<TicketKeys> ticket_keys;
    std::chrono::seconds session_lifetime{7200};    // how long a session may be resumed; the ticket lifetime hint
    bool encrypt_then_mac = true;                   // RFC 7366: agree to it for CBC suites when the client offers it
    std::shared_ptr<KeyLog> key_log;
    std::shared_ptr<RandomSource> random = system_random();
    std::shared_ptr<Clock> clock = system_clock();
    // DoS bounds on what a client may send (tlspp/limits.hpp).
    Limits limits;
    // As ClientConfig::security_level, for client certificates, our own
    // certificates, signature schemes and DHE groups.
    int security_level = 2;

    Status validate() const;
};

}  // namespace tlspp
