#include "session/server_cache.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace tlspp::session {
namespace {

using namespace std::chrono_literals;
using Bytes = std::vector<std::uint8_t>;

const Time kStart = Time(std::chrono::seconds(1'700'000'000));

Bytes id(std::uint8_t n) { return Bytes(32, n); }

Session12 session(std::uint8_t marker, std::chrono::seconds lifetime = 1h, Time created = kStart) {
    Session12 s;
    s.suite = CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256;
    s.master_secret = crypto::SecretBytes(48);
    s.master_secret[0] = marker;
    s.created = created;
    s.lifetime = lifetime;
    return s;
}

std::uint8_t marker_of(const std::optional<Session12>& s) { return s ? s->master_secret[0] : 0; }

TEST(ServerSessionCache, ReturnsWhatWasPutUnderTheSameId) {
    ServerSessionCache cache(8);
    ASSERT_TRUE(cache.put(id(1), session(11)));
    ASSERT_TRUE(cache.put(id(2), session(22)));
    EXPECT_EQ(marker_of(cache.get(id(1), kStart)), 11);
    EXPECT_EQ(marker_of(cache.get(id(2), kStart)), 22);
    EXPECT_FALSE(cache.get(id(3), kStart));
    EXPECT_EQ(cache.size(), 2u);
}

TEST(ServerSessionCache, GetLeavesTheEntryInPlaceForTheNextResumption) {
    ServerSessionCache cache(8);
    ASSERT_TRUE(cache.put(id(1), session(11)));
    EXPECT_TRUE(cache.get(id(1), kStart));
    EXPECT_TRUE(cache.get(id(1), kStart + 1s));
}

TEST(ServerSessionCache, PutReplacesAnEntryWithTheSameId) {
    ServerSessionCache cache(8);
    ASSERT_TRUE(cache.put(id(1), session(11)));
    ASSERT_TRUE(cache.put(id(1), session(12)));
    EXPECT_EQ(marker_of(cache.get(id(1), kStart)), 12);
    EXPECT_EQ(cache.size(), 1u);
}

TEST(ServerSessionCache, RefusesEmptyAndOverlongSessionIds) {
    ServerSessionCache cache(8);
    EXPECT_FALSE(cache.put(Bytes{}, session(1)));
    EXPECT_FALSE(cache.put(Bytes(33, 1), session(1)));
    EXPECT_TRUE(cache.put(Bytes{7}, session(1)));
    EXPECT_FALSE(cache.get(Bytes{}, kStart));
    EXPECT_EQ(cache.size(), 1u);
}

TEST(ServerSessionCache, WithZeroCapacityStoresNothing) {
    ServerSessionCache cache(0);
    EXPECT_FALSE(cache.put(id(1), session(1)));
    EXPECT_EQ(cache.size(), 0u);
}

TEST(ServerSessionCache, EvictsTheLeastRecentlyUsedEntryWhenFull) {
    ServerSessionCache cache(3);
    ASSERT_TRUE(cache.put(id(1), session(1)));
    ASSERT_TRUE(cache.put(id(2), session(2)));
    ASSERT_TRUE(cache.put(id(3), session(3)));
    ASSERT_TRUE(cache.get(id(1), kStart));   // 2 is now the least recently used
    ASSERT_TRUE(cache.put(id(4), session(4)));
    EXPECT_EQ(cache.size(), 3u);
    EXPECT_FALSE(cache.get(id(2), kStart));
    EXPECT_TRUE(cache.get(id(1), kStart));
    EXPECT_TRUE(cache.get(id(3), kStart));
    EXPECT_TRUE(cache.get(id(4), kStart));
}

TEST(ServerSessionCache, NeverReturnsAnExpiredSessionAndDropsIt) {
    ServerSessionCache cache(8);
    ASSERT_TRUE(cache.put(id(1), session(1, 10min)));
    EXPECT_TRUE(cache.get(id(1), kStart + 10min - 1s));
    EXPECT_FALSE(cache.get(id(1), kStart + 10min));
    EXPECT_EQ(cache.size(), 0u);
    // Nor one whose creation lies in the future (the clock went backwards).
    ASSERT_TRUE(cache.put(id(2), session(2, 10min)));
    EXPECT_FALSE(cache.get(id(2), kStart - 1s));
}

TEST(ServerSessionCache, HonoursEachEntrysOwnLifetime) {
    ServerSessionCache cache(8);
    ASSERT_TRUE(cache.put(id(1), session(1, 1min)));
    ASSERT_TRUE(cache.put(id(2), session(2, 1h)));
    EXPECT_FALSE(cache.get(id(1), kStart + 5min));
    EXPECT_TRUE(cache.get(id(2), kStart + 5min));
}

TEST(ServerSessionCache, PurgeExpiredDropsOnlyExpiredEntries) {
    ServerSessionCache cache(8);
    ASSERT_TRUE(cache.put(id(1), session(1, 1min)));
    ASSERT_TRUE(cache.put(id(2), session(2, 1h)));
    ASSERT_TRUE(cache.put(id(3), session(3, 2min)));
    EXPECT_EQ(cache.purge_expired(kStart + 5min), 2u);
    EXPECT_EQ(cache.size(), 1u);
    EXPECT_TRUE(cache.get(id(2), kStart + 5min));
}

TEST(ServerSessionCache, GetPurgesExpiredEntriesFromTheColdEnd) {
    ServerSessionCache cache(8);
    ASSERT_TRUE(cache.put(id(1), session(1, 1min)));
    ASSERT_TRUE(cache.put(id(2), session(2, 1min)));
    ASSERT_TRUE(cache.put(id(3), session(3, 1h)));
    EXPECT_TRUE(cache.get(id(3), kStart + 5min));
    EXPECT_EQ(cache.size(), 1u);
}

TEST(ServerSessionCache, RemoveDropsTheEntry) {
    ServerSessionCache cache(8);
    ASSERT_TRUE(cache.put(id(1), session(1)));
    EXPECT_TRUE(cache.remove(id(1)));
    EXPECT_FALSE(cache.remove(id(1)));
    EXPECT_FALSE(cache.get(id(1), kStart));
}

TEST(ServerSessionCache, StaysConsistentWhenManyThreadsUseItAtOnce) {
    constexpr std::size_t kCapacity = 64;
    ServerSessionCache cache(kCapacity);
    std::atomic<int> wrong{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 4000; ++i) {
                const auto n = static_cast<std::uint8_t>((i * 7 + t) % 200 + 1);
                switch (i % 5) {
                case 0:
                case 1: cache.put(id(n), session(n, 1h)); break;
                case 2:
                case 3:
                    if (auto s = cache.get(id(n), kStart + std::chrono::seconds(i % 10)))
                        if (s->master_secret[0] != n || s->master_secret.size() != 48) ++wrong;
                    break;
                case 4: cache.remove(id(n)); break;
                }
                if (cache.size() > kCapacity) ++wrong;
                if (i % 1000 == 0) cache.purge_expired(kStart);
            }
        });
    }
    for (auto& th : threads) th.join();
    EXPECT_EQ(wrong.load(), 0);
    EXPECT_LE(cache.size(), kCapacity);
}

}  // namespace
}  // namespace tlspp::session
