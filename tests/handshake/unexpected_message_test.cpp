// For every state of both TLS 1.2 machines, every input the state does not
// accept (sequences.hpp) is unexpected_message, and the detail names the
// state and the input. RFC 5246 §7.4: "Sending handshake messages in an order
// other than that listed here results in a fatal error (unexpected_message)."
#include <gtest/gtest.h>

#include "support/configs.hpp"
#include "handshake/sequences.hpp"

namespace tlspp {
namespace {

using test::MachinePair;

const test::Capture& capture() {
    static const test::Capture cap = test::capture_handshake();
    return cap;
}

// reach puts a fresh pair's machine in `state` with a real handshake.
bool reach(MachinePair& pair, bool client, const std::string& state) {
    if (state == "client12: expect ServerHelloDone") {
        if (!pair.run_until(true, "client12: expect CertificateRequest or ServerHelloDone")) return false;
        const auto encoded = test::encoded_messages(capture()).at("CertificateRequest");
        if (!pair.client.give(test::all_inputs(capture()).at("CertificateRequest"), encoded)) return false;
        return pair.client.machine.state_name() == state;
    }
    return pair.run_until(client, state);
}

std::vector<std::string> states(bool client) {
    std::vector<std::string> out;
    for (const auto& [state, accepted] : test::accepted_inputs(client)) out.push_back(state);
    return out;
}

// check_machine feeds every input each state does not accept; counts the cases.
void check_machine(bool client, int& cases) {
    const auto inputs = test::all_inputs(capture());
    const auto encoded = test::encoded_messages(capture());
    EXPECT_EQ(inputs.size(), 12u) << "one input of each of the 12 kinds";
    const auto accepted = test::accepted_inputs(client);
    for (const std::string& state : states(client)) {
        for (const auto& [name, input] : inputs) {
            if (accepted.at(state).count(name)) continue;
            // RFC 5246 §7.4.1.1: HelloRequest "will be ignored by the client if
            // the client is currently negotiating a session" (tested below).
            if (client && name == "HelloRequest") continue;
            MachinePair pair(test::setup_for(client, state));
            ASSERT_TRUE(reach(pair, client, state)) << state;
            auto bytes = name == "ChangeCipherSpec" ? test::Bytes{} : encoded.at(name);
            Status result = client ? pair.client.give(input, bytes) : pair.server.give(input, bytes);
            ++cases;
            ASSERT_FALSE(result) << name << " was accepted in " << state;
            const Reason want = name == "ChangeCipherSpec" ? Reason::unexpected_change_cipher_spec
                                                           : Reason::unexpected_handshake_message;
            EXPECT_EQ(result.error().reason, want) << name << " in " << state << ": " << result.error().message();
            EXPECT_EQ(result.error().alert, Alert::unexpected_message) << name << " in " << state;
            EXPECT_NE(result.error().detail.find(state), std::string::npos) << result.error().detail;
            EXPECT_NE(result.error().detail.find(name), std::string::npos) << result.error().detail;
        }
    }
}

TEST(UnexpectedMessage, EveryStateOfTheClientRejectsEveryOtherMessage) {
    int cases = 0;
    check_machine(true, cases);
    EXPECT_EQ(states(true).size(), 9u);
    std::printf("[ cases    ] client12 unexpected_message: %d\n", cases);
}

TEST(UnexpectedMessage, EveryStateOfTheServerRejectsEveryOtherMessage) {
    int cases = 0;
    check_machine(false, cases);
    EXPECT_EQ(states(false).size(), 5u);
    std::printf("[ cases    ] server12 unexpected_message: %d\n", cases);
}

TEST(UnexpectedMessage, EverySequenceInTheTableCompletes) {
    for (const auto& seq : test::sequences12()) {
        MachinePair pair(seq.setup);
        for (const auto& step : seq.client) {
            ASSERT_TRUE(reach(pair, true, step.state)) << seq.shape << ": " << step.state;
        }
        if (seq.server.empty()) continue;   // a client-only shape (see the table)
        ASSERT_TRUE(pair.run_until(true, "client12: connected")) << seq.shape;
        MachinePair second(seq.setup);
        for (const auto& step : seq.server) {
            ASSERT_TRUE(second.run_until(false, step.state)) << seq.shape << ": " << step.state;
        }
        ASSERT_TRUE(second.run_until(false, "server12: connected")) << seq.shape;
    }
}

TEST(UnexpectedMessage, ClientIgnoresHelloRequestWhileNegotiating) {
    const auto inputs = test::all_inputs(capture());
    const auto encoded = test::encoded_messages(capture());
    for (const std::string& state : states(true)) {
        if (state == "client12: connected") continue;
        MachinePair pair(test::setup_for(true, state));
        ASSERT_TRUE(reach(pair, true, state));
        EXPECT_TRUE(pair.client.give(inputs.at("HelloRequest"), encoded.at("HelloRequest"))) << state;
        EXPECT_EQ(pair.client.machine.state_name(), state);
    }
}

// Through the whole connection: the alert goes out and the error sticks.
TEST(UnexpectedMessage, ServerSendsUnexpectedMessageAlertForClientKeyExchangeFirst) {
    ServerConnection server(test::server_config(test::pki().server_p256));
    const auto cke = test::encoded_messages(capture()).at("ClientKeyExchange");
    test::Bytes record{22, 3, 3, 0, static_cast<std::uint8_t>(cke.size())};
    record.insert(record.end(), cke.begin(), cke.end());
    auto result = server.read_in(record);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().reason, Reason::unexpected_handshake_message);
    EXPECT_NE(result.error().detail.find("server12: expect ClientHello"), std::string::npos);
    auto out = server.pending_output();   // one fatal unexpected_message alert record
    ASSERT_EQ(out.size(), 7u);
    EXPECT_EQ(out[0], 21);
    EXPECT_EQ(out[5], 2);
    EXPECT_EQ(out[6], 10);
    EXPECT_FALSE(server.read_in(record));
}

}  // namespace
}  // namespace tlspp
