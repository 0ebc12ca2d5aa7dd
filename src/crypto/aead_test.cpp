#include "crypto/aead.hpp"

#include <gtest/gtest.h>
#include <openssl/err.h>

#include <array>
#include <string_view>
#include <vector>

#include "support/hex.hpp"

namespace tlspp::crypto {
namespace {

using test::hex;
using test::to_hex;
using Bytes = std::vector<std::uint8_t>;

struct Vector {
    AeadAlg alg;
    std::string_view key, nonce, aad, plaintext, ciphertext, tag;
};

// The GCM specification (McGrew & Viega, "The Galois/Counter Mode of
// Operation"), Test Case 4 (AES-128) and Test Case 16 (AES-256).
constexpr std::string_view gcm_plaintext =
    "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
    "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39";
constexpr Vector gcm_case4{AeadAlg::aes_128_gcm,
                           "feffe9928665731c6d6a8f9467308308",
                           "cafebabefacedbaddecaf888",
                           "feedfacedeadbeeffeedfacedeadbeefabaddad2",
                           gcm_plaintext,
                           "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e"
                           "21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091",
                           "5bc94fbc3221a5db94fae95ae7121a47"};
constexpr Vector gcm_case16{AeadAlg::aes_256_gcm,
                            "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308",
                            "cafebabefacedbaddecaf888",
                            "feedfacedeadbeeffeedfacedeadbeefabaddad2",
                            gcm_plaintext,
                            "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
                            "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662",
                            "76fc6ece0f4e1768cddf8853bb2d551b"};

// RFC 8439 §2.8.2: "Ladies and Gentlemen of the class of '99: ..."
constexpr Vector chacha_rfc8439{
    AeadAlg::chacha20_poly1305,
    "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f",
    "070000004041424344454647",
    "50515253c0c1c2c3c4c5c6c7",
    "4c616469657320616e642047656e746c656d656e206f662074686520636c6173"
    "73206f66202739393a204966204920636f756c64206f6666657220796f75206f"
    "6e6c79206f6e652074697020666f7220746865206675747572652c2073756e73"
    "637265656e20776f756c642062652069742e",
    "d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d6"
    "3dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b36"
    "92ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc"
    "3ff4def08e4b7a9de576d26586cec64b6116",
    "1ae10b594f09e26a7e902ecbd0600691"};

std::array<std::uint8_t, 12> nonce_of(std::string_view h) {
    std::array<std::uint8_t, 12> n{};
    auto b = hex(h);
    std::copy(b.begin(), b.end(), n.begin());
    return n;
}

class AeadVectors : public ::testing::TestWithParam<Vector> {};

TEST_P(AeadVectors, SealsThePublishedCiphertextAndTagInPlace) {
    const Vector& v = GetParam();
    auto key = AeadKey::create(v.alg, hex(v.key));
    ASSERT_TRUE(key);
    Bytes data = hex(v.plaintext);
    std::array<std::uint8_t, 16> tag{};
    key->seal(nonce_of(v.nonce), hex(v.aad), data, tag);
    EXPECT_EQ(to_hex(data), v.ciphertext);
    EXPECT_EQ(to_hex(tag), v.tag);
}

TEST_P(AeadVectors, OpensThePublishedCiphertextInPlace) {
    const Vector& v = GetParam();
    auto key = AeadKey::create(v.alg, hex(v.key));
    ASSERT_TRUE(key);
    Bytes data = hex(v.ciphertext);
    auto tag = hex(v.tag);
    ASSERT_TRUE(key->open(nonce_of(v.nonce), hex(v.aad), data, std::span<const std::uint8_t, 16>(tag.data(), 16)));
    EXPECT_EQ(to_hex(data), v.plaintext);
}

TEST_P(AeadVectors, RejectsAFlippedTagBit) {
    const Vector& v = GetParam();
    auto key = AeadKey::create(v.alg, hex(v.key));
    ASSERT_TRUE(key);
    Bytes data = hex(v.ciphertext);
    auto tag = hex(v.tag);
    tag[15] ^= 0x01;
    EXPECT_FALSE(key->open(nonce_of(v.nonce), hex(v.aad), data, std::span<const std::uint8_t, 16>(tag.data(), 16)));
}

TEST_P(AeadVectors, AFailedOpenLeavesLibcryptosErrorQueueEmpty) {
    const auto& v = GetParam();
    auto key = AeadKey::create(v.alg, hex(v.key));
    ASSERT_TRUE(key);
    auto data = hex(v.ciphertext);
    auto tag = hex(v.tag);
    tag[0] ^= 1;
    // Whatever is queued on this thread, a failure path clears it: the next
    // libcrypto caller must not read an error as its own.
    ERR_raise(ERR_LIB_USER, ERR_R_INTERNAL_ERROR);
    EXPECT_FALSE(key->open(nonce_of(v.nonce), hex(v.aad), data, std::span<const std::uint8_t, 16>(tag.data(), 16)));
    EXPECT_EQ(ERR_peek_error(), 0u);
    ERR_clear_error();
}

TEST_P(AeadVectors, RejectsAFlippedCiphertextBitAndChangedAad) {
    const Vector& v = GetParam();
    auto key = AeadKey::create(v.alg, hex(v.key));
    ASSERT_TRUE(key);
    auto tag = hex(v.tag);
    std::span<const std::uint8_t, 16> tag_view(tag.data(), 16);

    Bytes data = hex(v.ciphertext);
    data[0] ^= 0x80;
    EXPECT_FALSE(key->open(nonce_of(v.nonce), hex(v.aad), data, tag_view));

    data = hex(v.ciphertext);
    auto aad = hex(v.aad);
    aad.back() ^= 0x01;
    EXPECT_FALSE(key->open(nonce_of(v.nonce), aad, data, tag_view));

    // A failed open must not poison the context for the next record.
    data = hex(v.ciphertext);
    EXPECT_TRUE(key->open(nonce_of(v.nonce), hex(v.aad), data, tag_view));
}

INSTANTIATE_TEST_SUITE_P(Published, AeadVectors, ::testing::Values(gcm_case4, gcm_case16, chacha_rfc8439));

TEST(AeadKey, SealsManyRecordsWithOneKeyChangingOnlyTheNonce) {
    for (AeadAlg alg : {AeadAlg::aes_128_gcm, AeadAlg::aes_256_gcm, AeadAlg::chacha20_poly1305}) {
        Bytes k(aead_key_length(alg), 0x42);
        auto sealer = AeadKey::create(alg, k);
        auto opener = AeadKey::create(alg, k);
        ASSERT_TRUE(sealer && opener);
        for (std::uint8_t i = 0; i < 20; ++i) {
            std::array<std::uint8_t, 12> nonce{};
            nonce[11] = i;
            Bytes aad{i, 1, 2};
            Bytes data(i * 37u, i);
            std::array<std::uint8_t, 16> tag{};
            sealer->seal(nonce, aad, data, tag);
            ASSERT_TRUE(opener->open(nonce, aad, data, tag)) << "record " << int(i);
            EXPECT_EQ(data, Bytes(i * 37u, i));
        }
    }
}

TEST(AeadKey, SealsAndOpensAnEmptyPlaintext) {
    auto key = AeadKey::create(AeadAlg::aes_128_gcm, Bytes(16, 0));
    ASSERT_TRUE(key);
    std::array<std::uint8_t, 12> nonce{};
    std::array<std::uint8_t, 16> tag{};
    key->seal(nonce, {}, {}, tag);
    // GCM spec Test Case 1: zero key, zero IV, no data.
    EXPECT_EQ(to_hex(tag), "58e2fccefa7e3061367f1d57a4e7455a");
    EXPECT_TRUE(key->open(nonce, {}, {}, tag));
}

TEST(AeadKey, RejectsAKeyOfTheWrongLength) {
    auto key = AeadKey::create(AeadAlg::aes_256_gcm, Bytes(16, 0));
    ASSERT_FALSE(key);
    EXPECT_EQ(key.error().reason, Reason::internal_error);
    EXPECT_EQ(key.error().alert, Alert::internal_error);
}

TEST(AeadKey, MovedKeyKeepsWorking) {
    auto created = AeadKey::create(AeadAlg::chacha20_poly1305, hex(chacha_rfc8439.key));
    ASSERT_TRUE(created);
    AeadKey key = std::move(*created);
    EXPECT_EQ(key.alg(), AeadAlg::chacha20_poly1305);
    Bytes data = hex(chacha_rfc8439.plaintext);
    std::array<std::uint8_t, 16> tag{};
    key.seal(nonce_of(chacha_rfc8439.nonce), hex(chacha_rfc8439.aad), data, tag);
    EXPECT_EQ(to_hex(tag), chacha_rfc8439.tag);
}

TEST(AeadKey, OneDirectionKeysSealOrOpenOnlyAndInteroperate) {
    const Bytes key_bytes = hex(gcm_case4.key);
    auto sealer = AeadKey::create(AeadAlg::aes_128_gcm, key_bytes, AeadUse::seal_only);
    auto opener = AeadKey::create(AeadAlg::aes_128_gcm, key_bytes, AeadUse::open_only);
    ASSERT_TRUE(sealer && opener);
    EXPECT_TRUE(sealer->can_seal());
    EXPECT_FALSE(sealer->can_open());
    EXPECT_FALSE(opener->can_seal());
    EXPECT_TRUE(opener->can_open());
    Bytes data = hex(gcm_case4.plaintext);
    std::array<std::uint8_t, 16> tag{};
    sealer->seal(nonce_of(gcm_case4.nonce), hex(gcm_case4.aad), data, tag);
    EXPECT_EQ(to_hex(data), gcm_case4.ciphertext);
    EXPECT_EQ(to_hex(tag), gcm_case4.tag);
    Bytes copy = data;
    // A seal-only key cannot open (it has no decryption context).
    EXPECT_FALSE(sealer->open(nonce_of(gcm_case4.nonce), hex(gcm_case4.aad), copy, tag));
    EXPECT_TRUE(opener->open(nonce_of(gcm_case4.nonce), hex(gcm_case4.aad), data, tag));
    EXPECT_EQ(to_hex(data), gcm_case4.plaintext);
    auto both = AeadKey::create(AeadAlg::aes_128_gcm, key_bytes);
    ASSERT_TRUE(both);
    EXPECT_TRUE(both->can_seal() && both->can_open());
}

}  // namespace
}  // namespace tlspp::crypto
