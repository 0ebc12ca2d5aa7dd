#include "crypto/hkdf.hpp"

#include <gtest/gtest.h>
#include <openssl/core_names.h>
#include <openssl/kdf.h>
#include <openssl/params.h>

#include <array>
#include <string>
#include <vector>

#include "support/hex.hpp"

namespace tlspp::crypto {
namespace {

using test::hex;
using test::to_hex;

Bytes range(int first, int end) {
    Bytes out;
    for (int b = first; b < end; ++b) out.push_back(static_cast<std::uint8_t>(b));
    return out;
}

// openssl_hkdf is libcrypto's own HKDF (EVP_KDF "HKDF", one mode at a time),
// an implementation independent of ours.
Bytes openssl_hkdf(HashAlg alg, int mode, ByteView key, ByteView salt, ByteView info, std::size_t length) {
    EVP_KDF* kdf = EVP_KDF_fetch(nullptr, "HKDF", nullptr);
    EVP_KDF_CTX* ctx = EVP_KDF_CTX_new(kdf);
    const char* digest = alg == HashAlg::sha384 ? "SHA384" : alg == HashAlg::sha1 ? "SHA1" : "SHA256";
    // Empty octet strings are left out: libcrypto rejects a salt or info
    // parameter without data.
    std::vector<OSSL_PARAM> params{
        OSSL_PARAM_construct_int(OSSL_KDF_PARAM_MODE, &mode),
        OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, const_cast<char*>(digest), 0),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, const_cast<std::uint8_t*>(key.data()), key.size()),
    };
    if (!salt.empty())
        params.push_back(OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT,
                                                           const_cast<std::uint8_t*>(salt.data()), salt.size()));
    if (!info.empty())
        params.push_back(OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO,
                                                           const_cast<std::uint8_t*>(info.data()), info.size()));
    params.push_back(OSSL_PARAM_construct_end());
    Bytes out(length);
    EXPECT_EQ(EVP_KDF_derive(ctx, out.data(), out.size(), params.data()), 1);
    EVP_KDF_CTX_free(ctx);
    EVP_KDF_free(kdf);
    return out;
}

struct Case {
    const char* name;
    HashAlg alg;
    Bytes ikm, salt, info;
    std::size_t length;
    std::string prk, okm;
};

// RFC 5869 Appendix A: test cases 1-3 (SHA-256) and 4 (SHA-1).
std::vector<Case> rfc5869_cases() {
    return {
        {"A.1 basic SHA-256", HashAlg::sha256, Bytes(22, 0x0b), range(0x00, 0x0d), range(0xf0, 0xfa), 42,
         "077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5",
         "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"},
        {"A.2 longer inputs SHA-256", HashAlg::sha256, range(0x00, 0x50), range(0x60, 0xb0), range(0xb0, 0x100), 82,
         "06a6b88c5853361a06104c9ceb35b45cef760014904671014a193f40c15fc244",
         "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c"
         "59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71"
         "cc30c58179ec3e87c14c01d5c1f3434f1d87"},
        {"A.3 zero-length salt and info SHA-256", HashAlg::sha256, Bytes(22, 0x0b), Bytes{}, Bytes{}, 42,
         "19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04",
         "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"},
        {"A.4 basic SHA-1", HashAlg::sha1, Bytes(11, 0x0b), range(0x00, 0x0d), range(0xf0, 0xfa), 42,
         "9b6c18c432a7bf8f0e71c8eb88f4b30baa2ba243",
         "085a01ea1b10f36933068b56efa5ad81a4f14b822f5b091568a9cdd4f155fda2c22e422478d305f3f896"},
    };
}

TEST(Hkdf, ExtractAndExpandMatchRfc5869AppendixA) {
    for (const Case& c : rfc5869_cases()) {
        SCOPED_TRACE(c.name);
        SecretBytes prk = hkdf_extract(c.alg, c.salt, c.ikm);
        EXPECT_EQ(to_hex(prk.view()), c.prk);
        SecretBytes okm = hkdf_expand(c.alg, prk, c.info, c.length);
        EXPECT_EQ(to_hex(okm.view()), c.okm);
    }
}

// RFC 5869 §2.2: an absent salt "is set to a string of HashLen zeros".
TEST(Hkdf, EmptySaltEqualsHashLengthZeros) {
    const Bytes ikm = range(1, 40);
    EXPECT_EQ(to_hex(hkdf_extract(HashAlg::sha256, {}, ikm).view()),
              to_hex(hkdf_extract(HashAlg::sha256, Bytes(32, 0), ikm).view()));
    EXPECT_EQ(to_hex(hkdf_extract(HashAlg::sha384, {}, ikm).view()),
              to_hex(hkdf_extract(HashAlg::sha384, Bytes(48, 0), ikm).view()));
}

// SHA-384 has no RFC 5869 vector; libcrypto's HKDF is the reference, over
// lengths that end inside, on and past block boundaries (48-byte blocks).
TEST(Hkdf, Sha384AgreesWithLibcrypto) {
    const Bytes ikm = range(0x20, 0x5a), salt = range(0x01, 0x31), info = range(0x90, 0xa3);
    SecretBytes prk = hkdf_extract(HashAlg::sha384, salt, ikm);
    EXPECT_EQ(to_hex(prk.view()),
              to_hex(openssl_hkdf(HashAlg::sha384, EVP_KDF_HKDF_MODE_EXTRACT_ONLY, ikm, salt, {}, 48)));
    EXPECT_TRUE(hkdf_expand(HashAlg::sha384, prk, info, 0).empty());
    for (std::size_t n : {1, 12, 47, 48, 49, 96, 100, 255 * 48}) {
        SCOPED_TRACE(n);
        EXPECT_EQ(to_hex(hkdf_expand(HashAlg::sha384, prk, info, n).view()),
                  to_hex(openssl_hkdf(HashAlg::sha384, EVP_KDF_HKDF_MODE_EXPAND_ONLY, prk.view(), {}, info, n)));
    }
}

TEST(Hkdf, InfoInPartsEqualsInfoInOnePiece) {
    const Bytes prk = range(0x40, 0x60), info = range(0x00, 0x30);
    const ByteView whole(info);
    const std::array<ByteView, 3> parts{whole.first(5), whole.subspan(5, 0), whole.subspan(5)};
    EXPECT_EQ(to_hex(hkdf_expand_parts(HashAlg::sha256, prk, parts, 70).view()),
              to_hex(hkdf_expand(HashAlg::sha256, prk, info, 70).view()));
}

TEST(HkdfDeathTest, ExpandBeyond255BlocksAborts) {
    const Bytes prk(32, 7);
    EXPECT_DEATH(hkdf_expand(HashAlg::sha256, prk, {}, 255 * 32 + 1), "");
}

}  // namespace
}  // namespace tlspp::crypto
