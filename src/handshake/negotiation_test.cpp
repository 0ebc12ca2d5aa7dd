// The common part of negotiation: the version (RFC 8446 §4.2.1), the fallback
// signal (RFC 7507) and the downgrade sentinels (RFC 8446 §4.1.3), each rule
// a table of cases.
#include "handshake/negotiation.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <vector>

#include "conn/alerts.hpp"
#include "msg/server_hello.hpp"
#include "support/configs.hpp"

namespace tlspp::handshake {
namespace {

using V = ProtocolVersion;
constexpr std::uint16_t kGrease = 0x0a0a;      // RFC 8701 §2: a GREASE version
constexpr std::uint16_t kDraft28 = 0x7f1c;     // a TLS 1.3 draft's version
constexpr std::uint16_t kTls13 = 0x0304, kTls12 = 0x0303, kTls11 = 0x0302, kTls10 = 0x0301;

struct VersionCase {
    const char* what;
    std::vector<ProtocolVersion> server;           // ServerConfig::versions
    std::uint16_t legacy_version;
    std::optional<std::vector<std::uint16_t>> supported_versions;
    bool fallback_scsv;
    std::optional<ProtocolVersion> chosen;         // or fails with `reason`
    Reason reason = Reason::unsupported_version;
};

msg::ClientHello hello_for(const VersionCase& c) {
    msg::ClientHello hello;
    hello.legacy_version = c.legacy_version;
    hello.supported_versions = c.supported_versions;
    hello.cipher_suites = {0xc02b, 0x1301};
    if (c.fallback_scsv) hello.cipher_suites.push_back(fallback_scsv);
    return hello;
}

void check(const VersionCase& c) {
    SCOPED_TRACE(c.what);
    auto config = test::server_config(test::pki().server_p256);
    config->versions = c.server;
    const auto version = choose_version(*config, hello_for(c));
    if (c.chosen) {
        ASSERT_TRUE(version) << version.error().message();
        EXPECT_EQ(*version, *c.chosen);
        return;
    }
    ASSERT_FALSE(version) << "chose " << name(*version);
    EXPECT_EQ(version.error().reason, c.reason);
    EXPECT_FALSE(version.error().detail.empty());
}

const std::vector<ProtocolVersion> both = {V::tls13, V::tls12};

// RFC 8446 §4.2.1: with supported_versions, only that list counts; the highest
// version in common wins; unknown values (GREASE, drafts) match nothing.
TEST(ChooseVersion, WithSupportedVersionsTheHighestInCommon) {
    const VersionCase cases[] = {
        {"both sides 1.3 and 1.2", both, kTls12, std::vector{kTls13, kTls12}, false, V::tls13},
        {"client lists 1.2 first: still the highest", both, kTls12, std::vector{kTls12, kTls13}, false, V::tls13},
        {"server lists 1.2 first: still the highest", {V::tls12, V::tls13}, kTls12, std::vector{kTls13, kTls12}, false,
         V::tls13},
        {"client offers 1.2 only", both, kTls12, std::vector{kTls12}, false, V::tls12},
        {"server has 1.2 only", {V::tls12}, kTls12, std::vector{kTls13, kTls12}, false, V::tls12},
        {"server has 1.3 only", {V::tls13}, kTls12, std::vector{kTls13, kTls12}, false, V::tls13},
        {"GREASE ignored", both, kTls12, std::vector{kGrease, kTls13, kTls12}, false, V::tls13},
        {"a draft version ignored", both, kTls12, std::vector{kDraft28, kTls12}, false, V::tls12},
        {"legacy_version 3.1 ignored", both, kTls10, std::vector{kTls13}, false, V::tls13},
        {"legacy_version 3.4 ignored", {V::tls12}, kTls13, std::vector{kTls12}, false, V::tls12},
        {"1.3-only client, server without 1.3", {V::tls12}, kTls12, std::vector{kTls13}, false, std::nullopt},
        {"1.2-only client, 1.3-only server", {V::tls13}, kTls12, std::vector{kTls12}, false, std::nullopt},
        {"client offers 1.1 and 1.0", both, kTls12, std::vector{kTls11, kTls10}, false, std::nullopt},
        {"only GREASE and drafts", both, kTls12, std::vector{kGrease, kDraft28}, false, std::nullopt},
    };
    for (const auto& c : cases) check(c);
}

// RFC 8446 §4.2.1: without supported_versions, legacy_version decides and
// TLS 1.3 is never negotiated; a client below 1.2 gets protocol_version.
TEST(ChooseVersion, WithoutSupportedVersionsTheLegacyVersion) {
    const VersionCase cases[] = {
        {"3.3 to both", both, kTls12, std::nullopt, false, V::tls12},
        {"3.3 to 1.2 only", {V::tls12}, kTls12, std::nullopt, false, V::tls12},
        {"3.4 means 1.2 at most", both, kTls13, std::nullopt, false, V::tls12},
        {"3.4 to 1.3 only", {V::tls13}, kTls13, std::nullopt, false, std::nullopt},
        {"3.3 to 1.3 only", {V::tls13}, kTls12, std::nullopt, false, std::nullopt},
        {"3.2 (TLS 1.1)", both, kTls11, std::nullopt, false, std::nullopt},
        {"3.1 (TLS 1.0)", {V::tls12}, kTls10, std::nullopt, false, std::nullopt},
    };
    for (const auto& c : cases) check(c);
}

// RFC 7507 §3: TLS_FALLBACK_SCSV with a version below the highest enabled
// here is inappropriate_fallback; a failed version choice comes first.
TEST(ChooseVersion, FallbackScsvBelowTheHighestEnabledVersion) {
    const VersionCase cases[] = {
        {"1.2 hello with SCSV to a 1.3 server", both, kTls12, std::nullopt, true, std::nullopt,
         Reason::inappropriate_fallback},
        {"supported_versions 1.2 with SCSV to a 1.3 server", both, kTls12, std::vector{kTls12}, true, std::nullopt,
         Reason::inappropriate_fallback},
        {"SCSV to a 1.2-only server: 1.2 is its best", {V::tls12}, kTls12, std::nullopt, true, V::tls12},
        {"SCSV with 1.3 chosen", both, kTls12, std::vector{kTls13, kTls12}, true, V::tls13},
        {"SCSV, no version in common", {V::tls13}, kTls12, std::vector{kTls12}, true, std::nullopt,
         Reason::unsupported_version},
        {"no SCSV: 1.2 is fine", both, kTls12, std::vector{kTls12}, false, V::tls12},
    };
    for (const auto& c : cases) check(c);
}

TEST(ChooseVersion, FailuresSendTheirAlertsInBothVersions) {
    for (V v : {V::tls12, V::tls13}) {
        EXPECT_EQ(alert_for(Reason::unsupported_version, v), Alert::protocol_version);
        EXPECT_EQ(alert_for(Reason::inappropriate_fallback, v), Alert::inappropriate_fallback);
    }
    EXPECT_EQ(name(Reason::inappropriate_fallback), "inappropriate_fallback");
    EXPECT_EQ(make_error(Reason::inappropriate_fallback, "").alert, Alert::inappropriate_fallback);
}

std::array<std::uint8_t, 32> random_ending(const std::array<std::uint8_t, 8>& tail) {
    std::array<std::uint8_t, 32> random{};
    for (std::size_t i = 0; i < random.size(); ++i) random[i] = static_cast<std::uint8_t>(i + 1);
    std::copy(tail.begin(), tail.end(), random.end() - 8);
    return random;
}

// RFC 8446 §4.1.3: a 1.3 client checks a 1.2 (or lower) ServerHello.random
// for either sentinel; a 1.3 ServerHello carries none to check.
TEST(DowngradeSentinel, ClientSeesEitherSentinelBelowTls13) {
    const std::array<std::uint8_t, 8> almost = {0x44, 0x4f, 0x57, 0x4e, 0x47, 0x52, 0x44, 0x02};
    const std::array<std::uint8_t, 8> shifted = {0x4f, 0x57, 0x4e, 0x47, 0x52, 0x44, 0x01, 0x00};
    const struct {
        const char* what;
        std::array<std::uint8_t, 8> tail;
        ProtocolVersion negotiated;
        bool expected;
    } cases[] = {
        {"DOWNGRD 01 in a 1.2 hello", msg::downgrade_sentinel_tls12, V::tls12, true},
        {"DOWNGRD 00 in a 1.2 hello", msg::downgrade_sentinel_tls11, V::tls12, true},
        {"DOWNGRD 00 in a 1.1 hello", msg::downgrade_sentinel_tls11, V::tls11, true},
        {"DOWNGRD 01 in a 1.3 hello", msg::downgrade_sentinel_tls12, V::tls13, false},
        {"DOWNGRD 02 is no sentinel", almost, V::tls12, false},
        {"DOWNGRD one byte early", shifted, V::tls12, false},
    };
    for (const auto& c : cases)
        EXPECT_EQ(has_downgrade_sentinel(random_ending(c.tail), c.negotiated), c.expected) << c.what;
}

// RFC 8446 §4.1.3: only a server with 1.3 enabled writes a sentinel, only when
// it negotiates less, and only over the last 8 bytes.
TEST(DowngradeSentinel, ServerWritesItOnlyWhenItCouldHaveDoneTls13) {
    const std::array<std::uint8_t, 8> none = {0, 0, 0, 0, 0, 0, 0, 0};
    const struct {
        const char* what;
        std::vector<ProtocolVersion> server;
        ProtocolVersion negotiated;
        std::array<std::uint8_t, 8> tail;
    } cases[] = {
        {"1.3 server negotiating 1.2", both, V::tls12, msg::downgrade_sentinel_tls12},
        {"1.3-first list in any order", {V::tls12, V::tls13}, V::tls12, msg::downgrade_sentinel_tls12},
        {"1.3 server negotiating 1.3", both, V::tls13, none},
        {"1.2-only server", {V::tls12}, V::tls12, none},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.what);
        auto config = test::server_config(test::pki().server_p256);
        config->versions = c.server;
        auto random = random_ending(none);
        const auto before = random;
        write_downgrade_sentinel(random, c.negotiated, *config);
        EXPECT_TRUE(std::equal(random.begin(), random.begin() + 24, before.begin()));
        EXPECT_TRUE(std::equal(random.begin() + 24, random.end(), c.tail.begin()));
        // What the server writes is what a client detects, and only then.
        EXPECT_EQ(has_downgrade_sentinel(random, c.negotiated), c.tail != none);
    }
}

// The TLS 1.3 suites name no authentication (Authentication::any): any key.
TEST(KeyFitsSuite, Tls13SuitesTakeAnyKey) {
    for (auto key : {crypto::KeyType::rsa, crypto::KeyType::ecdsa_p256, crypto::KeyType::ecdsa_p384,
                     crypto::KeyType::ed25519})
        EXPECT_TRUE(key_fits_suite(key, Authentication::any)) << crypto::name(key);
    EXPECT_FALSE(key_fits_suite(crypto::KeyType::rsa, Authentication::ecdsa));
    EXPECT_FALSE(key_fits_suite(crypto::KeyType::ecdsa_p256, Authentication::rsa));
}

}  // namespace
}  // namespace tlspp::handshake
