// Config validation of tlspp/limits.hpp: the defaults pass, and a bound that
// would fail every handshake (or that the wire cannot reach) is bad_config
// naming the field, in both configs.
#include <gtest/gtest.h>

#include <functional>
#include <string>

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

}  // namespace
}  // namespace tlspp
