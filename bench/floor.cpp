// bench/floor.cpp: see floor.hpp. Each operation is done the plain way a
// libcrypto user does it: a fresh EVP context per operation.
#include "floor.hpp"

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/core_names.h>
#include <openssl/dh.h>
#include <openssl/param_build.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "support/test_pki.hpp"

namespace bench::floor {

namespace {

[[noreturn]] void die(const char* what) {
    std::fprintf(stderr, "bench floor: %s\n", what);
    ERR_print_errors_fp(stderr);
    std::abort();
}

const tlspp::test::Identity& identity(Cert c) {
    return c == Cert::rsa2048 ? tlspp::test::pki().server_rsa : tlspp::test::pki().server_p256;
}

struct Keys {
    EVP_PKEY* priv = nullptr;
    EVP_PKEY* pub = nullptr;
    std::vector<std::uint8_t> leaf_der;
    X509* leaf = nullptr;
    std::vector<std::uint8_t> sig_pss, sig_pkcs1;
};

X509_STORE* ca_store() {
    static X509_STORE* store = [] {
        X509_STORE* s = X509_STORE_new();
        const std::string& pem = tlspp::test::pki().ca_pem;
        BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
        X509* ca = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
        if (!s || !ca || X509_STORE_add_cert(s, ca) != 1) die("CA store");
        X509_free(ca);
        BIO_free(bio);
        return s;
    }();
    return store;
}

// The ServerKeyExchange signature covers client_random, server_random and the
// ECDH parameters with an X25519 key: 32 + 32 + 4 + 32 = 100 bytes.
const std::uint8_t* message() {
    static std::uint8_t m[100];
    static bool init = [] {
        for (int i = 0; i < 100; ++i) m[i] = static_cast<std::uint8_t>(i * 7 + 3);
        return true;
    }();
    (void)init;
    return m;
}

std::vector<std::uint8_t> do_sign(EVP_PKEY* key, bool pss) {
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    EVP_PKEY_CTX* pctx = nullptr;
    if (EVP_DigestSignInit(ctx, &pctx, EVP_sha256(), nullptr, key) != 1) die("DigestSignInit");
    if (pss && (EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) != 1 ||
                EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) != 1))
        die("PSS");
    std::size_t len = 0;
    if (EVP_DigestSign(ctx, nullptr, &len, message(), 100) != 1) die("DigestSign size");
    std::vector<std::uint8_t> sig(len);
    if (EVP_DigestSign(ctx, sig.data(), &len, message(), 100) != 1) die("DigestSign");
    sig.resize(len);
    EVP_MD_CTX_free(ctx);
    return sig;
}

Keys& keys(Cert c) {
    static Keys k[2];
    Keys& out = k[c == Cert::rsa2048 ? 0 : 1];
    if (out.priv) return out;
    const auto& id = identity(c);
    BIO* bio = BIO_new_mem_buf(id.key_pem.data(), static_cast<int>(id.key_pem.size()));
    out.priv = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    out.leaf_der = id.chain_der.front();
    const unsigned char* p = out.leaf_der.data();
    out.leaf = d2i_X509(nullptr, &p, static_cast<long>(out.leaf_der.size()));
    if (!out.priv || !out.leaf) die("keys");
    out.pub = X509_get_pubkey(out.leaf);
    out.sig_pkcs1 = do_sign(out.priv, false);
    if (c == Cert::rsa2048) out.sig_pss = do_sign(out.priv, true);
    return out;
}

bool verify_with(EVP_PKEY* key, bool pss, const std::vector<std::uint8_t>& sig) {
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    EVP_PKEY_CTX* pctx = nullptr;
    if (EVP_DigestVerifyInit(ctx, &pctx, EVP_sha256(), nullptr, key) != 1) die("DigestVerifyInit");
    if (pss && (EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) != 1 ||
                EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) != 1))
        die("PSS");
    const bool ok = EVP_DigestVerify(ctx, sig.data(), sig.size(), message(), 100) == 1;
    EVP_MD_CTX_free(ctx);
    return ok;
}

// verify_leaf: a server leaf (purpose sslserver, host localhost) or a client
// leaf (purpose sslclient, no name), as a TLS server checks a client certificate.
bool verify_leaf(X509* leaf, bool client = false) {
    X509_STORE_CTX* ctx = X509_STORE_CTX_new();
    if (!ctx || X509_STORE_CTX_init(ctx, ca_store(), leaf, nullptr) != 1) die("X509_STORE_CTX_init");
    X509_VERIFY_PARAM* param = X509_STORE_CTX_get0_param(ctx);
    if (!client) {
        X509_VERIFY_PARAM_set_hostflags(param, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
        X509_VERIFY_PARAM_set1_host(param, "localhost", 9);
    }
    X509_STORE_CTX_set_purpose(ctx, client ? X509_PURPOSE_SSL_CLIENT : X509_PURPOSE_SSL_SERVER);
    const bool ok = X509_verify_cert(ctx) == 1;
    X509_STORE_CTX_free(ctx);
    return ok;
}

}  // namespace

void x25519_keygen_derive() {
    static EVP_PKEY* peer = [] {
        std::uint8_t pub[32];
        for (int i = 0; i < 32; ++i) pub[i] = static_cast<std::uint8_t>(9 + i);
        return EVP_PKEY_new_raw_public_key(EVP_PKEY_X25519, nullptr, pub, 32);
    }();
    // Our share: generate, encode the public key (it goes on the wire).
    EVP_PKEY_CTX* kctx = EVP_PKEY_CTX_new_id(EVP_PKEY_X25519, nullptr);
    EVP_PKEY* ours = nullptr;
    if (!kctx || EVP_PKEY_keygen_init(kctx) != 1 || EVP_PKEY_keygen(kctx, &ours) != 1) die("x25519 keygen");
    std::uint8_t pub[32];
    std::size_t pub_len = 32;
    if (EVP_PKEY_get_raw_public_key(ours, pub, &pub_len) != 1) die("x25519 pub");
    // The peer's share arrives as bytes: import it, then derive.
    std::uint8_t peer_pub[32];
    std::size_t peer_len = 32;
    EVP_PKEY_get_raw_public_key(peer, peer_pub, &peer_len);
    EVP_PKEY* theirs = EVP_PKEY_new_raw_public_key(EVP_PKEY_X25519, nullptr, peer_pub, 32);
    EVP_PKEY_CTX* dctx = EVP_PKEY_CTX_new(ours, nullptr);
    std::uint8_t secret[32];
    std::size_t secret_len = 32;
    if (!theirs || !dctx || EVP_PKEY_derive_init(dctx) != 1 || EVP_PKEY_derive_set_peer(dctx, theirs) != 1 ||
        EVP_PKEY_derive(dctx, secret, &secret_len) != 1)
        die("x25519 derive");
    EVP_PKEY_CTX_free(dctx);
    EVP_PKEY_free(theirs);
    EVP_PKEY_free(ours);
    EVP_PKEY_CTX_free(kctx);
}

void sign(Cert cert, bool pss) { (void)do_sign(keys(cert).priv, pss && cert == Cert::rsa2048); }

void verify(Cert cert, bool pss) {
    Keys& k = keys(cert);
    const bool use_pss = pss && cert == Cert::rsa2048;
    if (!verify_with(k.pub, use_pss, use_pss ? k.sig_pss : k.sig_pkcs1)) die("verify failed");
}

void chain_verify(Cert cert) {
    Keys& k = keys(cert);
    const unsigned char* p = k.leaf_der.data();
    X509* leaf = d2i_X509(nullptr, &p, static_cast<long>(k.leaf_der.size()));
    if (!leaf || !verify_leaf(leaf)) die("chain verification failed");
    X509_free(leaf);
}

void chain_verify_preparsed(Cert cert) {
    if (!verify_leaf(keys(cert).leaf)) die("chain verification failed");
}

void parse_leaf(Cert cert) {
    Keys& k = keys(cert);
    const unsigned char* p = k.leaf_der.data();
    X509* leaf = d2i_X509(nullptr, &p, static_cast<long>(k.leaf_der.size()));
    if (!leaf) die("d2i_X509");
    X509_free(leaf);
}

void chain_verify_client() {
    static const std::vector<std::uint8_t> der = tlspp::test::pki().client_rsa.chain_der.front();
    const unsigned char* p = der.data();
    X509* leaf = d2i_X509(nullptr, &p, static_cast<long>(der.size()));
    if (!leaf || !verify_leaf(leaf, true)) die("client chain verification failed");
    X509_free(leaf);
}

namespace {
// The RSA key transport premaster: client_version (3,3) + 46 random bytes.
const std::uint8_t* premaster() {
    static std::uint8_t pm[48];
    static bool init = [] {
        pm[0] = 3, pm[1] = 3;
        for (int i = 2; i < 48; ++i) pm[i] = static_cast<std::uint8_t>(i * 11 + 5);
        return true;
    }();
    (void)init;
    return pm;
}

std::vector<std::uint8_t> do_encrypt(EVP_PKEY* pub) {
    EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_from_pkey(nullptr, pub, nullptr);
    std::size_t len = 0;
    if (!ctx || EVP_PKEY_encrypt_init(ctx) != 1 || EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PADDING) != 1 ||
        EVP_PKEY_encrypt(ctx, nullptr, &len, premaster(), 48) != 1)
        die("RSA encrypt init");
    std::vector<std::uint8_t> out(len);
    if (EVP_PKEY_encrypt(ctx, out.data(), &len, premaster(), 48) != 1) die("RSA encrypt");
    out.resize(len);
    EVP_PKEY_CTX_free(ctx);
    return out;
}
}  // namespace

void rsa_encrypt() { (void)do_encrypt(keys(Cert::rsa2048).pub); }

void rsa_decrypt() {
    static const std::vector<std::uint8_t> ct = do_encrypt(keys(Cert::rsa2048).pub);
    EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_from_pkey(nullptr, keys(Cert::rsa2048).priv, nullptr);
    std::uint8_t out[256];
    std::size_t len = sizeof out;
    if (!ctx || EVP_PKEY_decrypt_init(ctx) != 1 || EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PADDING) != 1 ||
        EVP_PKEY_decrypt(ctx, out, &len, ct.data(), ct.size()) != 1 || len != 48 ||
        std::memcmp(out, premaster(), 48) != 0)
        die("RSA decrypt");
    EVP_PKEY_CTX_free(ctx);
}

namespace {
EVP_PKEY* ffdhe_keygen() {
    EVP_PKEY_CTX* kctx = EVP_PKEY_CTX_new_from_name(nullptr, "DH", nullptr);
    EVP_PKEY* key = nullptr;
    if (!kctx || EVP_PKEY_keygen_init(kctx) != 1 || EVP_PKEY_CTX_set_group_name(kctx, "ffdhe2048") != 1 ||
        EVP_PKEY_keygen(kctx, &key) != 1)
        die("ffdhe2048 keygen");
    EVP_PKEY_CTX_free(kctx);
    return key;
}

std::vector<std::uint8_t> ffdhe_public(EVP_PKEY* key) {
    BIGNUM* y = nullptr;
    std::vector<std::uint8_t> out(256);
    if (EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_PUB_KEY, &y) != 1 ||
        BN_bn2binpad(y, out.data(), static_cast<int>(out.size())) < 0)
        die("ffdhe2048 public value");
    BN_free(y);
    return out;
}

const std::vector<std::uint8_t>& ffdhe_peer_pub() {
    static const std::vector<std::uint8_t> peer_pub = [] {
        EVP_PKEY* k = ffdhe_keygen();
        auto pub = ffdhe_public(k);
        EVP_PKEY_free(k);
        return pub;
    }();
    return peer_pub;
}

// ffdhe_import: the peer's value arrives as bytes; RFC 7919 §5.1 asks only
// for 1 < Y < p-1 (a safe prime: no small subgroup but {1, p-1}).
EVP_PKEY* ffdhe_import(const std::vector<std::uint8_t>& pub) {
    BIGNUM* y = BN_bin2bn(pub.data(), static_cast<int>(pub.size()), nullptr);
    static const BIGNUM* p_minus_1 = [] {   // the group's p - 1, once
        EVP_PKEY* k = ffdhe_keygen();
        BIGNUM* p = nullptr;
        if (EVP_PKEY_get_bn_param(k, OSSL_PKEY_PARAM_FFC_P, &p) != 1 || BN_sub_word(p, 1) != 1) die("ffdhe2048 p");
        EVP_PKEY_free(k);
        return p;
    }();
    if (!y || BN_cmp(y, BN_value_one()) <= 0 || BN_cmp(y, p_minus_1) >= 0) die("ffdhe2048 range check");
    OSSL_PARAM_BLD* bld = OSSL_PARAM_BLD_new();
    if (!bld || OSSL_PARAM_BLD_push_utf8_string(bld, OSSL_PKEY_PARAM_GROUP_NAME, "ffdhe2048", 0) != 1 ||
        OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_PUB_KEY, y) != 1)
        die("ffdhe2048 params");
    OSSL_PARAM* params = OSSL_PARAM_BLD_to_param(bld);
    EVP_PKEY_CTX* fctx = EVP_PKEY_CTX_new_from_name(nullptr, "DH", nullptr);
    EVP_PKEY* theirs = nullptr;
    if (!params || !fctx || EVP_PKEY_fromdata_init(fctx) != 1 ||
        EVP_PKEY_fromdata(fctx, &theirs, EVP_PKEY_PUBLIC_KEY, params) != 1)
        die("ffdhe2048 import");
    EVP_PKEY_CTX_free(fctx);
    OSSL_PARAM_free(params);
    OSSL_PARAM_BLD_free(bld);
    BN_free(y);
    return theirs;
}
}  // namespace

void ffdhe2048_keygen_derive() {
    // Our share: generate, encode the public value (it goes on the wire).
    EVP_PKEY* ours = ffdhe_keygen();
    (void)ffdhe_public(ours);
    EVP_PKEY* theirs = ffdhe_import(ffdhe_peer_pub());
    // Derive, padded as TLS does. validate_peer = 0: libcrypto's default
    // (EVP_PKEY_derive_set_peer) adds a full public-key check, Y^q mod p with
    // a 2047-bit q, which RFC 7919 does not require; ffdhe2048_peer_check times it.
    EVP_PKEY_CTX* dctx = EVP_PKEY_CTX_new_from_pkey(nullptr, ours, nullptr);
    std::uint8_t secret[256];
    std::size_t secret_len = sizeof secret;
    if (!dctx || EVP_PKEY_derive_init(dctx) != 1 || EVP_PKEY_CTX_set_dh_pad(dctx, 1) != 1 ||
        EVP_PKEY_derive_set_peer_ex(dctx, theirs, 0) != 1 || EVP_PKEY_derive(dctx, secret, &secret_len) != 1)
        die("ffdhe2048 derive");
    EVP_PKEY_CTX_free(dctx);
    EVP_PKEY_free(theirs);
    EVP_PKEY_free(ours);
}

void ffdhe2048_peer_check() {
    EVP_PKEY* theirs = ffdhe_import(ffdhe_peer_pub());
    EVP_PKEY_CTX* cctx = EVP_PKEY_CTX_new_from_pkey(nullptr, theirs, nullptr);
    if (!cctx || EVP_PKEY_public_check(cctx) != 1) die("ffdhe2048 public check");
    EVP_PKEY_CTX_free(cctx);
    EVP_PKEY_free(theirs);
}

// ---- raw AEAD ----

RawAead::RawAead(Aead aead) {
    const EVP_CIPHER* cipher = aead == Aead::aes128gcm   ? EVP_aes_128_gcm()
                               : aead == Aead::aes256gcm ? EVP_aes_256_gcm()
                                                         : EVP_chacha20_poly1305();
    std::uint8_t key[32];
    for (int i = 0; i < 32; ++i) key[i] = static_cast<std::uint8_t>(i);
    for (int i = 0; i < 12; ++i) iv_[i] = static_cast<std::uint8_t>(100 + i);
    auto* enc = EVP_CIPHER_CTX_new();
    auto* dec = EVP_CIPHER_CTX_new();
    if (EVP_EncryptInit_ex(enc, cipher, nullptr, key, nullptr) != 1 ||
        EVP_DecryptInit_ex(dec, cipher, nullptr, key, nullptr) != 1)
        die("AEAD init");
    enc_ = enc;
    dec_ = dec;
}

RawAead::~RawAead() {
    EVP_CIPHER_CTX_free(static_cast<EVP_CIPHER_CTX*>(enc_));
    EVP_CIPHER_CTX_free(static_cast<EVP_CIPHER_CTX*>(dec_));
}

void RawAead::seal_open(std::vector<std::uint8_t>& buf) {
    auto* enc = static_cast<EVP_CIPHER_CTX*>(enc_);
    auto* dec = static_cast<EVP_CIPHER_CTX*>(dec_);
    // RFC 5288 / RFC 7905 nonces: the sequence number in the IV; AAD = seq, type, version, length.
    std::uint8_t nonce[12];
    std::memcpy(nonce, iv_, 12);
    for (int i = 0; i < 8; ++i) nonce[4 + i] ^= static_cast<std::uint8_t>(seq_ >> (56 - 8 * i));
    std::uint8_t aad[13] = {};
    for (int i = 0; i < 8; ++i) aad[i] = static_cast<std::uint8_t>(seq_ >> (56 - 8 * i));
    aad[8] = 23, aad[9] = 3, aad[10] = 3;
    aad[11] = static_cast<std::uint8_t>(buf.size() >> 8), aad[12] = static_cast<std::uint8_t>(buf.size());
    ++seq_;
    const int n = static_cast<int>(buf.size());
    int len = 0;
    std::uint8_t tag[16];
    if (EVP_EncryptInit_ex(enc, nullptr, nullptr, nullptr, nonce) != 1 ||
        EVP_EncryptUpdate(enc, nullptr, &len, aad, 13) != 1 ||
        EVP_EncryptUpdate(enc, buf.data(), &len, buf.data(), n) != 1 ||
        EVP_EncryptFinal_ex(enc, buf.data() + len, &len) != 1 ||
        EVP_CIPHER_CTX_ctrl(enc, EVP_CTRL_AEAD_GET_TAG, 16, tag) != 1)
        die("seal");
    if (EVP_DecryptInit_ex(dec, nullptr, nullptr, nullptr, nonce) != 1 ||
        EVP_DecryptUpdate(dec, nullptr, &len, aad, 13) != 1 ||
        EVP_DecryptUpdate(dec, buf.data(), &len, buf.data(), n) != 1 ||
        EVP_CIPHER_CTX_ctrl(dec, EVP_CTRL_AEAD_SET_TAG, 16, tag) != 1 ||
        EVP_DecryptFinal_ex(dec, buf.data() + len, &len) != 1)
        die("open");
}

}  // namespace bench::floor
