// The client refuses servers it cannot verify, with the right alert on both sides.
#include <gtest/gtest.h>

#include "support/configs.hpp"
#include "support/loopback_pair.hpp"

namespace tlspp {
namespace {

struct Outcome {
    Reason client_reason;
    Alert alert;
};

// The client fails with `reason`, sends `alert`, and the server sees that alert.
void expect_client_rejects(const test::Identity& id, const std::string& host, Reason reason, Alert alert) {
    test::LoopbackPair pair(test::client_config(), test::server_config(id), host);
    EXPECT_FALSE(pair.handshake());
    ASSERT_NE(pair.client.error(), nullptr);
    EXPECT_EQ(pair.client.error()->reason, reason) << pair.client.error()->message();
    EXPECT_EQ(pair.client.error()->alert, alert);
    ASSERT_NE(pair.server.error(), nullptr);
    EXPECT_EQ(pair.server.error()->reason, Reason::peer_alert);
    EXPECT_TRUE(pair.server.error()->alert_from_peer);
    EXPECT_EQ(pair.server.error()->alert, alert);
}

TEST(Verification, WrongHostNameIsBadCertificate) {
    expect_client_rejects(test::pki().wrong_host, "localhost", Reason::certificate_name_mismatch,
                          Alert::bad_certificate);
}

TEST(Verification, NameNotInCertificateIsBadCertificate) {
    expect_client_rejects(test::pki().server_p256, "example.org", Reason::certificate_name_mismatch,
                          Alert::bad_certificate);
}

TEST(Verification, UntrustedCaIsUnknownCa) {
    expect_client_rejects(test::pki().untrusted, "localhost", Reason::certificate_untrusted, Alert::unknown_ca);
}

TEST(Verification, ExpiredCertificateIsCertificateExpired) {
    expect_client_rejects(test::pki().expired, "localhost", Reason::certificate_expired, Alert::certificate_expired);
}

TEST(Verification, NotYetValidCertificateIsCertificateExpired) {
    expect_client_rejects(test::pki().not_yet_valid, "localhost", Reason::certificate_not_yet_valid,
                          Alert::certificate_expired);
}

TEST(Verification, IpAddressIsCheckedAgainstIpSubjectAltName) {
    test::LoopbackPair pair(test::client_config(), test::server_config(test::pki().server_p256), "127.0.0.1");
    ASSERT_TRUE(pair.handshake()) << pair.client.error()->message();
    // RFC 6066 §3: no SNI for an IP address.
    EXPECT_EQ(pair.server.info().server_name, "");
}

TEST(Verification, InsecureModeAcceptsAnyCertificateButSaysSo) {
    auto client = test::client_config();
    client->verify_peer = false;
    client->trust.reset();
    test::LoopbackPair pair(client, test::server_config(test::pki().untrusted));
    ASSERT_TRUE(pair.handshake());
    EXPECT_FALSE(pair.client.info().peer_verified);
}

TEST(Verification, VerificationWithoutTrustStoreIsABadConfig) {
    auto client = test::client_config();
    client->trust.reset();
    test::LoopbackPair pair(client, test::server_config(test::pki().server_p256));
    ASSERT_TRUE(pair.client.failed());
    EXPECT_EQ(pair.client.error()->reason, Reason::bad_config);
}

}  // namespace
}  // namespace tlspp
