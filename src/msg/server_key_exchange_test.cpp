#include "msg/server_key_exchange.hpp"

#include "msg/test_support.hpp"

namespace tlspp::msg {
namespace {

using namespace testing;

const std::string kPoint = repeat("5a", 32);
const std::string kSignature = repeat("77", 8);

Bytes ecdhe_body() {
    auto params = encode_ecdhe_params(NamedGroup::x25519, hex(kPoint));
    return make_server_key_exchange(params, SignatureScheme::ecdsa_secp256r1_sha256, hex(kSignature)).body;
}

Bytes dhe_body() {
    auto params = encode_dhe_params(hex("ffff"), hex("02"), hex("1234"));
    return make_server_key_exchange(params, SignatureScheme::rsa_pss_rsae_sha256, hex(kSignature)).body;
}

TEST(ServerKeyExchange, EncodesEcdheParamsAsNamedCurve) {
    EXPECT_EQ(encode_ecdhe_params(NamedGroup::secp256r1, hex("04aa")), hex("03 0017 02 04aa"));
}

TEST(ServerKeyExchange, RoundTripsEcdheParamsAndKeepsTheSignedBytes) {
    const auto bytes = ecdhe_body();
    EXPECT_EQ(bytes, hex("03 001d 20" + kPoint + "0403 0008" + kSignature));
    auto params = decode_ecdhe_server_params(bytes);
    ASSERT_TRUE(params) << params.error().detail;
    EXPECT_EQ(params->group, NamedGroup::x25519);
    EXPECT_EQ(params->public_key, hex(kPoint));
    EXPECT_EQ(params->scheme, SignatureScheme::ecdsa_secp256r1_sha256);
    EXPECT_EQ(params->signature, hex(kSignature));
    EXPECT_EQ(params->signed_params, encode_ecdhe_params(NamedGroup::x25519, hex(kPoint)));
}

TEST(ServerKeyExchange, EncodeWritesTheBodyAsIs) {
    ServerKeyExchange m{ecdhe_body()};
    EXPECT_EQ(body(m), ecdhe_body());
}

TEST(ServerKeyExchange, RejectsAnExplicitCurveAsIllegalParameter) {
    auto params = decode_ecdhe_server_params(hex("01 001d 01 aa 0403 0000"));
    EXPECT_TRUE(fails_with(params, Reason::illegal_parameter, Alert::illegal_parameter));
}

TEST(ServerKeyExchange, RejectsAnEmptyEcdhePoint) {
    EXPECT_TRUE(fails_with(decode_ecdhe_server_params(hex("03 001d 00 0403 0000")), Reason::length_out_of_range));
}

TEST(ServerKeyExchange, RejectsAnEcdheSignatureLongerThanTheBody) {
    EXPECT_TRUE(fails_with(decode_ecdhe_server_params(hex("03 001d 01 aa 0403 0005 00")), Reason::truncated));
}

TEST(ServerKeyExchange, RejectsATrailingByteAfterTheEcdheSignature) {
    EXPECT_TRUE(fails_with(decode_ecdhe_server_params(with_trailing_byte(ecdhe_body())), Reason::trailing_bytes));
}

TEST(ServerKeyExchange, FailsOnEveryTruncationOfEcdheParams) {
    expect_every_truncation_fails(ecdhe_body(), [](auto b) { return decode_ecdhe_server_params(b); });
}

TEST(ServerKeyExchange, RoundTripsDheParamsAndKeepsTheSignedBytes) {
    auto params = decode_dhe_server_params(dhe_body());
    ASSERT_TRUE(params) << params.error().detail;
    EXPECT_EQ(params->p, hex("ffff"));
    EXPECT_EQ(params->g, hex("02"));
    EXPECT_EQ(params->ys, hex("1234"));
    EXPECT_EQ(params->scheme, SignatureScheme::rsa_pss_rsae_sha256);
    EXPECT_EQ(params->signature, hex(kSignature));
    EXPECT_EQ(params->signed_params, hex("0002 ffff 0001 02 0002 1234"));
}

TEST(ServerKeyExchange, RejectsAnEmptyDhPrime) {
    EXPECT_TRUE(fails_with(decode_dhe_server_params(hex("0000 0001 02 0001 05 0401 0000")), Reason::length_out_of_range));
}

TEST(ServerKeyExchange, RejectsAnEmptyDhPublicValue) {
    EXPECT_TRUE(fails_with(decode_dhe_server_params(hex("0001 17 0001 02 0000 0401 0000")), Reason::length_out_of_range));
}

TEST(ServerKeyExchange, RejectsATrailingByteAfterTheDheSignature) {
    EXPECT_TRUE(fails_with(decode_dhe_server_params(with_trailing_byte(dhe_body())), Reason::trailing_bytes));
}

TEST(ServerKeyExchange, FailsOnEveryTruncationOfDheParams) {
    expect_every_truncation_fails(dhe_body(), [](auto b) { return decode_dhe_server_params(b); });
}

}  // namespace
}  // namespace tlspp::msg
