// Test PKI, built with libcrypto directly (tests may; the library may not
// outside crypto/ and pki/). Generating RSA keys is slow, so everything is
// made once per process and shared.
#include "support/test_pki.hpp"

#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>

namespace tlspp::test {

namespace {

[[noreturn]] void die(const char* what) {
    std::fprintf(stderr, "test_pki: %s\n", what);
    std::abort();
}

using Key = std::shared_ptr<EVP_PKEY>;
using Cert = std::shared_ptr<X509>;

Key keygen(const char* type, const char* curve_or_null, std::size_t rsa_bits = 0) {
    EVP_PKEY* key = rsa_bits ? EVP_PKEY_Q_keygen(nullptr, nullptr, type, rsa_bits)
                  : curve_or_null ? EVP_PKEY_Q_keygen(nullptr, nullptr, type, curve_or_null)
                                  : EVP_PKEY_Q_keygen(nullptr, nullptr, type);
    if (!key) die("key generation failed");
    return {key, EVP_PKEY_free};
}

struct Spec {
    std::string cn;
    std::string san;            // "DNS:localhost,IP:127.0.0.1", or "" for none
    std::string eku;            // "serverAuth", "clientAuth", or "" (CA)
    long from_days = -1;        // validity, in days from now
    long to_days = 30;
    bool ca = false;
    bool key_encipherment = false;  // RSA leaves: TLS 1.2 RSA key transport
    std::string key_usage;      // overrides the keyUsage above ("" keeps it)
    bool omit_key_usage = false; // no keyUsage extension at all
    const EVP_MD* md = nullptr; // the issuer's signature hash; nullptr: SHA-256
};

void add_ext(X509* cert, X509V3_CTX* ctx, int nid, const std::string& value) {
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, ctx, nid, value.c_str());
    if (!ext || !X509_add_ext(cert, ext, -1)) die("cannot add an extension");
    X509_EXTENSION_free(ext);
}

// issue makes a certificate for `key`, signed by `issuer_key` (self-signed when
// `issuer` is null), with SHA-256 unless spec.md says otherwise.
Cert issue(const Key& key, const Spec& spec, const Cert& issuer, const Key& issuer_key) {
    Cert cert(X509_new(), X509_free);
    X509* x = cert.get();
    if (!x || !X509_set_version(x, X509_VERSION_3)) die("X509_new");
    std::unique_ptr<BIGNUM, decltype(&BN_free)> serial(BN_new(), BN_free);
    if (!serial || !BN_rand(serial.get(), 63, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) ||
        !BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(x)))
        die("serial");
    X509_time_adj_ex(X509_getm_notBefore(x), static_cast<int>(spec.from_days), 0, nullptr);
    X509_time_adj_ex(X509_getm_notAfter(x), static_cast<int>(spec.to_days), 0, nullptr);
    X509_NAME* name = X509_get_subject_name(x);
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>("tlspp test"), -1,
                               -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(spec.cn.c_str()),
                               -1, -1, 0);
    X509_set_issuer_name(x, issuer ? X509_get_subject_name(issuer.get()) : name);
    if (!X509_set_pubkey(x, key.get())) die("X509_set_pubkey");

    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, issuer ? issuer.get() : x, x, nullptr, nullptr, 0);
    X509V3_set_ctx_nodb(&ctx);
    add_ext(x, &ctx, NID_subject_key_identifier, "hash");
    add_ext(x, &ctx, NID_authority_key_identifier, "keyid:always");
    if (spec.omit_key_usage) {
        add_ext(x, &ctx, NID_basic_constraints, spec.ca ? "critical,CA:TRUE" : "critical,CA:FALSE");
    } else if (!spec.key_usage.empty()) {
        add_ext(x, &ctx, NID_basic_constraints, spec.ca ? "critical,CA:TRUE" : "critical,CA:FALSE");
        add_ext(x, &ctx, NID_key_usage, spec.key_usage);
    } else if (spec.ca) {
        add_ext(x, &ctx, NID_basic_constraints, "critical,CA:TRUE");
        add_ext(x, &ctx, NID_key_usage, "critical,keyCertSign,cRLSign");
    } else {
        add_ext(x, &ctx, NID_basic_constraints, "critical,CA:FALSE");
        add_ext(x, &ctx, NID_key_usage,
                spec.key_encipherment ? "critical,digitalSignature,keyEncipherment" : "critical,digitalSignature");
    }
    if (!spec.eku.empty()) add_ext(x, &ctx, NID_ext_key_usage, spec.eku);
    if (!spec.san.empty()) add_ext(x, &ctx, NID_subject_alt_name, spec.san);
    if (!X509_sign(x, issuer_key.get(), spec.md ? spec.md : EVP_sha256())) die("X509_sign");
    return cert;
}

std::string pem_of(const Cert& cert) {
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
    if (!bio || !PEM_write_bio_X509(bio.get(), cert.get())) die("PEM_write_bio_X509");
    char* data = nullptr;
    long len = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(len));
}

std::string pem_of(const Key& key) {
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
    if (!bio || !PEM_write_bio_PrivateKey(bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr))
        die("PEM_write_bio_PrivateKey");
    char* data = nullptr;
    long len = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(len));
}

CertificateDer der_of(const Cert& cert) {
    unsigned char* der = nullptr;
    int len = i2d_X509(cert.get(), &der);
    if (len <= 0) die("i2d_X509");
    CertificateDer out(der, der + len);
    OPENSSL_free(der);
    return out;
}

// crl_of makes a CRL signed by `issuer_key`, valid from a day ago for 30
// days, listing the serial numbers of `revoked`.
std::string crl_of(const Cert& issuer, const Key& issuer_key, const std::vector<Cert>& revoked) {
    std::unique_ptr<X509_CRL, decltype(&X509_CRL_free)> crl(X509_CRL_new(), X509_CRL_free);
    X509_CRL* c = crl.get();
    if (!c || !X509_CRL_set_version(c, 1 /* v2 */) || !X509_CRL_set_issuer_name(c, X509_get_subject_name(issuer.get())))
        die("X509_CRL_new");
    std::unique_ptr<ASN1_TIME, decltype(&ASN1_TIME_free)> last(X509_time_adj_ex(nullptr, -1, 0, nullptr),
                                                              ASN1_TIME_free);
    std::unique_ptr<ASN1_TIME, decltype(&ASN1_TIME_free)> next(X509_time_adj_ex(nullptr, 30, 0, nullptr),
                                                              ASN1_TIME_free);
    if (!last || !next || !X509_CRL_set1_lastUpdate(c, last.get()) || !X509_CRL_set1_nextUpdate(c, next.get()))
        die("CRL dates");
    for (const auto& cert : revoked) {
        X509_REVOKED* r = X509_REVOKED_new();
        if (!r || !X509_REVOKED_set_serialNumber(r, X509_get_serialNumber(cert.get())) ||
            !X509_REVOKED_set_revocationDate(r, last.get()) || !X509_CRL_add0_revoked(c, r))
            die("X509_REVOKED");
    }
    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, issuer.get(), nullptr, nullptr, c, 0);
    X509V3_set_ctx_nodb(&ctx);
    X509_EXTENSION* akid = X509V3_EXT_conf_nid(nullptr, &ctx, NID_authority_key_identifier, "keyid:always");
    if (!akid || !X509_CRL_add_ext(c, akid, -1)) die("CRL authorityKeyIdentifier");
    X509_EXTENSION_free(akid);
    if (!X509_CRL_sort(c) || !X509_CRL_sign(c, issuer_key.get(), EVP_sha256())) die("X509_CRL_sign");
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
    if (!bio || !PEM_write_bio_X509_CRL(bio.get(), c)) die("PEM_write_bio_X509_CRL");
    char* data = nullptr;
    long len = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(len));
}

// identity assembles the chain leaf, then `issuers` (not the root when it is
// the trust anchor: a peer need not send it).
Identity identity(std::string name, const Cert& leaf, const Key& key, std::vector<Cert> issuers) {
    Identity id;
    id.name = std::move(name);
    id.key_pem = pem_of(key);
    id.chain_pem = pem_of(leaf);
    id.chain_der.push_back(der_of(leaf));
    for (const auto& c : issuers) {
        id.chain_pem += pem_of(c);
        id.chain_der.push_back(der_of(c));
    }
    return id;
}

const std::string kServerSan = "DNS:localhost,IP:127.0.0.1";

// The root's certificate and key, kept by build() for issue_server_leaf.
struct Root {
    Cert cert;
    Key key;
};
Root& root() {
    static Root r;
    return r;
}

Pki build() {
    auto ca_spec = [](std::string cn) {
        Spec spec;
        spec.cn = std::move(cn), spec.to_days = 3650, spec.ca = true;
        return spec;
    };
    Key ca_key = keygen("EC", "P-256");
    Cert ca = issue(ca_key, ca_spec("tlspp test root CA"), nullptr, ca_key);
    Key other_ca_key = keygen("EC", "P-256");
    Cert other_ca = issue(other_ca_key, ca_spec("tlspp untrusted CA"), nullptr, other_ca_key);
    Key inter_key = keygen("EC", "P-256");
    Cert inter = issue(inter_key, ca_spec("tlspp test intermediate CA"), ca, ca_key);

    Key rsa = keygen("RSA", nullptr, 2048);
    Key p256 = keygen("EC", "P-256");
    Key p384 = keygen("EC", "P-384");
    Key ed25519 = keygen("ED25519", nullptr);
    Key client_key = keygen("EC", "P-256");
    Key revoked_key = keygen("EC", "P-256");

    const Spec server{.cn = "localhost", .san = kServerSan, .eku = "serverAuth"};
    Spec rsa_server = server;
    rsa_server.key_encipherment = true;
    Spec expired = server, not_yet = server, wrong_host = server;
    expired.from_days = -60, expired.to_days = -30;
    not_yet.from_days = 30, not_yet.to_days = 60;
    wrong_host.cn = "other.example", wrong_host.san = "DNS:other.example";
    const Spec client{.cn = "client.tlspp.test", .san = "DNS:client.tlspp.test", .eku = "clientAuth"};
    Spec client_rsa = client;
    client_rsa.key_encipherment = true;

    root() = Root{ca, ca_key};
    auto trust = TrustStore::from_pem(pem_of(ca));
    if (!trust) die(trust.error().detail.c_str());
    Pki pki(pem_of(ca), std::move(*trust));
    pki.server_rsa = identity("server_rsa", issue(rsa, rsa_server, ca, ca_key), rsa, {});
    pki.server_p256 = identity("server_p256", issue(p256, server, ca, ca_key), p256, {});
    pki.server_p384 = identity("server_p384", issue(p384, server, ca, ca_key), p384, {});
    pki.server_ed25519 = identity("server_ed25519", issue(ed25519, server, ca, ca_key), ed25519, {});
    pki.server_via_intermediate =
        identity("server_via_intermediate", issue(p256, server, inter, inter_key), p256, {inter});
    pki.expired = identity("expired", issue(p256, expired, ca, ca_key), p256, {});
    pki.not_yet_valid = identity("not_yet_valid", issue(p256, not_yet, ca, ca_key), p256, {});
    pki.wrong_host = identity("wrong_host", issue(p256, wrong_host, ca, ca_key), p256, {});
    pki.untrusted = identity("untrusted", issue(p256, server, other_ca, other_ca_key), p256, {});
    pki.untrusted_ca_pem = pem_of(other_ca);
    pki.client = identity("client", issue(client_key, client, ca, ca_key), client_key, {});
    pki.client_rsa = identity("client_rsa", issue(rsa, client_rsa, ca, ca_key), rsa, {});
    Spec revoked = client;
    revoked.cn = "revoked.tlspp.test", revoked.san = "DNS:revoked.tlspp.test";
    Cert revoked_cert = issue(revoked_key, revoked, ca, ca_key);
    pki.client_revoked = identity("client_revoked", revoked_cert, revoked_key, {});
    pki.crl_pem = crl_of(ca, ca_key, {revoked_cert});
    pki.crl_empty_pem = crl_of(ca, ca_key, {});
    auto with_crl = TrustStore::from_pem(pki.ca_pem, pki.crl_pem);
    if (!with_crl) die(with_crl.error().detail.c_str());
    pki.trust_with_crl = std::move(*with_crl);
    return pki;
}

// build_policy makes PolicyPki (test_pki.hpp). The root is RSA, so it can
// sign with MD5 (there is no ECDSA-with-MD5), and signs itself with SHA-1:
// every chain that passes at level 2 shows the anchor's own signature is exempt.
PolicyPki build_policy() {
    Key root_key = keygen("RSA", nullptr, 2048);
    Key inter_key = keygen("RSA", nullptr, 2048);
    Key rsa2048 = keygen("RSA", nullptr, 2048);
    Key rsa1024 = keygen("RSA", nullptr, 1024);
    Key rsa512 = keygen("RSA", nullptr, 512);
    Key p256 = keygen("EC", "P-256");
    Key p192 = keygen("EC", "P-192");

    Spec root_spec;
    root_spec.cn = "tlspp policy root CA", root_spec.to_days = 3650, root_spec.ca = true, root_spec.md = EVP_sha1();
    Cert root = issue(root_key, root_spec, nullptr, root_key);
    Spec inter_spec = root_spec;
    inter_spec.cn = "tlspp policy SHA-1 intermediate CA";
    Cert sha1_inter = issue(inter_key, inter_spec, root, root_key);

    const Spec server{.cn = "localhost", .san = kServerSan, .eku = "serverAuth"};
    auto with = [&](std::string ku, const EVP_MD* md) {
        Spec s = server;
        s.key_usage = std::move(ku), s.md = md;
        return s;
    };
    const std::string both = "critical,digitalSignature,keyEncipherment";
    Spec client{.cn = "client.tlspp.test", .san = "DNS:client.tlspp.test", .eku = "clientAuth"};

    auto trust = TrustStore::from_pem(pem_of(root));
    if (!trust) die(trust.error().detail.c_str());
    PolicyPki p{pem_of(root), std::move(*trust)};
    p.strong = identity("policy_strong", issue(p256, server, root, root_key), p256, {});
    p.sha1_leaf = identity("policy_sha1_leaf", issue(p256, with("", EVP_sha1()), root, root_key), p256, {});
    p.md5_leaf = identity("policy_md5_leaf", issue(p256, with("", EVP_md5()), root, root_key), p256, {});
    p.sha1_intermediate =
        identity("policy_sha1_intermediate", issue(p256, server, sha1_inter, inter_key), p256, {sha1_inter});
    p.rsa1024 = identity("policy_rsa1024", issue(rsa1024, with(both, nullptr), root, root_key), rsa1024, {});
    p.rsa512 = identity("policy_rsa512", issue(rsa512, with(both, nullptr), root, root_key), rsa512, {});
    p.p192 = identity("policy_p192", issue(p192, server, root, root_key), p192, {});
    p.rsa_sign_only =
        identity("policy_rsa_sign_only", issue(rsa2048, with("critical,digitalSignature", nullptr), root, root_key),
                 rsa2048, {});
    p.rsa_encipher_only =
        identity("policy_rsa_encipher_only", issue(rsa2048, with("critical,keyEncipherment", nullptr), root, root_key),
                 rsa2048, {});
    Spec no_key_usage = server;
    no_key_usage.omit_key_usage = true;
    p.rsa_no_key_usage =
        identity("policy_rsa_no_key_usage", issue(rsa2048, no_key_usage, root, root_key), rsa2048, {});
    p.p256_key_agreement_only =
        identity("policy_p256_key_agreement_only", issue(p256, with("critical,keyAgreement", nullptr), root, root_key),
                 p256, {});
    Spec client_sha1 = client;
    client_sha1.md = EVP_sha1();
    p.client_sha1 = identity("policy_client_sha1", issue(p256, client_sha1, root, root_key), p256, {});
    p.client_rsa1024 = identity("policy_client_rsa1024", issue(rsa1024, client, root, root_key), rsa1024, {});
    p.client_strong = identity("policy_client_strong", issue(p256, client, root, root_key), p256, {});
    return p;
}

bool write(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    return static_cast<bool>(out.flush());
}

}  // namespace

std::string Identity::leaf_pem() const {
    static const std::string end = "-----END CERTIFICATE-----";
    auto at = chain_pem.find(end);
    if (at == std::string::npos) return chain_pem;
    return chain_pem.substr(0, at + end.size()) + "\n";
}

CertifiedKey Identity::certified_key() const {
    auto loaded = CertifiedKey::from_pem(chain_pem, key_pem);
    if (!loaded) die(("cannot load " + name + ": " + loaded.error().detail).c_str());
    return *loaded;
}

std::vector<const Identity*> Pki::all() const {
    return {&server_rsa, &server_p256, &server_p384, &server_ed25519, &server_via_intermediate, &expired,
            &not_yet_valid, &wrong_host, &untrusted, &client, &client_rsa, &client_revoked};
}

const Pki& pki() {
    static const Pki instance = build();
    return instance;
}

const PolicyPki& policy_pki() {
    static const PolicyPki instance = build_policy();
    return instance;
}

Identity issue_server_leaf(const std::string& name, const std::string& cn, const std::string& san) {
    (void)pki();   // builds the root
    Key key = keygen("EC", "P-256");
    const Spec spec{.cn = cn, .san = san, .eku = "serverAuth"};
    return identity(name, issue(key, spec, root().cert, root().key), key, {});
}

bool write_pki_files(const std::string& dir) {
    const Pki& p = pki();
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    const std::filesystem::path base(dir);
    bool ok = write(base / "ca.pem", p.ca_pem) && write(base / "untrusted_ca.pem", p.untrusted_ca_pem) &&
              write(base / "crl.pem", p.crl_pem);
    for (const Identity* id : p.all())
        ok = ok && write(base / (id->name + ".pem"), id->chain_pem) && write(base / (id->name + ".key"), id->key_pem);
    return ok;
}

}  // namespace tlspp::test
