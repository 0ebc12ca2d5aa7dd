// pki/verify.hpp: certificate chain verification with libcrypto's X.509 code.
#pragma once

#include <chrono>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "crypto/security_level.hpp"
#include "crypto/signature.hpp"
#include "tlspp/result.hpp"
#include "tlspp/trust.hpp"

namespace tlspp::pki {

enum class Purpose { server_auth, client_auth };

// SubjectCn says whether a host name may match the subject's commonName.
// RFC 6125 §6.4.4: a client "MUST NOT seek a match for a reference identifier
// of CN-ID if the presented identifiers include a DNS-ID"; browsers never use
// it. `never` (the default): subjectAltName only. `without_san`: the CN too,
// but only in a certificate that has no subjectAltName extension at all.
// IP literals never match a CN either way.
enum class SubjectCn { never, without_san };

struct VerifiedChain {
    crypto::PublicKey leaf_key;
    // The time span in which every certificate of the verified chain (trust
    // anchor included) is valid: latest notBefore, earliest notAfter. Set by
    // verify_chain (the verified-chain cache bounds its entries by it); left
    // at the extremes by leaf_key_unverified.
    std::chrono::system_clock::time_point valid_from = std::chrono::system_clock::time_point::min();
    std::chrono::system_clock::time_point valid_until = std::chrono::system_clock::time_point::max();
    // What the leaf's keyUsage extension allows (RFC 5280 §4.2.1.3); both
    // true when it has none. RFC 5246 §7.4.2: (EC)DHE suites need
    // digitalSignature, RSA key transport keyEncipherment.
    bool leaf_may_sign = true;
    bool leaf_may_encipher = true;
};

// verify_chain checks `chain` (DER, leaf first, as the peer sent it) against
// `trust` at time `now`: the signatures up to a trusted root, validity dates,
// basic constraints, key usage and extended key usage for `purpose`, and,
// when `host` is not empty, that the leaf's subjectAltName (DNS, or IP when
// `host` is an IPv4/IPv6 literal) matches `host` (RFC 6125; wildcards only
// in the left-most label; the subject CN only as `subject_cn` allows). Each failure has its own Reason:
// certificate_untrusted (unknown_ca), certificate_expired,
// certificate_not_yet_valid, certificate_name_mismatch, certificate_revoked,
// certificate_bad_usage, certificate_invalid; the detail quotes libcrypto's
// verify error and the certificate's subject.
//
// When `trust` has CRLs (TrustStore::from_file(ca, crl) and friends), every
// certificate of the chain is checked against them at `now`: a revoked one
// fails with certificate_revoked, one whose revocation status cannot be
// established (no CRL from its issuer, a CRL expired or not yet valid, a bad
// CRL signature) with certificate_invalid.
//
// Every certificate must also meet `security_level` (0-5, OpenSSL's levels,
// ClientConfig::security_level): a key or a signature below it fails with
// certificate_too_weak, the detail naming the certificate ("intermediate 1:
// signature algorithm sha1WithRSAEncryption is too weak ...").
//
// For client certificates (Purpose::client_auth) the leaf must allow
// clientAuth in extendedKeyUsage (when present) and digitalSignature in
// keyUsage (when present); a server-only certificate fails with
// certificate_bad_usage. `host` is then usually empty.
Result<VerifiedChain> verify_chain(const TrustStore& trust, const std::vector<CertificateDer>& chain,
                                   std::string_view host, std::chrono::system_clock::time_point now,
                                   Purpose purpose, int security_level = crypto::default_security_level,
                                   SubjectCn subject_cn = SubjectCn::never);

// leaf_key_unverified takes the leaf's public key without any checks (for
// verify_peer = false). Fails with certificate_invalid if it does not parse.
Result<VerifiedChain> leaf_key_unverified(const std::vector<CertificateDer>& chain);

// is_ip_address says whether `host` is an IPv4 or IPv6 literal (no SNI for those, RFC 6066 §3).
bool is_ip_address(std::string_view host);

// CertificateSummary is what people want to see of a certificate.
struct CertificateSummary {
    std::string subject;          // one-line RFC 2253 form: "CN=localhost,O=tlspp test"
    std::string issuer;
    std::string not_before;       // "2026-11-23 03:44:14 UTC"
    std::string not_after;
    std::vector<std::string> subject_alt_names;   // "DNS:localhost", "IP:127.0.0.1"
    std::string key;              // "RSA 2048", "ECDSA P-256", "Ed25519"
    std::string serial_hex;
};

Result<CertificateSummary> summarize(std::span<const std::uint8_t> der);

// read_pem_certificates returns the DER of each CERTIFICATE block in `pem`,
// in order. Fails with bad_config if there is none or one does not parse.
Result<std::vector<CertificateDer>> read_pem_certificates(std::string_view pem);

}  // namespace tlspp::pki
