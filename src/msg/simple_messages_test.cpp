#include "msg/simple_messages.hpp"

#include "msg/test_support.hpp"

namespace tlspp::msg {
namespace {

using namespace testing;

TEST(HelloRequest, RoundTripsAnEmptyBody) {
    EXPECT_TRUE(body(HelloRequest{}).empty());
    EXPECT_TRUE(decode_hello_request({}));
}

TEST(HelloRequest, RejectsANonEmptyBody) {
    EXPECT_TRUE(fails_with(decode_hello_request(hex("00")), Reason::trailing_bytes));
}

TEST(ServerHelloDone, RoundTripsAnEmptyBody) {
    EXPECT_TRUE(body(ServerHelloDone{}).empty());
    EXPECT_TRUE(decode_server_hello_done({}));
}

TEST(ServerHelloDone, RejectsANonEmptyBody) {
    EXPECT_TRUE(fails_with(decode_server_hello_done(hex("0000")), Reason::trailing_bytes));
}

TEST(ClientKeyExchange, RoundTripsAnEcdhePoint) {
    auto m = make_ecdhe_client_key_exchange(hex(repeat("aa", 32)));
    EXPECT_EQ(body(m), hex("20" + repeat("aa", 32)));
    auto point = decode_ecdhe_client_public(m.body);
    ASSERT_TRUE(point);
    EXPECT_EQ(*point, hex(repeat("aa", 32)));
    expect_every_truncation_fails(m.body, [](auto b) { return decode_ecdhe_client_public(b); });
}

TEST(ClientKeyExchange, RejectsAnEmptyEcdhePoint) {
    EXPECT_TRUE(fails_with(decode_ecdhe_client_public(hex("00")), Reason::length_out_of_range));
}

TEST(ClientKeyExchange, RejectsATrailingByteAfterTheEcdhePoint) {
    EXPECT_TRUE(fails_with(decode_ecdhe_client_public(hex("01 aa bb")), Reason::trailing_bytes));
}

TEST(ClientKeyExchange, RoundTripsADhePublicValue) {
    auto m = make_dhe_client_key_exchange(hex("0102"));
    EXPECT_EQ(m.body, hex("0002 0102"));
    auto y = decode_dhe_client_public(m.body);
    ASSERT_TRUE(y);
    EXPECT_EQ(*y, hex("0102"));
    expect_every_truncation_fails(m.body, [](auto b) { return decode_dhe_client_public(b); });
}

TEST(ClientKeyExchange, RejectsAnEmptyDhePublicValue) {
    EXPECT_TRUE(fails_with(decode_dhe_client_public(hex("0000")), Reason::length_out_of_range));
}

TEST(ClientKeyExchange, RoundTripsAnRsaEncryptedPremaster) {
    auto m = make_rsa_client_key_exchange(hex(repeat("5c", 256)));
    EXPECT_EQ(m.body, hex("0100" + repeat("5c", 256)));
    auto encrypted = decode_rsa_encrypted_premaster(m.body);
    ASSERT_TRUE(encrypted);
    EXPECT_EQ(encrypted->size(), 256u);
    expect_every_truncation_fails(m.body, [](auto b) { return decode_rsa_encrypted_premaster(b); });
}

TEST(ClientKeyExchange, RejectsATrailingByteAfterTheRsaPremaster) {
    EXPECT_TRUE(fails_with(decode_rsa_encrypted_premaster(hex("0001 aa bb")), Reason::trailing_bytes));
}

TEST(CertificateVerify, RoundTrips) {
    CertificateVerify m{SignatureScheme::rsa_pss_rsae_sha256, hex("abcdef")};
    EXPECT_EQ(body(m), hex("0804 0003 abcdef"));
    auto cv = decode_certificate_verify(body(m));
    ASSERT_TRUE(cv);
    EXPECT_EQ(cv->scheme, SignatureScheme::rsa_pss_rsae_sha256);
    EXPECT_EQ(cv->signature, hex("abcdef"));
    expect_every_truncation_fails(body(m), [](auto b) { return decode_certificate_verify(b); });
}

TEST(CertificateVerify, RejectsASignatureLongerThanTheBody) {
    EXPECT_TRUE(fails_with(decode_certificate_verify(hex("0804 0004 abcdef")), Reason::truncated));
}

TEST(CertificateVerify, RejectsATrailingByte) {
    EXPECT_TRUE(fails_with(decode_certificate_verify(hex("0804 0001 ab cd")), Reason::trailing_bytes));
}

TEST(Finished, RoundTripsVerifyData) {
    Finished m{hex(repeat("f1", 12))};
    EXPECT_EQ(body(m), hex(repeat("f1", 12)));
    auto fin = decode_finished(body(m));
    ASSERT_TRUE(fin);
    EXPECT_EQ(fin->verify_data, m.verify_data);
}

TEST(Finished, LeavesTheVerifyDataLengthToTheStateMachine) {
    auto fin = decode_finished(hex("01"));
    ASSERT_TRUE(fin);
    EXPECT_EQ(fin->verify_data.size(), 1u);
}

TEST(Finished, RejectsAnEmptyBody) {
    EXPECT_TRUE(fails_with(decode_finished({}), Reason::truncated));
}

TEST(NewSessionTicket, RoundTrips) {
    NewSessionTicket12 m{7200, hex("0102030405")};
    EXPECT_EQ(body(m), hex("00001c20 0005 0102030405"));
    auto ticket = decode_new_session_ticket12(body(m));
    ASSERT_TRUE(ticket);
    EXPECT_EQ(ticket->lifetime_hint, 7200u);
    EXPECT_EQ(ticket->ticket, m.ticket);
    expect_every_truncation_fails(body(m), [](auto b) { return decode_new_session_ticket12(b); });
}

TEST(NewSessionTicket, AcceptsAnEmptyTicket) {
    // RFC 5077 §3.3: an empty ticket means the server will not issue one after all.
    auto ticket = decode_new_session_ticket12(hex("00000000 0000"));
    ASSERT_TRUE(ticket);
    EXPECT_TRUE(ticket->ticket.empty());
}

TEST(NewSessionTicket, RejectsATrailingByte) {
    EXPECT_TRUE(fails_with(decode_new_session_ticket12(hex("00000000 0001 aa bb")), Reason::trailing_bytes));
}

}  // namespace
}  // namespace tlspp::msg
