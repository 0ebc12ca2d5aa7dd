// Bytes changed in flight, peers that share nothing, messages out of order:
// each ends the handshake with the exact alert the RFC names.
#include <gtest/gtest.h>

#include <algorithm>

#include "support/configs.hpp"
#include "support/hex.hpp"
#include "support/loopback_pair.hpp"

namespace tlspp {
namespace {

void expect_failure(const Connection& failing, Reason reason, Alert alert, const Connection& other) {
    ASSERT_NE(failing.error(), nullptr);
    EXPECT_EQ(failing.error()->reason, reason) << failing.error()->message();
    EXPECT_EQ(failing.error()->alert, alert);
    ASSERT_NE(other.error(), nullptr);
    EXPECT_EQ(other.error()->reason, Reason::peer_alert) << other.error()->message();
    EXPECT_EQ(other.error()->alert, alert);
}

TEST(Tampering, FlippedApplicationDataByteIsBadRecordMac) {
    test::LoopbackPair pair(test::client_config(), test::server_config(test::pki().server_p256));
    ASSERT_TRUE(pair.handshake());
    pair.tamper = [](test::Direction d, std::vector<std::uint8_t>& bytes) {
        if (d == test::Direction::to_server) bytes.back() ^= 0x01;
    };
    const std::uint8_t data[] = {1, 2, 3};
    EXPECT_TRUE(pair.client_to_server(data).empty());
    expect_failure(pair.server, Reason::record_authentication_failed, Alert::bad_record_mac, pair.client);
}

// With EMS hidden from the server (its extension code changed in flight), both
// sides still derive the same keys, so only Finished can notice that the
// ClientHello the server saw is not the one the client sent.
TEST(Tampering, ChangedClientHelloIsCaughtByFinished) {
    test::LoopbackPair pair(test::client_config(), test::server_config(test::pki().server_p256));
    bool done = false;
    pair.tamper = [&](test::Direction d, std::vector<std::uint8_t>& bytes) {
        if (d != test::Direction::to_server || done) return;
        done = true;
        // extended_master_secret is the extension 00 17 00 00 (type 23, empty).
        const std::uint8_t ems[] = {0x00, 0x17, 0x00, 0x00};
        auto it = std::search(bytes.begin(), bytes.end(), std::begin(ems), std::end(ems));
        ASSERT_NE(it, bytes.end());
        *it = 0xfe;   // now an unknown extension, which the server ignores
    };
    EXPECT_FALSE(pair.handshake());
    expect_failure(pair.server, Reason::finished_mismatch, Alert::decrypt_error, pair.client);
}

TEST(Tampering, NoCommonCipherSuiteIsHandshakeFailure) {
    auto client = test::client_config();
    client->cipher_suites = {CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256};
    client->versions = {ProtocolVersion::tls12};
    test::LoopbackPair pair(client, test::server_config(test::pki().server_rsa));
    EXPECT_FALSE(pair.handshake());
    expect_failure(pair.server, Reason::no_common_cipher_suite, Alert::handshake_failure, pair.client);
}

TEST(Tampering, NoCommonGroupIsHandshakeFailure) {
    auto client = test::client_config();
    client->groups = {NamedGroup::secp384r1};
    auto server = test::server_config(test::pki().server_rsa);
    server->groups = {NamedGroup::x25519};
    test::LoopbackPair pair(client, server);
    EXPECT_FALSE(pair.handshake());
    expect_failure(pair.server, Reason::no_common_group, Alert::handshake_failure, pair.client);
}

TEST(Tampering, EcdsaCertificateOnACurveTheClientLacksIsNotUsed) {
    auto client = test::client_config();
    client->groups = {NamedGroup::x25519};
    client->cipher_suites = {CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256};
    client->versions = {ProtocolVersion::tls12};
    test::LoopbackPair pair(client, test::server_config(test::pki().server_p384));
    EXPECT_FALSE(pair.handshake());
    expect_failure(pair.server, Reason::no_common_group, Alert::handshake_failure, pair.client);
}

// RFC 7919 §4: a client that lists FFDHE groups the server lacks gets no DHE suite.
TEST(Tampering, DheWithNoCommonFfdheGroupIsHandshakeFailure) {
    auto client = test::client_config();
    client->cipher_suites = {CipherSuite::TLS_DHE_RSA_WITH_AES_128_GCM_SHA256};
    client->versions = {ProtocolVersion::tls12};
    client->groups = {NamedGroup::ffdhe4096};
    auto server = test::server_config(test::pki().server_rsa);
    server->cipher_suites = {CipherSuite::TLS_DHE_RSA_WITH_AES_128_GCM_SHA256};
    server->versions = {ProtocolVersion::tls12};
    server->groups = {NamedGroup::ffdhe2048};
    test::LoopbackPair pair(client, server);
    EXPECT_FALSE(pair.handshake());
    expect_failure(pair.server, Reason::no_common_group, Alert::handshake_failure, pair.client);
}

TEST(Tampering, NoCommonApplicationProtocolIsNoApplicationProtocol) {
    auto client = test::client_config();
    client->alpn = {"h2"};
    auto server = test::server_config(test::pki().server_rsa);
    server->alpn = {"http/1.1"};
    test::LoopbackPair pair(client, server);
    EXPECT_FALSE(pair.handshake());
    expect_failure(pair.server, Reason::no_application_protocol, Alert::no_application_protocol, pair.client);
}

TEST(Tampering, ServerHelloDoneFirstIsUnexpectedMessage) {
    ClientConnection client(test::client_config(), "localhost");
    // A handshake record holding ServerHelloDone (type 14, empty body).
    auto status = client.read_in(test::hex("16 0303 0004 0e000000"));
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().reason, Reason::unexpected_handshake_message);
    EXPECT_EQ(status.error().alert, Alert::unexpected_message);
    EXPECT_NE(status.error().detail.find("client: expect ServerHello"), std::string::npos);
    // The fatal alert is queued for the peer, still with the first record version 0x0301.
    auto out = client.pending_output();
    ASSERT_GE(out.size(), 7u);
    EXPECT_EQ(test::to_hex(out.last(7)), "15030100" "02020a");
}

TEST(Tampering, FinishedBeforeClientHelloIsUnexpectedMessage) {
    ServerConnection server(test::server_config(test::pki().server_p256));
    auto status = server.read_in(test::hex("16 0303 0010 1400000c 000000000000000000000000"));
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().reason, Reason::unexpected_handshake_message);
}

TEST(Tampering, EarlyChangeCipherSpecIsUnexpectedMessage) {
    ServerConnection server(test::server_config(test::pki().server_p256));
    auto status = server.read_in(test::hex("14 0303 0001 01"));
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().reason, Reason::unexpected_change_cipher_spec);
    EXPECT_EQ(status.error().alert, Alert::unexpected_message);
}

TEST(Tampering, ApplicationDataBeforeHandshakeIsUnexpectedMessage) {
    ServerConnection server(test::server_config(test::pki().server_p256));
    auto status = server.read_in(test::hex("17 0303 0002 6869"));
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().reason, Reason::application_data_before_handshake);
}

TEST(Tampering, FatalAlertFromPeerEndsTheConnectionWithItsName) {
    ClientConnection client(test::client_config(), "localhost");
    auto status = client.read_in(test::hex("15 0303 0002 0228"));
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().reason, Reason::peer_alert);
    EXPECT_EQ(status.error().alert, Alert::handshake_failure);
    EXPECT_NE(status.error().message().find("handshake_failure"), std::string::npos);
}

TEST(Tampering, OversizedRecordIsRecordOverflow) {
    ServerConnection server(test::server_config(test::pki().server_p256));
    auto status = server.read_in(test::hex("16 0303 4001"));   // 2^14 + 1 bytes, unprotected
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().reason, Reason::record_overflow);
    EXPECT_EQ(status.error().alert, Alert::record_overflow);
}

}  // namespace
}  // namespace tlspp
