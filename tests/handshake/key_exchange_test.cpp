// RSA key transport's failure behaviour, and the key log.
#include <gtest/gtest.h>

#include <algorithm>
#include <mutex>

#include "support/configs.hpp"
#include "support/hex.hpp"
#include "support/loopback_pair.hpp"

namespace tlspp {
namespace {

std::shared_ptr<ServerConfig> rsa_transport_server() {
    auto server = test::server_config(test::pki().server_rsa);
    server->cipher_suites = {CipherSuite::TLS_RSA_WITH_AES_256_GCM_SHA384};
    server->versions = {ProtocolVersion::tls12};
    return server;
}

std::shared_ptr<ClientConfig> rsa_transport_client() {
    auto client = test::client_config();
    client->cipher_suites = {CipherSuite::TLS_RSA_WITH_AES_256_GCM_SHA384};
    client->versions = {ProtocolVersion::tls12};
    return client;
}

// RFC 5246 §7.4.7.1: a bad EncryptedPreMasterSecret must not be told apart
// at ClientKeyExchange; the server goes on with a random pre-master and the
// handshake fails only when the client's Finished cannot be opened.
TEST(RsaKeyTransport, CorruptedPreMasterFailsOnlyAtTheClientsFinished) {
    test::LoopbackPair pair(rsa_transport_client(), rsa_transport_server());
    int flight = 0;
    pair.tamper = [&](test::Direction d, std::vector<std::uint8_t>& bytes) {
        if (d != test::Direction::to_server || ++flight != 2) return;
        // The second client flight starts with ClientKeyExchange: record
        // header (5), handshake header (4), length (2), then the ciphertext.
        ASSERT_EQ(bytes[5], 16);   // client_key_exchange
        bytes[5 + 4 + 2 + 10] ^= 0x40;
    };
    EXPECT_FALSE(pair.handshake());
    ASSERT_NE(pair.server.error(), nullptr);
    EXPECT_EQ(pair.server.error()->reason, Reason::record_authentication_failed) << pair.server.error()->message();
    EXPECT_EQ(pair.server.error()->alert, Alert::bad_record_mac);
}

TEST(RsaKeyTransport, IsOffByDefault) {
    auto server = test::server_config(test::pki().server_rsa);
    test::LoopbackPair pair(rsa_transport_client(), server);
    EXPECT_FALSE(pair.handshake());
    EXPECT_EQ(pair.server.error()->reason, Reason::no_common_cipher_suite);
}

class Collect : public KeyLog {
public:
    void log(std::string_view label, std::span<const std::uint8_t> random, std::span<const std::uint8_t> secret) override {
        std::lock_guard lock(mu);
        lines.push_back(KeyLog::line(label, random, secret));
    }
    std::mutex mu;
    std::vector<std::string> lines;
};

class MasterSecret : public Observer {
public:
    void on_event(const Event& e) override {
        if (auto* k = std::get_if<KeyEvent>(&e); k && k->name == "master_secret") master = k->value;
    }
    bool wants_secrets() const override { return true; }
    std::vector<std::uint8_t> master;
};

TEST(KeyLogging, BothSidesLogTheMasterSecretInNssFormat) {
    auto client_log = std::make_shared<Collect>();
    auto server_log = std::make_shared<Collect>();
    auto client = test::client_config();
    client->key_log = client_log;
    auto server = test::server_config(test::pki().server_p256);
    server->key_log = server_log;
    auto observer = std::make_shared<MasterSecret>();
    test::LoopbackPair pair(client, server, "localhost", observer);
    ASSERT_TRUE(pair.handshake());
    ASSERT_EQ(client_log->lines.size(), 1u);
    EXPECT_EQ(client_log->lines, server_log->lines);
    const std::string& line = client_log->lines[0];
    EXPECT_EQ(line.rfind("CLIENT_RANDOM ", 0), 0u);
    EXPECT_EQ(line.size(), std::string("CLIENT_RANDOM ").size() + 64 + 1 + 96);
    EXPECT_EQ(line.substr(line.size() - 96), test::to_hex(observer->master));
}

}  // namespace
}  // namespace tlspp

namespace tlspp {
namespace {

std::shared_ptr<ClientConfig> false_start_client() {
    auto client = test::client_config();
    client->false_start = true;
    client->alpn = {"http/1.1"};
    return client;
}

std::shared_ptr<ServerConfig> alpn_server() {
    auto server = test::server_config(test::pki().server_p256);
    server->alpn = {"http/1.1"};
    return server;
}

// Runs the handshake until the client's second flight is out, the server's
// answer not yet delivered.
void run_to_client_finished(ClientConnection& client, ServerConnection& server) {
    for (int i = 0; i < 2; ++i) {
        auto out = client.pending_output();
        std::vector<std::uint8_t> bytes(out.begin(), out.end());
        client.consume_output(bytes.size());
        ASSERT_TRUE(server.read_in(bytes));
        if (i == 1) break;
        auto back = server.pending_output();
        std::vector<std::uint8_t> reply(back.begin(), back.end());
        server.consume_output(reply.size());
        ASSERT_TRUE(client.read_in(reply));
    }
}

TEST(FalseStart, RequestLeavesBeforeTheServersFinishedArrives) {
    ClientConnection client(false_start_client(), "localhost");
    ServerConnection server(alpn_server());
    // ClientHello → server flight → client flight (its Finished is out).
    auto hello = client.pending_output();
    std::vector<std::uint8_t> a(hello.begin(), hello.end());
    client.consume_output(a.size());
    ASSERT_TRUE(server.read_in(a));
    auto flight = server.pending_output();
    std::vector<std::uint8_t> b(flight.begin(), flight.end());
    server.consume_output(b.size());
    ASSERT_TRUE(client.read_in(b));
    EXPECT_FALSE(client.handshake_done());
    ASSERT_TRUE(client.can_send());
    const std::string request = "GET / HTTP/1.1\r\n\r\n";
    ASSERT_TRUE(client.send({reinterpret_cast<const std::uint8_t*>(request.data()), request.size()}));
    // The client's Finished and the request travel together; the server
    // finishes its handshake and then reads the request.
    auto out = client.pending_output();
    std::vector<std::uint8_t> c(out.begin(), out.end());
    client.consume_output(c.size());
    ASSERT_TRUE(server.read_in(c));
    EXPECT_TRUE(server.handshake_done());
    std::vector<std::uint8_t> got(server.available());
    got.resize(server.receive(got));
    EXPECT_EQ(std::string(got.begin(), got.end()), request);
}

TEST(FalseStart, NotWithoutAlpnNorWithRsaKeyTransportNorWhenOff) {
    auto no_alpn = false_start_client();
    no_alpn->alpn.clear();
    auto rsa = false_start_client();
    rsa->cipher_suites = {CipherSuite::TLS_RSA_WITH_AES_128_GCM_SHA256};
    rsa->versions = {ProtocolVersion::tls12};
    auto off = false_start_client();
    off->false_start = false;
    auto rsa_server = test::server_config(test::pki().server_rsa);
    rsa_server->cipher_suites = {CipherSuite::TLS_RSA_WITH_AES_128_GCM_SHA256};
    rsa_server->versions = {ProtocolVersion::tls12};
    rsa_server->alpn = {"http/1.1"};
    for (auto& [client_config, server_config] :
         std::vector<std::pair<std::shared_ptr<ClientConfig>, std::shared_ptr<ServerConfig>>>{
             {no_alpn, alpn_server()}, {rsa, rsa_server}, {off, alpn_server()}}) {
        ClientConnection client(client_config, "localhost");
        ServerConnection server(server_config);
        run_to_client_finished(client, server);
        EXPECT_FALSE(client.handshake_done());
        EXPECT_FALSE(client.can_send());
        const std::uint8_t byte = 1;
        EXPECT_EQ(client.send({&byte, 1}).error().reason, Reason::not_connected);
    }
}

}  // namespace
}  // namespace tlspp
