// HelloRetryRequest (RFC 8446 §4.1.4): when the client sent no share for the
// group chosen, the server asks for one, hashes ClientHello1 as message_hash
// (§4.4.1), and judges the second ClientHello against what it asked.
#include <gtest/gtest.h>

#include "handshake/server13/server13_test_peer.hpp"
#include "support/test_pki.hpp"

namespace tlspp::handshake::test13 {
namespace {

using G = NamedGroup;

// A server that takes x25519 only, and a client that offers P-256 and
// x25519 with a share for P-256 only: a HelloRetryRequest for x25519.
struct Retry {
    Retry() : run(config()) {}
    static std::shared_ptr<ServerConfig> config() {
        auto c = config_for(test::pki().server_p256);
        c->groups = {G::x25519};
        return c;
    }
    Status first(bool compat = true) {
        ch1 = run.client.hello(all13, {G::secp256r1, G::x25519}, {G::secp256r1}, compat);
        return run.hello(ch1);
    }
    Handshake run;
    msg::ClientHello ch1;
};

TEST(Server13Retry, HelloRetryRequestAsksForTheGroupThenTheFlightFollows) {
    Retry r;
    ASSERT_TRUE(r.first());
    EXPECT_EQ(r.run.client.names(), std::vector<std::string>{"ServerHello"});
    const auto* hrr = r.run.client.find<msg::ServerHello>();
    ASSERT_NE(hrr, nullptr);
    EXPECT_TRUE(hrr->is_hello_retry_request());
    EXPECT_EQ(hrr->legacy_version, 0x0303);
    EXPECT_EQ(hrr->session_id, r.ch1.session_id);
    EXPECT_EQ(hrr->cipher_suite, 0x1302);
    EXPECT_EQ(hrr->compression_method, 0);
    EXPECT_EQ(hrr->selected_version, 0x0304);
    EXPECT_EQ(hrr->selected_group, G::x25519);
    EXPECT_FALSE(hrr->key_share);
    // RFC 8446 §D.4: the dummy ChangeCipherSpec right after the first handshake message.
    EXPECT_EQ(r.run.client.change_cipher_specs(), 1);
    EXPECT_EQ(r.run.server.machine.state_name(), "server13: expect ClientHello after HelloRetryRequest");
    EXPECT_TRUE(r.run.server.machine.accepts(HandshakeType::client_hello));
    EXPECT_FALSE(r.run.server.machine.accepts(HandshakeType::finished));
    EXPECT_TRUE(r.run.server.take_output().empty());

    // The client's own dummy ChangeCipherSpec comes before its second ClientHello (§D.4).
    ASSERT_TRUE(r.run.server.change_cipher_spec());
    ASSERT_TRUE(r.run.hello(r.run.client.retry(r.ch1, G::x25519)));
    const std::vector<std::string> all = {"ServerHello", "ServerHello", "EncryptedExtensions", "Certificate",
                                          "CertificateVerify", "Finished"};
    EXPECT_EQ(r.run.client.names(), all);
    EXPECT_EQ(r.run.client.change_cipher_specs(), 1);   // not a second one after the ServerHello
    // The client's transcript starts with message_hash(ClientHello1): both verify.
    EXPECT_TRUE(r.run.client.certificate_verify_ok());
    EXPECT_TRUE(r.run.client.finished_ok());
    ASSERT_TRUE(r.run.finish());
    EXPECT_TRUE(r.run.server.machine.connected());
    EXPECT_EQ(r.run.server.info.group, G::x25519);
}

TEST(Server13Retry, WithoutSessionIdNoChangeCipherSpecAtAll) {
    Retry r;
    ASSERT_TRUE(r.first(false));
    EXPECT_EQ(r.run.client.change_cipher_specs(), 0);
    ASSERT_TRUE(r.run.hello(r.run.client.retry(r.ch1, G::x25519)));
    EXPECT_EQ(r.run.client.change_cipher_specs(), 0);
    EXPECT_TRUE(r.run.client.finished_ok());
    ASSERT_TRUE(r.run.finish());
}

TEST(Server13Retry, TheClientsChangeCipherSpecAfterTheRetryCountsAsItsOne) {
    Retry r;
    ASSERT_TRUE(r.first());
    ASSERT_TRUE(r.run.server.change_cipher_spec());
    ASSERT_TRUE(r.run.hello(r.run.client.retry(r.ch1, G::x25519)));
    expect_alert(r.run.server.change_cipher_spec(), Reason::unexpected_change_cipher_spec, Alert::unexpected_message,
                 "a second CCS after the retried ClientHello");
}

struct RetriedCase {
    const char* name;
    std::function<void(msg::ClientHello&)> change;
    Reason reason;
    Alert alert;
};

// Each second ClientHello that does not answer the HelloRetryRequest. None
// gets a second HelloRetryRequest (RFC 8446 §4.1.4: a client must abort on
// one; a server never sends it).
TEST(Server13Retry, ASecondClientHelloThatDoesNotAnswerIsRefused) {
    const std::vector<RetriedCase> cases = {
        {"still the share for P-256", [](auto& h) { h.key_shares->front().group = G::secp256r1; },
         Reason::illegal_parameter, Alert::illegal_parameter},
        {"two shares", [](auto& h) { h.key_shares->push_back({G::secp256r1, msg::Bytes(65, 4)}); },
         Reason::illegal_parameter, Alert::illegal_parameter},
        {"no share at all", [](auto& h) { h.key_shares->clear(); }, Reason::illegal_parameter,
         Alert::illegal_parameter},
        {"the selected suite dropped", [](auto& h) { h.cipher_suites = {0x1301, 0x1303}; },
         Reason::illegal_parameter, Alert::illegal_parameter},
        {"TLS 1.3 no longer offered", [](auto& h) { h.supported_versions = std::vector<std::uint16_t>{0x0303}; },
         Reason::unsupported_version, Alert::protocol_version},
        {"compression other than null", [](auto& h) { h.compression_methods = {0, 1}; }, Reason::illegal_parameter,
         Alert::illegal_parameter},
        {"no signature_algorithms", [](auto& h) { h.signature_algorithms.reset(); }, Reason::missing_extension,
         Alert::missing_extension},
        {"an x25519 share of 33 bytes", [](auto& h) { h.key_shares->front().key_exchange.push_back(0); },
         Reason::bad_key_share, Alert::illegal_parameter},
    };
    for (const auto& c : cases) {
        Retry r;
        ASSERT_TRUE(r.first()) << c.name;
        (void)r.run.server.take_output();
        msg::ClientHello ch2 = r.run.client.retry(r.ch1, G::x25519);
        c.change(ch2);
        expect_alert(r.run.server.receive(r.run.client.send(ch2)), c.reason, c.alert, c.name);
        EXPECT_TRUE(r.run.server.take_output().empty()) << c.name << ": nothing sent, no second HelloRetryRequest";
    }
}

}  // namespace
}  // namespace tlspp::handshake::test13
