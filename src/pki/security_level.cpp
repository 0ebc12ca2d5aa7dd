// pki/security_level.cpp: key sizes and signature algorithms of certificates
// against a security level, with a reason that names the certificate.
#include "pki/security_level.hpp"

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "crypto/security_level.hpp"

namespace tlspp::pki {

namespace {

std::string level_text(int level) { return "security level " + std::to_string(level); }

// key_problem says why the certificate's key is too weak for `level`, or "".
std::string key_problem(X509* cert, int level) {
    EVP_PKEY* key = X509_get0_pubkey(cert);
    if (!key) {
        ERR_clear_error();
        return "its public key does not parse";
    }
    const int strength = EVP_PKEY_get_security_bits(key);
    if (strength >= crypto::security_bits(level)) return "";
    const int bits = EVP_PKEY_get_bits(key);
    switch (EVP_PKEY_get_base_id(key)) {
    case EVP_PKEY_RSA:
    case EVP_PKEY_RSA_PSS:
    case EVP_PKEY_DSA:
    case EVP_PKEY_DH: {
        const char* kind = EVP_PKEY_get_base_id(key) == EVP_PKEY_DSA ? "DSA" : EVP_PKEY_get_base_id(key) == EVP_PKEY_DH ? "DH" : "RSA";
        return std::string(kind) + " key of " + std::to_string(bits) + " bits is too small (" + level_text(level) +
               " needs " + std::to_string(crypto::min_modulus_bits(level)) + ")";
    }
    case EVP_PKEY_EC:
        return "EC key of " + std::to_string(bits) + " bits is too small (" + level_text(level) + " needs " +
               std::to_string(crypto::min_ec_bits(level)) + ")";
    default:
        return std::string(OBJ_nid2sn(EVP_PKEY_get_base_id(key))) + " key of " + std::to_string(strength) +
               " bits of security is too weak (" + level_text(level) + " needs " +
               std::to_string(crypto::security_bits(level)) + ")";
    }
}

// signature_bits is the strength of the certificate's signature: its hash's
// (crypto::hash_security_bits rates SHA-1), as X509_get_signature_info
// reports it for the rest (MD5: 39 bits); 0 when unknown.
int signature_bits(X509* cert) {
    int md = NID_undef, bits = 0;
    if (X509_get_signature_info(cert, &md, nullptr, &bits, nullptr) != 1) {
        ERR_clear_error();
        return 0;
    }
    if (md == NID_sha1) return crypto::hash_security_bits(crypto::HashAlg::sha1);
    return bits;
}

std::string signature_problem(X509* cert, int level) {
    if (signature_bits(cert) >= crypto::security_bits(level)) return "";
    const char* alg = OBJ_nid2ln(X509_get_signature_nid(cert));
    return std::string("signature algorithm ") + (alg ? alg : "(unknown)") + " is too weak (" + level_text(level) +
           " needs " + std::to_string(crypto::security_bits(level)) + " bits)";
}

// position names certificate `i` of `count` for people.
std::string position(int i, int count, bool last_is_anchor) {
    if (i == 0) return "leaf";
    if (last_is_anchor && i == count - 1) return "trust anchor";
    return "intermediate " + std::to_string(i);
}

bool self_signed(X509* cert) { return (X509_get_extension_flags(cert) & EXFLAG_SS) != 0; }

Status check(const std::vector<X509*>& certs, int level, bool last_is_anchor) {
    if (level <= 0) return {};
    const int count = static_cast<int>(certs.size());
    for (int i = 0; i < count; ++i) {
        X509* cert = certs[static_cast<std::size_t>(i)];
        std::string why = key_problem(cert, level);
        // The anchor's own signature proves nothing (it is trusted as
        // configured), so its hash does not matter; nor does a self-signed
        // root's in a chain we send.
        const bool skip_signature = last_is_anchor ? i == count - 1 : self_signed(cert);
        if (why.empty() && !skip_signature) why = signature_problem(cert, level);
        if (!why.empty())
            return make_error(Reason::certificate_too_weak, position(i, count, last_is_anchor) + ": " + why);
    }
    return {};
}

}  // namespace

Status check_verified_chain(stack_st_X509* chain, int level) {
    std::vector<X509*> certs;
    for (int i = 0; chain && i < sk_X509_num(chain); ++i) certs.push_back(sk_X509_value(chain, i));
    return check(certs, level, true);
}

namespace {

using OwnedX509 = std::unique_ptr<X509, decltype(&X509_free)>;

// parse_chain parses a chain we send; nullopt when a certificate does not
// parse, with `bad` saying which.
std::optional<std::vector<OwnedX509>> parse_chain(const std::vector<CertificateDer>& chain, std::string* bad) {
    std::vector<OwnedX509> owned;
    for (const CertificateDer& der : chain) {
        const unsigned char* p = der.data();
        owned.emplace_back(d2i_X509(nullptr, &p, static_cast<long>(der.size())), X509_free);
        if (!owned.back()) {
            ERR_clear_error();
            if (bad) *bad = "certificate " + std::to_string(owned.size()) + " does not parse";
            return std::nullopt;
        }
    }
    return owned;
}

std::vector<X509*> pointers(const std::vector<OwnedX509>& owned) {
    std::vector<X509*> certs;
    for (const auto& c : owned) certs.push_back(c.get());
    return certs;
}

}  // namespace

Status check_own_chain(const std::vector<CertificateDer>& chain, int level) {
    std::string bad;
    auto owned = parse_chain(chain, &bad);
    if (!owned) return make_error(Reason::bad_config, bad);
    return check(pointers(*owned), level, false);
}

int own_chain_strength(const std::vector<CertificateDer>& chain) {
    auto owned = parse_chain(chain, nullptr);
    if (!owned) return 0;
    int weakest = std::numeric_limits<int>::max();
    for (X509* cert : pointers(*owned)) {
        EVP_PKEY* key = X509_get0_pubkey(cert);
        if (!key) {
            ERR_clear_error();
            return 0;
        }
        weakest = std::min(weakest, EVP_PKEY_get_security_bits(key));
        if (!self_signed(cert)) weakest = std::min(weakest, signature_bits(cert));
    }
    return weakest == std::numeric_limits<int>::max() ? 0 : weakest;
}

}  // namespace tlspp::pki
