#include "msg/test_support.hpp"
#include "msg/extensions/hello_extensions.hpp"

namespace tlspp::msg {
namespace {

using namespace testing;

TEST(RenegotiationInfo, DecodesTheInitialEmptyValue) {
    auto info = decode_renegotiation_info(hex("00"));
    ASSERT_TRUE(info) << info.error().detail;
    EXPECT_TRUE(info->empty());
}

TEST(RenegotiationInfo, RoundTripsAVerifyData) {
    std::vector<std::uint8_t> data;
    wire::Writer w(data);
    encode_renegotiation_info(w, hex(repeat("ab", 12)));
    EXPECT_EQ(data, hex("0c" + repeat("ab", 12)));
    auto info = decode_renegotiation_info(data);
    ASSERT_TRUE(info);
    EXPECT_EQ(*info, hex(repeat("ab", 12)));
}

TEST(RenegotiationInfo, RejectsEmptyData) {
    EXPECT_TRUE(fails_with(decode_renegotiation_info({}), Reason::truncated));
}

TEST(RenegotiationInfo, RejectsBytesAfterTheValue) {
    EXPECT_TRUE(fails_with(decode_renegotiation_info(hex("00 00")), Reason::trailing_bytes));
}

TEST(RenegotiationInfo, FailsOnEveryTruncation) {
    expect_every_truncation_fails(hex("02 abcd"), [](auto b) { return decode_renegotiation_info(b); });
}

}  // namespace
}  // namespace tlspp::msg
