#include "msg/test_support.hpp"
#include "msg/extensions/hello_extensions.hpp"

namespace tlspp::msg {
namespace {

using namespace testing;

const std::string kExampleCom = "6578616d706c652e636f6d";  // "example.com"

TEST(ServerName, DecodesTheHostName) {
    auto host = decode_server_name(hex("000e 00 000b" + kExampleCom));
    ASSERT_TRUE(host) << host.error().detail;
    EXPECT_EQ(*host, "example.com");
}

TEST(ServerName, RoundTrips) {
    std::vector<std::uint8_t> data;
    wire::Writer w(data);
    encode_server_name(w, "example.com");
    EXPECT_EQ(data, hex("000e 00 000b" + kExampleCom));
    auto host = decode_server_name(data);
    ASSERT_TRUE(host);
    EXPECT_EQ(*host, "example.com");
}

TEST(ServerName, SkipsAnUnknownNameTypeBesideTheHostName) {
    auto host = decode_server_name(hex("0013 07 0002 abcd 00 000b" + kExampleCom));
    ASSERT_TRUE(host) << host.error().detail;
    EXPECT_EQ(*host, "example.com");
}

TEST(ServerName, RejectsEmptyData) {
    EXPECT_TRUE(fails_with(decode_server_name({}), Reason::truncated));
}

TEST(ServerName, RejectsAnEmptyList) {
    EXPECT_TRUE(fails_with(decode_server_name(hex("0000")), Reason::length_out_of_range));
}

TEST(ServerName, RejectsAnEmptyHostName) {
    EXPECT_TRUE(fails_with(decode_server_name(hex("0003 00 0000")), Reason::invalid_encoding));
}

TEST(ServerName, RejectsAListWithoutAHostName) {
    EXPECT_TRUE(fails_with(decode_server_name(hex("0005 01 0002 6162")), Reason::invalid_encoding));
}

TEST(ServerName, RejectsTwoHostNames) {
    EXPECT_TRUE(fails_with(decode_server_name(hex("000a 00 0002 6162 00 0002 6364")), Reason::invalid_encoding));
}

TEST(ServerName, RejectsANameLongerThanTheList) {
    EXPECT_TRUE(fails_with(decode_server_name(hex("0005 00 0005 6162")), Reason::truncated));
}

TEST(ServerName, RejectsBytesAfterTheList) {
    EXPECT_TRUE(fails_with(decode_server_name(hex("0005 00 0002 6162 00")), Reason::trailing_bytes));
}

TEST(ServerName, FailsOnEveryTruncation) {
    expect_every_truncation_fails(hex("000e 00 000b" + kExampleCom),
                                  [](auto b) { return decode_server_name(b); });
}

}  // namespace
}  // namespace tlspp::msg
