// The verified-chain cache in handshakes (rules: tlspp/trust.hpp): a repeat
// connection of one config skips chain verification, and only then.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/configs.hpp"
#include "support/loopback_pair.hpp"

namespace tlspp {
namespace {

using namespace std::chrono_literals;

// ChainCheck records the detail of the chain check a side reports.
class ChainCheck : public Observer {
public:
    explicit ChainCheck(std::string what) : what_(std::move(what)) {}
    void on_event(const Event& e) override {
        if (auto* c = std::get_if<CheckEvent>(&e); c && c->what == what_) details.push_back((c->ok ? "ok: " : "failed: ") + c->detail);
    }
    std::vector<std::string> details;

private:
    std::string what_;
};

bool said_cached(const std::string& detail) { return detail.find("(cached)") != std::string::npos; }

// connect runs one handshake with a fresh pair from the given configs and
// returns the client's chain-check detail ("" if it reported none).
std::string connect(const std::shared_ptr<ClientConfig>& client, const std::shared_ptr<ServerConfig>& server,
                    const std::string& host = "localhost", bool expect_ok = true) {
    auto check = std::make_shared<ChainCheck>("certificate chain");
    test::LoopbackPair pair(client, server, host, check);
    EXPECT_EQ(pair.handshake(), expect_ok) << (pair.client.error() ? pair.client.error()->message() : "");
    return check->details.empty() ? "" : check->details.back();
}

TEST(VerifiedChainCacheHandshake, ClientCachesByDefaultAndHitsOnTheSecondConnection) {
    auto client = test::client_config();
    ASSERT_NE(client->verified_chains, nullptr);
    auto server = test::server_config(test::pki().server_rsa);
    const std::string first = connect(client, server);
    EXPECT_EQ(first, "ok: trusted, valid now, issued for localhost");
    const std::string second = connect(client, server);
    EXPECT_TRUE(said_cached(second)) << second;
    EXPECT_EQ(client->verified_chains->stats().hits, 1u);
    EXPECT_EQ(client->verified_chains->stats().misses, 1u);
}

TEST(VerifiedChainCacheHandshake, OtherHostNameOrTrustStoreMisses) {
    auto client = test::client_config();
    auto server = test::server_config(test::pki().server_p256);
    EXPECT_FALSE(said_cached(connect(client, server, "localhost")));
    EXPECT_FALSE(said_cached(connect(client, server, "127.0.0.1")));
    EXPECT_TRUE(said_cached(connect(client, server, "127.0.0.1")));
    // A config with another store (same CA, loaded again) sharing the cache.
    auto other = test::client_config();
    other->verified_chains = client->verified_chains;
    auto reloaded = TrustStore::from_pem(test::pki().ca_pem);
    ASSERT_TRUE(reloaded.ok());
    other->trust = *reloaded;
    EXPECT_FALSE(said_cached(connect(other, server, "localhost")));
    EXPECT_TRUE(said_cached(connect(other, server, "localhost")));
    EXPECT_EQ(client->verified_chains->stats().misses, 3u);
    EXPECT_EQ(client->verified_chains->stats().hits, 2u);
}

TEST(VerifiedChainCacheHandshake, EntryExpiresWithTheConfigClock) {
    auto clock = std::make_shared<test::FixedClock>(std::chrono::system_clock::now());
    auto client = test::client_config();
    client->clock = clock;
    client->verified_chains = std::make_shared<VerifiedChainCache>(VerifiedChainCache::Options{.window = 600s});
    auto server = test::server_config(test::pki().server_rsa);
    EXPECT_FALSE(said_cached(connect(client, server)));
    clock->advance(599s);
    EXPECT_TRUE(said_cached(connect(client, server)));
    clock->advance(1s);
    EXPECT_FALSE(said_cached(connect(client, server)));
    EXPECT_EQ(client->verified_chains->stats().misses, 2u);
}

TEST(VerifiedChainCacheHandshake, ALeafThatExpiresFailsTheNextConnection) {
    // A window far longer than the leaf's life: the entry still ends at the
    // leaf's notAfter (30 days ahead), so the clock moved past it fails.
    auto clock = std::make_shared<test::FixedClock>(std::chrono::system_clock::now());
    auto client = test::client_config();
    client->clock = clock;
    client->verified_chains =
        std::make_shared<VerifiedChainCache>(VerifiedChainCache::Options{.window = std::chrono::hours(24 * 90)});
    auto server = test::server_config(test::pki().server_p256);
    EXPECT_FALSE(said_cached(connect(client, server)));
    clock->advance(std::chrono::hours(24 * 29));
    EXPECT_TRUE(said_cached(connect(client, server)));
    clock->advance(std::chrono::hours(24 * 2));
    const std::string expired = connect(client, server, "localhost", false);
    EXPECT_FALSE(said_cached(expired)) << expired;
    EXPECT_NE(expired.find("expired"), std::string::npos) << expired;
}

TEST(VerifiedChainCacheHandshake, FailedChainIsVerifiedAndRejectedEveryTime) {
    auto client = test::client_config();
    auto server = test::server_config(test::pki().wrong_host);
    for (int i = 0; i < 2; ++i) {
        const std::string detail = connect(client, server, "localhost", false);
        EXPECT_EQ(detail.rfind("failed: ", 0), 0u) << detail;
    }
    EXPECT_EQ(client->verified_chains->size(), 0u);
    EXPECT_EQ(client->verified_chains->stats().hits, 0u);
}

TEST(VerifiedChainCacheHandshake, OffWhenNull) {
    auto client = test::client_config();
    client->verified_chains = nullptr;
    auto server = test::server_config(test::pki().server_rsa);
    EXPECT_EQ(connect(client, server), "ok: trusted, valid now, issued for localhost");
    EXPECT_EQ(connect(client, server), "ok: trusted, valid now, issued for localhost");
}

TEST(VerifiedChainCacheHandshake, ServerCachesClientChainsOnlyWhenAsked) {
    auto client = test::client_config();
    client->certificates.push_back(test::pki().client_rsa.certified_key());
    auto server = test::server_config(test::pki().server_p256);
    server->client_auth = ClientAuth::required;
    server->client_trust = test::pki().trust;
    EXPECT_EQ(server->verified_client_chains, nullptr);   // off by default
    auto run = [&] {
        auto check = std::make_shared<ChainCheck>("client certificate chain");
        test::LoopbackPair pair(client, server, "localhost", nullptr, check);
        EXPECT_TRUE(pair.handshake()) << (pair.server.error() ? pair.server.error()->message() : "");
        EXPECT_TRUE(pair.server.info().peer_verified);
        return check->details.empty() ? std::string() : check->details.back();
    };
    EXPECT_FALSE(said_cached(run()));
    EXPECT_FALSE(said_cached(run()));
    server->verified_client_chains = std::make_shared<VerifiedChainCache>();
    EXPECT_FALSE(said_cached(run()));
    EXPECT_TRUE(said_cached(run()));
    EXPECT_EQ(server->verified_client_chains->stats().hits, 1u);
}

}  // namespace
}  // namespace tlspp
