// What an observer sees of a handshake: every message in order, keys only
// when secrets were asked for, the checks, and where encryption starts.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/configs.hpp"
#include "support/loopback_pair.hpp"

namespace tlspp {
namespace {

class Recorder : public Observer {
public:
    explicit Recorder(bool secrets = false) : secrets_(secrets) {}
    void on_event(const Event& e) override { events.push_back(e); }
    bool wants_secrets() const override { return secrets_; }

    std::vector<std::string> messages(Direction d) const {
        std::vector<std::string> out;
        for (const auto& e : events)
            if (auto* m = std::get_if<MessageEvent>(&e); m && m->direction == d) out.push_back(m->name);
        return out;
    }
    const KeyEvent* key(const std::string& name) const {
        for (const auto& e : events)
            if (auto* k = std::get_if<KeyEvent>(&e); k && k->name == name) return k;
        return nullptr;
    }
    std::vector<Event> events;

private:
    bool secrets_;
};

// A loopback pair whose two sides each report to a Recorder.
struct ObservedPair {
    ObservedPair(const test::Identity& id, bool secrets = false)
        : client_events(std::make_shared<Recorder>(secrets)),
          server_events(std::make_shared<Recorder>(secrets)),
          pair(test::client_config(), test::server_config(id), "localhost", client_events, server_events) {}
    std::shared_ptr<Recorder> client_events, server_events;
    test::LoopbackPair pair;
};

TEST(Events, ObserverSeesEveryMessageInOrderOnBothSides) {
    ObservedPair o(test::pki().server_rsa);
    ASSERT_TRUE(o.pair.handshake());
    const std::vector<std::string> client_flight = {"ClientHello", "ClientKeyExchange", "ChangeCipherSpec", "Finished"};
    const std::vector<std::string> server_flight = {"ServerHello", "Certificate", "ServerKeyExchange",
                                                    "ServerHelloDone", "ChangeCipherSpec", "Finished"};
    EXPECT_EQ(o.client_events->messages(Direction::sent), client_flight);
    EXPECT_EQ(o.client_events->messages(Direction::received), server_flight);
    EXPECT_EQ(o.server_events->messages(Direction::sent), server_flight);
    EXPECT_EQ(o.server_events->messages(Direction::received), client_flight);
    EXPECT_TRUE(std::holds_alternative<HandshakeDoneEvent>(o.client_events->events.back()));
}

TEST(Events, SecretsAreWithheldUnlessAskedFor) {
    for (bool secrets : {false, true}) {
        ObservedPair o(test::pki().server_p256, secrets);
        ASSERT_TRUE(o.pair.handshake());
        const KeyEvent* master = o.client_events->key("master_secret");
        ASSERT_NE(master, nullptr);
        EXPECT_EQ(master->value.size(), secrets ? 48u : 0u);
        EXPECT_NE(master->derivation.find("extended master secret"), std::string::npos);
        const KeyEvent* pub = o.client_events->key("client_public");
        ASSERT_NE(pub, nullptr);
        EXPECT_EQ(pub->value.size(), 32u);   // x25519: public values are always shown
        for (const char* k : {"pre_master_secret", "client_write_key", "server_write_key", "client_write_IV",
                              "server_write_IV"})
            EXPECT_NE(o.client_events->key(k), nullptr) << k;
        EXPECT_EQ(o.server_events->key("master_secret")->value, secrets ? master->value : std::vector<std::uint8_t>{});
    }
}

TEST(Events, ChecksAndKeyChangesAreReported) {
    ObservedPair o(test::pki().server_p256);
    ASSERT_TRUE(o.pair.handshake());
    std::vector<std::string> checks;
    int key_changes = 0;
    for (const auto& e : o.client_events->events) {
        if (auto* c = std::get_if<CheckEvent>(&e)) {
            EXPECT_TRUE(c->ok) << c->what;
            checks.push_back(c->what);
        }
        if (auto* k = std::get_if<KeyChangeEvent>(&e)) {
            EXPECT_EQ(k->protection, "AES-128-GCM");
            ++key_changes;
        }
    }
    EXPECT_EQ(checks, (std::vector<std::string>{"certificate chain", "ServerKeyExchange signature", "server Finished"}));
    EXPECT_EQ(key_changes, 2);
}

}  // namespace
}  // namespace tlspp
