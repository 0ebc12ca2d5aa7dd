// The verified-chain cache: hits only for the same chain, host, purpose and
// trust store within the entry's span; never for a failure; bounded; thread-safe.
#include "pki/verified_chain_cache.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "support/test_pki.hpp"

namespace tlspp::pki {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::system_clock;
constexpr int kLevel = crypto::default_security_level;

struct Lookup {
    bool ok;
    bool cached;
};

Lookup look_up(VerifiedChainCache& cache, const TrustStore& trust, const test::Identity& id, std::string_view host,
               Clock::time_point now, Purpose purpose = Purpose::server_auth) {
    bool cached = true;   // verify_chain_cached must clear it on a miss
    auto chain = verify_chain_cached(&cache, trust, id.chain_der, host, now, purpose, kLevel, &cached);
    return {chain.ok(), cached};
}

TEST(VerifiedChainCache, SecondVerificationIsAHitWithTheSameKey) {
    VerifiedChainCache cache;
    const auto now = Clock::now();
    bool cached = true;
    auto first = verify_chain_cached(&cache, test::pki().trust, test::pki().server_rsa.chain_der, "localhost", now,
                                     Purpose::server_auth, kLevel, &cached);
    ASSERT_TRUE(first.ok()) << first.error().message();
    EXPECT_FALSE(cached);
    auto second = verify_chain_cached(&cache, test::pki().trust, test::pki().server_rsa.chain_der, "localhost",
                                      now + 1s, Purpose::server_auth, kLevel, &cached);
    ASSERT_TRUE(second.ok());
    EXPECT_TRUE(cached);
    EXPECT_EQ(second->leaf_key.type(), crypto::KeyType::rsa);
    EXPECT_EQ(second->leaf_key.raw(), first->leaf_key.raw());   // the very key verification produced
    EXPECT_EQ(cache.stats().hits, 1u);
    EXPECT_EQ(cache.stats().misses, 1u);
    EXPECT_EQ(cache.size(), 1u);
}

TEST(VerifiedChainCache, OtherHostPurposeOrChainMisses) {
    VerifiedChainCache cache;
    const auto now = Clock::now();
    const auto& pki = test::pki();
    ASSERT_TRUE(look_up(cache, pki.trust, pki.server_p256, "localhost", now).ok);
    const Lookup ip = look_up(cache, pki.trust, pki.server_p256, "127.0.0.1", now);
    EXPECT_TRUE(ip.ok);
    EXPECT_FALSE(ip.cached);
    const Lookup no_host = look_up(cache, pki.trust, pki.server_p256, "", now);
    EXPECT_TRUE(no_host.ok);
    EXPECT_FALSE(no_host.cached);
    const Lookup other_chain = look_up(cache, pki.trust, pki.server_p384, "localhost", now);
    EXPECT_TRUE(other_chain.ok);
    EXPECT_FALSE(other_chain.cached);
    // The client leaf verified for client authentication is not good for server authentication.
    ASSERT_TRUE(look_up(cache, pki.trust, pki.client, "", now, Purpose::client_auth).ok);
    EXPECT_TRUE(look_up(cache, pki.trust, pki.client, "", now, Purpose::client_auth).cached);
    const Lookup as_server = look_up(cache, pki.trust, pki.client, "", now, Purpose::server_auth);
    EXPECT_FALSE(as_server.ok);
    EXPECT_FALSE(as_server.cached);
    EXPECT_EQ(cache.stats().hits, 1u);
}

TEST(VerifiedChainCache, AnotherTrustStoreMissesACopyHits) {
    VerifiedChainCache cache;
    const auto now = Clock::now();
    const auto& pki = test::pki();
    ASSERT_TRUE(look_up(cache, pki.trust, pki.server_rsa, "localhost", now).ok);
    const TrustStore copy = pki.trust;   // shares the store
    EXPECT_TRUE(look_up(cache, copy, pki.server_rsa, "localhost", now).cached);
    auto reloaded = TrustStore::from_pem(pki.ca_pem);   // same CA, another store
    ASSERT_TRUE(reloaded.ok());
    const Lookup other = look_up(cache, *reloaded, pki.server_rsa, "localhost", now);
    EXPECT_TRUE(other.ok);
    EXPECT_FALSE(other.cached);
    // A store that does not trust the CA fails, whatever the cache holds.
    auto foreign = TrustStore::from_pem(pki.untrusted_ca_pem);
    ASSERT_TRUE(foreign.ok());
    EXPECT_FALSE(look_up(cache, *foreign, pki.server_rsa, "localhost", now).ok);
}

TEST(VerifiedChainCache, FailuresAreNeverCached) {
    VerifiedChainCache cache;
    const auto now = Clock::now();
    const auto& pki = test::pki();
    for (int i = 0; i < 2; ++i) {
        bool cached = true;
        auto wrong_host = verify_chain_cached(&cache, pki.trust, pki.wrong_host.chain_der, "localhost", now,
                                              Purpose::server_auth, kLevel, &cached);
        ASSERT_FALSE(wrong_host.ok());
        EXPECT_EQ(wrong_host.error().reason, Reason::certificate_name_mismatch);
        EXPECT_FALSE(cached);
        auto expired = verify_chain_cached(&cache, pki.trust, pki.expired.chain_der, "localhost", now,
                                           Purpose::server_auth, kLevel, &cached);
        ASSERT_FALSE(expired.ok());
        EXPECT_EQ(expired.error().reason, Reason::certificate_expired);
        auto revoked = verify_chain_cached(&cache, pki.trust_with_crl, pki.client_revoked.chain_der, "", now,
                                           Purpose::client_auth, kLevel, &cached);
        ASSERT_FALSE(revoked.ok());
        EXPECT_EQ(revoked.error().reason, Reason::certificate_revoked);
    }
    EXPECT_EQ(cache.size(), 0u);
    EXPECT_EQ(cache.stats().hits, 0u);
    EXPECT_EQ(cache.stats().misses, 6u);
}

TEST(VerifiedChainCache, EntryLastsTheWindowThenIsVerifiedAgain) {
    VerifiedChainCache cache({.capacity = 8, .window = 60s});
    const auto now = Clock::now();
    const auto& pki = test::pki();
    ASSERT_FALSE(look_up(cache, pki.trust, pki.server_rsa, "localhost", now).cached);
    EXPECT_TRUE(look_up(cache, pki.trust, pki.server_rsa, "localhost", now + 59s).cached);
    const Lookup after = look_up(cache, pki.trust, pki.server_rsa, "localhost", now + 60s);
    EXPECT_TRUE(after.ok);
    EXPECT_FALSE(after.cached);
    // Verified again at now + 60 s: a new window from there.
    EXPECT_TRUE(look_up(cache, pki.trust, pki.server_rsa, "localhost", now + 119s).cached);
}

TEST(VerifiedChainCache, EntryNeverOutlivesTheCertificates) {
    // A window longer than the leaf's life (notAfter 30 days ahead): past
    // notAfter the cache must not answer, and verification says expired.
    VerifiedChainCache cache({.capacity = 8, .window = std::chrono::hours(24 * 90)});
    const auto now = Clock::now();
    const auto& pki = test::pki();
    ASSERT_TRUE(look_up(cache, pki.trust, pki.server_p256, "localhost", now).ok);
    EXPECT_TRUE(look_up(cache, pki.trust, pki.server_p256, "localhost", now + std::chrono::hours(24 * 29)).cached);
    bool cached = true;
    auto late = verify_chain_cached(&cache, pki.trust, pki.server_p256.chain_der, "localhost",
                                    now + std::chrono::hours(24 * 31), Purpose::server_auth, kLevel, &cached);
    ASSERT_FALSE(late.ok());
    EXPECT_EQ(late.error().reason, Reason::certificate_expired);
    EXPECT_FALSE(cached);
    // Nor before notBefore (one day ago): a clock set back is a miss.
    auto early = verify_chain_cached(&cache, pki.trust, pki.server_p256.chain_der, "localhost",
                                     now - std::chrono::hours(48), Purpose::server_auth, kLevel, &cached);
    ASSERT_FALSE(early.ok());
    EXPECT_EQ(early.error().reason, Reason::certificate_not_yet_valid);
}

TEST(VerifiedChainCache, AReplacedCrlTakesEffectOnTheNextVerification) {
    // The same CA with a CRL that revokes nothing, then with one that revokes
    // the leaf: the entry made under the first must not answer for the second.
    VerifiedChainCache cache({.capacity = 8, .window = std::chrono::hours(24)});
    const auto now = Clock::now();
    const auto& pki = test::pki();
    auto before = TrustStore::from_pem(pki.ca_pem, pki.crl_empty_pem);
    ASSERT_TRUE(before.ok()) << before.error().message();
    ASSERT_TRUE(look_up(cache, *before, pki.client_revoked, "", now, Purpose::client_auth).ok);
    ASSERT_TRUE(look_up(cache, *before, pki.client_revoked, "", now + 1s, Purpose::client_auth).cached);
    auto after = TrustStore::from_pem(pki.ca_pem, pki.crl_pem);
    ASSERT_TRUE(after.ok());
    bool cached = true;
    auto revoked = verify_chain_cached(&cache, *after, pki.client_revoked.chain_der, "", now + 2s,
                                       Purpose::client_auth, kLevel, &cached);
    ASSERT_FALSE(revoked.ok());
    EXPECT_EQ(revoked.error().reason, Reason::certificate_revoked);
    EXPECT_FALSE(cached);
}

TEST(VerifiedChainCache, AnEntryAnswersOnlyForItsSecurityLevel) {
    // A SHA-1 leaf verified at level 1 must not be a hit at level 2.
    VerifiedChainCache cache({.capacity = 8, .window = std::chrono::hours(1)});
    const auto now = Clock::now();
    const auto& policy = test::policy_pki();
    bool cached = false;
    ASSERT_TRUE(verify_chain_cached(&cache, policy.trust, policy.sha1_leaf.chain_der, "localhost", now,
                                    Purpose::server_auth, 1, &cached)
                    .ok());
    auto strict = verify_chain_cached(&cache, policy.trust, policy.sha1_leaf.chain_der, "localhost", now + 1s,
                                      Purpose::server_auth, 2, &cached);
    ASSERT_FALSE(strict.ok());
    EXPECT_EQ(strict.error().reason, Reason::certificate_too_weak);
    EXPECT_FALSE(cached);
}

TEST(VerifiedChainCache, LeastRecentlyUsedGoesFirst) {
    VerifiedChainCache cache({.capacity = 2, .window = 600s});
    const auto now = Clock::now();
    const auto& pki = test::pki();
    ASSERT_TRUE(look_up(cache, pki.trust, pki.server_rsa, "localhost", now).ok);
    ASSERT_TRUE(look_up(cache, pki.trust, pki.server_p256, "localhost", now).ok);
    EXPECT_TRUE(look_up(cache, pki.trust, pki.server_rsa, "localhost", now).cached);   // rsa now most recent
    ASSERT_TRUE(look_up(cache, pki.trust, pki.server_p384, "localhost", now).ok);      // evicts p256
    EXPECT_EQ(cache.size(), 2u);
    EXPECT_EQ(cache.stats().evictions, 1u);
    EXPECT_TRUE(look_up(cache, pki.trust, pki.server_rsa, "localhost", now).cached);
    EXPECT_TRUE(look_up(cache, pki.trust, pki.server_p384, "localhost", now).cached);
    EXPECT_FALSE(look_up(cache, pki.trust, pki.server_p256, "localhost", now).cached);
}

TEST(VerifiedChainCache, ZeroCapacityAndNullCacheVerifyEveryTime) {
    VerifiedChainCache cache({.capacity = 0, .window = 600s});
    const auto now = Clock::now();
    const auto& pki = test::pki();
    for (int i = 0; i < 2; ++i) {
        const Lookup l = look_up(cache, pki.trust, pki.server_rsa, "localhost", now);
        EXPECT_TRUE(l.ok);
        EXPECT_FALSE(l.cached);
        bool cached = true;
        EXPECT_TRUE(verify_chain_cached(nullptr, pki.trust, pki.server_rsa.chain_der, "localhost", now,
                                        Purpose::server_auth, kLevel, &cached)
                        .ok());
        EXPECT_FALSE(cached);
    }
    EXPECT_EQ(cache.size(), 0u);
    cache.clear();
}

TEST(VerifiedChainCache, ConcurrentUseIsSafeAndRight) {
    // Four threads over three chains and two host names, with room for two
    // entries: lookups, insertions and evictions race; every answer must be
    // the right one, and every lookup counted once.
    VerifiedChainCache cache({.capacity = 2, .window = 600s});
    const auto now = Clock::now();
    const auto& pki = test::pki();
    const test::Identity* ids[] = {&pki.server_rsa, &pki.server_p256, &pki.wrong_host};
    std::atomic<int> wrong{0};
    constexpr int per_thread = 30;
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < per_thread; ++i) {
                const test::Identity& id = *ids[(i + t) % 3];
                const char* host = (i / 3) % 2 ? "localhost" : "127.0.0.1";
                auto chain = verify_chain_cached(&cache, pki.trust, id.chain_der, host, now, Purpose::server_auth, kLevel);
                const bool should_pass = &id != &pki.wrong_host;
                if (chain.ok() != should_pass) ++wrong;
                if (chain.ok() && chain->leaf_key.type() != (&id == &pki.server_rsa ? crypto::KeyType::rsa
                                                                                    : crypto::KeyType::ecdsa_p256))
                    ++wrong;
            }
        });
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(wrong.load(), 0);
    const auto stats = cache.stats();
    EXPECT_EQ(stats.hits + stats.misses, 4u * per_thread);
    EXPECT_LE(cache.size(), 2u);
}

}  // namespace
}  // namespace tlspp::pki
