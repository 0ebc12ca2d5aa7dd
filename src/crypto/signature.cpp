// crypto/signature.cpp: TLS SignatureSchemes on top of EVP_PKEY_sign and
// EVP_DigestVerify. The scheme fixes the hash and padding; the key fixes the
// algorithm. Which pairs fit is decided once, in scheme_fits_key.
#include "crypto/signature.hpp"

#include "crypto/hash.hpp"
#include "fuzz/mode.hpp"

#include <openssl/bio.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <array>
#include <cstring>
#include <mutex>
#include <utility>

namespace tlspp::crypto {

namespace {

struct Free {
    void operator()(EVP_MD_CTX* p) const { EVP_MD_CTX_free(p); }
    void operator()(BIO* p) const { BIO_free(p); }
    void operator()(X509* p) const { X509_free(p); }
};
template <class T> using Ptr = std::unique_ptr<T, Free>;

std::shared_ptr<evp_pkey_st> share(EVP_PKEY* key) { return {key, [](EVP_PKEY* k) { EVP_PKEY_free(k); }}; }

KeyType key_type(const EVP_PKEY* key) {
    switch (EVP_PKEY_get_base_id(key)) {
    case EVP_PKEY_RSA: return KeyType::rsa;
    case EVP_PKEY_ED25519: return KeyType::ed25519;
    case EVP_PKEY_ED448: return KeyType::ed448;
    case EVP_PKEY_EC: break;
    default: return KeyType::unknown;
    }
    char group[64] = {};
    std::size_t len = 0;
    if (!EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group, &len))
        return KeyType::unknown;
    if (!std::strcmp(group, "prime256v1") || !std::strcmp(group, "P-256")) return KeyType::ecdsa_p256;
    if (!std::strcmp(group, "secp384r1") || !std::strcmp(group, "P-384")) return KeyType::ecdsa_p384;
    if (!std::strcmp(group, "secp521r1") || !std::strcmp(group, "P-521")) return KeyType::ecdsa_p521;
    return KeyType::unknown;
}

enum class Family { rsa_pkcs1, rsa_pss, ecdsa, eddsa, other };

// The one table of signature schemes: what each code point means. Every
// question about a scheme (does it fit a key, in which version, which hash,
// is it known at all) is answered from here; names are in wire/names.cpp
// like every other code point's.
struct SchemeRow {
    SignatureScheme scheme;
    Family family;
    HashAlg hash;       // what is hashed (meaningless for EdDSA, which hashes internally)
    KeyType curve;      // ECDSA: the curve TLS 1.3 ties the scheme to; EdDSA: the key type
};

constexpr KeyType any = KeyType::unknown;
constexpr SchemeRow kSchemes[] = {
    {SignatureScheme::ecdsa_secp256r1_sha256, Family::ecdsa, HashAlg::sha256, KeyType::ecdsa_p256},
    {SignatureScheme::ecdsa_secp384r1_sha384, Family::ecdsa, HashAlg::sha384, KeyType::ecdsa_p384},
    {SignatureScheme::ecdsa_secp521r1_sha512, Family::ecdsa, HashAlg::sha512, KeyType::ecdsa_p521},
    {SignatureScheme::ed25519, Family::eddsa, HashAlg::sha512, KeyType::ed25519},
    {SignatureScheme::ed448, Family::eddsa, HashAlg::sha512, KeyType::ed448},
    {SignatureScheme::rsa_pss_rsae_sha256, Family::rsa_pss, HashAlg::sha256, any},
    {SignatureScheme::rsa_pss_rsae_sha384, Family::rsa_pss, HashAlg::sha384, any},
    {SignatureScheme::rsa_pss_rsae_sha512, Family::rsa_pss, HashAlg::sha512, any},
    // rsa_pss_pss_* need an RSASSA-PSS (id-RSASSA-PSS) key, which tlspp does not load.
    {SignatureScheme::rsa_pss_pss_sha256, Family::other, HashAlg::sha256, any},
    {SignatureScheme::rsa_pss_pss_sha384, Family::other, HashAlg::sha384, any},
    {SignatureScheme::rsa_pss_pss_sha512, Family::other, HashAlg::sha512, any},
    {SignatureScheme::rsa_pkcs1_sha256, Family::rsa_pkcs1, HashAlg::sha256, any},
    {SignatureScheme::rsa_pkcs1_sha384, Family::rsa_pkcs1, HashAlg::sha384, any},
    {SignatureScheme::rsa_pkcs1_sha512, Family::rsa_pkcs1, HashAlg::sha512, any},
    // TLS 1.2 only (RFC 5246 §7.4.1.4.1 hash values 3 and 2).
    {SignatureScheme::ecdsa_sha224, Family::ecdsa, HashAlg::sha224, any},
    {SignatureScheme::rsa_pkcs1_sha224, Family::rsa_pkcs1, HashAlg::sha224, any},
    {SignatureScheme::ecdsa_sha1, Family::ecdsa, HashAlg::sha1, any},
    {SignatureScheme::rsa_pkcs1_sha1, Family::rsa_pkcs1, HashAlg::sha1, any},
};

constexpr auto kSchemeCodes = [] {
    std::array<SignatureScheme, std::size(kSchemes)> codes{};
    for (std::size_t i = 0; i < codes.size(); ++i) codes[i] = kSchemes[i].scheme;
    return codes;
}();

const SchemeRow* find_scheme(SignatureScheme scheme) {
    for (const SchemeRow& row : kSchemes)
        if (row.scheme == scheme) return &row;
    return nullptr;
}

struct SchemeInfo {
    Family family;
    const EVP_MD* md;   // nullptr for EdDSA (PureEdDSA hashes internally)
    HashAlg hash;       // the same hash, for hashing here (meaningless for EdDSA)
    KeyType curve;      // ECDSA: the curve TLS 1.3 ties the scheme to
    bool tls12_only;    // RSASSA-PKCS1-v1_5, SHA-1 and SHA-224 (RFC 8446 §4.2.3)
};

const EVP_MD* evp_md(HashAlg hash) {
    switch (hash) {
    case HashAlg::sha1: return EVP_sha1();
    case HashAlg::sha224: return EVP_sha224();
    case HashAlg::sha256: return EVP_sha256();
    case HashAlg::sha384: return EVP_sha384();
    case HashAlg::sha512: return EVP_sha512();
    }
    return nullptr;
}

SchemeInfo scheme_info(SignatureScheme scheme) {
    const SchemeRow* row = find_scheme(scheme);
    if (!row || row->family == Family::other) return {Family::other, nullptr, HashAlg::sha256, any, false};
    // RFC 8446 §4.2.3: RSASSA-PKCS1-v1_5 and SHA-1 schemes "refer solely to
    // signatures which appear in certificates ... and are not defined for use
    // in signed TLS handshake messages"; the SHA-224 ones are not TLS 1.3
    // schemes at all.
    const bool tls12_only =
        row->family == Family::rsa_pkcs1 || row->hash == HashAlg::sha1 || row->hash == HashAlg::sha224;
    return {row->family, row->family == Family::eddsa ? nullptr : evp_md(row->hash), row->hash, row->curve,
            tls12_only};
}

bool is_ecdsa(KeyType t) {
    return t == KeyType::ecdsa_p256 || t == KeyType::ecdsa_p384 || t == KeyType::ecdsa_p521;
}

// setup_padding sets RSASSA-PSS padding on a DigestSign/Verify context.
// RFC 8446 §4.2.3: "The length of the Salt MUST be equal to the length of the
// output of the digest algorithm"; MGF1 uses the same hash.
bool setup_padding(EVP_PKEY_CTX* pctx, const SchemeInfo& info) {
    if (info.family != Family::rsa_pss) return true;
    return EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) > 0 &&
           EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) > 0 &&
           EVP_PKEY_CTX_set_rsa_mgf1_md(pctx, info.md) > 0;
}

std::string scheme_text(SignatureScheme scheme) {
    auto n = name(scheme);
    if (!n.empty()) return std::string(n);
    return "signature scheme " + std::to_string(static_cast<int>(scheme));
}

// A PEM private key must never prompt on a terminal for a passphrase.
int no_passphrase(char*, int, int, void*) { return -1; }

}  // namespace

std::string_view name(KeyType type) {
    switch (type) {
    case KeyType::rsa: return "RSA";
    case KeyType::ecdsa_p256: return "ECDSA P-256";
    case KeyType::ecdsa_p384: return "ECDSA P-384";
    case KeyType::ecdsa_p521: return "ECDSA P-521";
    case KeyType::ed25519: return "Ed25519";
    case KeyType::ed448: return "Ed448";
    case KeyType::unknown: break;
    }
    return "unknown key type";
}

std::span<const SignatureScheme> known_schemes() { return kSchemeCodes; }

std::optional<HashAlg> scheme_hash(SignatureScheme scheme) {
    const SchemeRow* row = find_scheme(scheme);
    if (!row || row->family == Family::eddsa) return std::nullopt;
    return row->hash;
}

bool scheme_fits_key(SignatureScheme scheme, KeyType type, ProtocolVersion version) {
    const SchemeInfo info = scheme_info(scheme);
    const bool tls13 = version == ProtocolVersion::tls13;
    if (tls13 && info.tls12_only) return false;
    switch (info.family) {
    case Family::rsa_pkcs1:
    case Family::rsa_pss: return type == KeyType::rsa;
    // RFC 8446 §4.2.3: ecdsa_secp256r1_sha256 etc. name the curve in TLS 1.3;
    // in TLS 1.2 the pair is (hash, ecdsa) and any curve may use any hash
    // (RFC 5246 §7.4.1.4.1, RFC 8422 §5.1.3).
    case Family::ecdsa: return tls13 ? type == info.curve : is_ecdsa(type);
    case Family::eddsa: return type == info.curve;
    case Family::other: break;
    }
    return false;
}

Result<PublicKey> PublicKey::from_certificate(std::span<const std::uint8_t> der) {
    const unsigned char* p = der.data();
    Ptr<X509> cert(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
    if (!cert || p != der.data() + der.size()) {
        ERR_clear_error();
        return make_error(Reason::certificate_invalid, "certificate does not parse as DER X.509");
    }
    return from_raw(X509_get0_pubkey(cert.get()));
}

Result<PublicKey> PublicKey::from_raw(EVP_PKEY* key) {
    if (!key || !EVP_PKEY_up_ref(key)) {
        ERR_clear_error();
        return make_error(Reason::certificate_invalid, "certificate's public key does not parse");
    }
    return PublicKey(share(key), key_type(key), EVP_PKEY_get_bits(key));
}

Status PublicKey::verify(SignatureScheme scheme, std::span<const std::uint8_t> message,
                         std::span<const std::uint8_t> signature) const {
    // The TLS 1.2 rule is the lenient one; TLS 1.3 callers check
    // scheme_fits_key(..., tls13) when they check the scheme was offered.
    if (!scheme_fits_key(scheme, type_, ProtocolVersion::tls12))
        return make_error(Reason::unoffered_signature_scheme,
                          scheme_text(scheme) + " does not fit a " + std::string(name(type_)) + " key");
    if constexpr (fuzz::checks_off) return {};   // fuzz/mode.hpp: a fuzzer cannot forge signatures
    const SchemeInfo info = scheme_info(scheme);
    Ptr<EVP_MD_CTX> ctx(EVP_MD_CTX_new());
    EVP_PKEY_CTX* pctx = nullptr;  // owned by ctx
    if (!ctx || EVP_DigestVerifyInit(ctx.get(), &pctx, info.md, nullptr, key_.get()) <= 0 ||
        !setup_padding(pctx, info)) {
        ERR_clear_error();
        return make_error(Reason::internal_error, "cannot start verifying " + scheme_text(scheme));
    }
    const int ok = EVP_DigestVerify(ctx.get(), signature.data(), signature.size(), message.data(), message.size());
    ERR_clear_error();
    if (ok != 1)
        return make_error(Reason::bad_signature, scheme_text(scheme) + " signature does not verify");
    return {};
}

Result<PrivateKey> PrivateKey::from_pem(std::string_view pem) {
    Ptr<BIO> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    EVP_PKEY* key = bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, no_passphrase, nullptr) : nullptr;
    if (!key) {
        char why[256] = "no PEM private key found";
        if (unsigned long e = ERR_peek_last_error()) ERR_error_string_n(e, why, sizeof why);
        ERR_clear_error();
        return make_error(Reason::bad_config, std::string("private key: ") + why);
    }
    auto shared = share(key);
    const KeyType type = key_type(key);
    if (type == KeyType::unknown)
        return make_error(Reason::bad_config, "private key: unsupported key type (need RSA, ECDSA P-256/384/521, "
                                              "Ed25519 or Ed448)");
    return PrivateKey(std::move(shared), type, EVP_PKEY_get_bits(key));
}

// ---- signing ----
//
// A server signs with the same key in every handshake. EVP_DigestSignInit
// builds a fresh EVP_PKEY_CTX, a digest context and a duplicate of both at
// EVP_DigestSignFinal for each signature: ~50 allocation calls for one
// RSA-PSS signature, more than the private-key operation itself makes
// (docs/performance.md). So the message is hashed here (crypto::Hash, no
// allocation), and the EVP_PKEY_CTXs, prepared once per key and scheme
// (EVP_PKEY_sign_init, padding, hash), are kept and reused: EVP_PKEY_sign may
// be called again on the same context with the same parameters. A context
// serves one signature at a time, so they are lent out under a mutex; at most
// kIdleSigners per key stay prepared. EdDSA keeps EVP_DigestSign: PureEdDSA
// signs the message itself, not a hash (RFC 8032).

class PrivateKey::Signers {
public:
    explicit Signers(std::shared_ptr<evp_pkey_st> key) : key_(std::move(key)) {}
    Signers(const Signers&) = delete;
    Signers& operator=(const Signers&) = delete;
    ~Signers() {
        for (auto& [scheme, ctx] : idle_) EVP_PKEY_CTX_free(ctx);
    }

    // take lends a context prepared for `scheme`, or nullptr if libcrypto
    // cannot prepare one.
    EVP_PKEY_CTX* take(SignatureScheme scheme, const SchemeInfo& info) {
        {
            std::lock_guard lock(mutex_);
            for (auto it = idle_.begin(); it != idle_.end(); ++it)
                if (it->first == scheme) {
                    EVP_PKEY_CTX* ctx = it->second;
                    idle_.erase(it);
                    return ctx;
                }
        }
        EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_from_pkey(nullptr, key_.get(), nullptr);
        if (!ctx || EVP_PKEY_sign_init(ctx) <= 0 || !setup_padding(ctx, info) ||
            EVP_PKEY_CTX_set_signature_md(ctx, info.md) <= 0) {
            EVP_PKEY_CTX_free(ctx);
            return nullptr;
        }
        return ctx;
    }

    void give_back(SignatureScheme scheme, EVP_PKEY_CTX* ctx) {
        {
            std::lock_guard lock(mutex_);
            if (idle_.size() < kIdleSigners) {
                idle_.emplace_back(scheme, ctx);
                return;
            }
        }
        EVP_PKEY_CTX_free(ctx);
    }

private:
    static constexpr std::size_t kIdleSigners = 8;
    std::shared_ptr<evp_pkey_st> key_;
    std::mutex mutex_;
    std::vector<std::pair<SignatureScheme, EVP_PKEY_CTX*>> idle_;
};

PrivateKey::PrivateKey(std::shared_ptr<evp_pkey_st> key, KeyType type, int bits)
    : key_(std::move(key)), signers_(std::make_shared<Signers>(key_)), type_(type), bits_(bits) {}

namespace {

Result<std::vector<std::uint8_t>> sign_eddsa(EVP_PKEY* key, SignatureScheme scheme,
                                             std::span<const std::uint8_t> message) {
    Ptr<EVP_MD_CTX> ctx(EVP_MD_CTX_new());
    std::size_t len = 0;
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key) <= 0 ||
        EVP_DigestSign(ctx.get(), nullptr, &len, message.data(), message.size()) <= 0) {
        ERR_clear_error();
        return make_error(Reason::internal_error, "cannot start signing " + scheme_text(scheme));
    }
    std::vector<std::uint8_t> signature(len);
    if (EVP_DigestSign(ctx.get(), signature.data(), &len, message.data(), message.size()) <= 0) {
        ERR_clear_error();
        return make_error(Reason::internal_error, scheme_text(scheme) + " signing failed");
    }
    signature.resize(len);
    return signature;
}

}  // namespace

Result<std::vector<std::uint8_t>> PrivateKey::sign(SignatureScheme scheme,
                                                   std::span<const std::uint8_t> message) const {
    if (!scheme_fits_key(scheme, type_, ProtocolVersion::tls12))
        return make_error(Reason::internal_error,
                          "cannot sign " + scheme_text(scheme) + " with a " + std::string(name(type_)) + " key");
    const SchemeInfo info = scheme_info(scheme);
    if (info.family == Family::eddsa) return sign_eddsa(key_.get(), scheme, message);

    std::uint8_t hash[64];
    Hash h(info.hash);
    h.update(message);
    const std::size_t hash_len = h.digest_to(hash);

    EVP_PKEY_CTX* ctx = signers_->take(scheme, info);
    if (!ctx) {
        ERR_clear_error();
        return make_error(Reason::internal_error, "cannot start signing " + scheme_text(scheme));
    }
    // EVP_PKEY_get_size: the largest signature the key makes. ECDSA comes out
    // as the DER ECDSA-Sig-Value TLS sends (RFC 8422 §5.4, RFC 8446 §4.2.3),
    // often shorter.
    std::vector<std::uint8_t> signature(static_cast<std::size_t>(EVP_PKEY_get_size(key_.get())));
    std::size_t len = signature.size();
    const bool ok = EVP_PKEY_sign(ctx, signature.data(), &len, hash, hash_len) > 0;
    if (ok) {
        signers_->give_back(scheme, ctx);
    } else {
        EVP_PKEY_CTX_free(ctx);   // not known to be reusable after a failure
        ERR_clear_error();
        return make_error(Reason::internal_error, scheme_text(scheme) + " signing failed");
    }
    signature.resize(len);
    return signature;
}

bool PrivateKey::matches(const PublicKey& pub) const {
    const bool same = pub.raw() && EVP_PKEY_eq(key_.get(), pub.raw()) == 1;
    ERR_clear_error();
    return same;
}

}  // namespace tlspp::crypto
