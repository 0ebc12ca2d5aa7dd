#include "crypto/rsa_key_transport.hpp"

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

#include <memory>
#include <vector>

#include "support/fixed_random.hpp"
#include "support/test_pki.hpp"

namespace tlspp::crypto {
namespace {

using Bytes = std::vector<std::uint8_t>;

PrivateKey server_key() { return *PrivateKey::from_pem(test::pki().server_rsa.key_pem); }
PublicKey server_public_key() { return *PublicKey::from_certificate(test::pki().server_rsa.chain_der.front()); }

Bytes bytes_of(const SecretBytes& s) { return Bytes(s.view().begin(), s.view().end()); }

// raw_pkcs1_encrypt encrypts any plaintext with PKCS#1 v1.5, for malformed pre-master secrets.
Bytes raw_pkcs1_encrypt(std::span<const std::uint8_t> plaintext) {
    std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> ctx(
        EVP_PKEY_CTX_new_from_pkey(nullptr, server_public_key().raw(), nullptr), EVP_PKEY_CTX_free);
    std::size_t len = 0;
    EXPECT_EQ(EVP_PKEY_encrypt_init(ctx.get()), 1);
    EXPECT_EQ(EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_PADDING), 1);
    EXPECT_EQ(EVP_PKEY_encrypt(ctx.get(), nullptr, &len, plaintext.data(), plaintext.size()), 1);
    Bytes out(len);
    EXPECT_EQ(EVP_PKEY_encrypt(ctx.get(), out.data(), &len, plaintext.data(), plaintext.size()), 1);
    out.resize(len);
    return out;
}

TEST(RsaKeyTransport, MakesAPremasterStartingWithTheOfferedVersion) {
    test::FixedRandom random(7);
    const SecretBytes pms = make_premaster(0x0303, random);
    ASSERT_EQ(pms.size(), 48u);
    EXPECT_EQ(pms[0], 0x03);
    EXPECT_EQ(pms[1], 0x03);
    // The other 46 bytes come from the injected source.
    test::FixedRandom again(7);
    Bytes rest(46);
    again.fill(rest);
    EXPECT_EQ(Bytes(pms.view().begin() + 2, pms.view().end()), rest);
}

TEST(RsaKeyTransport, TheServerRecoversWhatTheClientEncrypted) {
    test::FixedRandom random(1);
    const SecretBytes pms = make_premaster(0x0303, random);
    auto encrypted = encrypt_premaster(server_public_key(), pms);
    ASSERT_TRUE(encrypted) << encrypted.error().detail;
    EXPECT_EQ(encrypted->size(), 256u);   // RSA-2048
    const SecretBytes got = decrypt_premaster(server_key(), *encrypted, 0x0303, random);
    EXPECT_EQ(bytes_of(got), bytes_of(pms));
}

TEST(RsaKeyTransport, TheClientsCiphertextIsPlainPkcs1V15) {
    test::FixedRandom random(2);
    const SecretBytes pms = make_premaster(0x0303, random);
    auto encrypted = encrypt_premaster(server_public_key(), pms);
    ASSERT_TRUE(encrypted);
    std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> ctx(
        EVP_PKEY_CTX_new_from_pkey(nullptr, server_key().raw(), nullptr), EVP_PKEY_CTX_free);
    ASSERT_EQ(EVP_PKEY_decrypt_init(ctx.get()), 1);
    ASSERT_EQ(EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_PADDING), 1);
    Bytes out(256);
    std::size_t len = out.size();
    ASSERT_EQ(EVP_PKEY_decrypt(ctx.get(), out.data(), &len, encrypted->data(), encrypted->size()), 1);
    out.resize(len);
    EXPECT_EQ(out, bytes_of(pms));
}

TEST(RsaKeyTransport, ACorruptedCiphertextYieldsRandomBytesAndNoError) {
    test::FixedRandom random(3);
    const SecretBytes pms = make_premaster(0x0303, random);
    auto encrypted = encrypt_premaster(server_public_key(), pms);
    ASSERT_TRUE(encrypted);
    Bytes bad = *encrypted;
    bad[100] ^= 0x40;
    const SecretBytes first = decrypt_premaster(server_key(), bad, 0x0303, random);
    const SecretBytes second = decrypt_premaster(server_key(), bad, 0x0303, random);
    ASSERT_EQ(first.size(), 48u);
    ASSERT_EQ(second.size(), 48u);
    EXPECT_NE(bytes_of(first), bytes_of(pms));
    EXPECT_NE(bytes_of(first), bytes_of(second));   // fresh randomness each time, not a fixed pattern
    EXPECT_NE(bytes_of(first), Bytes(48, 0));
}

TEST(RsaKeyTransport, AWrongVersionInThePremasterYieldsRandomBytes) {
    test::FixedRandom random(4);
    const SecretBytes rolled_back = make_premaster(0x0301, random);   // TLS 1.0 inside, 1.2 offered
    auto encrypted = encrypt_premaster(server_public_key(), rolled_back);
    ASSERT_TRUE(encrypted);
    const SecretBytes got = decrypt_premaster(server_key(), *encrypted, 0x0303, random);
    ASSERT_EQ(got.size(), 48u);
    EXPECT_NE(bytes_of(got), bytes_of(rolled_back));
    // The same ciphertext with the version the client really put in decrypts.
    EXPECT_EQ(bytes_of(decrypt_premaster(server_key(), *encrypted, 0x0301, random)), bytes_of(rolled_back));
}

TEST(RsaKeyTransport, APremasterOfTheWrongLengthYieldsRandomBytes) {
    test::FixedRandom random(5);
    for (std::size_t n : {0, 1, 47, 49, 100}) {
        Bytes plaintext(n, 0x11);
        if (n >= 2) plaintext[0] = 0x03, plaintext[1] = 0x03;
        const Bytes encrypted = raw_pkcs1_encrypt(plaintext);
        const SecretBytes got = decrypt_premaster(server_key(), encrypted, 0x0303, random);
        ASSERT_EQ(got.size(), 48u) << n;
        if (n == 49) {
            EXPECT_NE(bytes_of(got), Bytes(plaintext.begin() + 1, plaintext.end()));
        }
        EXPECT_NE(bytes_of(got), Bytes(48, 0x11)) << n;
    }
}

TEST(RsaKeyTransport, ACiphertextOfTheWrongLengthYieldsBytesFromTheInjectedRandom) {
    test::FixedRandom random(6);
    const SecretBytes pms = make_premaster(0x0303, random);
    auto encrypted = encrypt_premaster(server_public_key(), pms);
    ASSERT_TRUE(encrypted);
    for (std::size_t n : {0, 1, 128, 255, 257}) {
        Bytes wrong = *encrypted;
        wrong.resize(n, 0);
        test::FixedRandom injected(42), expected(42);
        Bytes want(48);
        expected.fill(want);
        EXPECT_EQ(bytes_of(decrypt_premaster(server_key(), wrong, 0x0303, injected)), want) << n;
    }
}

TEST(RsaKeyTransport, ACiphertextNotBelowTheModulusYieldsRandomBytes) {
    test::FixedRandom injected(43), expected(43);
    Bytes want(48);
    expected.fill(want);
    EXPECT_EQ(bytes_of(decrypt_premaster(server_key(), Bytes(256, 0xff), 0x0303, injected)), want);
}

TEST(RsaKeyTransport, ANonRsaServerKeyYieldsRandomBytes) {
    auto ec_key = PrivateKey::from_pem(test::pki().server_p256.key_pem);
    ASSERT_TRUE(ec_key);
    test::FixedRandom random(8);
    EXPECT_EQ(decrypt_premaster(*ec_key, Bytes(256, 1), 0x0303, random).size(), 48u);
}

TEST(RsaKeyTransport, TheClientRefusesANonRsaServerKey) {
    auto ec_pub = PublicKey::from_certificate(test::pki().server_p256.chain_der.front());
    ASSERT_TRUE(ec_pub);
    test::FixedRandom random(9);
    auto r = encrypt_premaster(*ec_pub, make_premaster(0x0303, random));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().reason, Reason::certificate_unsupported_key);
}

TEST(RsaKeyTransport, TheClientRefusesAPremasterThatIsNot48Bytes) {
    auto r = encrypt_premaster(server_public_key(), Bytes(47, 3));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().reason, Reason::internal_error);
}

}  // namespace
}  // namespace tlspp::crypto
