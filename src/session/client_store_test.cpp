#include "session/client_store.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

namespace tlspp::session {
namespace {

using namespace std::chrono_literals;
using Bytes = std::vector<std::uint8_t>;

const Time kStart = Time(std::chrono::seconds(1'700'000'000));

Session12 session(std::uint8_t marker, std::chrono::seconds lifetime = 1h) {
    Session12 s;
    s.suite = CipherSuite::TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384;
    s.master_secret = crypto::SecretBytes(48);
    s.master_secret[0] = marker;
    s.created = kStart;
    s.lifetime = lifetime;
    s.session_id = Bytes(32, marker);
    return s;
}

std::uint8_t marker_of(const std::optional<Session12>& s) { return s ? s->master_secret[0] : 0; }

TEST(ClientSessionStore, KeysSessionsByServerNameAndPort) {
    ClientSessionStore store(8);
    store.put("example.com", 443, session(1));
    store.put("example.com", 8443, session(2));
    store.put("example.org", 443, session(3));
    EXPECT_EQ(marker_of(store.get("example.com", 443, kStart)), 1);
    EXPECT_EQ(marker_of(store.get("example.com", 8443, kStart)), 2);
    EXPECT_EQ(marker_of(store.get("example.org", 443, kStart)), 3);
    EXPECT_FALSE(store.get("example.net", 443, kStart));
    EXPECT_EQ(store.size(), 3u);
}

TEST(ClientSessionStore, ComparesServerNamesWithoutRegardToCase) {
    ClientSessionStore store(8);
    store.put("Example.COM", 443, session(1));
    EXPECT_EQ(marker_of(store.get("example.com", 443, kStart)), 1);
}

TEST(ClientSessionStore, KeepsOnlyTheLatestSessionPerServer) {
    ClientSessionStore store(8);
    store.put("example.com", 443, session(1));
    store.put("example.com", 443, session(2));
    EXPECT_EQ(marker_of(store.get("example.com", 443, kStart)), 2);
    EXPECT_EQ(store.size(), 1u);
}

TEST(ClientSessionStore, GetLeavesTheSessionStoredAndTakeRemovesIt) {
    ClientSessionStore store(8);
    store.put("example.com", 443, session(1));
    EXPECT_TRUE(store.get("example.com", 443, kStart));
    EXPECT_TRUE(store.get("example.com", 443, kStart));
    EXPECT_EQ(marker_of(store.take("example.com", 443, kStart)), 1);
    EXPECT_FALSE(store.take("example.com", 443, kStart));
    EXPECT_EQ(store.size(), 0u);
}

TEST(ClientSessionStore, EvictsTheLeastRecentlyUsedServerWhenFull) {
    ClientSessionStore store(2);
    store.put("a.example", 443, session(1));
    store.put("b.example", 443, session(2));
    ASSERT_TRUE(store.get("a.example", 443, kStart));   // b is now the least recently used
    store.put("c.example", 443, session(3));
    EXPECT_EQ(store.size(), 2u);
    EXPECT_FALSE(store.get("b.example", 443, kStart));
    EXPECT_TRUE(store.get("a.example", 443, kStart));
    EXPECT_TRUE(store.get("c.example", 443, kStart));
}

TEST(ClientSessionStore, NeverReturnsAnExpiredSessionAndDropsIt) {
    ClientSessionStore store(8);
    store.put("example.com", 443, session(1, 10min));
    EXPECT_TRUE(store.get("example.com", 443, kStart + 10min - 1s));
    EXPECT_FALSE(store.take("example.com", 443, kStart + 10min));
    EXPECT_EQ(store.size(), 0u);
}

TEST(ClientSessionStore, ExpiresATicketAtItsLifetimeHint) {
    ClientSessionStore store(8);
    Session12 s = session(1, 24h);
    s.ticket = Bytes{1, 2, 3};
    s.ticket_lifetime_hint = 300;
    store.put("example.com", 443, s);
    EXPECT_TRUE(store.get("example.com", 443, kStart + 299s));
    EXPECT_FALSE(store.get("example.com", 443, kStart + 300s));
}

TEST(ClientSessionStore, TreatsAZeroLifetimeHintAsNoHint) {
    Session12 s = session(1, 24h);
    s.ticket = Bytes{1, 2, 3};
    s.ticket_lifetime_hint = 0;
    EXPECT_TRUE(ClientSessionStore::usable(s, kStart + 23h));
}

TEST(ClientSessionStore, PurgeExpiredDropsOnlyUnusableSessions) {
    ClientSessionStore store(8);
    store.put("a.example", 443, session(1, 1min));
    store.put("b.example", 443, session(2, 1h));
    EXPECT_EQ(store.purge_expired(kStart + 5min), 1u);
    EXPECT_TRUE(store.get("b.example", 443, kStart + 5min));
}

TEST(ClientSessionStore, RemoveForgetsTheServer) {
    ClientSessionStore store(8);
    store.put("example.com", 443, session(1));
    EXPECT_TRUE(store.remove("EXAMPLE.com", 443));
    EXPECT_FALSE(store.remove("example.com", 443));
    EXPECT_FALSE(store.get("example.com", 443, kStart));
}

TEST(ClientSessionStore, WithZeroCapacityKeepsNothing) {
    ClientSessionStore store(0);
    store.put("example.com", 443, session(1));
    EXPECT_EQ(store.size(), 0u);
}

TEST(ClientSessionStore, StaysConsistentWhenManyThreadsUseItAtOnce) {
    constexpr std::size_t kCapacity = 16;
    ClientSessionStore store(kCapacity);
    std::atomic<int> wrong{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 4000; ++i) {
                const auto n = static_cast<std::uint8_t>((i * 3 + t) % 40 + 1);
                const std::string host = "host" + std::to_string(n) + ".example";
                switch (i % 4) {
                case 0: store.put(host, 443, session(n)); break;
                case 1:
                    if (auto s = store.get(host, 443, kStart))
                        if (s->master_secret[0] != n) ++wrong;
                    break;
                case 2:
                    if (auto s = store.take(host, 443, kStart))
                        if (s->master_secret[0] != n) ++wrong;
                    break;
                case 3: store.purge_expired(kStart); break;
                }
                if (store.size() > kCapacity) ++wrong;
            }
        });
    }
    for (auto& th : threads) th.join();
    EXPECT_EQ(wrong.load(), 0);
}

}  // namespace
}  // namespace tlspp::session
