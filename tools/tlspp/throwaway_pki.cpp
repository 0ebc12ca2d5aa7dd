// tools/tlspp/throwaway_pki.cpp: built with libcrypto directly (the tool may;
// the library keeps libcrypto inside crypto/ and pki/).
#include "throwaway_pki.hpp"

#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace tlspp::cli {

namespace {

using Key = std::shared_ptr<EVP_PKEY>;
using Cert = std::shared_ptr<X509>;

Key p256_key() {
    EVP_PKEY* key = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
    return key ? Key(key, EVP_PKEY_free) : nullptr;
}

Key rsa_key() {
    EVP_PKEY* key = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(2048));
    return key ? Key(key, EVP_PKEY_free) : nullptr;
}

enum class Role { ca, server, client };

bool add_ext(X509* cert, X509V3_CTX* ctx, int nid, const char* value) {
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, ctx, nid, value);
    bool ok = ext && X509_add_ext(cert, ext, -1);
    X509_EXTENSION_free(ext);
    return ok;
}

// issue makes a certificate for `key` valid from an hour ago for a day,
// signed by issuer_key (self-signed when `issuer` is null).
Cert issue(const Key& key, const char* cn, Role role, const Cert& issuer, const Key& issuer_key) {
    Cert cert(X509_new(), X509_free);
    X509* x = cert.get();
    if (!x || !X509_set_version(x, X509_VERSION_3)) return nullptr;
    std::unique_ptr<BIGNUM, decltype(&BN_free)> serial(BN_new(), BN_free);
    if (!serial || !BN_rand(serial.get(), 63, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) ||
        !BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(x)))
        return nullptr;
    X509_gmtime_adj(X509_getm_notBefore(x), -3600);
    X509_gmtime_adj(X509_getm_notAfter(x), 24 * 3600);
    X509_NAME* name = X509_get_subject_name(x);
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>("tlspp explain"), -1,
                               -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(cn), -1, -1, 0);
    X509_set_issuer_name(x, issuer ? X509_get_subject_name(issuer.get()) : name);
    if (!X509_set_pubkey(x, key.get())) return nullptr;
    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, issuer ? issuer.get() : x, x, nullptr, nullptr, 0);
    X509V3_set_ctx_nodb(&ctx);
    bool ok = add_ext(x, &ctx, NID_subject_key_identifier, "hash") &&
              add_ext(x, &ctx, NID_authority_key_identifier, "keyid:always");
    if (role == Role::ca) {
        ok = ok && add_ext(x, &ctx, NID_basic_constraints, "critical,CA:TRUE") &&
             add_ext(x, &ctx, NID_key_usage, "critical,keyCertSign,cRLSign");
    } else if (role == Role::server) {
        // keyEncipherment: RSA key exchange encrypts the pre-master secret to this key.
        ok = ok && add_ext(x, &ctx, NID_basic_constraints, "critical,CA:FALSE") &&
             add_ext(x, &ctx, NID_key_usage, "critical,digitalSignature,keyEncipherment") &&
             add_ext(x, &ctx, NID_ext_key_usage, "serverAuth") &&
             add_ext(x, &ctx, NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1");
    } else {
        ok = ok && add_ext(x, &ctx, NID_basic_constraints, "critical,CA:FALSE") &&
             add_ext(x, &ctx, NID_key_usage, "critical,digitalSignature") &&
             add_ext(x, &ctx, NID_ext_key_usage, "clientAuth");
    }
    if (!ok || !X509_sign(x, issuer_key.get(), EVP_sha256())) return nullptr;
    return cert;
}

template <class Write>
std::string pem(Write write) {
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
    if (!bio || !write(bio.get())) return {};
    char* data = nullptr;
    long len = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(len));
}

std::string pem_of(const Cert& c) {
    return pem([&](BIO* b) { return PEM_write_bio_X509(b, c.get()); });
}
std::string pem_of(const Key& k) {
    return pem([&](BIO* b) { return PEM_write_bio_PrivateKey(b, k.get(), nullptr, nullptr, 0, nullptr, nullptr); });
}

}  // namespace

Result<ThrowawayPki> make_throwaway_pki() {
    Key ca_key = p256_key(), leaf_key = p256_key(), rsa_leaf_key = rsa_key(), client_key = p256_key();
    if (!ca_key || !leaf_key || !rsa_leaf_key || !client_key)
        return make_error(Reason::bad_config, "throwaway PKI: key generation failed");
    Cert ca = issue(ca_key, "tlspp explain throwaway CA", Role::ca, nullptr, ca_key);
    Cert leaf = ca ? issue(leaf_key, "localhost", Role::server, ca, ca_key) : nullptr;
    Cert rsa_leaf = ca ? issue(rsa_leaf_key, "localhost", Role::server, ca, ca_key) : nullptr;
    Cert client = ca ? issue(client_key, "client", Role::client, ca, ca_key) : nullptr;
    if (!leaf || !rsa_leaf || !client) return make_error(Reason::bad_config, "throwaway PKI: cannot issue the certificates");
    auto trust = TrustStore::from_pem(pem_of(ca));
    if (!trust) return std::move(trust).error();
    auto p256 = CertifiedKey::from_pem(pem_of(leaf), pem_of(leaf_key));
    if (!p256) return std::move(p256).error();
    auto rsa = CertifiedKey::from_pem(pem_of(rsa_leaf), pem_of(rsa_leaf_key));
    if (!rsa) return std::move(rsa).error();
    auto client_identity = CertifiedKey::from_pem(pem_of(client), pem_of(client_key));
    if (!client_identity) return std::move(client_identity).error();
    return ThrowawayPki{std::move(*trust), std::move(*p256), std::move(*rsa), std::move(*client_identity)};
}

}  // namespace tlspp::cli
