// Config validation of tlspp/limits.hpp: the defaults pass, and a bound that
// would fail every handshake (or that the wire cannot reach) is bad_config
// naming the field, in both configs. Then the versions and their suites.
#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "handshake/suites.hpp"
#include "support/configs.hpp"
#include "tlspp/connection.hpp"

namespace tlspp {
namespace {

void expect_bad(const Status& s, const std::string& field) {
    ASSERT_FALSE(s) << field << " was accepted";
    EXPECT_EQ(s.error().reason, Reason::bad_config);
    EXPECT_NE(s.error().detail.find(field), std::string::npos) << s.error().detail;
}

// check runs `change` on the limits of both configs and expects each to be refused for `field`.
void check_refused(const std::string& field, const std::function<void(Limits&)>& change) {
    auto client = test::client_config();
    change(client->limits);
    expect_bad(client->validate(), field);
    auto server = test::server_config(test::pki().server_p256);
    change(server->limits);
    expect_bad(server->validate(), field);
}

TEST(ConfigLimits, TheDefaultsAreValid) {
    EXPECT_TRUE(test::client_config()->validate());
    EXPECT_TRUE(test::server_config(test::pki().server_p256)->validate());
    const Limits d;
    EXPECT_EQ(d.max_handshake_message_size, 64u * 1024);
    // RFC 5246 §7.4.1.2: the largest well-formed ClientHello, and room to buffer it.
    EXPECT_EQ(d.max_client_hello_size, 131'396u);
    EXPECT_EQ(d.max_buffered_handshake_bytes, 131'396u + 4);
    EXPECT_EQ(d.max_certificate_chain_length, 10u);
    EXPECT_EQ(d.max_empty_records, 32u);
    EXPECT_EQ(d.max_warning_alerts, 4u);   // the fifth is fatal, as in OpenSSL
}

TEST(ConfigLimits, RefusesBoundsThatFailEveryHandshake) {
    check_refused("max_handshake_message_size", [](Limits& l) { l.max_handshake_message_size = 1023; });
    check_refused("max_handshake_message_size", [](Limits& l) { l.max_handshake_message_size = 1 << 24; });
    check_refused("max_buffered_handshake_bytes", [](Limits& l) { l.max_buffered_handshake_bytes = 1027; });
    check_refused("max_certificate_chain_length", [](Limits& l) { l.max_certificate_chain_length = 0; });
    check_refused("max_client_hello_size", [](Limits& l) { l.max_client_hello_size = 1023; });
    check_refused("max_client_hello_size", [](Limits& l) { l.max_client_hello_size = 131'397; });
    check_refused("max_records_without_progress", [](Limits& l) { l.max_records_without_progress = 0; });
}

TEST(ConfigLimits, AcceptsTheSmallestAndLargestUsefulBounds) {
    auto client = test::client_config();
    client->limits.max_handshake_message_size = 1024;
    client->limits.max_buffered_handshake_bytes = 1028;
    client->limits.max_empty_records = 0;       // no empty record at all
    client->limits.max_warning_alerts = 0;      // no warning at all
    client->limits.max_client_hello_size = 1024;
    EXPECT_TRUE(client->validate());
    client->limits.max_handshake_message_size = (1 << 24) - 1;
    EXPECT_TRUE(client->validate());
}

TEST(ConfigLimits, AnInvalidLimitFailsTheConnectionFromTheStart) {
    auto server = test::server_config(test::pki().server_p256);
    server->limits.max_records_without_progress = 0;
    ServerConnection s(server);
    ASSERT_TRUE(s.failed());
    EXPECT_EQ(s.error()->reason, Reason::bad_config);
}

using V = ProtocolVersion;
constexpr CipherSuite kTls13Suite = CipherSuite::TLS_AES_128_GCM_SHA256;
constexpr CipherSuite kTls12Suite = CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256;

// check_versions sets versions and suites on both configs and expects each to
// be accepted (`refused_for` empty) or refused with a detail naming it.
void check_versions(std::vector<ProtocolVersion> versions, std::vector<CipherSuite> suites,
                    const std::string& refused_for) {
    auto client = test::client_config();
    client->versions = versions;
    client->cipher_suites = suites;
    auto server = test::server_config(test::pki().server_p256);
    server->versions = versions;
    server->cipher_suites = suites;
    for (const Status& s : {client->validate(), server->validate()}) {
        if (refused_for.empty())
            EXPECT_TRUE(s) << s.error().detail;
        else
            expect_bad(s, refused_for);
    }
}

TEST(ConfigVersions, OnlyTls12And13EachOnce) {
    const std::vector<CipherSuite> both = {kTls13Suite, kTls12Suite};
    const struct {
        std::vector<ProtocolVersion> versions;
        const char* refused_for;
    } cases[] = {
        {{V::tls13, V::tls12}, ""},
        {{V::tls12, V::tls13}, ""},
        {{V::tls12}, ""},
        {{V::tls13}, ""},
        {{}, "no protocol versions"},
        {{V::tls10}, "TLS 1.0 is not supported"},
        {{V::tls13, V::tls11}, "TLS 1.1 is not supported"},
        {{static_cast<ProtocolVersion>(0x0300)}, "version 768 is not supported"},
        {{V::tls12, V::tls13, V::tls12}, "TLS 1.2 is listed twice"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.refused_for);
        check_versions(c.versions, both, c.refused_for);
    }
}

// RFC 8446 §4.1.2: a TLS 1.3 suite is not used in TLS 1.2, nor the reverse,
// so each enabled version needs one of its own.
TEST(ConfigVersions, EachEnabledVersionNeedsASuiteOfItsOwn) {
    check_versions({V::tls13, V::tls12}, {kTls12Suite}, "TLS 1.3 is enabled but cipher_suites has no TLS 1.3 suite");
    check_versions({V::tls13, V::tls12}, {kTls13Suite}, "TLS 1.2 is enabled but cipher_suites has no TLS 1.2 suite");
    check_versions({V::tls13}, {kTls12Suite}, "TLS 1.3 is enabled");
    check_versions({V::tls12}, {kTls13Suite}, "TLS 1.2 is enabled");
    check_versions({V::tls12}, {kTls12Suite}, "");
    check_versions({V::tls13}, {kTls13Suite}, "");
}

// The defaults: TLS 1.3 then 1.2; the 1.3 suites first, in OpenSSL 3's order
// (`openssl ciphers -s -tls1_3`), then the forward-secret AEAD 1.2 suites.
TEST(ConfigVersions, DefaultsOfferBothVersionsWithTheTls13SuitesFirst) {
    EXPECT_EQ(default_versions(), (std::vector<ProtocolVersion>{V::tls13, V::tls12}));
    EXPECT_EQ(ClientConfig().versions, default_versions());
    EXPECT_EQ(ServerConfig().versions, default_versions());
    const auto suites = default_cipher_suites();
    ASSERT_GE(suites.size(), 4u);
    EXPECT_EQ(suites[0], CipherSuite::TLS_AES_256_GCM_SHA384);
    EXPECT_EQ(suites[1], CipherSuite::TLS_CHACHA20_POLY1305_SHA256);
    EXPECT_EQ(suites[2], CipherSuite::TLS_AES_128_GCM_SHA256);
    for (std::size_t i = 3; i < suites.size(); ++i)
        EXPECT_EQ(handshake::find_suite(suites[i])->version, V::tls12) << name(suites[i]);
}

}  // namespace
}  // namespace tlspp
