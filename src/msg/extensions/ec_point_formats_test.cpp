#include "msg/test_support.hpp"
#include "msg/extensions/hello_extensions.hpp"

namespace tlspp::msg {
namespace {

using namespace testing;

TEST(EcPointFormats, DecodesTheFormatList) {
    auto formats = decode_ec_point_formats(hex("03 00 01 02"));
    ASSERT_TRUE(formats) << formats.error().detail;
    EXPECT_EQ(*formats, hex("000102"));
}

TEST(EcPointFormats, RoundTrips) {
    std::vector<std::uint8_t> data;
    wire::Writer w(data);
    encode_ec_point_formats(w, hex("00"));
    EXPECT_EQ(data, hex("01 00"));
}

TEST(EcPointFormats, RejectsAnEmptyList) {
    EXPECT_TRUE(fails_with(decode_ec_point_formats(hex("00")), Reason::length_out_of_range));
}

TEST(EcPointFormats, RejectsBytesAfterTheList) {
    EXPECT_TRUE(fails_with(decode_ec_point_formats(hex("01 00 00")), Reason::trailing_bytes));
}

TEST(EcPointFormats, FailsOnEveryTruncation) {
    expect_every_truncation_fails(hex("03 000102"), [](auto b) { return decode_ec_point_formats(b); });
}

}  // namespace
}  // namespace tlspp::msg
