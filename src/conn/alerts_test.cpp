#include <gtest/gtest.h>

#include "tlspp/error.hpp"

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

TEST(Alerts, MessageNamesAlertReasonAndDetail) {
    Error e = make_error(Reason::no_common_cipher_suite, "ClientHello offers none of ours");
    EXPECT_EQ(e.message(), "handshake_failure (no_common_cipher_suite): ClientHello offers none of ours");
}

}  // namespace
}  // namespace tlspp
