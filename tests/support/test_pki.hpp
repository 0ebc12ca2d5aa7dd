// Test PKI: a root CA and certificates signed by it, made in-process once per
// test binary (keys are generated on first use and cached), for every suite.
//
//   const auto& pki = tlspp::test::pki();
//   auto key = pki.server_p256.certified_key();                  // CertifiedKey for a server config
//   auto ok  = pki::verify_chain(pki.trust, pki.server_rsa.chain_der, "localhost", now, ...);
//
// Server certificates: SAN DNS:localhost and IP:127.0.0.1, EKU serverAuth,
// valid from one day ago to 30 days ahead, unless their name says otherwise.
#pragma once

#include <string>
#include <vector>

#include "tlspp/trust.hpp"

namespace tlspp::test {

// Identity is a certificate chain (leaf, then the CA that issued it) and the
// leaf's private key, in PEM (PKCS#8) and in DER.
struct Identity {
    std::string name;                        // "server_rsa": the file stem used by write_pki_files
    std::string chain_pem;                   // leaf first, then its issuer(s); never the root
    std::string key_pem;
    std::vector<CertificateDer> chain_der;   // the same chain, as a peer sends it
    std::string leaf_pem() const;            // the first certificate of chain_pem

    // certified_key loads the pair into a CertifiedKey; aborts if it does not
    // load (a bug in the test PKI, not in the test).
    CertifiedKey certified_key() const;
};

struct Pki {
    Pki(std::string ca, TrustStore store) : ca_pem(std::move(ca)), trust(std::move(store)) {}

    std::string ca_pem;            // the root: trust this
    TrustStore trust;              // a store holding only ca_pem

    Identity server_rsa;           // RSA-2048
    Identity server_p256;          // ECDSA P-256
    Identity server_p384;          // ECDSA P-384
    Identity server_ed25519;       // Ed25519
    Identity server_via_intermediate;  // P-256 leaf under an intermediate CA (chain: leaf, intermediate)

    Identity expired;              // P-256, valid 60..30 days ago
    Identity not_yet_valid;        // P-256, valid from 30 days ahead
    Identity wrong_host;           // P-256, SAN DNS:other.example only
    Identity untrusted;            // P-256, issued by a CA that is not in `trust`
    std::string untrusted_ca_pem;  // that other CA

    Identity client;               // P-256, EKU clientAuth, CN and SAN DNS:client.tlspp.test
    Identity client_rsa;           // RSA-2048, EKU clientAuth
    Identity client_revoked;       // P-256, EKU clientAuth, CN revoked.tlspp.test; listed in crl_pem

    // crl_pem is a CRL issued by the root (ca_pem), valid from one day ago to
    // 30 days ahead, revoking client_revoked only. trust_with_crl is a store
    // of ca_pem that checks it (TrustStore::from_pem(ca_pem, crl_pem)).
    std::string crl_pem;
    TrustStore trust_with_crl = trust;
    // crl_empty_pem is a CRL from the same root, with the same dates, that
    // revokes nothing: the CRL before client_revoked was revoked.
    std::string crl_empty_pem;

    // all lists every Identity above, for loops over certificate types.
    std::vector<const Identity*> all() const;
};

// pki returns the process-wide test PKI, built on first call (thread-safe).
const Pki& pki();

// PolicyPki holds certificates that break a security level or a key-usage
// rule (issue 11), under their own root: RSA-2048, self-signed with SHA-1
// (the trust anchor's own signature is exempt from the level). Server
// leaves have SAN DNS:localhost and IP:127.0.0.1, EKU serverAuth and, unless
// said otherwise, keyUsage digitalSignature; all signed with SHA-256 unless
// said otherwise.
struct PolicyPki {
    std::string ca_pem;
    TrustStore trust;

    Identity strong;               // P-256: passes at the default level
    Identity sha1_leaf;            // P-256 leaf signed with SHA-1
    Identity md5_leaf;             // P-256 leaf signed with MD5
    Identity sha1_intermediate;    // P-256 leaf under an RSA intermediate that the root signed with SHA-1
    Identity rsa1024;              // RSA-1024 leaf (digitalSignature, keyEncipherment)
    Identity rsa512;               // RSA-512 leaf (digitalSignature, keyEncipherment)
    Identity p192;                 // EC P-192 leaf
    Identity rsa_sign_only;        // RSA-2048, keyUsage digitalSignature only: no RSA key transport
    Identity rsa_encipher_only;    // RSA-2048, keyUsage keyEncipherment only: no ECDHE/DHE
    Identity rsa_no_key_usage;     // RSA-2048 without a keyUsage extension: any suite
    Identity p256_key_agreement_only;   // P-256, keyUsage keyAgreement only: cannot sign
    Identity client_sha1;          // P-256, EKU clientAuth, signed with SHA-1
    Identity client_rsa1024;       // RSA-1024, EKU clientAuth
    Identity client_strong;        // P-256, EKU clientAuth
};

// policy_pki returns the process-wide PolicyPki, built on first call.
const PolicyPki& policy_pki();

// issue_server_leaf makes, at call time, a fresh P-256 server certificate
// (EKU serverAuth) issued by pki()'s root, with subject CN `cn` and the
// subjectAltName `san` in OpenSSL's config syntax ("DNS:a,IP:::1"), or no
// subjectAltName extension at all when `san` is empty. For host-name tests.
Identity issue_server_leaf(const std::string& name, const std::string& cn, const std::string& san);

// write_pki_files writes ca.pem, untrusted_ca.pem, crl.pem and, per Identity,
// <name>.pem (chain) and <name>.key into `dir` (created if missing), for CLI
// and interop tests. Returns false if a file cannot be written.
bool write_pki_files(const std::string& dir);

}  // namespace tlspp::test
