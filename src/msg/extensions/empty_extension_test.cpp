#include "msg/test_support.hpp"
#include "msg/extensions/hello_extensions.hpp"

namespace tlspp::msg {
namespace {

using namespace testing;

TEST(EmptyExtension, AcceptsEmptyData) {
    EXPECT_TRUE(decode_empty_extension({}, "extended_master_secret"));
}

TEST(EmptyExtension, RejectsAnyDataNamingTheExtension) {
    auto status = decode_empty_extension(hex("00"), "extended_master_secret");
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().reason, Reason::trailing_bytes);
    EXPECT_EQ(status.error().alert, Alert::decode_error);
    EXPECT_NE(status.error().detail.find("extended_master_secret"), std::string::npos);
}

}  // namespace
}  // namespace tlspp::msg
