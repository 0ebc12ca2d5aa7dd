#include "msg/client_hello.hpp"

#include "msg/test_support.hpp"

namespace tlspp::msg {
namespace {

using namespace testing;

// version, random, empty session_id: the start every hand-written body shares.
const std::string kStart = "0303" + repeat("11", 32) + "00";
const std::string kSuitesAndNull = "0002 c02f 01 00";

ClientHello full_hello() {
    ClientHello m;
    m.random.fill(0x42);
    m.session_id = hex(repeat("ab", 32));
    m.cipher_suites = {0xc02f, 0x1301, 0x00ff};
    m.server_name = "example.com";
    m.supported_groups = std::vector<NamedGroup>{NamedGroup::x25519, NamedGroup::secp256r1};
    m.ec_point_formats = hex("00");
    m.signature_algorithms = std::vector<SignatureScheme>{SignatureScheme::rsa_pss_rsae_sha256};
    m.alpn = std::vector<std::string>{"h2", "http/1.1"};
    m.renegotiation_info = Bytes{};
    m.session_ticket = Bytes{};
    m.extended_master_secret = true;
    m.extensions = {{0xfafa, hex("0102")}};
    return m;
}

std::vector<std::uint16_t> types(const std::vector<RawExtension>& extensions) {
    std::vector<std::uint16_t> out;
    for (const auto& e : extensions) out.push_back(e.type);
    return out;
}

TEST(ClientHello, RoundTripsEveryKnownExtension) {
    const auto bytes = body(full_hello());
    auto hello = decode_client_hello(bytes);
    ASSERT_TRUE(hello) << hello.error().detail;
    EXPECT_EQ(hello->legacy_version, 0x0303);
    EXPECT_EQ(hello->random, full_hello().random);
    EXPECT_EQ(hello->session_id, full_hello().session_id);
    EXPECT_EQ(hello->cipher_suites, full_hello().cipher_suites);
    EXPECT_EQ(hello->compression_methods, hex("00"));
    EXPECT_EQ(hello->server_name, "example.com");
    EXPECT_EQ(hello->supported_groups, full_hello().supported_groups);
    EXPECT_EQ(hello->ec_point_formats, hex("00"));
    EXPECT_EQ(hello->signature_algorithms, full_hello().signature_algorithms);
    EXPECT_EQ(hello->alpn, full_hello().alpn);
    EXPECT_EQ(hello->renegotiation_info, Bytes{});
    EXPECT_EQ(hello->session_ticket, Bytes{});
    EXPECT_TRUE(hello->extended_master_secret);
    EXPECT_EQ(body(*hello), bytes);
}

TEST(ClientHello, WritesKnownExtensionsInTheDocumentedOrderThenRawOnes) {
    auto hello = decode_client_hello(body(full_hello()));
    ASSERT_TRUE(hello);
    EXPECT_EQ(types(hello->extensions),
              (std::vector<std::uint16_t>{0, 11, 10, 35, 16, 23, 13, 0xff01, 0xfafa}));
    EXPECT_EQ(hello->extensions.back().data, hex("0102"));
}

TEST(ClientHello, ReencodingADecodedHelloWritesEachExtensionOnce) {
    // `extensions` holds the known ones too; encode must not write them twice.
    auto once = decode_client_hello(body(full_hello()));
    ASSERT_TRUE(once);
    auto twice = decode_client_hello(body(*once));
    ASSERT_TRUE(twice) << twice.error().detail;
    EXPECT_EQ(types(twice->extensions), types(once->extensions));
}

TEST(ClientHello, KeepsATicketItCarries) {
    auto m = full_hello();
    m.session_ticket = hex("deadbeef");
    auto hello = decode_client_hello(body(m));
    ASSERT_TRUE(hello);
    EXPECT_EQ(hello->session_ticket, hex("deadbeef"));
}

TEST(ClientHello, AcceptsAHelloWithoutAnExtensionsBlock) {
    auto hello = decode_client_hello(hex(kStart + kSuitesAndNull));
    ASSERT_TRUE(hello) << hello.error().detail;
    EXPECT_TRUE(hello->extensions.empty());
    EXPECT_FALSE(hello->server_name);
    EXPECT_FALSE(hello->extended_master_secret);
    EXPECT_EQ(body(*hello), hex(kStart + kSuitesAndNull));
}

TEST(ClientHello, AcceptsAnEmptyExtensionsBlock) {
    auto hello = decode_client_hello(hex(kStart + kSuitesAndNull + "0000"));
    ASSERT_TRUE(hello) << hello.error().detail;
    EXPECT_TRUE(hello->extensions.empty());
}

TEST(ClientHello, RejectsSessionIdLongerThan32Bytes) {
    auto bytes = hex("0303" + repeat("11", 32) + "21" + repeat("00", 33) + kSuitesAndNull);
    auto hello = decode_client_hello(bytes);
    EXPECT_TRUE(fails_with(hello, Reason::length_out_of_range));
    EXPECT_NE(hello.error().detail.find("ClientHello.session_id"), std::string::npos) << hello.error().detail;
}

TEST(ClientHello, RejectsAnEmptyCipherSuiteList) {
    EXPECT_TRUE(fails_with(decode_client_hello(hex(kStart + "0000 01 00")), Reason::length_out_of_range));
}

TEST(ClientHello, RejectsACipherSuiteListOver65534Bytes) {
    EXPECT_TRUE(fails_with(decode_client_hello(hex(kStart + "ffff")), Reason::length_out_of_range));
}

TEST(ClientHello, RejectsAnOddCipherSuiteListLength) {
    EXPECT_TRUE(fails_with(decode_client_hello(hex(kStart + "0003 c02f 00 01 00")), Reason::length_out_of_range));
}

TEST(ClientHello, RejectsAnEmptyCompressionMethodList) {
    EXPECT_TRUE(fails_with(decode_client_hello(hex(kStart + "0002 c02f 00")), Reason::length_out_of_range));
}

TEST(ClientHello, RejectsAnExtensionsBlockLongerThanTheBody) {
    EXPECT_TRUE(fails_with(decode_client_hello(hex(kStart + kSuitesAndNull + "0005 0017 0000")), Reason::truncated));
}

TEST(ClientHello, RejectsATrailingByteAfterTheExtensions) {
    auto bytes = with_trailing_byte(body(full_hello()));
    EXPECT_TRUE(fails_with(decode_client_hello(bytes), Reason::trailing_bytes));
}

TEST(ClientHello, RejectsADuplicateExtension) {
    auto m = full_hello();
    m.extensions = {{0xfafa, {}}, {0xfafa, {}}};
    EXPECT_TRUE(fails_with(decode_client_hello(body(m)), Reason::duplicate_extension));
}

TEST(ClientHello, RejectsAKnownExtensionSentTwiceRaw) {
    auto m = full_hello();
    m.extended_master_secret = false;
    m.extensions = {{23, {}}, {23, {}}};
    EXPECT_TRUE(fails_with(decode_client_hello(body(m)), Reason::duplicate_extension));
}

// A hello whose only extension is `type` with `data`.
Bytes with_extension(std::uint16_t type, const std::string& data_hex) {
    ClientHello m;
    m.cipher_suites = {0xc02f};
    m.extensions = {{type, hex(data_hex)}};
    return body(m);
}

TEST(ClientHello, RejectsAServerNameWithAnEmptyHostName) {
    auto hello = decode_client_hello(with_extension(0, "0003 00 0000"));
    EXPECT_TRUE(fails_with(hello, Reason::invalid_encoding));
    EXPECT_EQ(hello.error().detail.rfind("ClientHello.server_name", 0), 0u) << hello.error().detail;
}

TEST(ClientHello, RejectsAnAlpnListWithAnEmptyName) {
    EXPECT_TRUE(fails_with(decode_client_hello(with_extension(16, "0003 00 01 61")), Reason::invalid_encoding));
}

TEST(ClientHello, RejectsSignatureAlgorithmsOfOddLength) {
    EXPECT_TRUE(fails_with(decode_client_hello(with_extension(13, "0003 0804 04")), Reason::length_out_of_range));
}

TEST(ClientHello, RejectsAnEmptySupportedGroupsList) {
    EXPECT_TRUE(fails_with(decode_client_hello(with_extension(10, "0000")), Reason::length_out_of_range));
}

TEST(ClientHello, RejectsAnEmptyPointFormatList) {
    EXPECT_TRUE(fails_with(decode_client_hello(with_extension(11, "00")), Reason::length_out_of_range));
}

TEST(ClientHello, RejectsRenegotiationInfoWithTrailingBytes) {
    EXPECT_TRUE(fails_with(decode_client_hello(with_extension(0xff01, "00 00")), Reason::trailing_bytes));
}

TEST(ClientHello, RejectsExtendedMasterSecretWithData) {
    EXPECT_TRUE(fails_with(decode_client_hello(with_extension(23, "00")), Reason::trailing_bytes));
}

TEST(ClientHello, IgnoresTheContentOfUnknownExtensions) {
    auto hello = decode_client_hello(with_extension(0x5a5a, "ffffffff"));
    ASSERT_TRUE(hello) << hello.error().detail;
    ASSERT_EQ(hello->extensions.size(), 1u);
    EXPECT_EQ(hello->extensions[0].data, hex("ffffffff"));
}

TEST(ClientHello, FailsOnEveryTruncation) {
    const auto bytes = body(full_hello());
    // Cut right after compression_methods, the hello is valid without extensions.
    const std::size_t without_extensions = 2 + 32 + 1 + 32 + 2 + 6 + 2;
    expect_every_truncation_fails(bytes, [](auto b) { return decode_client_hello(b); }, {without_extensions});
}

}  // namespace
}  // namespace tlspp::msg
