#include "crypto/signature.hpp"

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <atomic>
#include <thread>

#include "support/test_pki.hpp"

namespace tlspp::crypto {
namespace {

using S = SignatureScheme;

constexpr SignatureScheme kSchemes[] = {
    S::rsa_pkcs1_sha1,      S::rsa_pkcs1_sha224,       S::rsa_pkcs1_sha256,       S::rsa_pkcs1_sha384,
    S::rsa_pkcs1_sha512,    S::rsa_pss_rsae_sha256,    S::rsa_pss_rsae_sha384,    S::rsa_pss_rsae_sha512,
    S::ecdsa_sha1,          S::ecdsa_sha224,           S::ecdsa_secp256r1_sha256, S::ecdsa_secp384r1_sha384,
    S::ecdsa_secp521r1_sha512, S::ed25519,
};

struct Pair {
    PrivateKey priv;
    PublicKey pub;
};

Pair load(const test::Identity& id) {
    auto priv = PrivateKey::from_pem(id.key_pem);
    auto pub = PublicKey::from_certificate(id.chain_der.front());
    EXPECT_TRUE(priv && pub) << id.name;
    return {std::move(priv).value(), std::move(pub).value()};
}

std::vector<const test::Identity*> server_keys() {
    const auto& pki = test::pki();
    return {&pki.server_rsa, &pki.server_p256, &pki.server_p384, &pki.server_ed25519};
}

const std::vector<std::uint8_t> kMessage = {'t', 'l', 's', 'p', 'p', ' ', 's', 'i', 'g', 'n', 's'};

TEST(Signature, LoadsKeyTypeAndSizeFromPemAndCertificate) {
    const auto& pki = test::pki();
    struct { const test::Identity* id; KeyType type; int bits; } cases[] = {
        {&pki.server_rsa, KeyType::rsa, 2048},
        {&pki.server_p256, KeyType::ecdsa_p256, 256},
        {&pki.server_p384, KeyType::ecdsa_p384, 384},
        {&pki.server_ed25519, KeyType::ed25519, 256},  // libcrypto 3.0 says 256
    };
    for (const auto& c : cases) {
        Pair k = load(*c.id);
        EXPECT_EQ(k.priv.type(), c.type) << c.id->name;
        EXPECT_EQ(k.pub.type(), c.type) << c.id->name;
        EXPECT_EQ(k.priv.bits(), c.bits) << c.id->name;
        EXPECT_TRUE(k.priv.matches(k.pub)) << c.id->name;
    }
    EXPECT_FALSE(load(pki.server_p256).priv.matches(load(pki.client).pub));
    EXPECT_FALSE(load(pki.server_p256).priv.matches(load(pki.server_rsa).pub));
}

TEST(Signature, NamesKeyTypes) {
    EXPECT_EQ(name(KeyType::rsa), "RSA");
    EXPECT_EQ(name(KeyType::ecdsa_p256), "ECDSA P-256");
    EXPECT_EQ(name(KeyType::ed25519), "Ed25519");
}

TEST(Signature, SignsAndVerifiesEverySchemeThatFitsEachKeyType) {
    int round_trips = 0;
    for (const auto* id : server_keys()) {
        Pair k = load(*id);
        for (SignatureScheme scheme : kSchemes) {
            if (!scheme_fits_key(scheme, k.priv.type(), ProtocolVersion::tls12)) continue;
            auto sig = k.priv.sign(scheme, kMessage);
            ASSERT_TRUE(sig) << id->name << " " << name(scheme) << ": " << sig.error().detail;
            auto ok = k.pub.verify(scheme, kMessage, *sig);
            EXPECT_TRUE(ok) << id->name << " " << name(scheme) << ": " << (ok ? "" : ok.error().detail);
            ++round_trips;
        }
    }
    // RSA: 5 PKCS#1 + 3 PSS; each ECDSA key: 5 hashes; Ed25519: 1.
    EXPECT_EQ(round_trips, 8 + 5 + 5 + 1);
}

// sign hashes the message itself and reuses prepared contexts per key and
// scheme. RSASSA-PKCS1-v1_5 is deterministic, so its signature must equal
// libcrypto's own one-shot EVP_DigestSign byte for byte, whichever scheme the
// reused contexts served before.
TEST(Signature, ReusedContextsGiveTheSignatureLibcryptoGivesForEachScheme) {
    Pair k = load(test::pki().server_rsa);
    const struct { SignatureScheme scheme; const EVP_MD* md; } pkcs1[] = {
        {S::rsa_pkcs1_sha1, EVP_sha1()},     {S::rsa_pkcs1_sha224, EVP_sha224()},
        {S::rsa_pkcs1_sha256, EVP_sha256()}, {S::rsa_pkcs1_sha384, EVP_sha384()},
        {S::rsa_pkcs1_sha512, EVP_sha512()},
    };
    for (int round = 0; round < 3; ++round) {
        for (const auto& c : pkcs1) {
            std::size_t len = 0;
            EVP_MD_CTX* md = EVP_MD_CTX_new();
            ASSERT_EQ(EVP_DigestSignInit(md, nullptr, c.md, nullptr, k.priv.raw()), 1);
            ASSERT_EQ(EVP_DigestSign(md, nullptr, &len, kMessage.data(), kMessage.size()), 1);
            std::vector<std::uint8_t> expected(len);
            ASSERT_EQ(EVP_DigestSign(md, expected.data(), &len, kMessage.data(), kMessage.size()), 1);
            EVP_MD_CTX_free(md);
            auto sig = k.priv.sign(c.scheme, kMessage);
            ASSERT_TRUE(sig) << name(c.scheme);
            EXPECT_EQ(*sig, expected) << name(c.scheme) << " round " << round;
            // A PSS signature in between must not leave its padding on a PKCS#1 context.
            auto pss = k.priv.sign(S::rsa_pss_rsae_sha256, kMessage);
            ASSERT_TRUE(pss);
            EXPECT_TRUE(k.pub.verify(S::rsa_pss_rsae_sha256, kMessage, *pss));
            EXPECT_NE(*pss, expected);
        }
    }
}

// Copies of a key share its prepared contexts; each context serves one
// signature at a time.
TEST(Signature, CopiesOfAKeySignAtTheSameTime) {
    for (const auto* id : {&test::pki().server_rsa, &test::pki().server_p256}) {
        Pair k = load(*id);
        const SignatureScheme scheme =
            k.priv.type() == KeyType::rsa ? S::rsa_pss_rsae_sha256 : S::ecdsa_secp256r1_sha256;
        std::atomic<int> verified{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([&, copy = k.priv, t] {
                for (int i = 0; i < 20; ++i) {
                    std::vector<std::uint8_t> message = kMessage;
                    message.push_back(static_cast<std::uint8_t>(t * 20 + i));
                    auto sig = copy.sign(scheme, message);
                    if (sig && k.pub.verify(scheme, message, *sig)) ++verified;
                }
            });
        for (auto& th : threads) th.join();
        EXPECT_EQ(verified.load(), 80) << id->name;
    }
}

TEST(Signature, RejectsASignatureWithAFlippedByte) {
    for (const auto* id : server_keys()) {
        Pair k = load(*id);
        for (SignatureScheme scheme : kSchemes) {
            if (!scheme_fits_key(scheme, k.priv.type(), ProtocolVersion::tls13)) continue;
            auto sig = k.priv.sign(scheme, kMessage);
            ASSERT_TRUE(sig);
            for (std::size_t at : {std::size_t{0}, sig->size() / 2, sig->size() - 1}) {
                auto bad = *sig;
                bad[at] ^= 0x01;
                auto r = k.pub.verify(scheme, kMessage, bad);
                ASSERT_FALSE(r) << id->name << " " << name(scheme) << " byte " << at;
                EXPECT_EQ(r.error().reason, Reason::bad_signature);
                EXPECT_EQ(r.error().alert, Alert::decrypt_error);
            }
            auto other = kMessage;
            other.back() ^= 0x80;
            auto r = k.pub.verify(scheme, other, *sig);
            ASSERT_FALSE(r) << id->name << " " << name(scheme);
            EXPECT_EQ(r.error().reason, Reason::bad_signature);
        }
    }
}

TEST(Signature, RejectsGarbageSignaturesWithoutCrashing) {
    for (const auto* id : server_keys()) {
        Pair k = load(*id);
        for (SignatureScheme scheme : kSchemes) {
            if (!scheme_fits_key(scheme, k.pub.type(), ProtocolVersion::tls12)) continue;
            for (const std::vector<std::uint8_t>& junk :
                 {std::vector<std::uint8_t>{}, std::vector<std::uint8_t>{0x30, 0x00},
                  std::vector<std::uint8_t>(64, 0xff), std::vector<std::uint8_t>(600, 0x30)}) {
                auto r = k.pub.verify(scheme, kMessage, junk);
                ASSERT_FALSE(r);
                EXPECT_EQ(r.error().reason, Reason::bad_signature);
            }
        }
    }
}

TEST(Signature, RejectsASchemeThatDoesNotFitTheKeyAsUnoffered) {
    Pair rsa = load(test::pki().server_rsa), ec = load(test::pki().server_p256);
    auto sig = rsa.priv.sign(S::rsa_pss_rsae_sha256, kMessage);
    ASSERT_TRUE(sig);
    auto r = ec.pub.verify(S::rsa_pss_rsae_sha256, kMessage, *sig);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().reason, Reason::unoffered_signature_scheme);
    r = rsa.pub.verify(S::ed25519, kMessage, *sig);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().reason, Reason::unoffered_signature_scheme);
    auto no = ec.priv.sign(S::rsa_pkcs1_sha256, kMessage);
    ASSERT_FALSE(no);
    EXPECT_EQ(no.error().reason, Reason::internal_error);
}

TEST(Signature, WritesEcdsaAsDerAndEd25519As64Bytes) {
    auto ecdsa = load(test::pki().server_p256).priv.sign(S::ecdsa_secp256r1_sha256, kMessage);
    ASSERT_TRUE(ecdsa);
    EXPECT_EQ((*ecdsa)[0], 0x30);  // SEQUENCE { r INTEGER, s INTEGER }
    EXPECT_EQ((*ecdsa)[1] + 2u, ecdsa->size());
    auto ed = load(test::pki().server_ed25519).priv.sign(S::ed25519, kMessage);
    ASSERT_TRUE(ed);
    EXPECT_EQ(ed->size(), 64u);
    EXPECT_EQ(*ed, *load(test::pki().server_ed25519).priv.sign(S::ed25519, kMessage));  // RFC 8032: deterministic
}

TEST(Signature, RejectsPssSignaturesWhoseSaltIsNotTheHashLength) {
    Pair rsa = load(test::pki().server_rsa);
    // Sign with the maximum salt (222 bytes for RSA-2048 with SHA-256), as a
    // peer ignoring RFC 8446 §4.2.3 might.
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    EVP_PKEY_CTX* pctx = nullptr;
    ASSERT_EQ(EVP_DigestSignInit(ctx, &pctx, EVP_sha256(), nullptr, rsa.priv.raw()), 1);
    EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING);
    EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_MAX);
    std::vector<std::uint8_t> sig(256);
    std::size_t len = sig.size();
    ASSERT_EQ(EVP_DigestSign(ctx, sig.data(), &len, kMessage.data(), kMessage.size()), 1);
    EVP_MD_CTX_free(ctx);
    auto r = rsa.pub.verify(S::rsa_pss_rsae_sha256, kMessage, sig);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().reason, Reason::bad_signature);
}

TEST(Signature, TiesEcdsaCurvesToHashesOnlyInTls13) {
    EXPECT_TRUE(scheme_fits_key(S::ecdsa_secp384r1_sha384, KeyType::ecdsa_p256, ProtocolVersion::tls12));
    EXPECT_FALSE(scheme_fits_key(S::ecdsa_secp384r1_sha384, KeyType::ecdsa_p256, ProtocolVersion::tls13));
    EXPECT_TRUE(scheme_fits_key(S::ecdsa_secp256r1_sha256, KeyType::ecdsa_p256, ProtocolVersion::tls13));
    EXPECT_TRUE(scheme_fits_key(S::ecdsa_secp384r1_sha384, KeyType::ecdsa_p384, ProtocolVersion::tls13));
    EXPECT_FALSE(scheme_fits_key(S::ecdsa_secp256r1_sha256, KeyType::rsa, ProtocolVersion::tls12));
}

TEST(Signature, AllowsPkcs1AndSha1OnlyBeforeTls13) {
    EXPECT_TRUE(scheme_fits_key(S::rsa_pkcs1_sha256, KeyType::rsa, ProtocolVersion::tls12));
    EXPECT_FALSE(scheme_fits_key(S::rsa_pkcs1_sha256, KeyType::rsa, ProtocolVersion::tls13));
    EXPECT_FALSE(scheme_fits_key(S::ecdsa_sha1, KeyType::ecdsa_p256, ProtocolVersion::tls13));
    EXPECT_TRUE(scheme_fits_key(S::rsa_pss_rsae_sha256, KeyType::rsa, ProtocolVersion::tls13));
    EXPECT_FALSE(scheme_fits_key(S::rsa_pss_pss_sha256, KeyType::rsa, ProtocolVersion::tls13));
    EXPECT_TRUE(scheme_fits_key(S::ed25519, KeyType::ed25519, ProtocolVersion::tls12));
    EXPECT_FALSE(scheme_fits_key(S::ed25519, KeyType::ed448, ProtocolVersion::tls13));
}

// The SHA-224 pairs (RFC 5246 §7.4.1.4.1 hash 3) are TLS 1.2 only, any
// ECDSA curve, RSA for rsa_pkcs1_sha224.
TEST(Signature, AllowsSha224OnlyBeforeTls13) {
    for (KeyType ec : {KeyType::ecdsa_p256, KeyType::ecdsa_p384, KeyType::ecdsa_p521}) {
        EXPECT_TRUE(scheme_fits_key(S::ecdsa_sha224, ec, ProtocolVersion::tls12));
        EXPECT_FALSE(scheme_fits_key(S::ecdsa_sha224, ec, ProtocolVersion::tls13));
    }
    EXPECT_FALSE(scheme_fits_key(S::ecdsa_sha224, KeyType::rsa, ProtocolVersion::tls12));
    EXPECT_TRUE(scheme_fits_key(S::rsa_pkcs1_sha224, KeyType::rsa, ProtocolVersion::tls12));
    EXPECT_FALSE(scheme_fits_key(S::rsa_pkcs1_sha224, KeyType::rsa, ProtocolVersion::tls13));
    EXPECT_FALSE(scheme_fits_key(S::rsa_pkcs1_sha224, KeyType::ecdsa_p256, ProtocolVersion::tls12));
}

// One table: every scheme it lists has an IANA name, a hash (none for
// EdDSA), and appears once; the SHA-224 and SHA-1 pairs come last.
TEST(Signature, SchemeTableListsEachSchemeOnceWithItsNameAndHash) {
    const auto schemes = known_schemes();
    ASSERT_EQ(schemes.size(), 18u);
    for (std::size_t i = 0; i < schemes.size(); ++i) {
        EXPECT_NE(name(schemes[i]), "") << static_cast<int>(schemes[i]);
        for (std::size_t j = 0; j < i; ++j) EXPECT_NE(schemes[i], schemes[j]);
        const bool eddsa = schemes[i] == S::ed25519 || schemes[i] == S::ed448;
        EXPECT_EQ(scheme_hash(schemes[i]).has_value(), !eddsa) << name(schemes[i]);
    }
    EXPECT_EQ(scheme_hash(S::ecdsa_sha224), HashAlg::sha224);
    EXPECT_EQ(scheme_hash(S::rsa_pkcs1_sha224), HashAlg::sha224);
    EXPECT_EQ(scheme_hash(S::ecdsa_secp521r1_sha512), HashAlg::sha512);
    EXPECT_EQ(scheme_hash(static_cast<S>(0x0302)), std::nullopt);   // dsa_sha224: not ours
    const std::vector<S> last(schemes.end() - 4, schemes.end());
    EXPECT_EQ(last, (std::vector<S>{S::ecdsa_sha224, S::rsa_pkcs1_sha224, S::ecdsa_sha1, S::rsa_pkcs1_sha1}));
}

TEST(Signature, RejectsUnparsablePrivateKeysAsBadConfig) {
    for (std::string_view pem : {std::string_view{}, std::string_view{"hello"},
                                 std::string_view{"-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"},
                                 std::string_view{test::pki().ca_pem}}) {
        auto key = PrivateKey::from_pem(pem);
        ASSERT_FALSE(key);
        EXPECT_EQ(key.error().reason, Reason::bad_config);
    }
}

TEST(Signature, RejectsAnEncryptedPrivateKeyWithoutPromptingForAPassphrase) {
    Pair k = load(test::pki().server_p256);
    BIO* bio = BIO_new(BIO_s_mem());
    ASSERT_TRUE(PEM_write_bio_PKCS8PrivateKey(bio, k.priv.raw(), EVP_aes_128_cbc(), "secret", 6, nullptr, nullptr));
    char* data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    const std::string pem(data, static_cast<std::size_t>(len));
    BIO_free(bio);
    auto key = PrivateKey::from_pem(pem);
    ASSERT_FALSE(key);
    EXPECT_EQ(key.error().reason, Reason::bad_config);
}

TEST(Signature, RejectsGarbageCertificateDerAsInvalid) {
    auto der = test::pki().server_p256.chain_der.front();
    for (std::vector<std::uint8_t> bad : {std::vector<std::uint8_t>{}, std::vector<std::uint8_t>{0x30, 0x82, 0xff},
                                          std::vector<std::uint8_t>(der.begin(), der.end() - 1)}) {
        auto key = PublicKey::from_certificate(bad);
        ASSERT_FALSE(key);
        EXPECT_EQ(key.error().reason, Reason::certificate_invalid);
    }
    der.push_back(0);  // trailing bytes
    auto key = PublicKey::from_certificate(der);
    ASSERT_FALSE(key);
    EXPECT_EQ(key.error().reason, Reason::certificate_invalid);
}

TEST(Signature, FromRawSharesAnExistingKeyAndRejectsNull) {
    const auto& id = test::pki().server_p256;
    const auto& der = id.chain_der.front();
    const unsigned char* p = der.data();
    X509* cert = d2i_X509(nullptr, &p, static_cast<long>(der.size()));
    ASSERT_NE(cert, nullptr);
    auto key = PublicKey::from_raw(X509_get0_pubkey(cert));
    X509_free(cert);  // the PublicKey holds its own reference
    ASSERT_TRUE(key);
    EXPECT_EQ(key->type(), KeyType::ecdsa_p256);
    EXPECT_EQ(key->bits(), 256);
    auto priv = PrivateKey::from_pem(id.key_pem);
    ASSERT_TRUE(priv);
    EXPECT_TRUE(priv->matches(*key));
    auto signature = priv->sign(S::ecdsa_secp256r1_sha256, kMessage);
    ASSERT_TRUE(signature);
    EXPECT_TRUE(key->verify(S::ecdsa_secp256r1_sha256, kMessage, *signature));

    auto none = PublicKey::from_raw(nullptr);
    ASSERT_FALSE(none);
    EXPECT_EQ(none.error().reason, Reason::certificate_invalid);
}

}  // namespace
}  // namespace tlspp::crypto
