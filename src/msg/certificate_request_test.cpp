#include "msg/certificate_request.hpp"

#include "msg/test_support.hpp"

namespace tlspp::msg {
namespace {

using namespace testing;

CertificateRequest request() {
    CertificateRequest m;
    m.certificate_types = hex("01 40");
    m.signature_schemes = {SignatureScheme::rsa_pss_rsae_sha256, SignatureScheme::ecdsa_secp256r1_sha256};
    m.certificate_authorities = {hex("3003"), hex("300401")};
    return m;
}

TEST(CertificateRequest, RoundTrips) {
    const auto bytes = body(request());
    EXPECT_EQ(bytes, hex("02 0140  0004 0804 0403  0009 0002 3003 0003 300401"));
    auto req = decode_certificate_request(bytes);
    ASSERT_TRUE(req) << req.error().detail;
    EXPECT_EQ(req->certificate_types, request().certificate_types);
    EXPECT_EQ(req->signature_schemes, request().signature_schemes);
    EXPECT_EQ(req->certificate_authorities, request().certificate_authorities);
}

TEST(CertificateRequest, AcceptsNoCertificateAuthorities) {
    auto req = decode_certificate_request(hex("01 01 0002 0401 0000"));
    ASSERT_TRUE(req) << req.error().detail;
    EXPECT_TRUE(req->certificate_authorities.empty());
}

TEST(CertificateRequest, RejectsNoCertificateTypes) {
    EXPECT_TRUE(fails_with(decode_certificate_request(hex("00 0002 0401 0000")), Reason::length_out_of_range));
}

TEST(CertificateRequest, RejectsNoSignatureAlgorithms) {
    EXPECT_TRUE(fails_with(decode_certificate_request(hex("01 01 0000 0000")), Reason::length_out_of_range));
}

TEST(CertificateRequest, RejectsSignatureAlgorithmsOfOddLength) {
    EXPECT_TRUE(fails_with(decode_certificate_request(hex("01 01 0003 040105 0000")), Reason::length_out_of_range));
}

TEST(CertificateRequest, RejectsSignatureAlgorithmsOver65534Bytes) {
    EXPECT_TRUE(fails_with(decode_certificate_request(hex("01 01 ffff")), Reason::length_out_of_range));
}

TEST(CertificateRequest, RejectsAnEmptyDistinguishedName) {
    EXPECT_TRUE(fails_with(decode_certificate_request(hex("01 01 0002 0401 0002 0000")), Reason::length_out_of_range));
}

TEST(CertificateRequest, RejectsADistinguishedNameLongerThanTheList) {
    EXPECT_TRUE(fails_with(decode_certificate_request(hex("01 01 0002 0401 0003 0005 30")), Reason::truncated));
}

TEST(CertificateRequest, RejectsATrailingByte) {
    EXPECT_TRUE(fails_with(decode_certificate_request(with_trailing_byte(body(request()))), Reason::trailing_bytes));
}

TEST(CertificateRequest, FailsOnEveryTruncation) {
    expect_every_truncation_fails(body(request()), [](auto b) { return decode_certificate_request(b); });
}

}  // namespace
}  // namespace tlspp::msg
