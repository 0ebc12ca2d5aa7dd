#include "wire/reader.hpp"

#include <gtest/gtest.h>

#include "support/hex.hpp"

namespace tlspp::wire {
namespace {

using test::hex;

TEST(Reader, ReadsBigEndianIntegers) {
    auto bytes = hex("01 0203 040506 0708090a 0b0c0d0e0f101112");
    Reader r(bytes);
    std::uint8_t a;
    std::uint16_t b;
    std::uint32_t c, d;
    std::uint64_t e;
    ASSERT_TRUE(r.u8(a) && r.u16(b) && r.u24(c) && r.u32(d) && r.u64(e));
    EXPECT_EQ(a, 0x01);
    EXPECT_EQ(b, 0x0203);
    EXPECT_EQ(c, 0x040506u);
    EXPECT_EQ(d, 0x0708090au);
    EXPECT_EQ(e, 0x0b0c0d0e0f101112ull);
    EXPECT_TRUE(r.empty());
    EXPECT_EQ(r.consumed(), bytes.size());
}

TEST(Reader, FailedReadLeavesCursorInPlaceAndSaysTruncated) {
    auto bytes = hex("0102");
    Reader r(bytes);
    std::uint32_t v;
    EXPECT_FALSE(r.u24(v));
    EXPECT_EQ(r.failure(), Reason::truncated);
    EXPECT_EQ(r.remaining(), 2u);
    std::uint16_t w;
    EXPECT_TRUE(r.u16(w));
}

TEST(Reader, BlockSeesOnlyItsOwnBytes) {
    auto bytes = hex("0002 aabb cc");
    Reader r(bytes), block;
    ASSERT_TRUE(r.u16_block(block, 0, 10));
    EXPECT_EQ(block.remaining(), 2u);
    std::uint16_t inside;
    ASSERT_TRUE(block.u16(inside));
    EXPECT_EQ(inside, 0xaabb);
    std::uint8_t past;
    EXPECT_FALSE(block.u8(past));
    EXPECT_EQ(r.remaining(), 1u);
}

TEST(Reader, RejectsBlockShorterThanMinimum) {
    auto bytes = hex("01 aa");
    Reader r(bytes), block;
    EXPECT_FALSE(r.u8_block(block, 2, 10));
    EXPECT_EQ(r.failure(), Reason::length_out_of_range);
    EXPECT_EQ(r.remaining(), 2u);
}

TEST(Reader, RejectsBlockLongerThanMaximum) {
    auto bytes = hex("0003 aabbcc");
    Reader r(bytes), block;
    EXPECT_FALSE(r.u16_block(block, 0, 2));
    EXPECT_EQ(r.failure(), Reason::length_out_of_range);
}

TEST(Reader, RejectsBlockRunningPastInput) {
    auto bytes = hex("000004 aabbcc");
    Reader r(bytes), block;
    EXPECT_FALSE(r.u24_block(block, 0, 100));
    EXPECT_EQ(r.failure(), Reason::truncated);
    EXPECT_EQ(r.remaining(), 6u);
}

TEST(Reader, CopiesBlockBytes) {
    auto bytes = hex("03 010203");
    Reader r(bytes);
    Bytes out;
    ASSERT_TRUE(r.u8_bytes(out, 1, 3));
    EXPECT_EQ(out, hex("010203"));
}

TEST(Reader, DecodeErrorNamesWhatAndWhere) {
    auto bytes = hex("05 0102");
    Reader r(bytes);
    Bytes out;
    ASSERT_FALSE(r.u8_bytes(out, 0, 10));
    Error e = decode_error("ServerHello", r);
    EXPECT_EQ(e.alert, Alert::decode_error);
    EXPECT_EQ(e.reason, Reason::truncated);
    EXPECT_NE(e.detail.find("ServerHello"), std::string::npos);
}

}  // namespace
}  // namespace tlspp::wire
