#include "handshake/key_schedule12.hpp"

#include <gtest/gtest.h>
#include <openssl/core_names.h>
#include <openssl/kdf.h>
#include <openssl/params.h>

#include <random>
#include <string>
#include <vector>

#include "support/hex.hpp"

namespace tlspp::handshake {
namespace {

using test::hex;
using test::to_hex;
using Bytes = std::vector<std::uint8_t>;

Bytes concat(std::initializer_list<ByteView> parts) {
    Bytes out;
    for (auto p : parts) out.insert(out.end(), p.begin(), p.end());
    return out;
}

ByteView text(std::string_view s) { return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()}; }

// openssl_prf is libcrypto's own TLS 1.2 PRF (EVP_KDF "TLS1-PRF"), an
// implementation independent of ours, given label + seed as one seed.
Bytes openssl_prf(HashAlg hash, ByteView secret, std::string_view label, ByteView seed, std::size_t length) {
    EVP_KDF* kdf = EVP_KDF_fetch(nullptr, "TLS1-PRF", nullptr);
    EVP_KDF_CTX* ctx = EVP_KDF_CTX_new(kdf);
    Bytes full_seed = concat({text(label), seed});
    const char* digest = hash == HashAlg::sha384 ? "SHA384" : "SHA256";
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, const_cast<char*>(digest), 0),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SECRET, const_cast<std::uint8_t*>(secret.data()),
                                          secret.size()),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SEED, full_seed.data(), full_seed.size()),
        OSSL_PARAM_construct_end(),
    };
    Bytes out(length);
    EXPECT_EQ(EVP_KDF_derive(ctx, out.data(), out.size(), params), 1);
    EVP_KDF_CTX_free(ctx);
    EVP_KDF_free(kdf);
    return out;
}

std::string hex_of(const SecretBytes& s) { return to_hex(s.view()); }
std::string hex_of(ByteView s) { return to_hex(s); }

// The P_SHA256 and P_SHA384 vectors posted to the TLS WG list
// (https://www.ietf.org/mail-archive/web/tls/current/msg03416.html).
TEST(Prf12, MatchesThePublishedSha256Vector) {
    auto out = prf12(HashAlg::sha256, hex("9bbe436ba940f017b17652849a71db35"), "test label",
                     hex("a0ba9f936cda311827a6f796ffd5198c"), 100);
    EXPECT_EQ(hex_of(out),
              "e3f229ba727be17b8d122620557cd453c2aab21d07c3d495329b52d4e61edb5a"
              "6b301791e90d35c9c9a46b4e14baf9af0fa022f7077def17abfd3797c0564bab"
              "4fbc91666e9def9b97fce34f796789baa48082d122ee42c5a72e5a5110fff701"
              "87347b66");
}

TEST(Prf12, MatchesThePublishedSha384Vector) {
    auto out = prf12(HashAlg::sha384, hex("b80b733d6ceefcdc71566ea48e5567df"), "test label",
                     hex("cd665cf6a8447dd6ff8b27555edb7465"), 148);
    EXPECT_EQ(hex_of(out),
              "7b0c18e9ced410ed1804f2cfa34a336a1c14dffb4900bb5fd7942107e81c83cd"
              "e9ca0faa60be9fe34f82b1233c9146a0e534cb400fed2700884f9dc236f80edd"
              "8bfa961144c9e8d792eca722a7b32fc3d416d473ebc2c5fd4abfdad05d918425"
              "9b5bf8cd4d90fa0d31e2dec479e4f1a26066f2eea9a69236a3e52655c9e9aee6"
              "91c8f3a26854308d5eaa3be85e0990703d73e56f");
}

TEST(Prf12, ShorterOutputIsAPrefixOfLongerOutput) {
    auto secret = hex("9bbe436ba940f017b17652849a71db35");
    auto seed = hex("a0ba9f936cda311827a6f796ffd5198c");
    auto full = prf12(HashAlg::sha256, secret, "test label", seed, 100);
    for (std::size_t n : {0, 1, 31, 32, 33, 64, 99}) {
        auto part = prf12(HashAlg::sha256, secret, "test label", seed, n);
        ASSERT_EQ(part.size(), n);
        EXPECT_EQ(hex_of(part), to_hex(full.view().first(n))) << n << " bytes";
    }
}

TEST(Prf12, AgreesWithLibcryptoTls1PrfOnRandomInputs) {
    std::mt19937 rng(12);
    for (HashAlg hash : {HashAlg::sha256, HashAlg::sha384}) {
        for (int i = 0; i < 20; ++i) {
            Bytes secret(rng() % 80), seed(rng() % 100);
            for (auto& b : secret) b = static_cast<std::uint8_t>(rng());
            for (auto& b : seed) b = static_cast<std::uint8_t>(rng());
            std::size_t length = 1 + rng() % 200;
            EXPECT_EQ(hex_of(prf12(hash, secret, "some label", seed, length)),
                      to_hex(openssl_prf(hash, secret, "some label", seed, length)));
        }
    }
}

struct Handshake {
    Bytes pre_master, client_random, server_random, session_hash;
};

Handshake random_handshake(std::mt19937& rng, std::size_t hash_len) {
    auto fill = [&](std::size_t n) {
        Bytes b(n);
        for (auto& x : b) x = static_cast<std::uint8_t>(rng());
        return b;
    };
    return {fill(48), fill(32), fill(32), fill(hash_len)};
}

TEST(KeySchedule12, MasterSecretIsPrfOverClientThenServerRandom) {
    std::mt19937 rng(1);
    for (HashAlg hash : {HashAlg::sha256, HashAlg::sha384}) {
        auto hs = random_handshake(rng, crypto::hash_length(hash));
        auto master = master_secret12(hash, hs.pre_master, hs.client_random, hs.server_random);
        ASSERT_EQ(master.size(), 48u);
        EXPECT_EQ(hex_of(master), to_hex(openssl_prf(hash, hs.pre_master, "master secret",
                                                     concat({hs.client_random, hs.server_random}), 48)));
    }
}

TEST(KeySchedule12, ExtendedMasterSecretIsPrfOverTheSessionHash) {
    std::mt19937 rng(2);
    for (HashAlg hash : {HashAlg::sha256, HashAlg::sha384}) {
        auto hs = random_handshake(rng, crypto::hash_length(hash));
        auto ems = extended_master_secret12(hash, hs.pre_master, hs.session_hash);
        ASSERT_EQ(ems.size(), 48u);
        EXPECT_EQ(hex_of(ems),
                  to_hex(openssl_prf(hash, hs.pre_master, "extended master secret", hs.session_hash, 48)));
    }
}

TEST(KeySchedule12, KeyBlockIsPrfOverServerThenClientRandomSplitInRfcOrder) {
    std::mt19937 rng(3);
    for (HashAlg hash : {HashAlg::sha256, HashAlg::sha384}) {
        auto hs = random_handshake(rng, crypto::hash_length(hash));
        Bytes master = openssl_prf(hash, hs.pre_master, "master secret",
                                   concat({hs.client_random, hs.server_random}), 48);
        // A CBC-style layout (20-byte MAC keys, 16-byte keys, 16-byte IVs) to see every slot.
        auto keys = key_block12(hash, master, hs.client_random, hs.server_random, 20, 16, 16);
        std::string block = to_hex(openssl_prf(hash, master, "key expansion",
                                               concat({hs.server_random, hs.client_random}), 104));
        EXPECT_EQ(hex_of(keys.client_write_mac_key), block.substr(0, 40));
        EXPECT_EQ(hex_of(keys.server_write_mac_key), block.substr(40, 40));
        EXPECT_EQ(hex_of(keys.client_write_key), block.substr(80, 32));
        EXPECT_EQ(hex_of(keys.server_write_key), block.substr(112, 32));
        EXPECT_EQ(hex_of(keys.client_write_iv), block.substr(144, 32));
        EXPECT_EQ(hex_of(keys.server_write_iv), block.substr(176, 32));
    }
}

TEST(KeySchedule12, AeadKeyBlockHasNoMacKeysAndFourByteSalts) {
    std::mt19937 rng(4);
    auto hs = random_handshake(rng, 32);
    Bytes master(48, 0x77);
    auto keys = key_block12(HashAlg::sha256, master, hs.client_random, hs.server_random, 0, 16, 4);
    EXPECT_TRUE(keys.client_write_mac_key.empty());
    EXPECT_TRUE(keys.server_write_mac_key.empty());
    std::string block = to_hex(openssl_prf(HashAlg::sha256, master, "key expansion",
                                           concat({hs.server_random, hs.client_random}), 40));
    EXPECT_EQ(hex_of(keys.client_write_key), block.substr(0, 32));
    EXPECT_EQ(hex_of(keys.server_write_key), block.substr(32, 32));
    EXPECT_EQ(hex_of(keys.client_write_iv), block.substr(64, 8));
    EXPECT_EQ(hex_of(keys.server_write_iv), block.substr(72, 8));
}

TEST(KeySchedule12, VerifyDataIsTwelveBytesUnderTheSidesLabel) {
    std::mt19937 rng(5);
    for (HashAlg hash : {HashAlg::sha256, HashAlg::sha384}) {
        auto hs = random_handshake(rng, crypto::hash_length(hash));
        Bytes master(48, 0x33);
        auto client = verify_data12(hash, master, true, hs.session_hash);
        auto server = verify_data12(hash, master, false, hs.session_hash);
        ASSERT_EQ(client.size(), 12u);
        ASSERT_EQ(server.size(), 12u);
        EXPECT_EQ(hex_of(client), to_hex(openssl_prf(hash, master, "client finished", hs.session_hash, 12)));
        EXPECT_EQ(hex_of(server), to_hex(openssl_prf(hash, master, "server finished", hs.session_hash, 12)));
        EXPECT_NE(hex_of(client), hex_of(server));
    }
}

// p_hash computes a last, partial block into its A(i) buffer: every length,
// whole blocks or not, must still match libcrypto's TLS1-PRF.
TEST(KeySchedule12, PrfOfEveryLengthUpToFiveBlocksMatchesLibcrypto) {
    std::mt19937 rng(11);
    for (HashAlg hash : {HashAlg::sha256, HashAlg::sha384}) {
        auto hs = random_handshake(rng, crypto::hash_length(hash));
        const Bytes secret(48, 0x5a);
        for (std::size_t length = 1; length <= 5 * crypto::hash_length(hash); ++length)
            ASSERT_EQ(hex_of(prf12(hash, secret, "test label", hs.session_hash, length)),
                      to_hex(openssl_prf(hash, secret, "test label", hs.session_hash, length)))
                << "length " << length;
    }
}

TEST(KeySchedule12, KeyBlockInOneBufferSplitsAsTheSixSecrets) {
    std::mt19937 rng(12);
    auto hs = random_handshake(rng, 32);
    const Bytes master(48, 0x21);
    for (auto [mac, key, iv] : {std::array<std::size_t, 3>{20, 16, 0}, {0, 32, 4}, {32, 32, 0}}) {
        const auto owned = key_block12(HashAlg::sha256, master, hs.client_random, hs.server_random, mac, key, iv);
        EXPECT_EQ(key_block_length12(mac, key, iv), 2 * (mac + key + iv));
        const auto bytes = key_block_bytes12(HashAlg::sha256, master, hs.client_random, hs.server_random,
                                             key_block_length12(mac, key, iv));
        const auto views = split_key_block12(bytes, mac, key, iv);
        EXPECT_EQ(hex_of(views.client_write_mac_key), hex_of(owned.client_write_mac_key));
        EXPECT_EQ(hex_of(views.server_write_mac_key), hex_of(owned.server_write_mac_key));
        EXPECT_EQ(hex_of(views.client_write_key), hex_of(owned.client_write_key));
        EXPECT_EQ(hex_of(views.server_write_key), hex_of(owned.server_write_key));
        EXPECT_EQ(hex_of(views.client_write_iv), hex_of(owned.client_write_iv));
        EXPECT_EQ(hex_of(views.server_write_iv), hex_of(owned.server_write_iv));
        // The views cover the block exactly, in RFC 5246 §6.3 order.
        EXPECT_EQ(views.client_write_mac_key.data(), bytes.data());
        EXPECT_EQ(views.server_write_iv.data() + iv, bytes.data() + bytes.size());
    }
}

}  // namespace
}  // namespace tlspp::handshake
