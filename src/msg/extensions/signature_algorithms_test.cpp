#include "msg/test_support.hpp"
#include "msg/extensions/hello_extensions.hpp"

namespace tlspp::msg {
namespace {

using namespace testing;

TEST(SignatureAlgorithms, DecodesSchemesInOrder) {
    auto schemes = decode_signature_algorithms(hex("0006 0804 0403 0201"));
    ASSERT_TRUE(schemes) << schemes.error().detail;
    EXPECT_EQ(*schemes, (std::vector<SignatureScheme>{SignatureScheme::rsa_pss_rsae_sha256,
                                                      SignatureScheme::ecdsa_secp256r1_sha256,
                                                      SignatureScheme::rsa_pkcs1_sha1}));
}

TEST(SignatureAlgorithms, RoundTrips) {
    std::vector<std::uint8_t> data;
    wire::Writer w(data);
    encode_signature_algorithms(w, {SignatureScheme::ed25519, SignatureScheme::rsa_pkcs1_sha256});
    EXPECT_EQ(data, hex("0004 0807 0401"));
}

TEST(SignatureAlgorithms, RejectsAnOddLength) {
    EXPECT_TRUE(fails_with(decode_signature_algorithms(hex("0003 0804 04")), Reason::length_out_of_range));
}

TEST(SignatureAlgorithms, RejectsAnEmptyList) {
    EXPECT_TRUE(fails_with(decode_signature_algorithms(hex("0000")), Reason::length_out_of_range));
}

TEST(SignatureAlgorithms, RejectsAListLongerThan65534Bytes) {
    // RFC 5246 §7.4.1.4.1: <2..2^16-2>, so 0xffff is over the limit even before being odd.
    auto data = hex("ffff" + repeat("04", 0xffff));
    EXPECT_TRUE(fails_with(decode_signature_algorithms(data), Reason::length_out_of_range));
}

TEST(SignatureAlgorithms, RejectsBytesAfterTheList) {
    EXPECT_TRUE(fails_with(decode_signature_algorithms(hex("0002 0804 00")), Reason::trailing_bytes));
}

TEST(SignatureAlgorithms, FailsOnEveryTruncation) {
    expect_every_truncation_fails(hex("0004 0804 0403"), [](auto b) { return decode_signature_algorithms(b); });
}

}  // namespace
}  // namespace tlspp::msg
