#include "msg/extensions/extension.hpp"

#include "msg/test_support.hpp"

namespace tlspp::msg {
namespace {

using namespace testing;

Result<std::vector<RawExtension>> decode(std::span<const std::uint8_t> bytes) {
    return decode_extension_list(wire::Reader(bytes), "Hello");
}

TEST(ExtensionList, SplitsExtensionsInOrderKeepingTheirData) {
    auto list = decode(hex("0017 0000  ff01 0001 00  1234 0002 abcd"));
    ASSERT_TRUE(list) << list.error().detail;
    ASSERT_EQ(list->size(), 3u);
    EXPECT_EQ((*list)[0].type, 0x0017);
    EXPECT_TRUE((*list)[0].data.empty());
    EXPECT_EQ((*list)[1].type, 0xff01);
    EXPECT_EQ((*list)[1].data, hex("00"));
    EXPECT_EQ((*list)[2].type, 0x1234);
    EXPECT_EQ((*list)[2].data, hex("abcd"));
}

TEST(ExtensionList, AcceptsAnEmptyList) {
    auto list = decode({});
    ASSERT_TRUE(list);
    EXPECT_TRUE(list->empty());
}

TEST(ExtensionList, RejectsTheSameTypeTwice) {
    auto list = decode(hex("0017 0000  000b 0002 0100  0017 0000"));
    EXPECT_TRUE(fails_with(list, Reason::duplicate_extension));
    EXPECT_NE(list.error().detail.find("Hello"), std::string::npos) << list.error().detail;
}

TEST(ExtensionList, RejectsTheSameUnknownTypeTwice) {
    EXPECT_TRUE(fails_with(decode(hex("fafa 0000 fafa 0001 00")), Reason::duplicate_extension));
}

TEST(ExtensionList, RejectsDataLongerThanTheList) {
    EXPECT_TRUE(fails_with(decode(hex("0017 0005 0000")), Reason::truncated));
}

TEST(ExtensionList, RejectsAStrayByteAfterTheLastExtension) {
    EXPECT_TRUE(fails_with(decode(hex("0017 0000 00")), Reason::truncated));
}

TEST(ExtensionList, FailsOnEveryTruncation) {
    // Cutting at an extension boundary leaves a shorter valid list.
    expect_every_truncation_fails(hex("0017 0000 ff01 0001 00"), decode, {0, 4});
}

}  // namespace
}  // namespace tlspp::msg
