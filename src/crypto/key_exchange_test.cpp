#include "crypto/key_exchange.hpp"

#include <gtest/gtest.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

#include <deque>

#include "support/hex.hpp"

namespace tlspp::crypto {
namespace {

// SeededRandom is a deterministic byte stream (xorshift64*), different per seed.
class SeededRandom : public RandomSource {
public:
    explicit SeededRandom(std::uint64_t seed) : state_(seed * 0x9e3779b97f4a7c15ull + 1) {}
    void fill(std::span<std::uint8_t> out) override {
        for (auto& b : out) {
            state_ ^= state_ >> 12, state_ ^= state_ << 25, state_ ^= state_ >> 27;
            b = static_cast<std::uint8_t>((state_ * 0x2545f4914f6cdd1dull) >> 56);
        }
    }
private:
    std::uint64_t state_;
};

// ScriptedRandom hands out the given buffers in order, one per fill().
class ScriptedRandom : public RandomSource {
public:
    explicit ScriptedRandom(std::deque<std::vector<std::uint8_t>> draws) : draws_(std::move(draws)) {}
    void fill(std::span<std::uint8_t> out) override {
        ASSERT_FALSE(draws_.empty());
        ASSERT_EQ(draws_.front().size(), out.size());
        std::copy(draws_.front().begin(), draws_.front().end(), out.begin());
        draws_.pop_front();
    }
private:
    std::deque<std::vector<std::uint8_t>> draws_;
};

constexpr NamedGroup kGroups[] = {NamedGroup::x25519,    NamedGroup::x448,      NamedGroup::secp256r1,
                                  NamedGroup::secp384r1, NamedGroup::secp521r1, NamedGroup::ffdhe2048,
                                  NamedGroup::ffdhe3072, NamedGroup::ffdhe4096};

KeyShare make(NamedGroup group, std::uint64_t seed) {
    SeededRandom random(seed);
    auto share = KeyShare::generate(group, random);
    EXPECT_TRUE(share) << name(group) << ": " << (share ? "" : share.error().detail);
    return std::move(share).value();
}

void expect_bad_share(const Result<SecretBytes>& r, std::string_view words) {
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().reason, Reason::bad_key_share);
    EXPECT_EQ(r.error().alert, Alert::illegal_parameter);
    EXPECT_NE(r.error().detail.find(words), std::string::npos) << r.error().detail;
}

TEST(KeyShare, SupportsEveryGroupInTheTable) {
    for (NamedGroup g : kGroups) EXPECT_TRUE(group_supported(g)) << name(g);
    EXPECT_FALSE(group_supported(static_cast<NamedGroup>(0x1234)));
}

TEST(KeyShare, AgreesOnTheSameSecretInBothDirectionsForEveryGroup) {
    for (NamedGroup g : kGroups) {
        KeyShare a = make(g, 1), b = make(g, 2);
        auto ab = a.agree(b.public_value()), ba = b.agree(a.public_value());
        ASSERT_TRUE(ab) << name(g) << ": " << ab.error().detail;
        ASSERT_TRUE(ba) << name(g) << ": " << ba.error().detail;
        EXPECT_EQ(test::to_hex(ab->view()), test::to_hex(ba->view())) << name(g);
        EXPECT_FALSE(ab->empty());
    }
}

TEST(KeyShare, PublicValuesAndSecretsHaveTheirTlsLengths) {
    struct { NamedGroup group; std::size_t pub, secret; } cases[] = {
        {NamedGroup::x25519, 32, 32},     {NamedGroup::x448, 56, 56},        {NamedGroup::secp256r1, 65, 32},
        {NamedGroup::secp384r1, 97, 48},  {NamedGroup::secp521r1, 133, 66},  {NamedGroup::ffdhe2048, 256, 256},
        {NamedGroup::ffdhe3072, 384, 384}, {NamedGroup::ffdhe4096, 512, 512},
    };
    for (const auto& c : cases) {
        KeyShare a = make(c.group, 3), b = make(c.group, 4);
        EXPECT_EQ(a.public_value().size(), c.pub) << name(c.group);
        EXPECT_EQ(a.group(), c.group);
        if (c.pub == 1 + 2 * c.secret) {
            EXPECT_EQ(a.public_value()[0], 0x04) << name(c.group);
        }
        auto s = a.agree(b.public_value());
        ASSERT_TRUE(s);
        EXPECT_EQ(s->size(), c.secret) << name(c.group);
    }
}

TEST(KeyShare, IsDeterministicForAFixedRandomSource) {
    for (NamedGroup g : kGroups) {
        EXPECT_EQ(make(g, 7).public_value(), make(g, 7).public_value()) << name(g);
        EXPECT_NE(make(g, 7).public_value(), make(g, 8).public_value()) << name(g);
    }
}

TEST(KeyShare, DerivesTheRfc7748X25519PublicKey) {
    // RFC 7748 §6.1: Alice's private key and public key.
    ScriptedRandom random({test::hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a")});
    auto share = KeyShare::generate(NamedGroup::x25519, random);
    ASSERT_TRUE(share);
    EXPECT_EQ(test::to_hex(share->public_value()),
              "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
    auto secret = share->agree(test::hex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f"));
    ASSERT_TRUE(secret);
    EXPECT_EQ(test::to_hex(secret->view()), "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
}

TEST(KeyShare, RedrawsANistScalarOfZeroOrAboveTheOrder) {
    const auto good = test::hex(test::repeat("11", 32));
    ScriptedRandom retried({std::vector<std::uint8_t>(32, 0), std::vector<std::uint8_t>(32, 0xff), good});
    ScriptedRandom direct({good});
    auto a = KeyShare::generate(NamedGroup::secp256r1, retried);
    auto b = KeyShare::generate(NamedGroup::secp256r1, direct);
    ASSERT_TRUE(a);
    ASSERT_TRUE(b);
    EXPECT_EQ(a->public_value(), b->public_value());
}

TEST(KeyShare, FailsWithInternalErrorForAnUnsupportedGroup) {
    SeededRandom random(1);
    auto share = KeyShare::generate(static_cast<NamedGroup>(0x1234), random);
    ASSERT_FALSE(share);
    EXPECT_EQ(share.error().reason, Reason::internal_error);
}

TEST(KeyShare, RejectsX25519PublicValueOfWrongLength) {
    KeyShare a = make(NamedGroup::x25519, 1);
    std::vector<std::uint8_t> peer = make(NamedGroup::x25519, 2).public_value();
    peer.push_back(0);
    expect_bad_share(a.agree(peer), "33 bytes");
    expect_bad_share(a.agree({}), "0 bytes");
}

TEST(KeyShare, RejectsX25519SmallOrderPointsGivingAnAllZeroSecret) {
    KeyShare a = make(NamedGroup::x25519, 1);
    expect_bad_share(a.agree(test::hex(test::repeat("00", 32))), "all zeros");
    expect_bad_share(a.agree(test::hex("01" + test::repeat("00", 31))), "all zeros");
    // RFC 7748 §5 small-order point of order 8.
    expect_bad_share(a.agree(test::hex("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800")),
                     "all zeros");
}

TEST(KeyShare, RejectsCompressedAndHybridNistPoints) {
    KeyShare a = make(NamedGroup::secp256r1, 1);
    std::vector<std::uint8_t> peer = make(NamedGroup::secp256r1, 2).public_value();
    std::vector<std::uint8_t> compressed(peer.begin(), peer.begin() + 33);
    compressed[0] = 0x02 | (peer.back() & 1);
    expect_bad_share(a.agree(compressed), "uncompressed point");
    peer[0] = 0x06 | (peer.back() & 1);  // hybrid form, right length
    expect_bad_share(a.agree(peer), "uncompressed form");
}

TEST(KeyShare, RejectsNistPointsNotOnTheCurve) {
    for (NamedGroup g : {NamedGroup::secp256r1, NamedGroup::secp384r1, NamedGroup::secp521r1}) {
        KeyShare a = make(g, 1);
        std::vector<std::uint8_t> peer = make(g, 2).public_value();
        peer.back() ^= 0x01;
        expect_bad_share(a.agree(peer), "not on the curve");
        std::vector<std::uint8_t> zeros(peer.size(), 0);
        zeros[0] = 0x04;
        expect_bad_share(a.agree(zeros), "not on the curve");
    }
}

std::vector<std::uint8_t> ffdhe2048_p_minus_1() {
    OSSL_PARAM_BLD* bld = OSSL_PARAM_BLD_new();
    OSSL_PARAM_BLD_push_utf8_string(bld, OSSL_PKEY_PARAM_GROUP_NAME, "ffdhe2048", 0);
    OSSL_PARAM* params = OSSL_PARAM_BLD_to_param(bld);
    EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_from_name(nullptr, "DH", nullptr);
    EVP_PKEY* key = nullptr;
    EVP_PKEY_fromdata_init(ctx);
    EVP_PKEY_fromdata(ctx, &key, EVP_PKEY_KEY_PARAMETERS, params);
    BIGNUM* p = nullptr;
    EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_FFC_P, &p);
    BN_sub_word(p, 1);
    std::vector<std::uint8_t> out(256);
    BN_bn2binpad(p, out.data(), 256);
    BN_free(p), EVP_PKEY_free(key), EVP_PKEY_CTX_free(ctx), OSSL_PARAM_free(params), OSSL_PARAM_BLD_free(bld);
    return out;
}

TEST(KeyShare, RejectsFfdhePublicValuesOutsideOneToPMinusOne) {
    KeyShare a = make(NamedGroup::ffdhe2048, 1);
    expect_bad_share(a.agree(test::hex(test::repeat("00", 256))), "1 < Y < p-1");
    expect_bad_share(a.agree(test::hex(test::repeat("00", 255) + "01")), "1 < Y < p-1");
    expect_bad_share(a.agree(ffdhe2048_p_minus_1()), "1 < Y < p-1");
    expect_bad_share(a.agree(test::hex(test::repeat("ff", 256))), "1 < Y < p-1");
    expect_bad_share(a.agree(test::hex(test::repeat("01", 257))), "257 bytes");
}

TEST(KeyShare, RequiresPaddedFfdheValuesInTls13ButNotInTls12) {
    KeyShare a = make(NamedGroup::ffdhe2048, 1);
    // About one key in 256 has a public value with a leading zero byte: search.
    for (std::uint64_t seed = 100; seed < 5000; ++seed) {
        KeyShare b = make(NamedGroup::ffdhe2048, seed);
        if (b.public_value()[0] != 0) continue;
        // RFC 8446 §4.2.8.1 pads Y to the prime's length; a TLS 1.2 dh_Y may be shorter.
        std::vector<std::uint8_t> unpadded(b.public_value().begin() + 1, b.public_value().end());
        expect_bad_share(a.agree(unpadded), "255 bytes");
        auto tls12 = a.agree(unpadded, ProtocolVersion::tls12);
        auto padded = a.agree(b.public_value(), ProtocolVersion::tls12);
        ASSERT_TRUE(tls12) << tls12.error().detail;
        ASSERT_TRUE(padded);
        EXPECT_EQ(test::to_hex(tls12->view()), test::to_hex(padded->view()));
        return;
    }
    FAIL() << "no seed gave a public value with a leading zero";
}

TEST(KeyShare, StripsLeadingZerosOfTheFfdheSecretOnlyInTls12) {
    KeyShare b = make(NamedGroup::ffdhe2048, 2);
    // About one key in 256 gives a secret with a leading zero byte: search.
    for (std::uint64_t seed = 100; seed < 5000; ++seed) {
        KeyShare a = make(NamedGroup::ffdhe2048, seed);
        auto padded = a.agree(b.public_value());
        ASSERT_TRUE(padded);
        if ((*padded)[0] != 0) continue;
        auto stripped = a.agree(b.public_value(), ProtocolVersion::tls12);
        ASSERT_TRUE(stripped);
        EXPECT_LT(stripped->size(), 256u);
        EXPECT_NE((*stripped)[0], 0);
        EXPECT_EQ(test::to_hex(stripped->view()),
                  test::to_hex(padded->view().subspan(256 - stripped->size())));
        return;
    }
    FAIL() << "no seed gave a secret with a leading zero";
}

}  // namespace
}  // namespace tlspp::crypto
