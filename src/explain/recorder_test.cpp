// The Recorder stores what the connections report, stamped, and makes up
// nothing: the records of both directions come from the record layer
// (issue 16), so a sent message brings no record of its own.
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

TEST(Recorder, StoresRecordsAsReportedAndDerivesNone) {
    auto recorder = std::make_shared<Recorder>();
    recorder->add(sent_message("ClientHello", 126, false), Side::client);
    recorder->add(RecordEvent{Direction::sent, ContentType::handshake, 126, false}, Side::client);
    recorder->add(sent_message("ChangeCipherSpec", 1, false, true), Side::client);
    recorder->add(AlertEvent{Direction::sent, AlertLevel::warning, Alert::close_notify}, Side::client);
    const auto& e = recorder->events();
    ASSERT_EQ(e.size(), 4u);
    EXPECT_TRUE(std::holds_alternative<MessageEvent>(e[0].event));
    EXPECT_EQ(std::get<RecordEvent>(e[1].event).length, 126u);
    EXPECT_TRUE(std::holds_alternative<MessageEvent>(e[2].event));
    EXPECT_TRUE(std::holds_alternative<AlertEvent>(e[3].event));
}

TEST(Recorder, StampsTimeSinceTheFirstEventAndTheObserver) {
    auto recorder = std::make_shared<Recorder>();
    recorder->clock = [n = 10.0]() mutable { return n += 2; };
    recorder->add(sent_message("ClientHello", 126, false), Side::client);
    recorder->add(RecordEvent{Direction::received, ContentType::handshake, 63, false}, Side::server);
    const auto& e = recorder->events();
    ASSERT_EQ(e.size(), 2u);
    EXPECT_EQ(e[0].t_ms, 0);
    EXPECT_EQ(e[1].t_ms, 2);
    EXPECT_EQ(e[1].observer, Side::server);
}

}  // namespace
}  // namespace tlspp::explain
