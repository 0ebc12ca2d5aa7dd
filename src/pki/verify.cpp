// pki/verify.cpp: chain verification with libcrypto's X.509 path validation,
// with its error codes mapped to our Reasons, and certificate summaries.
#include "pki/verify.hpp"

#include <arpa/inet.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <ctime>
#include <optional>
#include <memory>
#include <string>

#include "pki/certified_key.hpp"
#include "pki/security_level.hpp"

namespace tlspp::pki {

namespace {

struct Free {
    void operator()(X509* p) const { X509_free(p); }
    void operator()(STACK_OF(X509)* p) const { sk_X509_pop_free(p, X509_free); }
    void operator()(X509_STORE_CTX* p) const { X509_STORE_CTX_free(p); }
    void operator()(BIO* p) const { BIO_free(p); }
    void operator()(GENERAL_NAMES* p) const { GENERAL_NAMES_free(p); }
    void operator()(BIGNUM* p) const { BN_free(p); }
    void operator()(char* p) const { OPENSSL_free(p); }
};
template <class T> using Ptr = std::unique_ptr<T, Free>;

Ptr<X509> parse(const CertificateDer& der) {
    const unsigned char* p = der.data();
    Ptr<X509> cert(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
    if (cert && p != der.data() + der.size()) cert.reset();  // trailing bytes
    return cert;
}

std::string one_line_name(const X509_NAME* name) {
    Ptr<BIO> bio(BIO_new(BIO_s_mem()));
    if (!bio || X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253) < 0) return "?";
    char* data = nullptr;
    const long len = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(len));
}

Reason reason_for(int verify_error) {
    switch (verify_error) {
    case X509_V_ERR_CERT_HAS_EXPIRED: return Reason::certificate_expired;
    case X509_V_ERR_CERT_NOT_YET_VALID: return Reason::certificate_not_yet_valid;
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
    case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
    case X509_V_ERR_CERT_UNTRUSTED: return Reason::certificate_untrusted;
    case X509_V_ERR_HOSTNAME_MISMATCH:
    case X509_V_ERR_IP_ADDRESS_MISMATCH: return Reason::certificate_name_mismatch;
    case X509_V_ERR_CERT_REVOKED: return Reason::certificate_revoked;
    // With CRLs configured, a status that cannot be established is a failure
    // (TrustStore::from_file(ca, crl) documents it): bad_certificate.
    case X509_V_ERR_UNABLE_TO_GET_CRL:
    case X509_V_ERR_UNABLE_TO_GET_CRL_ISSUER:
    case X509_V_ERR_UNABLE_TO_DECRYPT_CRL_SIGNATURE:
    case X509_V_ERR_CRL_SIGNATURE_FAILURE:
    case X509_V_ERR_CRL_NOT_YET_VALID:
    case X509_V_ERR_CRL_HAS_EXPIRED:
    case X509_V_ERR_ERROR_IN_CRL_LAST_UPDATE_FIELD:
    case X509_V_ERR_ERROR_IN_CRL_NEXT_UPDATE_FIELD: return Reason::certificate_invalid;
    case X509_V_ERR_INVALID_PURPOSE: return Reason::certificate_bad_usage;
    default: return Reason::certificate_invalid;
    }
}

std::string format_time(const ASN1_TIME* t) {
    std::tm tm{};
    if (!t || ASN1_TIME_to_tm(t, &tm) != 1) return "?";
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S UTC", &tm);
    return text;
}

// time_of converts an ASN1_TIME (UTCTime or GeneralizedTime, always UTC in
// certificates, RFC 5280 §4.1.2.5) to a time_point.
std::optional<std::chrono::system_clock::time_point> time_of(const ASN1_TIME* t) {
    std::tm tm{};
    if (!t || ASN1_TIME_to_tm(t, &tm) != 1) return std::nullopt;
    return std::chrono::system_clock::from_time_t(timegm(&tm));
}

// validity_of narrows `out` to the span in which every certificate of
// `chain` is valid.
void narrow_to_validity(STACK_OF(X509)* chain, VerifiedChain& out) {
    for (int i = 0; chain && i < sk_X509_num(chain); ++i) {
        const X509* cert = sk_X509_value(chain, i);
        auto from = time_of(X509_get0_notBefore(cert));
        auto until = time_of(X509_get0_notAfter(cert));
        // An unreadable date has already passed X509_verify_cert; be safe:
        // an empty span, so nothing is cached on it.
        if (!from || !until) {
            out.valid_from = std::chrono::system_clock::time_point::max();
            out.valid_until = std::chrono::system_clock::time_point::min();
            return;
        }
        out.valid_from = std::max(out.valid_from, *from);
        out.valid_until = std::min(out.valid_until, *until);
    }
}

std::string format_ip(const ASN1_OCTET_STRING* ip) {
    char text[INET6_ADDRSTRLEN] = "?";
    const int len = ASN1_STRING_length(ip);
    const int family = len == 4 ? AF_INET : len == 16 ? AF_INET6 : 0;
    if (family) inet_ntop(family, ASN1_STRING_get0_data(ip), text, sizeof text);
    return text;
}

// note_key_usage records what the leaf's keyUsage allows (X509_get_key_usage
// gives all bits when the extension is absent).
void note_key_usage(X509* leaf, VerifiedChain& out) {
    const std::uint32_t usage = X509_get_key_usage(leaf);
    out.leaf_may_sign = (usage & KU_DIGITAL_SIGNATURE) != 0;
    out.leaf_may_encipher = (usage & KU_KEY_ENCIPHERMENT) != 0;
}

std::string string_of(const ASN1_STRING* s) {
    return std::string(reinterpret_cast<const char*>(ASN1_STRING_get0_data(s)),
                       static_cast<std::size_t>(ASN1_STRING_length(s)));
}

}  // namespace

bool is_ip_address(std::string_view host) {
    const std::string text(host);
    unsigned char buf[16];
    return inet_pton(AF_INET, text.c_str(), buf) == 1 || inet_pton(AF_INET6, text.c_str(), buf) == 1;
}

Result<VerifiedChain> leaf_key_unverified(const std::vector<CertificateDer>& chain) {
    if (chain.empty()) return make_error(Reason::certificate_invalid, "empty certificate chain");
    auto key = crypto::PublicKey::from_certificate(chain.front());
    if (!key) return std::move(key).error();
    VerifiedChain result{std::move(*key)};
    // Unverified, but what the certificate says it may do still holds.
    if (Ptr<X509> leaf = parse(chain.front())) note_key_usage(leaf.get(), result);
    ERR_clear_error();
    return result;
}

Result<VerifiedChain> verify_chain(const TrustStore& trust, const std::vector<CertificateDer>& chain,
                                   std::string_view host, std::chrono::system_clock::time_point now,
                                   Purpose purpose, int security_level, SubjectCn subject_cn) {
    if (chain.empty()) return make_error(Reason::certificate_invalid, "empty certificate chain");
    Ptr<X509> leaf = parse(chain.front());
    if (!leaf) {
        ERR_clear_error();
        return make_error(Reason::certificate_invalid, "certificate 1 of the chain does not parse");
    }
    Ptr<STACK_OF(X509)> untrusted(sk_X509_new_null());
    if (!untrusted) return make_error(Reason::internal_error, "verify: out of memory");
    for (std::size_t i = 1; i < chain.size(); ++i) {
        Ptr<X509> cert = parse(chain[i]);
        if (!cert) {
            ERR_clear_error();
            return make_error(Reason::certificate_invalid,
                              "certificate " + std::to_string(i + 1) + " of the chain does not parse");
        }
        if (!sk_X509_push(untrusted.get(), cert.get())) return make_error(Reason::internal_error, "out of memory");
        cert.release();  // now owned by the stack
    }

    Ptr<X509_STORE_CTX> ctx(X509_STORE_CTX_new());
    if (!ctx || X509_STORE_CTX_init(ctx.get(), trust.impl().store, leaf.get(), untrusted.get()) != 1) {
        ERR_clear_error();
        return make_error(Reason::internal_error, "verify: cannot set up the X.509 context");
    }
    X509_VERIFY_PARAM* param = X509_STORE_CTX_get0_param(ctx.get());
    // The injected clock, not the system's, decides validity: tests and replays
    // run at a fixed time.
    X509_VERIFY_PARAM_set_time(param, std::chrono::system_clock::to_time_t(now));
    // RFC 5280 §4.2.1.12 extendedKeyUsage: id-kp-serverAuth / id-kp-clientAuth.
    X509_STORE_CTX_set_purpose(ctx.get(),
                               purpose == Purpose::server_auth ? X509_PURPOSE_SSL_SERVER : X509_PURPOSE_SSL_CLIENT);
    if (!host.empty()) {
        const std::string name(host);
        int ok = 0;
        if (is_ip_address(host)) {
            // RFC 6125 §1.7.2 / RFC 5280 §4.2.1.6: an IP literal matches an
            // iPAddress entry, never a DNS name.
            ok = X509_VERIFY_PARAM_set1_ip_asc(param, name.c_str());
        } else {
            // RFC 6125 §6.4.3: a wildcard only as the complete left-most label.
            // RFC 6125 §6.4.4: no CN-ID when a DNS-ID is present. libcrypto
            // would still try the CN of a certificate whose subjectAltName
            // holds no DNS name (only an IP, say), so the CN is never looked at
            // unless asked for, and then only without a subjectAltName at all.
            unsigned int flags = X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS;
            if (subject_cn == SubjectCn::never || X509_get_ext_by_NID(leaf.get(), NID_subject_alt_name, -1) >= 0)
                flags |= X509_CHECK_FLAG_NEVER_CHECK_SUBJECT;
            X509_VERIFY_PARAM_set_hostflags(param, flags);
            ok = X509_VERIFY_PARAM_set1_host(param, name.data(), name.size());
        }
        if (ok != 1) {
            ERR_clear_error();
            return make_error(Reason::certificate_name_mismatch, "cannot match a certificate against '" + name + "'");
        }
    }

    const int verified = X509_verify_cert(ctx.get());
    if (verified != 1) {
        const int err = X509_STORE_CTX_get_error(ctx.get());
        X509* at = X509_STORE_CTX_get_current_cert(ctx.get());
        std::string detail = X509_verify_cert_error_string(err);
        detail += " (" + one_line_name(X509_get_subject_name(at ? at : leaf.get())) + ")";
        if (!host.empty() && reason_for(err) == Reason::certificate_name_mismatch)
            detail += ", expected '" + std::string(host) + "'";
        ERR_clear_error();
        return make_error(err == X509_V_OK ? Reason::certificate_invalid : reason_for(err), std::move(detail));
    }
    // The key comes from the X509 parsed above: parsing the leaf again would
    // cost as much as the parse itself (≈ 1,500 allocations, docs/performance.md).
    // After path validation, so an untrusted chain is reported as untrusted
    // whatever its strength; our own check rather than libcrypto's auth
    // level, whose errors do not say which certificate and why.
    if (auto strong = check_verified_chain(X509_STORE_CTX_get0_chain(ctx.get()), security_level); !strong)
        return std::move(strong).error();
    auto key = crypto::PublicKey::from_raw(X509_get0_pubkey(leaf.get()));
    if (!key) return std::move(key).error();
    VerifiedChain result{std::move(*key)};
    note_key_usage(leaf.get(), result);
    narrow_to_validity(X509_STORE_CTX_get0_chain(ctx.get()), result);
    return result;
}

Result<CertificateSummary> summarize(std::span<const std::uint8_t> der) {
    const unsigned char* p = der.data();
    Ptr<X509> cert(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
    if (!cert) {
        ERR_clear_error();
        return make_error(Reason::certificate_invalid, "certificate does not parse as DER X.509");
    }
    CertificateSummary s;
    s.subject = one_line_name(X509_get_subject_name(cert.get()));
    s.issuer = one_line_name(X509_get_issuer_name(cert.get()));
    s.not_before = format_time(X509_get0_notBefore(cert.get()));
    s.not_after = format_time(X509_get0_notAfter(cert.get()));

    Ptr<GENERAL_NAMES> names(
        static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(cert.get(), NID_subject_alt_name, nullptr, nullptr)));
    for (int i = 0; names && i < sk_GENERAL_NAME_num(names.get()); ++i) {
        const GENERAL_NAME* n = sk_GENERAL_NAME_value(names.get(), i);
        switch (n->type) {
        case GEN_DNS: s.subject_alt_names.push_back("DNS:" + string_of(n->d.dNSName)); break;
        case GEN_IPADD: s.subject_alt_names.push_back("IP:" + format_ip(n->d.iPAddress)); break;
        case GEN_EMAIL: s.subject_alt_names.push_back("email:" + string_of(n->d.rfc822Name)); break;
        case GEN_URI: s.subject_alt_names.push_back("URI:" + string_of(n->d.uniformResourceIdentifier)); break;
        default: break;
        }
    }

    if (auto key = crypto::PublicKey::from_raw(X509_get0_pubkey(cert.get()))) {
        s.key = std::string(crypto::name(key->type()));
        if (key->type() == crypto::KeyType::rsa || key->type() == crypto::KeyType::unknown)
            s.key += " " + std::to_string(key->bits());
    } else {
        s.key = "unreadable key";
    }

    Ptr<BIGNUM> serial(ASN1_INTEGER_to_BN(X509_get0_serialNumber(cert.get()), nullptr));
    Ptr<char> hex(serial ? BN_bn2hex(serial.get()) : nullptr);
    if (hex) s.serial_hex = hex.get();
    ERR_clear_error();
    return s;
}

}  // namespace tlspp::pki
