#include "msg/test_support.hpp"
#include "msg/extensions/hello_extensions.hpp"

namespace tlspp::msg {
namespace {

using namespace testing;

const std::string kH2Http11 = "000c 02 6832 08 687474702f312e31";  // "h2", "http/1.1"

TEST(Alpn, DecodesProtocolNamesInOrder) {
    auto names = decode_alpn(hex(kH2Http11));
    ASSERT_TRUE(names) << names.error().detail;
    EXPECT_EQ(*names, (std::vector<std::string>{"h2", "http/1.1"}));
}

TEST(Alpn, RoundTrips) {
    std::vector<std::uint8_t> data;
    wire::Writer w(data);
    encode_alpn(w, {"h2", "http/1.1"});
    EXPECT_EQ(data, hex(kH2Http11));
}

TEST(Alpn, RejectsAnEmptyProtocolName) {
    EXPECT_TRUE(fails_with(decode_alpn(hex("0003 00 01 61")), Reason::invalid_encoding));
}

TEST(Alpn, RejectsAListShorterThanTwoBytes) {
    EXPECT_TRUE(fails_with(decode_alpn(hex("0001 00")), Reason::length_out_of_range));
}

TEST(Alpn, RejectsEmptyData) {
    EXPECT_TRUE(fails_with(decode_alpn({}), Reason::truncated));
}

TEST(Alpn, RejectsANameLongerThanTheList) {
    EXPECT_TRUE(fails_with(decode_alpn(hex("0003 05 6162")), Reason::truncated));
}

TEST(Alpn, RejectsBytesAfterTheList) {
    EXPECT_TRUE(fails_with(decode_alpn(hex(kH2Http11 + "00")), Reason::trailing_bytes));
}

TEST(Alpn, FailsOnEveryTruncation) {
    expect_every_truncation_fails(hex(kH2Http11), [](auto b) { return decode_alpn(b); });
}

}  // namespace
}  // namespace tlspp::msg
