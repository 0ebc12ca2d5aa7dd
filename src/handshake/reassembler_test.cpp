#include "handshake/reassembler.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/hex.hpp"

namespace tlspp::handshake {
namespace {

using test::hex;
using test::to_hex;
using Bytes = std::vector<std::uint8_t>;

// Three messages: a 5-byte ClientHello stand-in, an empty ServerHelloDone and a Finished.
const std::string hello = "01000005 0303aabbcc";
const std::string done = "0e000000";
const std::string finished = "1400000c 000102030405060708090a0b";

// drain returns the encoded form of every whole message available now.
std::vector<std::string> drain(Reassembler& r) {
    std::vector<std::string> out;
    for (;;) {
        auto m = r.next();
        EXPECT_TRUE(m);
        if (!m || !*m) return out;
        out.push_back(to_hex((*m)->encoded));
    }
}

const std::vector<std::string> expected = {"010000050303aabbcc", "0e000000", "1400000c000102030405060708090a0b"};

TEST(Reassembler, SplitsSeveralMessagesInOneRecord) {
    Reassembler r;
    ASSERT_TRUE(r.feed(hex(hello + done + finished)));
    EXPECT_EQ(drain(r), expected);
    EXPECT_TRUE(r.aligned());
}

TEST(Reassembler, GivesTypeBodyAndEncodedBytes) {
    Reassembler r;
    ASSERT_TRUE(r.feed(hex(hello)));
    auto m = r.next();
    ASSERT_TRUE(m && *m);
    EXPECT_EQ((*m)->type, HandshakeType::client_hello);
    EXPECT_EQ(to_hex((*m)->body), "0303aabbcc");
    EXPECT_EQ(to_hex((*m)->encoded), "010000050303aabbcc");
}

TEST(Reassembler, JoinsAMessageSplitOverManyRecords) {
    Reassembler r;
    Bytes big = hex("0b004e20");  // a 20000-byte Certificate
    big.resize(4 + 20000, 0x42);
    for (std::size_t at = 0; at < big.size(); at += 1000) {
        ASSERT_TRUE(r.feed(std::span(big).subspan(at, std::min<std::size_t>(1000, big.size() - at))));
        auto m = r.next();
        ASSERT_TRUE(m);
        if (at + 1000 < big.size()) {
            EXPECT_FALSE(*m);
            EXPECT_FALSE(r.aligned());
        } else {
            ASSERT_TRUE(*m);
            EXPECT_EQ((*m)->body.size(), 20000u);
            EXPECT_EQ((*m)->type, HandshakeType::certificate);
        }
    }
    EXPECT_TRUE(r.aligned());
}

TEST(Reassembler, ReassemblesTheStreamSplitAtEveryByteBoundary) {
    Bytes stream = hex(hello + done + finished);
    for (std::size_t cut = 1; cut < stream.size(); ++cut) {
        Reassembler r;
        ASSERT_TRUE(r.feed(std::span(stream).first(cut)));
        auto got = drain(r);
        ASSERT_TRUE(r.feed(std::span(stream).subspan(cut)));
        for (auto& m : drain(r)) got.push_back(m);
        EXPECT_EQ(got, expected) << "cut at " << cut;
        EXPECT_TRUE(r.aligned());
    }
}

TEST(Reassembler, ReassemblesTheStreamFedOneByteAtATime) {
    Bytes stream = hex(hello + done + finished);
    Reassembler r;
    std::vector<std::string> got;
    for (std::size_t i = 0; i < stream.size(); ++i) {
        ASSERT_TRUE(r.feed(std::span(stream).subspan(i, 1)));
        for (auto& m : drain(r)) got.push_back(m);
    }
    EXPECT_EQ(got, expected);
}

TEST(Reassembler, IsAlignedOnlyWhenNothingIsPending) {
    Reassembler r;
    EXPECT_TRUE(r.aligned());
    ASSERT_TRUE(r.feed(hex("0e00")));
    EXPECT_FALSE(r.aligned());
    ASSERT_TRUE(r.feed(hex("0000 1400")));
    auto m = r.next();
    ASSERT_TRUE(m && *m);
    EXPECT_FALSE(r.aligned()) << "half a Finished is still buffered";
    ASSERT_TRUE(r.feed(hex("000c 000102030405060708090a0b")));
    EXPECT_FALSE(r.aligned()) << "a whole message not yet taken is still pending";
    EXPECT_EQ(drain(r).size(), 1u);
    EXPECT_TRUE(r.aligned());
}

void expect_error(const Status& s, Reason reason, Alert alert) {
    ASSERT_FALSE(s);
    EXPECT_EQ(s.error().reason, reason) << s.error().detail;
    EXPECT_EQ(s.error().alert, alert);
}

TEST(Reassembler, RejectsAnEmptyHandshakeRecord) {
    Reassembler r;
    expect_error(r.feed({}), Reason::invalid_encoding, Alert::decode_error);
}

// with_max_message makes a reassembler whose message limit is `max` (and
// whose buffering limit is just what such a message needs).
Reassembler with_max_message(std::size_t max) {
    Limits limits;
    limits.max_handshake_message_size = max;
    limits.max_buffered_handshake_bytes = max + 4;
    return Reassembler(limits);
}

TEST(Reassembler, RejectsAnOversizedLengthAsSoonAsTheHeaderIsIn) {
    Reassembler r = with_max_message(1000);
    expect_error(r.feed(hex("0b0003e9")), Reason::excessive_message_size, Alert::illegal_parameter);
}

TEST(Reassembler, RejectsAnOversizedLengthWhoseHeaderSpansRecords) {
    Reassembler r = with_max_message(1000);
    ASSERT_TRUE(r.feed(hex("0e000000 0b00")));
    expect_error(r.feed(hex("03e9")), Reason::excessive_message_size, Alert::illegal_parameter);
}

TEST(Reassembler, RejectsAnOversizedSecondMessageInTheSameRecord) {
    Reassembler r = with_max_message(1000);
    expect_error(r.feed(hex("0e000000 0bffffff")), Reason::excessive_message_size, Alert::illegal_parameter);
}

TEST(Reassembler, TheDefaultLimitIs64KiB) {
    Reassembler ok;
    ASSERT_TRUE(ok.feed(hex("0b010000")));   // 65536: exactly the limit
    Reassembler r;
    auto s = r.feed(hex("0b010001"));
    expect_error(s, Reason::excessive_message_size, Alert::illegal_parameter);
    EXPECT_NE(s.error().detail.find("max_handshake_message_size"), std::string::npos) << s.error().detail;
}

// A server's ClientHello may reach the protocol maximum (RFC 5246 §7.4.1.2:
// 131,396 bytes); every other message keeps max_handshake_message_size.
TEST(Reassembler, AServersClientHelloCapIsTheProtocolMaximum) {
    Reassembler ok(Limits{}, /*server=*/true);
    ASSERT_TRUE(ok.feed(hex("01020144")));   // 131,396
    Reassembler over(Limits{}, true);
    auto s = over.feed(hex("01020145"));     // 131,397: no well-formed ClientHello is that long
    expect_error(s, Reason::length_out_of_range, Alert::decode_error);
    EXPECT_NE(s.error().detail.find("131396"), std::string::npos) << s.error().detail;
    Reassembler certificate(Limits{}, true);
    expect_error(certificate.feed(hex("0b010001")), Reason::excessive_message_size, Alert::illegal_parameter);
    // A client holds a ClientHello (unexpected anyway) to the general cap.
    Reassembler client;
    expect_error(client.feed(hex("01010001")), Reason::excessive_message_size, Alert::illegal_parameter);
}

TEST(Reassembler, AServersClientHelloCapFollowsItsLimit) {
    Limits limits;
    limits.max_client_hello_size = 2000;
    Reassembler ok(limits, true);
    ASSERT_TRUE(ok.feed(hex("010007d0")));   // 2000
    Reassembler r(limits, true);
    auto s = r.feed(hex("010007d1"));
    expect_error(s, Reason::excessive_message_size, Alert::illegal_parameter);
    EXPECT_NE(s.error().detail.find("max_client_hello_size"), std::string::npos) << s.error().detail;
}

TEST(Reassembler, AcceptsAMessageOfExactlyTheMaximumSize) {
    Reassembler r = with_max_message(4);
    ASSERT_TRUE(r.feed(hex("14000004 01020304")));
    auto m = r.next();
    ASSERT_TRUE(m && *m);
    EXPECT_EQ(to_hex((*m)->body), "01020304");
}

// The buffering limit counts the bytes of incomplete messages only: whole
// messages in the same record are the caller's to take right away.
TEST(Reassembler, RefusesMoreIncompleteBytesThanTheBufferingLimit) {
    Limits limits;
    limits.max_buffered_handshake_bytes = 10;
    Reassembler r(limits);
    ASSERT_TRUE(r.feed(hex("0b000010 0001020304")));      // 9 bytes of a 20-byte message
    ASSERT_TRUE(r.feed(hex("05")));                       // 10: at the limit
    auto s = r.feed(hex("06"));
    expect_error(s, Reason::excessive_message_size, Alert::illegal_parameter);
    EXPECT_NE(s.error().detail.find("max_buffered_handshake_bytes"), std::string::npos) << s.error().detail;
}

TEST(Reassembler, DoesNotCountWholeMessagesAgainstTheBufferingLimit) {
    Limits limits;
    limits.max_buffered_handshake_bytes = 8;
    Reassembler r(limits);
    // Three whole messages (29 bytes) and 6 bytes of a fourth in one record.
    ASSERT_TRUE(r.feed(hex(hello + done + finished + "0e00 0000 1400")));
    EXPECT_EQ(drain(r), (std::vector<std::string>{"010000050303aabbcc", "0e000000",
                                                  "1400000c000102030405060708090a0b", "0e000000"}));
    ASSERT_TRUE(r.feed(hex("0002 aa")));                  // 5 of 6 bytes
    // Completes that one, a whole one, and 5 bytes of a third.
    ASSERT_TRUE(r.feed(hex("bb 0e000000 14000010 00")));
    EXPECT_EQ(drain(r), (std::vector<std::string>{"14000002aabb", "0e000000"}));
    expect_error(r.feed(hex("01020304")), Reason::excessive_message_size, Alert::illegal_parameter);
}

TEST(Reassembler, NextAlsoRefusesAnOversizedMessageIfTheCallerIgnoredFeed) {
    Reassembler r = with_max_message(3);
    (void)r.feed(hex("01000004 00000000"));
    auto m = r.next();
    ASSERT_FALSE(m);
    EXPECT_EQ(m.error().reason, Reason::excessive_message_size);
    EXPECT_EQ(m.error().alert, Alert::illegal_parameter);
}

TEST(Reassembler, KeepsWorkingAcrossBufferCompaction) {
    // Many messages, each fed as a record that also carries the start of the
    // next, so the buffer never empties and has to be compacted.
    Reassembler r;
    Bytes stream;
    for (int i = 0; i < 500; ++i) {
        Bytes m = {0x16, 0x00, 0x01, 0x00};
        m.resize(4 + 256, static_cast<std::uint8_t>(i));
        stream.insert(stream.end(), m.begin(), m.end());
    }
    std::size_t count = 0;
    for (std::size_t at = 0; at < stream.size(); at += 300) {
        ASSERT_TRUE(r.feed(std::span(stream).subspan(at, std::min<std::size_t>(300, stream.size() - at))));
        for (;;) {
            auto m = r.next();
            ASSERT_TRUE(m);
            if (!*m) break;
            ASSERT_EQ((*m)->body.size(), 256u);
            EXPECT_EQ((*m)->body[0], static_cast<std::uint8_t>(count)) << "message " << count;
            ++count;
        }
    }
    EXPECT_EQ(count, 500u);
    EXPECT_TRUE(r.aligned());
}

}  // namespace
}  // namespace tlspp::handshake
