#include "session/ticket_keys.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <string_view>
#include <thread>
#include <vector>

#include "session/session.hpp"
#include "support/fixed_random.hpp"

namespace tlspp::session {
namespace {

using namespace std::chrono_literals;
using Bytes = std::vector<std::uint8_t>;

const TicketKeys::Time kStart = TicketKeys::Time(std::chrono::seconds(1'700'000'000));
const TicketKeys::Options kOptions{.rotation_interval = 1h, .previous_keys = 2};

Bytes plaintext() {
    constexpr std::string_view text = "a serialized session, secret inside";
    return Bytes(text.begin(), text.end());
}

TicketKeys make_keys(std::uint64_t seed = 1) {
    return TicketKeys(std::make_shared<test::FixedRandom>(seed), kStart, kOptions);
}

Bytes seal(TicketKeys& keys, TicketKeys::Time now = kStart) {
    auto ticket = keys.seal(plaintext(), now);
    EXPECT_TRUE(ticket) << ticket.error().detail;
    return *ticket;
}

Bytes opened_bytes(const std::optional<TicketKeys::Opened>& o) {
    return o ? Bytes(o->plaintext.view().begin(), o->plaintext.view().end()) : Bytes{};
}

TEST(TicketKeys, OpensWhatItSealed) {
    TicketKeys keys = make_keys();
    const Bytes ticket = seal(keys);
    auto opened = keys.open(ticket, kStart + 1min);
    ASSERT_TRUE(opened);
    EXPECT_EQ(opened_bytes(opened), plaintext());
    EXPECT_FALSE(opened->renew);
}

TEST(TicketKeys, LaysTheTicketOutAsKeyNameNonceCiphertextTag) {
    TicketKeys keys = make_keys();
    const Bytes ticket = seal(keys);
    ASSERT_EQ(ticket.size(), 16 + 12 + plaintext().size() + 16);
    const auto name = keys.current_key_name();
    EXPECT_TRUE(std::equal(name.begin(), name.end(), ticket.begin()));
    // The session is not visible in the ticket.
    const Bytes pt = plaintext();
    EXPECT_EQ(std::search(ticket.begin(), ticket.end(), pt.begin(), pt.begin() + 8), ticket.end());
}

TEST(TicketKeys, UsesAFreshNonceForEveryTicket) {
    TicketKeys keys = make_keys();
    const Bytes a = seal(keys), b = seal(keys);
    EXPECT_NE(Bytes(a.begin() + 16, a.begin() + 28), Bytes(b.begin() + 16, b.begin() + 28));
    EXPECT_NE(a, b);
}

TEST(TicketKeys, SealsAnEmptyPlaintext) {
    TicketKeys keys = make_keys();
    auto ticket = keys.seal(Bytes{}, kStart);
    ASSERT_TRUE(ticket);
    EXPECT_EQ(ticket->size(), TicketKeys::kOverhead);
    auto opened = keys.open(*ticket, kStart);
    ASSERT_TRUE(opened);
    EXPECT_TRUE(opened->plaintext.empty());
}

TEST(TicketKeys, RefusesToSealMoreThanATicketCanCarry) {
    TicketKeys keys = make_keys();
    EXPECT_TRUE(keys.seal(Bytes(0xffff - TicketKeys::kOverhead), kStart));
    auto r = keys.seal(Bytes(0xffff - TicketKeys::kOverhead + 1), kStart);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().reason, Reason::internal_error);
}

TEST(TicketKeys, RejectsATicketWithAnyByteTampered) {
    TicketKeys keys = make_keys();
    const Bytes good = seal(keys);
    for (std::size_t i = 0; i < good.size(); ++i) {
        Bytes bad = good;
        bad[i] ^= 0x01;
        EXPECT_FALSE(keys.open(bad, kStart)) << "byte " << i;
    }
    EXPECT_TRUE(keys.open(good, kStart));
}

TEST(TicketKeys, RejectsTruncatedAndExtendedTickets) {
    TicketKeys keys = make_keys();
    const Bytes good = seal(keys);
    for (std::size_t n = 0; n < good.size(); ++n) EXPECT_FALSE(keys.open(std::span(good).first(n), kStart)) << n;
    Bytes longer = good;
    longer.push_back(0);
    EXPECT_FALSE(keys.open(longer, kStart));
}

TEST(TicketKeys, RejectsATicketFromAnotherServer) {
    TicketKeys ours = make_keys(1), theirs = make_keys(2);
    EXPECT_FALSE(ours.open(seal(theirs), kStart));
    // Even with our key name on it.
    Bytes forged = seal(theirs);
    const auto name = ours.current_key_name();
    std::copy(name.begin(), name.end(), forged.begin());
    EXPECT_FALSE(ours.open(forged, kStart));
}

TEST(TicketKeys, NeverCrashesOnGarbage) {
    TicketKeys keys = make_keys();
    test::FixedRandom noise(99);
    for (std::size_t n = 0; n < 200; ++n) {
        Bytes junk(n);
        noise.fill(junk);
        EXPECT_FALSE(keys.open(junk, kStart));
    }
}

TEST(TicketKeys, RotatesTheSealingKeyAfterTheInterval) {
    TicketKeys keys = make_keys();
    const auto first = keys.current_key_name();
    seal(keys, kStart + 59min);
    EXPECT_EQ(keys.current_key_name(), first);
    const Bytes later = seal(keys, kStart + 1h);
    EXPECT_NE(keys.current_key_name(), first);
    EXPECT_TRUE(std::equal(later.begin(), later.begin() + 16, keys.current_key_name().begin()));
    EXPECT_EQ(keys.key_count(), 2u);
}

TEST(TicketKeys, OpensTicketsOfARecentKeyAndAsksForRenewal) {
    TicketKeys keys = make_keys();
    const Bytes old = seal(keys, kStart);
    keys.rotate(kStart + 10min);
    auto opened = keys.open(old, kStart + 20min);
    ASSERT_TRUE(opened);
    EXPECT_EQ(opened_bytes(opened), plaintext());
    EXPECT_TRUE(opened->renew);
}

TEST(TicketKeys, KeepsOnlyTheConfiguredNumberOfPreviousKeys) {
    TicketKeys keys = make_keys();
    const Bytes oldest = seal(keys, kStart);
    keys.rotate(kStart + 1min);
    const Bytes middle = seal(keys, kStart + 1min);
    keys.rotate(kStart + 2min);
    EXPECT_TRUE(keys.open(oldest, kStart + 2min));
    keys.rotate(kStart + 3min);   // three rotations: the first key is gone
    EXPECT_EQ(keys.key_count(), 3u);
    EXPECT_FALSE(keys.open(oldest, kStart + 3min));
    EXPECT_TRUE(keys.open(middle, kStart + 3min));
}

TEST(TicketKeys, StopsOpeningWithAKeyRetiredForLongerThanThePreviousKeysWindow) {
    TicketKeys keys = make_keys();
    const Bytes ticket = seal(keys, kStart);
    // The first key retires at 1h and opens for 2 × 1h more.
    auto opened = keys.open(ticket, kStart + 1h + 30min);   // rotates: a key made at 1h30
    ASSERT_TRUE(opened);
    EXPECT_TRUE(opened->renew);
    EXPECT_TRUE(keys.open(ticket, kStart + 2h + 59min));
    EXPECT_FALSE(keys.open(ticket, kStart + 3h));
    EXPECT_EQ(keys.key_count(), 2u);   // the keys made at 1h30 and 3h
}

// Regression (tests/fuzz/regressions/ticket/): a lazy rotation after an idle
// spell retired the old key only then, so its tickets opened for 2 more
// intervals, past the "at most previous_keys + 1 intervals" of the header.
TEST(TicketKeys, AnIdleSpellDoesNotWidenTheWindowOfTheKeyThatWasCurrent) {
    TicketKeys keys = make_keys();
    const Bytes ticket = seal(keys, kStart);
    // Nothing uses the keys for 10h; the first key's interval ended at 1h.
    EXPECT_FALSE(keys.open(ticket, kStart + 10h));
    EXPECT_EQ(keys.key_count(), 1u);   // only the key made at 10h

    // A first use late in the window still opens, and asks for renewal.
    TicketKeys other = make_keys();
    const Bytes late = seal(other, kStart + 30min);
    auto opened = other.open(late, kStart + 2h + 59min);
    ASSERT_TRUE(opened);
    EXPECT_TRUE(opened->renew);
    EXPECT_FALSE(other.open(late, kStart + 3h));   // 1h (retired) + 2 × 1h
}

TEST(TicketKeys, AnEarlyRotateRetiresTheKeyWhenItIsCalled) {
    TicketKeys keys = make_keys();
    const Bytes ticket = seal(keys, kStart);
    keys.rotate(kStart + 10min);
    EXPECT_TRUE(keys.open(ticket, kStart + 2h + 9min));
    EXPECT_FALSE(keys.open(ticket, kStart + 2h + 10min));
}

TEST(TicketKeys, OpensItsOwnTicketsFromManyThreadsAtOnce) {
    auto keys = std::make_shared<TicketKeys>(system_random(), kStart, kOptions);
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 6; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 300; ++i) {
                const auto now = kStart + std::chrono::seconds(i * 10 + t);
                auto ticket = keys->seal(plaintext(), now);
                if (!ticket) { ++failures; continue; }
                auto opened = keys->open(*ticket, now);
                if (!opened || opened_bytes(opened) != plaintext()) ++failures;
            }
        });
    }
    for (auto& th : threads) th.join();
    EXPECT_EQ(failures.load(), 0);
}

TEST(TicketKeys, CarriesASerializedSessionRoundTrip) {
    Session12 s;
    s.suite = CipherSuite::TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256;
    s.master_secret = crypto::SecretBytes(48);
    s.master_secret[47] = 0x5a;
    s.extended_master_secret = true;
    s.server_name = "localhost";
    s.created = kStart;
    s.lifetime = 2h;
    TicketKeys keys = make_keys();
    auto bytes = serialize(s);
    ASSERT_TRUE(bytes);
    auto ticket = keys.seal(bytes->view(), kStart);
    ASSERT_TRUE(ticket);
    auto opened = keys.open(*ticket, kStart + 5min);
    ASSERT_TRUE(opened);
    auto back = deserialize(opened->plaintext.view());
    ASSERT_TRUE(back) << back.error().detail;
    EXPECT_EQ(back->server_name, "localhost");
    EXPECT_EQ(back->master_secret[47], 0x5a);
    EXPECT_TRUE(back->extended_master_secret);
}

}  // namespace
}  // namespace tlspp::session
