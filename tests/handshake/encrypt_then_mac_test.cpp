// The legacy CBC-HMAC suites in whole handshakes, and Encrypt-then-MAC (RFC
// 7366): agreed when both sides offer it and the suite is CBC, never with an
// AEAD suite, kept on resumption. (Every CBC suite × group × certificate
// also runs in loopback_matrix_test.cpp.)
#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "msg/handshake.hpp"
#include "support/configs.hpp"
#include "support/loopback_pair.hpp"

namespace tlspp {
namespace {

using test::LoopbackPair;
using Bytes = std::vector<std::uint8_t>;

constexpr CipherSuite kCbc = CipherSuite::TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256;
constexpr CipherSuite kGcm = CipherSuite::TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256;

std::shared_ptr<ClientConfig> client_with(std::vector<CipherSuite> suites, bool etm = true) {
    auto c = test::client_config();
    c->cipher_suites = std::move(suites);
    c->versions = {ProtocolVersion::tls12};
    c->encrypt_then_mac = etm;
    return c;
}

std::shared_ptr<ServerConfig> server_with(std::vector<CipherSuite> suites, bool etm = true) {
    auto s = test::server_config(test::pki().server_rsa);
    s->cipher_suites = std::move(suites);
    s->versions = {ProtocolVersion::tls12};
    s->encrypt_then_mac = etm;
    return s;
}

std::string failure(const LoopbackPair& pair) {
    if (pair.client.error()) return "client: " + pair.client.error()->message();
    if (pair.server.error()) return "server: " + pair.server.error()->message();
    return "not finished";
}

void expect_data_flows(LoopbackPair& pair) {
    Bytes request(3000);
    for (std::size_t i = 0; i < request.size(); ++i) request[i] = static_cast<std::uint8_t>(i * 13);
    EXPECT_EQ(pair.client_to_server(request), request);
    Bytes response(40000, 0x5a);
    EXPECT_EQ(pair.server_to_client(response), response);
}

TEST(EncryptThenMac, AgreedForCbcWhenBothOffer) {
    LoopbackPair pair(client_with({kCbc}), server_with({kCbc}));
    ASSERT_TRUE(pair.handshake()) << failure(pair);
    EXPECT_TRUE(pair.client.info().encrypt_then_mac);
    EXPECT_TRUE(pair.server.info().encrypt_then_mac);
    expect_data_flows(pair);
}

TEST(EncryptThenMac, MacThenEncryptWhenTheClientDoesNotOffer) {
    LoopbackPair pair(client_with({kCbc}, false), server_with({kCbc}));
    ASSERT_TRUE(pair.handshake()) << failure(pair);
    EXPECT_FALSE(pair.client.info().encrypt_then_mac);
    EXPECT_FALSE(pair.server.info().encrypt_then_mac);
    expect_data_flows(pair);
}

TEST(EncryptThenMac, MacThenEncryptWhenTheServerDeclines) {
    LoopbackPair pair(client_with({kCbc}), server_with({kCbc}, false));
    ASSERT_TRUE(pair.handshake()) << failure(pair);
    EXPECT_FALSE(pair.client.info().encrypt_then_mac);
    EXPECT_FALSE(pair.server.info().encrypt_then_mac);
    expect_data_flows(pair);
}

TEST(EncryptThenMac, NeverWithAnAeadSuite) {
    // The client offers both kinds (so it sends the extension); the server picks GCM.
    LoopbackPair pair(client_with({kGcm, kCbc}), server_with({kGcm, kCbc}));
    ASSERT_TRUE(pair.handshake()) << failure(pair);
    EXPECT_EQ(pair.client.info().cipher_suite, kGcm);
    EXPECT_FALSE(pair.client.info().encrypt_then_mac);
    EXPECT_FALSE(pair.server.info().encrypt_then_mac);
}

TEST(EncryptThenMac, NotOfferedWithoutCbcSuites) {
    ClientConnection client(client_with({kGcm}), "localhost");
    Bytes out(client.pending_output().begin(), client.pending_output().end());
    ASSERT_GT(out.size(), 9u);
    auto hello = msg::decode_message(ProtocolVersion::tls12, HandshakeType::client_hello, std::span<const std::uint8_t>(out).subspan(9));
    ASSERT_TRUE(hello.ok());
    EXPECT_FALSE(std::get<msg::ClientHello>(*hello).encrypt_then_mac);
}

// A server that answers an AEAD suite with encrypt_then_mac breaks RFC 7366
// §3 ("MUST NOT send an encrypt-then-MAC response extension").
TEST(EncryptThenMac, ClientRejectsItWithAnAeadSuite) {
    ClientConnection client(client_with({kGcm, kCbc}), "localhost");
    Bytes out(client.pending_output().begin(), client.pending_output().end());
    auto decoded = msg::decode_message(ProtocolVersion::tls12, HandshakeType::client_hello, std::span<const std::uint8_t>(out).subspan(9));
    ASSERT_TRUE(decoded.ok());
    const auto& hello = std::get<msg::ClientHello>(*decoded);
    ASSERT_TRUE(hello.encrypt_then_mac);
    client.consume_output(out.size());

    msg::ServerHello sh;
    sh.random.fill(7);
    sh.cipher_suite = static_cast<std::uint16_t>(kGcm);
    sh.renegotiation_info = Bytes{};
    sh.extended_master_secret = true;
    sh.encrypt_then_mac = true;
    Bytes message = msg::encode_message(sh);
    Bytes record = {22, 3, 3, static_cast<std::uint8_t>(message.size() >> 8), static_cast<std::uint8_t>(message.size())};
    record.insert(record.end(), message.begin(), message.end());
    auto status = client.read_in(record);
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().reason, Reason::illegal_parameter);
    EXPECT_EQ(status.error().alert, Alert::illegal_parameter);
}

std::shared_ptr<ServerConfig> resuming_server(bool etm) {
    auto s = server_with({kCbc}, etm);
    s->session_cache = std::make_shared<ServerSessionCache>();
    s->ticket_keys = std::make_shared<TicketKeys>();
    return s;
}

TEST(EncryptThenMac, KeptOnResumption) {
    for (bool tickets : {true, false}) {
        SCOPED_TRACE(tickets ? "ticket" : "session ID");
        auto server = resuming_server(true);
        auto client = client_with({kCbc});
        client->session_tickets = tickets;
        LoopbackPair first(client, server);
        ASSERT_TRUE(first.handshake()) << failure(first);
        ASSERT_TRUE(first.client.info().encrypt_then_mac);
        auto session = first.client.session();
        ASSERT_TRUE(session);

        LoopbackPair second(client, server);
        second.client = ClientConnection(client, "localhost", session);
        ASSERT_TRUE(second.handshake()) << failure(second);
        EXPECT_TRUE(second.client.info().resumed);
        EXPECT_TRUE(second.client.info().encrypt_then_mac);
        EXPECT_TRUE(second.server.info().encrypt_then_mac);
        expect_data_flows(second);
    }
}

TEST(EncryptThenMac, SessionWithItIsNotResumedWithoutIt) {
    // RFC 7366 §3.1: the resumed session keeps its MAC order, so a ClientHello
    // that no longer offers Encrypt-then-MAC gets a full handshake.
    auto server = resuming_server(true);
    auto client = client_with({kCbc});
    LoopbackPair first(client, server);
    ASSERT_TRUE(first.handshake()) << failure(first);
    auto session = first.client.session();
    ASSERT_TRUE(session);

    auto without = client_with({kCbc}, false);
    LoopbackPair second(without, server);
    second.client = ClientConnection(without, "localhost", session);
    ASSERT_TRUE(second.handshake()) << failure(second);
    EXPECT_FALSE(second.client.info().resumed);
    EXPECT_FALSE(second.client.info().encrypt_then_mac);
}

TEST(EncryptThenMac, TamperedCbcRecordIsBadRecordMac) {
    for (bool etm : {true, false}) {
        SCOPED_TRACE(etm ? "encrypt-then-MAC" : "MAC-then-encrypt");
        LoopbackPair pair(client_with({kCbc}, etm), server_with({kCbc}));
        ASSERT_TRUE(pair.handshake()) << failure(pair);
        pair.tamper = [](test::Direction dir, Bytes& bytes) {
            if (dir == test::Direction::to_server && bytes.size() > 40) bytes[bytes.size() - 20] ^= 0x01;
        };
        Bytes data(100, 0x41);
        ASSERT_TRUE(pair.client.send(data).ok());
        EXPECT_FALSE(pair.pump());
        ASSERT_TRUE(pair.server.error());
        EXPECT_EQ(pair.server.error()->reason, Reason::record_authentication_failed);
        EXPECT_EQ(pair.server.error()->alert, Alert::bad_record_mac);
    }
}

}  // namespace
}  // namespace tlspp
