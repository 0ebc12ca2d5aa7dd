#include "crypto/cbc_hmac.hpp"

#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "support/hex.hpp"

namespace tlspp::crypto {
namespace {

using test::to_hex;

Bytes random_bytes(std::size_t n, unsigned seed) {
    std::mt19937 rng(seed);
    Bytes b(n);
    for (auto& x : b) x = static_cast<std::uint8_t>(rng());
    return b;
}

Bytes concat(ByteView a, ByteView b) {
    Bytes out(a.begin(), a.end());
    out.insert(out.end(), b.begin(), b.end());
    return out;
}

class CbcHmacAlgs : public ::testing::TestWithParam<HashAlg> {};

// The constant-time HMAC must equal the ordinary one for every secret length,
// whatever the public minimum (which moves the split between the normally
// hashed prefix and the masked blocks) and header length.
TEST_P(CbcHmacAlgs, EqualsOrdinaryHmacForEveryLengthUpTo300) {
    const HashAlg alg = GetParam();
    const Bytes data = random_bytes(300, 1);
    for (std::size_t key_length : {hash_length(alg), std::size_t{200}}) {   // 200: longer than a block, hashed first
        const Bytes key = random_bytes(key_length, 2);
        auto mac = RecordMac::create(alg, key);
        ASSERT_TRUE(mac);
        ASSERT_EQ(mac->length(), hash_length(alg));
        for (std::size_t header_length : {std::size_t{0}, std::size_t{13}}) {
            const Bytes header = random_bytes(header_length, 3);
            for (std::size_t min_length : {std::size_t{0}, std::size_t{44}, std::size_t{131}}) {
                for (std::size_t l = min_length; l <= data.size(); ++l) {
                    std::uint8_t out[RecordMac::max_length];
                    mac->compute(header, data, l, min_length, out);
                    const Bytes expected = hmac(alg, key, concat(header, ByteView(data).first(l)));
                    ASSERT_EQ(to_hex(ByteView(out, mac->length())), to_hex(expected))
                        << "key " << key_length << " header " << header_length << " min " << min_length
                        << " length " << l;
                }
            }
        }
    }
}

TEST_P(CbcHmacAlgs, PublicDataOverloadEqualsOrdinaryHmac) {
    const HashAlg alg = GetParam();
    const Bytes key = random_bytes(hash_length(alg), 4);
    auto mac = RecordMac::create(alg, key);
    ASSERT_TRUE(mac);
    for (std::size_t n : {0u, 1u, 55u, 56u, 64u, 111u, 112u, 128u, 16384u}) {
        const Bytes data = random_bytes(n, 5);
        std::uint8_t out[RecordMac::max_length];
        mac->compute(random_bytes(13, 6), data, out);
        EXPECT_EQ(to_hex(ByteView(out, mac->length())), to_hex(hmac(alg, key, concat(random_bytes(13, 6), data))))
            << n;
    }
}

// The work depends on the public sizes only: the same number of compression
// calls for every secret length, and more when the public maximum grows (so
// the counter does count).
TEST_P(CbcHmacAlgs, DoesTheSameNumberOfCompressionsWhateverTheSecretLength) {
    const HashAlg alg = GetParam();
    auto mac = RecordMac::create(alg, random_bytes(hash_length(alg), 7));
    ASSERT_TRUE(mac);
    const Bytes header = random_bytes(13, 8);
    const Bytes data = random_bytes(300, 9);
    auto count = [&](ByteView d, std::size_t l, std::size_t min) {
        std::uint8_t out[RecordMac::max_length];
        const std::uint64_t before = record_mac_compressions();
        mac->compute(header, d, l, min, out);
        return record_mac_compressions() - before;
    };
    const std::uint64_t reference = count(data, 0, 0);
    EXPECT_GT(reference, 300u / 128);
    for (std::size_t l = 0; l <= data.size(); ++l) ASSERT_EQ(count(data, l, 0), reference) << l;
    EXPECT_GT(count(ByteView(data).first(299 - 128), 0, 0), 0u);
    EXPECT_LT(count(ByteView(data).first(299 - 128), 0, 0), reference);
}

INSTANTIATE_TEST_SUITE_P(Macs, CbcHmacAlgs, ::testing::Values(HashAlg::sha1, HashAlg::sha256, HashAlg::sha384));

TEST(CbcHmac, RefusesSha512) {
    auto mac = RecordMac::create(HashAlg::sha512, Bytes(64, 1));
    ASSERT_FALSE(mac);
    EXPECT_EQ(mac.error().reason, Reason::internal_error);
}

}  // namespace
}  // namespace tlspp::crypto
