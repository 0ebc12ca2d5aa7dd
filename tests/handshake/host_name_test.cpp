// Host-name verification never fails open (issue 11 item 3): an empty server
// name is refused when the connection is made, the subject CN is not a
// fall-back unless asked for (RFC 6125 §6.4.4), and IP literals match only
// iPAddress entries. Certificates are made at test time.
#include <gtest/gtest.h>

#include "support/configs.hpp"
#include "support/loopback_pair.hpp"
#include "support/test_pki.hpp"
#include "tlspp/stream.hpp"

namespace tlspp {
namespace {

// handshake_with runs a loopback handshake against a server holding `id` and
// returns the client's error (nullopt when the handshake completed).
std::optional<Error> handshake_with(const test::Identity& id, const std::string& host,
                                    std::shared_ptr<ClientConfig> client = test::client_config()) {
    test::LoopbackPair pair(client, test::server_config(id), host);
    if (pair.handshake()) return std::nullopt;
    if (!pair.client.error()) return make_error(Reason::internal_error, "the server failed first");
    return *pair.client.error();
}

void expect_name_mismatch(const std::optional<Error>& error) {
    ASSERT_TRUE(error.has_value()) << "the handshake completed";
    EXPECT_EQ(error->reason, Reason::certificate_name_mismatch) << error->message();
    EXPECT_EQ(error->alert, Alert::bad_certificate);
}

TEST(EmptyServerName, IsRefusedWhenTheConnectionIsMadeWithHostVerificationOn) {
    ClientConnection client(test::client_config(), "");
    ASSERT_TRUE(client.failed());
    EXPECT_EQ(client.error()->reason, Reason::bad_config) << client.error()->message();
    EXPECT_TRUE(client.pending_output().empty()) << "a ClientHello was queued";
}

TEST(EmptyServerName, FailsTheHandshakeInsteadOfVerifyingWithoutAName) {
    test::LoopbackPair pair(test::client_config(), test::server_config(test::pki().server_p256), "");
    EXPECT_FALSE(pair.handshake());
    ASSERT_NE(pair.client.error(), nullptr);
    EXPECT_EQ(pair.client.error()->reason, Reason::bad_config);
    EXPECT_FALSE(pair.client.info().peer_verified);
}

TEST(EmptyServerName, IsAcceptedWhenTheHostNameCheckIsTurnedOff) {
    auto client = test::client_config();
    client->verify_host_name = false;
    EXPECT_FALSE(handshake_with(test::pki().server_p256, "", client));
}

TEST(EmptyServerName, IsRefusedByStreamConnectBeforeAnyNetworkTraffic) {
    // Port 1 on 127.0.0.1 has no listener: without the check this would be an io_error.
    auto stream = Stream::connect(test::client_config(), "127.0.0.1", 1, "");
    ASSERT_FALSE(stream.ok());
    EXPECT_EQ(stream.error().reason, Reason::bad_config) << stream.error().message();
}

TEST(ServerNameWithNul, IsRefusedWhenTheConnectionIsMade) {
    ClientConnection client(test::client_config(), std::string("localhost\0.evil.example", 23));
    ASSERT_TRUE(client.failed());
    EXPECT_EQ(client.error()->reason, Reason::bad_config);
}

TEST(SubjectCn, IsNotAFallBackWhenTheSubjectAltNameHoldsOnlyAnIpAddress) {
    // libcrypto's default would match the CN here: the SAN has no DNS name.
    auto id = test::issue_server_leaf("cn_with_ip_san", "localhost", "IP:127.0.0.1");
    expect_name_mismatch(handshake_with(id, "localhost"));
    auto client = test::client_config();
    client->subject_cn_fallback = true;   // a subjectAltName is present: still no CN
    expect_name_mismatch(handshake_with(id, "localhost", client));
}

TEST(SubjectCn, IsNotMatchedByDefaultEvenWithoutASubjectAltName) {
    auto id = test::issue_server_leaf("cn_only", "localhost", "");
    expect_name_mismatch(handshake_with(id, "localhost"));
}

TEST(SubjectCn, IsMatchedWithoutASubjectAltNameWhenAskedFor) {
    auto id = test::issue_server_leaf("cn_only", "localhost", "");
    auto client = test::client_config();
    client->subject_cn_fallback = true;
    EXPECT_FALSE(handshake_with(id, "localhost", client));
    expect_name_mismatch(handshake_with(id, "other.example", client));
}

TEST(SubjectCn, OfACertificateWithADnsSanIsIgnoredEvenWhenAskedFor) {
    auto id = test::issue_server_leaf("cn_and_dns_san", "localhost", "DNS:other.example");
    auto client = test::client_config();
    client->subject_cn_fallback = true;
    expect_name_mismatch(handshake_with(id, "localhost", client));
}

TEST(IpAddress, DoesNotMatchADnsSanSpellingTheSameAddress) {
    auto id = test::issue_server_leaf("ip_as_dns", "127.0.0.1", "DNS:127.0.0.1");
    expect_name_mismatch(handshake_with(id, "127.0.0.1"));
}

TEST(IpAddress, DoesNotMatchTheSubjectCnEvenWhenCnFallBackIsOn) {
    auto v4 = test::issue_server_leaf("ip_in_cn", "127.0.0.1", "");
    auto v6 = test::issue_server_leaf("ipv6_in_cn", "::1", "");
    auto client = test::client_config();
    client->subject_cn_fallback = true;
    expect_name_mismatch(handshake_with(v4, "127.0.0.1", client));
    expect_name_mismatch(handshake_with(v6, "::1", client));
}

TEST(IpAddress, Ipv6LiteralMatchesOnlyItsOwnIpAddressSan) {
    auto id = test::issue_server_leaf("ipv6", "localhost", "DNS:localhost,IP:::1");
    EXPECT_FALSE(handshake_with(id, "::1"));
    EXPECT_FALSE(handshake_with(id, "0:0::1"));   // the same address, spelt another way
    expect_name_mismatch(handshake_with(id, "::2"));
    expect_name_mismatch(handshake_with(test::pki().server_p256, "::1"));   // it has IP:127.0.0.1 only
}

TEST(IpAddress, IsNeverSentAsSni) {
    // RFC 6066 §3: "Literal IPv4 and IPv6 addresses are not permitted in "HostName"."
    auto id = test::issue_server_leaf("ipv6_sni", "localhost", "IP:127.0.0.1,IP:::1");
    for (const char* host : {"127.0.0.1", "::1"}) {
        test::LoopbackPair pair(test::client_config(), test::server_config(id), host);
        ASSERT_TRUE(pair.handshake()) << host << ": " << pair.client.error()->message();
        EXPECT_EQ(pair.server.info().server_name, "") << host;
        EXPECT_EQ(pair.client.info().server_name, "") << host;
    }
}

}  // namespace
}  // namespace tlspp
