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
    return server;
}

std::shared_ptr<ClientConfig> rsa_transport_client() {
    auto client = test::client_config();
    client->cipher_suites = {CipherSuite::TLS_RSA_WITH_AES_256_GCM_SHA384};
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
