#include "crypto/hash.hpp"

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <random>
#include <string_view>

#include "support/hex.hpp"

namespace tlspp::crypto {
namespace {

using test::hex;
using test::to_hex;

ByteView text(std::string_view s) { return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()}; }

// FIPS 180-2 Appendix B.1 / C.1 / D.1: the one-block message "abc".
TEST(Hash, DigestsAbcAsFips180Says) {
    EXPECT_EQ(to_hex(digest(HashAlg::sha1, text("abc"))), "a9993e364706816aba3e25717850c26c9cd0d89d");
    // FIPS 180-2 Change Notice 1, Appendix B.1 (SHA-224).
    EXPECT_EQ(to_hex(digest(HashAlg::sha224, text("abc"))), "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7");
    EXPECT_EQ(to_hex(digest(HashAlg::sha256, text("abc"))),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(to_hex(digest(HashAlg::sha384, text("abc"))),
              "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded163"
              "1a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7");
    EXPECT_EQ(to_hex(digest(HashAlg::sha512, text("abc"))),
              "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
              "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
}

TEST(Hash, ReportsDigestLengths) {
    EXPECT_EQ(hash_length(HashAlg::sha1), 20u);
    EXPECT_EQ(hash_length(HashAlg::sha224), 28u);
    EXPECT_EQ(hash_length(HashAlg::sha256), 32u);
    EXPECT_EQ(hash_length(HashAlg::sha384), 48u);
    EXPECT_EQ(hash_length(HashAlg::sha512), 64u);
}

TEST(Hash, IncrementalUpdatesMatchTheOneShotDigest) {
    Hash h(HashAlg::sha256);
    h.update(text("a"));
    h.update({});
    h.update(text("bc"));
    EXPECT_EQ(h.digest(), digest(HashAlg::sha256, text("abc")));
}

TEST(Hash, DigestLeavesTheHashUsable) {
    Hash h(HashAlg::sha384);
    h.update(text("ab"));
    EXPECT_EQ(h.digest(), digest(HashAlg::sha384, text("ab")));
    h.update(text("c"));
    EXPECT_EQ(h.digest(), digest(HashAlg::sha384, text("abc")));
}

TEST(Hash, CopyIsAnIndependentSnapshot) {
    Hash transcript(HashAlg::sha256);
    transcript.update(text("ab"));
    Hash upto_here = transcript;
    transcript.update(text("c"));
    EXPECT_EQ(upto_here.digest(), digest(HashAlg::sha256, text("ab")));
    EXPECT_EQ(transcript.digest(), digest(HashAlg::sha256, text("abc")));

    Hash other(HashAlg::sha512);
    other = transcript;
    EXPECT_EQ(other.alg(), HashAlg::sha256);
    EXPECT_EQ(other.digest(), digest(HashAlg::sha256, text("abc")));
}

TEST(Hash, MovedFromHashCanBeAssignedAgain) {
    Hash a(HashAlg::sha256);
    a.update(text("abc"));
    Hash b = std::move(a);
    EXPECT_EQ(b.digest(), digest(HashAlg::sha256, text("abc")));
    a = b;  // NOLINT(bugprone-use-after-move): assigning revives it
    EXPECT_EQ(a.digest(), digest(HashAlg::sha256, text("abc")));
}

// RFC 4231 §4.2 (test case 1) and §4.3 (test case 2).
TEST(Hmac, MatchesRfc4231TestCases) {
    auto key1 = hex(test::repeat("0b", 20));
    EXPECT_EQ(to_hex(hmac(HashAlg::sha256, key1, text("Hi There"))),
              "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    EXPECT_EQ(to_hex(hmac(HashAlg::sha256, text("Jefe"), text("what do ya want for nothing?"))),
              "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    EXPECT_EQ(to_hex(hmac(HashAlg::sha384, text("Jefe"), text("what do ya want for nothing?"))),
              "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47"
              "e42ec3736322445e8e2240ca5e69e2c78b3239ecfab21649");
    EXPECT_EQ(to_hex(hmac(HashAlg::sha512, text("Jefe"), text("what do ya want for nothing?"))),
              "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
              "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737");
}

TEST(Hmac, FinishResetsSoTheSameKeyServesTheNextMessage) {
    Hmac mac(HashAlg::sha256, text("Jefe"));
    std::uint8_t out[32];
    mac.update(text("what do ya want "));
    mac.update(text("for nothing?"));
    mac.finish(out);
    EXPECT_EQ(to_hex(out), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    mac.update(text("what do ya want for nothing?"));
    mac.finish(out);
    EXPECT_EQ(to_hex(out), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(Hmac, ResetDiscardsDataAlreadyAdded) {
    Hmac mac(HashAlg::sha256, text("Jefe"));
    mac.update(text("garbage"));
    mac.reset();
    mac.update(text("what do ya want for nothing?"));
    std::uint8_t out[32];
    mac.finish(out);
    EXPECT_EQ(to_hex(out), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

// RFC 4231 §4.7 (test case 6): a 131-byte key, longer than the block, is hashed first.
TEST(Hmac, HashesAKeyLongerThanTheBlockFirst) {
    auto key = hex(test::repeat("aa", 131));
    EXPECT_EQ(to_hex(hmac(HashAlg::sha256, key, text("Test Using Larger Than Block-Size Key - Hash Key First"))),
              "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

TEST(Hmac, AgreesWithLibcryptoForKeysAroundTheBlockSize) {
    std::mt19937 rng(4231);
    for (HashAlg alg : {HashAlg::sha1, HashAlg::sha256, HashAlg::sha384, HashAlg::sha512}) {
        const EVP_MD* md = alg == HashAlg::sha1     ? EVP_sha1()
                           : alg == HashAlg::sha256 ? EVP_sha256()
                           : alg == HashAlg::sha384 ? EVP_sha384()
                                                    : EVP_sha512();
        for (std::size_t key_len = 0; key_len <= 200; key_len += 7) {
            Bytes key(key_len), data(rng() % 300);
            for (auto& b : key) b = static_cast<std::uint8_t>(rng());
            for (auto& b : data) b = static_cast<std::uint8_t>(rng());
            std::uint8_t want[64];
            unsigned int n = 0;
            ASSERT_NE(HMAC(md, key.data(), int(key.size()), data.data(), data.size(), want, &n), nullptr);
            EXPECT_EQ(to_hex(hmac(alg, key, data)), to_hex(ByteView(want, n))) << "key of " << key_len << " bytes";
        }
    }
}

TEST(Hmac, MovedHmacKeepsItsKey) {
    Hmac a(HashAlg::sha256, text("Jefe"));
    Hmac b = std::move(a);
    b.update(text("what do ya want for nothing?"));
    std::uint8_t out[32];
    b.finish(out);
    EXPECT_EQ(to_hex(out), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(Hmac, AcceptsAnEmptyKey) {
    // HMAC-SHA256("", "") is a widely published value.
    EXPECT_EQ(to_hex(hmac(HashAlg::sha256, {}, {})),
              "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
}

}  // namespace
}  // namespace tlspp::crypto
