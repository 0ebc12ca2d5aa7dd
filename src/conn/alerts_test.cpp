#include <gtest/gtest.h>

#include "conn/alerts.hpp"

namespace tlspp {
namespace {

TEST(Alerts, EveryReasonHasANameAndAnAlertWithAName) {
    for (int i = 0; i <= static_cast<int>(Reason::timeout); ++i) {
        auto reason = static_cast<Reason>(i);
        EXPECT_NE(name(reason), "unknown_reason") << i;
        EXPECT_NE(name(alert_for(reason)), "") << name(reason);
    }
}

TEST(Alerts, MapsTheRfcRequiredAlerts) {
    EXPECT_EQ(alert_for(Reason::record_authentication_failed), Alert::bad_record_mac);
    EXPECT_EQ(alert_for(Reason::finished_mismatch), Alert::decrypt_error);
    EXPECT_EQ(alert_for(Reason::unsolicited_extension), Alert::unsupported_extension);
    EXPECT_EQ(alert_for(Reason::record_overflow), Alert::record_overflow);
    EXPECT_EQ(alert_for(Reason::no_common_cipher_suite), Alert::handshake_failure);
    EXPECT_EQ(alert_for(Reason::certificate_untrusted), Alert::unknown_ca);
    EXPECT_EQ(alert_for(Reason::unexpected_handshake_message), Alert::unexpected_message);
}

constexpr ProtocolVersion versions[] = {ProtocolVersion::tls12, ProtocolVersion::tls13};

// Every Reason, under both versions, has an alert with a name; the versions
// answer alike except where RFC 8446 added an alert the TLS 1.2 registry
// does not have (RFC 8446 §6.2: missing_extension, certificate_required).
TEST(Alerts, EveryReasonHasAnAlertUnderEachVersion) {
    for (int i = 0; i <= static_cast<int>(Reason::timeout); ++i) {
        auto reason = static_cast<Reason>(i);
        for (auto version : versions) EXPECT_NE(name(alert_for(reason, version)), "") << name(reason);
        EXPECT_EQ(alert_for(reason), alert_for(reason, ProtocolVersion::tls12)) << name(reason);
        if (reason == Reason::missing_extension || reason == Reason::certificate_required) continue;
        EXPECT_EQ(alert_for(reason, ProtocolVersion::tls12), alert_for(reason, ProtocolVersion::tls13))
            << name(reason);
    }
}

TEST(Alerts, AnswersByVersionWhereTheRfcsDiffer) {
    // RFC 8446 §4.2: "... MUST abort the handshake with a "missing_extension" alert."
    EXPECT_EQ(alert_for(Reason::missing_extension, ProtocolVersion::tls13), Alert::missing_extension);
    // TLS 1.2 has no missing_extension alert; OpenSSL answers handshake_failure
    // (SSL_R_INCONSISTENT_EXTMS).
    EXPECT_EQ(alert_for(Reason::missing_extension, ProtocolVersion::tls12), Alert::handshake_failure);
    // RFC 8446 §4.4.2.4: "... MAY abort the handshake with a "certificate_required" alert."
    EXPECT_EQ(alert_for(Reason::certificate_required, ProtocolVersion::tls13), Alert::certificate_required);
    EXPECT_EQ(alert_for(Reason::certificate_required, ProtocolVersion::tls12), Alert::handshake_failure);
}

// Every Reason, whether its failure is answered with an alert: all are but
// those where there is no one left to tell (the transport failed or timed
// out, the peer closed or truncated), and a fatal alert of the peer's.
TEST(Alerts, SaysForEveryReasonWhetherAnAlertIsSent) {
    for (int i = 0; i <= static_cast<int>(Reason::timeout); ++i) {
        auto reason = static_cast<Reason>(i);
        const bool silent = reason == Reason::peer_closed || reason == Reason::truncated_connection ||
                            reason == Reason::io_error || reason == Reason::timeout;
        EXPECT_EQ(sends_alert(make_error(reason, "")), !silent) << name(reason);
        Error from_peer = make_error(reason, "");
        from_peer.alert_from_peer = true;
        EXPECT_FALSE(sends_alert(from_peer)) << name(reason);
    }
}

TEST(Alerts, MessageNamesAlertReasonAndDetail) {
    Error e = make_error(Reason::no_common_cipher_suite, "ClientHello offers none of ours");
    EXPECT_EQ(e.message(), "handshake_failure (no_common_cipher_suite): ClientHello offers none of ours");
}

}  // namespace
}  // namespace tlspp
