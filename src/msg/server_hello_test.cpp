#include "msg/server_hello.hpp"

#include "msg/test_support.hpp"

namespace tlspp::msg {
namespace {

using namespace testing;

const std::string kStart = "0303" + repeat("22", 32);

ServerHello full_hello() {
    ServerHello m;
    m.random.fill(0x24);
    m.session_id = hex(repeat("cd", 32));
    m.cipher_suite = 0xc02f;
    m.renegotiation_info = Bytes{};
    m.ec_point_formats = hex("00");
    m.alpn = "h2";
    m.extended_master_secret = true;
    m.session_ticket = true;
    m.server_name_ack = true;
    m.extensions = {{0xfafa, hex("01")}};
    return m;
}

// A hello whose only extension is `type` with `data`.
Bytes with_extension(std::uint16_t type, const std::string& data_hex) {
    ServerHello m;
    m.cipher_suite = 0xc02f;
    m.extensions = {{type, hex(data_hex)}};
    return body(m);
}

TEST(ServerHello, RoundTripsEveryKnownExtension) {
    const auto bytes = body(full_hello());
    auto hello = decode_server_hello(bytes);
    ASSERT_TRUE(hello) << hello.error().detail;
    EXPECT_EQ(hello->random, full_hello().random);
    EXPECT_EQ(hello->session_id, full_hello().session_id);
    EXPECT_EQ(hello->cipher_suite, 0xc02f);
    EXPECT_EQ(hello->compression_method, 0);
    EXPECT_EQ(hello->renegotiation_info, Bytes{});
    EXPECT_EQ(hello->ec_point_formats, hex("00"));
    EXPECT_EQ(hello->alpn, "h2");
    EXPECT_TRUE(hello->extended_master_secret);
    EXPECT_TRUE(hello->session_ticket);
    EXPECT_TRUE(hello->server_name_ack);
    ASSERT_EQ(hello->extensions.size(), 7u);
    EXPECT_EQ(hello->extensions[0].type, 0);
    EXPECT_EQ(hello->extensions[1].type, 0xff01);
    EXPECT_EQ(hello->extensions[6].type, 0xfafa);
    EXPECT_EQ(body(*hello), bytes);
}

TEST(ServerHello, WritesNoExtensionsBlockWhenThereAreNone) {
    ServerHello m;
    m.cipher_suite = 0x009c;
    EXPECT_EQ(body(m), hex(repeat("0303", 1) + repeat("00", 32) + "00 009c 00"));
}

TEST(ServerHello, AcceptsAHelloWithoutAnExtensionsBlock) {
    auto hello = decode_server_hello(hex(kStart + "00 c02f 00"));
    ASSERT_TRUE(hello) << hello.error().detail;
    EXPECT_TRUE(hello->extensions.empty());
    EXPECT_FALSE(hello->renegotiation_info);
}

TEST(ServerHello, AcceptsAnEmptyExtensionsBlock) {
    auto hello = decode_server_hello(hex(kStart + "00 c02f 00 0000"));
    ASSERT_TRUE(hello) << hello.error().detail;
    EXPECT_TRUE(hello->extensions.empty());
}

TEST(ServerHello, RejectsSessionIdLongerThan32Bytes) {
    auto hello = decode_server_hello(hex(kStart + "21" + repeat("00", 33) + "c02f 00"));
    EXPECT_TRUE(fails_with(hello, Reason::length_out_of_range));
    EXPECT_NE(hello.error().detail.find("ServerHello.session_id"), std::string::npos) << hello.error().detail;
}

TEST(ServerHello, RejectsAnExtensionsBlockLongerThanTheBody) {
    EXPECT_TRUE(fails_with(decode_server_hello(hex(kStart + "00 c02f 00 0004 0017")), Reason::truncated));
}

TEST(ServerHello, RejectsOneByteWhereTheExtensionsWouldStart) {
    EXPECT_TRUE(fails_with(decode_server_hello(hex(kStart + "00 c02f 00 00")), Reason::truncated));
}

TEST(ServerHello, RejectsATrailingByteAfterTheExtensions) {
    EXPECT_TRUE(fails_with(decode_server_hello(with_trailing_byte(body(full_hello()))), Reason::trailing_bytes));
}

TEST(ServerHello, RejectsADuplicateExtension) {
    auto m = full_hello();
    m.renegotiation_info.reset();
    m.extensions = {{0xff01, hex("00")}, {0xff01, hex("00")}};
    EXPECT_TRUE(fails_with(decode_server_hello(body(m)), Reason::duplicate_extension));
}

TEST(ServerHello, RejectsAlpnWithTwoNames) {
    auto hello = decode_server_hello(with_extension(16, "0006 02 6832 02 6833"));
    EXPECT_TRUE(fails_with(hello, Reason::invalid_encoding));
}

TEST(ServerHello, RejectsAlpnWithAnEmptyName) {
    EXPECT_TRUE(fails_with(decode_server_hello(with_extension(16, "0002 00 00")), Reason::invalid_encoding));
}

TEST(ServerHello, RejectsAServerNameAcknowledgementWithData) {
    EXPECT_TRUE(fails_with(decode_server_hello(with_extension(0, "0000")), Reason::trailing_bytes));
}

TEST(ServerHello, RejectsASessionTicketAcknowledgementWithData) {
    auto hello = decode_server_hello(with_extension(35, "00"));
    EXPECT_TRUE(fails_with(hello, Reason::trailing_bytes));
    EXPECT_EQ(hello.error().detail.rfind("ServerHello.session_ticket", 0), 0u) << hello.error().detail;
}

TEST(ServerHello, RejectsExtendedMasterSecretWithData) {
    EXPECT_TRUE(fails_with(decode_server_hello(with_extension(23, "00")), Reason::trailing_bytes));
}

TEST(ServerHello, RejectsAMalformedRenegotiationInfo) {
    EXPECT_TRUE(fails_with(decode_server_hello(with_extension(0xff01, "05 00")), Reason::truncated));
}

TEST(ServerHello, RejectsAnEmptyPointFormatList) {
    EXPECT_TRUE(fails_with(decode_server_hello(with_extension(11, "00")), Reason::length_out_of_range));
}

TEST(ServerHello, KeepsUnknownExtensionsRaw) {
    auto hello = decode_server_hello(with_extension(0x0005, ""));
    ASSERT_TRUE(hello) << hello.error().detail;
    ASSERT_EQ(hello->extensions.size(), 1u);
    EXPECT_EQ(hello->extensions[0].type, 5);
}

TEST(ServerHello, FailsOnEveryTruncation) {
    const std::size_t without_extensions = 2 + 32 + 1 + 32 + 2 + 1;
    expect_every_truncation_fails(body(full_hello()), [](auto b) { return decode_server_hello(b); },
                                  {without_extensions});
}

}  // namespace
}  // namespace tlspp::msg
