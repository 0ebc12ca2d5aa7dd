// The Recorder derives the records of what an endpoint sends (the core
// reports received records only), and stops once the core reports them.
#include "explain/recorder.hpp"

#include <gtest/gtest.h>

namespace tlspp::explain {
namespace {

MessageEvent sent_message(std::string name, std::size_t length, bool is_protected, bool ccs = false) {
    MessageEvent m;
    m.direction = Direction::sent;
    if (!ccs) m.type = HandshakeType::client_hello;
    m.name = std::move(name);
    m.length = length;
    m.is_protected = is_protected;
    return m;
}

const RecordEvent& record(const Stamped& s) { return std::get<RecordEvent>(s.event); }

TEST(RecorderSentRecords, EachSentMessageGetsItsRecordBeforeIt) {
    auto recorder = std::make_shared<Recorder>();
    recorder->add(sent_message("ClientHello", 126, false), Side::client);
    recorder->add(sent_message("ChangeCipherSpec", 1, false, true), Side::client);
    recorder->add(KeyChangeEvent{Direction::sent, "AES-128-GCM"}, Side::client);
    recorder->add(sent_message("Finished", 16, true), Side::client);
    recorder->add(AlertEvent{Direction::sent, AlertLevel::warning, Alert::close_notify}, Side::client);
    const auto& e = recorder->events();
    ASSERT_EQ(e.size(), 9u);
    EXPECT_TRUE(e[0].derived);
    EXPECT_EQ(record(e[0]).type, ContentType::handshake);
    EXPECT_EQ(record(e[0]).length, 126u);
    EXPECT_EQ(record(e[0]).direction, Direction::sent);
    EXPECT_FALSE(record(e[0]).is_protected);
    EXPECT_FALSE(e[1].derived);
    EXPECT_TRUE(std::holds_alternative<MessageEvent>(e[1].event));
    EXPECT_EQ(record(e[2]).type, ContentType::change_cipher_spec);
    EXPECT_EQ(record(e[2]).length, 1u);
    EXPECT_TRUE(std::holds_alternative<KeyChangeEvent>(e[4].event));
    EXPECT_TRUE(record(e[5]).is_protected);
    EXPECT_EQ(record(e[7]).type, ContentType::alert);
    EXPECT_EQ(record(e[7]).length, 2u);
    EXPECT_TRUE(record(e[7]).is_protected);   // after the KeyChangeEvent
    EXPECT_EQ(e[0].t_ms, e[1].t_ms);          // same moment as the message
}

TEST(RecorderSentRecords, ReceivedEventsAreLeftAlone) {
    auto recorder = std::make_shared<Recorder>();
    MessageEvent m = sent_message("ServerHello", 63, false);
    m.direction = Direction::received;
    recorder->add(RecordEvent{Direction::received, ContentType::handshake, 63, false}, Side::client);
    recorder->add(m, Side::client);
    recorder->add(AlertEvent{Direction::received, AlertLevel::fatal, Alert::handshake_failure}, Side::client);
    EXPECT_EQ(recorder->events().size(), 3u);
}

TEST(RecorderSentRecords, MessagesOverSixteenKibSpanSeveralRecords) {
    auto recorder = std::make_shared<Recorder>();
    recorder->add(sent_message("Certificate", 40000, false), Side::server);
    const auto& e = recorder->events();
    ASSERT_EQ(e.size(), 4u);
    EXPECT_EQ(record(e[0]).length, 16384u);
    EXPECT_EQ(record(e[1]).length, 16384u);
    EXPECT_EQ(record(e[2]).length, 40000u - 2 * 16384u);
    EXPECT_EQ(e[0].observer, Side::server);
}

TEST(RecorderSentRecords, ACoreThatReportsSentRecordsTurnsTheDerivationOff) {
    auto recorder = std::make_shared<Recorder>();
    recorder->add(sent_message("ClientHello", 126, false), Side::client);
    // The core's own report of the same record, after the message: not stored twice.
    recorder->add(RecordEvent{Direction::sent, ContentType::handshake, 126, false}, Side::client);
    ASSERT_EQ(recorder->events().size(), 2u);
    // From now on only the core's reports count.
    recorder->add(sent_message("ClientKeyExchange", 37, false), Side::client);
    recorder->add(RecordEvent{Direction::sent, ContentType::handshake, 37, false}, Side::client);
    const auto& e = recorder->events();
    ASSERT_EQ(e.size(), 4u);
    EXPECT_TRUE(std::holds_alternative<MessageEvent>(e[2].event));
    EXPECT_FALSE(e[3].derived);
    // The other endpoint still gets derived records.
    recorder->add(sent_message("ServerHello", 63, false), Side::server);
    EXPECT_EQ(recorder->events().size(), 6u);
    EXPECT_TRUE(recorder->events()[4].derived);
}

}  // namespace
}  // namespace tlspp::explain
