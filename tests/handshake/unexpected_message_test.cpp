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
    EXPECT_NE(result.error().detail.find("server: expect ClientHello"), std::string::npos);
    auto out = server.pending_output();   // one fatal unexpected_message alert record
    ASSERT_EQ(out.size(), 7u);
    EXPECT_EQ(out[0], 21);
    EXPECT_EQ(out[5], 2);
    EXPECT_EQ(out[6], 10);
    EXPECT_FALSE(server.read_in(record));
}

// ---- the type is judged before the body ---------------------------------
// RFC 5246 §7.4: a message the state does not accept is unexpected_message
// whatever its body: the state judges the type first, and only a type it
// accepts has its body decoded (a decode_error would tell the peer we parsed
// a message we should not have looked at).

test::Bytes message_of(std::uint8_t type, const test::Bytes& body) {
    test::Bytes message{type, static_cast<std::uint8_t>(body.size() >> 16), static_cast<std::uint8_t>(body.size() >> 8),
                        static_cast<std::uint8_t>(body.size())};
    message.insert(message.end(), body.begin(), body.end());
    return message;
}

// Every TLS 1.2 type, the TLS 1.3-only ones, and unassigned ones.
const std::vector<std::uint8_t>& every_type() {
    static const std::vector<std::uint8_t> types = {0, 1, 2, 3, 4, 5, 8, 11, 12, 13, 14, 15, 16, 20, 22, 24, 99, 254, 255};
    return types;
}

// For each state of a machine, each type the state does not accept, with a
// garbage body, an empty one and the body of another message (a ClientHello,
// a ServerHello): unexpected_message naming the state.
void check_types(bool client, int& cases) {
    const auto encoded = test::encoded_messages(capture());
    const auto& hello = encoded.at(client ? "ServerHello" : "ClientHello");
    const std::vector<test::Bytes> bodies = {{0xff, 0xff, 0xff}, {}, test::Bytes(hello.begin() + 4, hello.end())};
    const auto accepted = test::accepted_inputs(client);
    for (const std::string& state : states(client)) {
        for (std::uint8_t type : every_type()) {
            const std::string name(msg::message_name(static_cast<HandshakeType>(type)));
            if (accepted.at(state).count(name)) continue;
            // RFC 5246 §7.4.1.1: a negotiating client ignores HelloRequest.
            if (client && type == 0 && state != "client12: connected") continue;
            for (const auto& body : bodies) {
                MachinePair pair(test::setup_for(client, state));
                ASSERT_TRUE(reach(pair, client, state)) << state;
                const test::Bytes message = message_of(type, body);
                Status result = client ? pair.client.receive(message) : pair.server.receive(message);
                ++cases;
                const std::string what = "type " + std::to_string(type) + " with a " + std::to_string(body.size()) +
                                         "-byte body in " + state;
                ASSERT_FALSE(result) << what << " was accepted";
                EXPECT_EQ(result.error().reason, Reason::unexpected_handshake_message) << what << ": "
                                                                                        << result.error().message();
                EXPECT_EQ(result.error().alert, Alert::unexpected_message) << what;
                EXPECT_NE(result.error().detail.find(state), std::string::npos) << result.error().detail;
            }
        }
    }
}

TEST(UnexpectedMessage, EveryStateOfTheClientJudgesTheTypeBeforeTheBody) {
    int cases = 0;
    check_types(true, cases);
    std::printf("[ cases    ] client12 type before body: %d\n", cases);
}

TEST(UnexpectedMessage, EveryStateOfTheServerJudgesTheTypeBeforeTheBody) {
    int cases = 0;
    check_types(false, cases);
    std::printf("[ cases    ] server12 type before body: %d\n", cases);
}

// An accepted type still has its body decoded: a garbage ClientHello first is decode_error.
TEST(UnexpectedMessage, AnAcceptedTypeWithAGarbageBodyIsStillADecodeError) {
    MachinePair pair;
    Status result = pair.server.receive(message_of(1, {0xff, 0xff, 0xff}));
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().alert, Alert::decode_error) << result.error().message();
}

test::Bytes handshake_record(std::uint8_t type, const test::Bytes& body) {
    test::Bytes message{type, static_cast<std::uint8_t>(body.size() >> 16), static_cast<std::uint8_t>(body.size() >> 8),
                        static_cast<std::uint8_t>(body.size())};
    message.insert(message.end(), body.begin(), body.end());
    test::Bytes record{22, 3, 3, static_cast<std::uint8_t>(message.size() >> 8), static_cast<std::uint8_t>(message.size())};
    record.insert(record.end(), message.begin(), message.end());
    return record;
}

void expect_unexpected(Connection& c, const Status& result, const std::string& what) {
    ASSERT_FALSE(result) << what << " was accepted";
    EXPECT_EQ(result.error().reason, Reason::unexpected_handshake_message) << what << ": " << result.error().message();
    EXPECT_EQ(result.error().alert, Alert::unexpected_message) << what;
    auto out = c.pending_output();   // the last record: a fatal unexpected_message alert
    ASSERT_GE(out.size(), 7u) << what;
    EXPECT_EQ(out[out.size() - 7], 21) << what;
    EXPECT_EQ(out[out.size() - 2], 2) << what;
    EXPECT_EQ(out[out.size() - 1], 10) << what;
}

TEST(UnexpectedMessage, ServerJudgesTheTypeOfTheFirstMessageBeforeItsBody) {
    const auto encoded = test::encoded_messages(capture());
    const test::Bytes client_hello_body(encoded.at("ClientHello").begin() + 4, encoded.at("ClientHello").end());
    const test::Bytes garbage{0xff, 0xff, 0xff};
    for (std::uint8_t type : {0, 2, 3, 4, 8, 11, 12, 13, 14, 15, 16, 20, 22, 24, 99, 254, 255}) {
        for (const auto* body : {&client_hello_body, &garbage}) {
            ServerConnection server(test::server_config(test::pki().server_p256));
            const std::string what = "type " + std::to_string(type) + (body == &garbage ? " (garbage)" : " (ClientHello body)");
            expect_unexpected(server, server.read_in(handshake_record(type, *body)), what);
        }
    }
}

TEST(UnexpectedMessage, ClientJudgesTheTypeOfTheFirstMessageBeforeItsBody) {
    const auto encoded = test::encoded_messages(capture());
    const test::Bytes server_hello_body(encoded.at("ServerHello").begin() + 4, encoded.at("ServerHello").end());
    const test::Bytes garbage{0xff, 0xff, 0xff};
    for (std::uint8_t type : {1, 4, 11, 12, 13, 14, 15, 16, 20, 99}) {
        for (const auto* body : {&server_hello_body, &garbage}) {
            ClientConnection client(test::client_config(), "localhost");
            client.consume_output(client.pending_output().size());
            const std::string what = "type " + std::to_string(type) + (body == &garbage ? " (garbage)" : " (ServerHello body)");
            expect_unexpected(client, client.read_in(handshake_record(type, *body)), what);
        }
    }
}

}  // namespace
}  // namespace tlspp
