#include "crypto/cbc.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <vector>

#include "support/hex.hpp"

namespace tlspp::crypto {
namespace {

using test::hex;
using test::to_hex;
using Bytes = std::vector<std::uint8_t>;

const char* const sp800_38a_plaintext =
    "6bc1bee22e409f96e93d7e117393172a ae2d8a571e03ac9c9eb76fac45af8e51"
    "30c81c46a35ce411e5fbc1191a0a52ef f69f2445df4f9b17ad2b417be66c3710";

std::array<std::uint8_t, 16> iv_of(const Bytes& b) {
    std::array<std::uint8_t, 16> iv{};
    std::copy(b.begin(), b.end(), iv.begin());
    return iv;
}

struct Vector {
    const char* name;
    const char* key;
    const char* ciphertext;
};

// NIST SP 800-38A Appendix F.2.1 (CBC-AES128.Encrypt) and F.2.5 (CBC-AES256.Encrypt).
const Vector vectors[] = {
    {"F.2.1", "2b7e151628aed2a6abf7158809cf4f3c",
     "7649abac8119b246cee98e9b12e9197d 5086cb9b507219ee95db113a917678b2"
     "73bed6b8e3c1743b7116e69e22229516 3ff1caa1681fac09120eca307586e1a7"},
    {"F.2.5", "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4",
     "f58c4c04d6e5f1ba779eabfb5f7bfbd6 9cfc4e967edb808d679f777bc6702c7d"
     "39f23369a9d9bacfa530e26304231461 b2eb05e2c39be9fcda6c19078c6a9d1b"},
};

TEST(Cbc, EncryptsAndDecryptsTheSp800_38aVectorsInPlace) {
    const auto iv = iv_of(hex("000102030405060708090a0b0c0d0e0f"));
    for (const Vector& v : vectors) {
        SCOPED_TRACE(v.name);
        auto enc = CbcKey::create(hex(v.key), CbcDirection::encrypt);
        auto dec = CbcKey::create(hex(v.key), CbcDirection::decrypt);
        ASSERT_TRUE(enc && dec);
        // Twice with the same key: each call starts over from its own IV, so
        // no chaining state leaks from one record into the next.
        for (int round = 0; round < 2; ++round) {
            Bytes data = hex(sp800_38a_plaintext);
            enc->crypt(iv, data);
            EXPECT_EQ(to_hex(data), to_hex(hex(v.ciphertext)));
            dec->crypt(iv, data);
            EXPECT_EQ(to_hex(data), to_hex(hex(sp800_38a_plaintext)));
        }
    }
}

TEST(Cbc, ChainsFromTheGivenIv) {
    // SP 800-38A F.2.1 block 2 alone: its IV is ciphertext block 1.
    auto enc = CbcKey::create(hex("2b7e151628aed2a6abf7158809cf4f3c"), CbcDirection::encrypt);
    ASSERT_TRUE(enc);
    Bytes data = hex("ae2d8a571e03ac9c9eb76fac45af8e51");
    enc->crypt(iv_of(hex("7649abac8119b246cee98e9b12e9197d")), data);
    EXPECT_EQ(to_hex(data), "5086cb9b507219ee95db113a917678b2");
}

TEST(Cbc, RejectsKeysThatAreNotAes128OrAes256) {
    for (std::size_t n : {0u, 15u, 24u, 33u}) {
        auto key = CbcKey::create(Bytes(n, 1), CbcDirection::encrypt);
        ASSERT_FALSE(key) << n;
        EXPECT_EQ(key.error().reason, Reason::internal_error);
    }
}

}  // namespace
}  // namespace tlspp::crypto
