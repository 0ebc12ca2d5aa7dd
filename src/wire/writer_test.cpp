#include "wire/writer.hpp"

#include <gtest/gtest.h>

#include "support/hex.hpp"
#include "wire/reader.hpp"

namespace tlspp::wire {
namespace {

TEST(Writer, WritesBigEndianIntegers) {
    Bytes out;
    Writer w(out);
    w.u8(1);
    w.u16(0x0203);
    w.u24(0x040506);
    w.u32(0x0708090a);
    EXPECT_EQ(out, test::hex("01 0203 040506 0708090a"));
}

TEST(Writer, BlockGuardPatchesLengthOnScopeExit) {
    Bytes out;
    Writer w(out);
    {
        auto outer = w.u16_block();
        w.u8(0xaa);
        {
            auto inner = w.u8_block();
            w.u16(0xbbcc);
        }
    }
    EXPECT_EQ(out, test::hex("0004 aa 02 bbcc"));
}

// The overflow check must hold in every build: this test is compiled with
// NDEBUG in the release preset, where an assert would be gone.
TEST(WriterDeathTest, ABlockLongerThanItsPrefixStopsTheProcessInEveryBuild) {
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    auto overflow_u8 = [] {
        Bytes out;
        Writer w(out);
        auto block = w.u8_block();
        w.bytes(Bytes(256, 0));
    };
    EXPECT_DEATH(overflow_u8(), "1-byte length prefix cannot hold a block of 256 bytes");
    auto overflow_u16 = [] {
        Bytes out;
        Writer w(out);
        w.u16_bytes(Bytes(65536, 0));
    };
    EXPECT_DEATH(overflow_u16(), "2-byte length prefix cannot hold a block of 65536 bytes");
    // The largest that fits is written.
    Bytes out;
    Writer w(out);
    w.u8_bytes(Bytes(255, 0));
    EXPECT_EQ(out[0], 255);
}

TEST(Writer, RoundTripsThroughReader) {
    Bytes out;
    Writer w(out);
    w.u24_bytes(test::hex("deadbeef"));
    Reader r(out);
    Bytes back;
    ASSERT_TRUE(r.u24_bytes(back, 0, 0xffffff));
    EXPECT_EQ(back, test::hex("deadbeef"));
    EXPECT_TRUE(r.empty());
}

}  // namespace
}  // namespace tlspp::wire
