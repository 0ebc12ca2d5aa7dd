// handshake/negotiation13.hpp: the TLS 1.3 server's choices from a
// ClientHello (RFC 8446 §4.1.1): cipher suite, key exchange group and the
// client's share for it (or a HelloRetryRequest), certificate and
// CertificateVerify scheme; and the ClientHello rules a TLS 1.3 server
// checks before choosing (§4.1.2, §4.2.8, §9.2).
#pragma once

#include <optional>
#include <vector>

#include "handshake/suites.hpp"
#include "msg/client_hello.hpp"
#include "tlspp/config.hpp"

namespace tlspp::handshake {

// check_client_hello13 applies the rules every TLS 1.3 ClientHello must keep,
// whatever the server's configuration. It fails with
// - illegal_parameter when legacy_compression_methods is not exactly {0}
//   (§4.1.2), when key_share names a group twice or a group missing from
//   supported_groups (§4.2.8);
// - missing_extension (§9.2) when signature_algorithms is absent, or when
//   either of supported_groups and key_share is absent (no PSK: tlspp's
//   server has no TLS 1.3 resumption yet, so every handshake needs (EC)DHE
//   and a certificate).
Status check_client_hello13(const msg::ClientHello& hello);

// enabled_suites13 is the server's TLS 1.3 suites in its order: the TLS 1.3
// rows of config.cipher_suites (the hello phase chooses TLS 1.3 only when
// there is one, as the client offers it only then).
std::vector<const SuiteInfo*> enabled_suites13(const ServerConfig& config);

// choose_suite13 picks the first of our TLS 1.3 suites the client offers, by
// our order, or by the client's when prefer_server_cipher_order is false.
// Fails with no_common_cipher_suite (handshake_failure).
Result<const SuiteInfo*> choose_suite13(const ServerConfig& config, const msg::ClientHello& hello);

// GroupChoice13: the group, and the client's share for it; none when the
// client must be asked for one with a HelloRetryRequest (§4.1.4).
struct GroupChoice13 {
    NamedGroup group{};
    const msg::KeyShareEntry* client_share = nullptr;   // points into the ClientHello
};

// choose_group13 takes the first of config.groups (usable: implemented, and
// for ffdhe at least the security level's modulus) for which the client sent
// a key_share; else the first of them in the client's supported_groups,
// without a share (a HelloRetryRequest). Fails with no_common_group
// (handshake_failure) when the client supports none of ours.
Result<GroupChoice13> choose_group13(const ServerConfig& config, const msg::ClientHello& hello);

// CertificateChoice13: the certificate and the scheme its CertificateVerify uses.
struct CertificateChoice13 {
    const CertifiedKey* certificate = nullptr;
    SignatureScheme scheme{};
};

// choose_certificate13 walks the signature schemes both sides accept, in our
// order (the client's when prefer_server_cipher_order is false, as OpenSSL
// orders its shared signature algorithms), and takes the first for which a
// certificate (allowing digitalSignature) has a key the scheme can sign with
// in TLS 1.3 (scheme_usable13: ECDSA bound to the curve, no PKCS#1) and the
// security level allows the scheme. Fails with no_common_signature_scheme
// (handshake_failure); missing_extension without signature_algorithms.
Result<CertificateChoice13> choose_certificate13(const ServerConfig& config, const msg::ClientHello& hello);

struct ServerChoice13 {
    const SuiteInfo* suite = nullptr;
    GroupChoice13 group;
    CertificateChoice13 certificate;
};

// choose13 is check_client_hello13, then the suite, group and certificate
// choices above, failing with the first error.
Result<ServerChoice13> choose13(const ServerConfig& config, const msg::ClientHello& hello);

// request_schemes13 is what a TLS 1.3 CertificateRequest lists in
// signature_algorithms: our schemes the security level allows that can sign
// a TLS 1.3 CertificateVerify with some key (§4.4.3: never PKCS#1, SHA-1).
std::vector<SignatureScheme> request_schemes13(const ServerConfig& config);

}  // namespace tlspp::handshake
