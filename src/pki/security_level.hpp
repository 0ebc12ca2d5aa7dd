// pki/security_level.hpp: OpenSSL's security levels 0-5 applied to
// certificates: key sizes and signature algorithms (ClientConfig::
// security_level documents the levels).
#pragma once

#include <string>

#include "tlspp/result.hpp"
#include "tlspp/trust.hpp"

struct x509_st;          // OpenSSL's X509
struct stack_st_X509;    // OpenSSL's STACK_OF(X509)

namespace tlspp::pki {

// check_verified_chain checks every certificate of a chain X509_verify_cert
// built (leaf first, trust anchor last) against `level`: each key, the
// anchor's included, must be strong enough, and each signature except the
// anchor's own self-signature (OpenSSL's X509_VERIFY_PARAM_set_auth_level
// rules). Fails with certificate_too_weak, naming the certificate
// ("leaf", "intermediate 1", "trust anchor") and why.
Status check_verified_chain(stack_st_X509* chain, int level);

// check_own_chain is the same for a chain we send (CertifiedKey): keys of
// every certificate, and signatures of all but self-signed ones (a root the
// chain may end with, as OpenSSL's ssl_security_cert_chain). Fails with
// certificate_too_weak.
Status check_own_chain(const std::vector<CertificateDer>& chain, int level);

// own_chain_strength is the bits of security of a chain we send, by the
// rules of check_own_chain: the weakest key or signature. check_own_chain
// passes at `level` exactly when this is at least crypto::security_bits(level).
// 0 when a certificate does not parse.
int own_chain_strength(const std::vector<CertificateDer>& chain);

}  // namespace tlspp::pki
