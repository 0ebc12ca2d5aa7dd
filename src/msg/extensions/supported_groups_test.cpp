#include "msg/test_support.hpp"
#include "msg/extensions/hello_extensions.hpp"

namespace tlspp::msg {
namespace {

using namespace testing;

TEST(SupportedGroups, DecodesGroupsKeepingUnknownOnes) {
    auto groups = decode_supported_groups(hex("0006 001d 0017 1234"));
    ASSERT_TRUE(groups) << groups.error().detail;
    EXPECT_EQ(*groups, (std::vector<NamedGroup>{NamedGroup::x25519, NamedGroup::secp256r1,
                                                static_cast<NamedGroup>(0x1234)}));
}

TEST(SupportedGroups, RoundTrips) {
    std::vector<std::uint8_t> data;
    wire::Writer w(data);
    encode_supported_groups(w, {NamedGroup::x25519, NamedGroup::ffdhe2048});
    EXPECT_EQ(data, hex("0004 001d 0100"));
    auto groups = decode_supported_groups(data);
    ASSERT_TRUE(groups);
    EXPECT_EQ(groups->size(), 2u);
}

TEST(SupportedGroups, RejectsAnEmptyList) {
    EXPECT_TRUE(fails_with(decode_supported_groups(hex("0000")), Reason::length_out_of_range));
}

TEST(SupportedGroups, RejectsAnOddLength) {
    EXPECT_TRUE(fails_with(decode_supported_groups(hex("0003 001d 00")), Reason::length_out_of_range));
}

TEST(SupportedGroups, RejectsBytesAfterTheList) {
    EXPECT_TRUE(fails_with(decode_supported_groups(hex("0002 001d 00")), Reason::trailing_bytes));
}

TEST(SupportedGroups, FailsOnEveryTruncation) {
    expect_every_truncation_fails(hex("0004 001d 0017"), [](auto b) { return decode_supported_groups(b); });
}

}  // namespace
}  // namespace tlspp::msg
