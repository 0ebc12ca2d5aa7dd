#include "msg/certificate.hpp"

#include "msg/test_support.hpp"

namespace tlspp::msg {
namespace {

using namespace testing;

TEST(Certificate, RoundTripsAChainLeafFirst) {
    Certificate m{{hex("3082aa"), hex("3082bbcc")}};
    const auto bytes = body(m);
    EXPECT_EQ(bytes, hex("00000d 000003 3082aa 000004 3082bbcc"));
    auto cert = decode_certificate(bytes);
    ASSERT_TRUE(cert) << cert.error().detail;
    EXPECT_EQ(cert->chain, m.chain);
}

TEST(Certificate, AcceptsAnEmptyList) {
    auto cert = decode_certificate(hex("000000"));
    ASSERT_TRUE(cert);
    EXPECT_TRUE(cert->chain.empty());
}

TEST(Certificate, RejectsAnEmptyCertificateEntry) {
    EXPECT_TRUE(fails_with(decode_certificate(hex("000003 000000")), Reason::length_out_of_range));
}

TEST(Certificate, RejectsAnEntryLongerThanTheList) {
    EXPECT_TRUE(fails_with(decode_certificate(hex("000004 000002 30")), Reason::truncated));
}

TEST(Certificate, RejectsAListLongerThanTheBody) {
    EXPECT_TRUE(fails_with(decode_certificate(hex("000010 000001 30")), Reason::truncated));
}

TEST(Certificate, RejectsATrailingByte) {
    EXPECT_TRUE(fails_with(decode_certificate(with_trailing_byte(hex("000004 000001 30"))), Reason::trailing_bytes));
}

TEST(Certificate, FailsOnEveryTruncation) {
    expect_every_truncation_fails(body(Certificate{{hex("3082aa"), hex("3082bbcc")}}),
                                  [](auto b) { return decode_certificate(b); });
}

}  // namespace
}  // namespace tlspp::msg
