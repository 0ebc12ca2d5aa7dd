#include "record/aead13.hpp"

#include <gtest/gtest.h>
#include <openssl/evp.h>

#include <cstring>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "support/hex.hpp"
#include "support/rfc8448.hpp"

namespace tlspp::record {
namespace {

using crypto::AeadAlg;
using test::hex;
using test::to_hex;
using Bytes = std::vector<std::uint8_t>;
namespace rfc8448 = test::rfc8448;

std::unique_ptr<Protection> make(std::string_view key, std::string_view iv, std::uint64_t first_sequence = 0,
                                 Aead13Padding padding = {}) {
    auto p = make_aead13_at(AeadAlg::aes_128_gcm, hex(key), hex(iv), first_sequence, padding);
    EXPECT_TRUE(p);
    return std::move(*p);
}

// record builds header || plaintext || room for the suffix as the record
// layer does: the header carries the real content type and the final length.
Bytes record(const Protection& p, ContentType type, const Bytes& plaintext) {
    const std::size_t length = p.prefix_length() + plaintext.size() + p.suffix_length(plaintext.size());
    Bytes r(header_length + length, 0);
    r[0] = static_cast<std::uint8_t>(type);
    r[1] = 0x03;
    r[2] = 0x03;
    r[3] = static_cast<std::uint8_t>(length >> 8);
    r[4] = static_cast<std::uint8_t>(length);
    if (!plaintext.empty()) std::memcpy(r.data() + header_length, plaintext.data(), plaintext.size());
    return r;
}

Bytes sealed(Protection& p, ContentType type, const Bytes& plaintext) {
    Bytes r = record(p, type, plaintext);
    p.seal(r, plaintext.size());
    return r;
}

Result<Opened> open_record(Protection& p, Bytes& r) {
    const auto type = static_cast<ContentType>(r[0]);
    const auto version = static_cast<std::uint16_t>(r[1] << 8 | r[2]);
    return p.open(type, version, std::span<std::uint8_t>(r).subspan(header_length));
}

// reference_record protects `inner` (a TLSInnerPlaintext, built by hand, so
// it may be malformed) with libcrypto's AES-128-GCM directly, following
// RFC 8446 §5.2-§5.3 independently of aead13.cpp.
Bytes reference_record(std::string_view key, std::string_view iv, std::uint64_t seq, const Bytes& inner) {
    Bytes nonce = hex(iv);
    for (int i = 0; i < 8; ++i) nonce[4 + i] ^= static_cast<std::uint8_t>(seq >> (56 - 8 * i));
    const std::size_t length = inner.size() + 16;
    Bytes r{23, 0x03, 0x03, static_cast<std::uint8_t>(length >> 8), static_cast<std::uint8_t>(length)};
    EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
    const Bytes k = hex(key);
    int n = 0;
    EXPECT_EQ(EVP_EncryptInit_ex(ctx, EVP_aes_128_gcm(), nullptr, k.data(), nonce.data()), 1);
    EXPECT_EQ(EVP_EncryptUpdate(ctx, nullptr, &n, r.data(), 5), 1);
    r.resize(5 + length);
    if (!inner.empty()) {
        EXPECT_EQ(EVP_EncryptUpdate(ctx, r.data() + 5, &n, inner.data(), int(inner.size())), 1);
    }
    EXPECT_EQ(EVP_EncryptFinal_ex(ctx, r.data() + 5, &n), 1);
    EXPECT_EQ(EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, 16, r.data() + 5 + inner.size()), 1);
    EVP_CIPHER_CTX_free(ctx);
    return r;
}

Bytes server_flight() {
    return hex(std::string(rfc8448::encrypted_extensions) + std::string(rfc8448::certificate) +
               std::string(rfc8448::certificate_verify) + std::string(rfc8448::server_finished));
}

// RFC 8448 §3 {server} send handshake record: opening the 679-octet record
// under the server handshake key and IV gives EE || Certificate ||
// CertificateVerify || Finished (657 octets) of type handshake.
TEST(Aead13, OpensTheRfc8448ServerHandshakeFlight) {
    auto p = make(rfc8448::server_handshake_key, rfc8448::server_handshake_iv);
    Bytes r = hex(rfc8448::server_flight_record);
    auto opened = open_record(*p, r);
    ASSERT_TRUE(opened) << opened.error().detail;
    EXPECT_EQ(opened->type, ContentType::handshake);
    EXPECT_EQ(opened->plaintext.size(), 657u);
    EXPECT_EQ(to_hex(opened->plaintext), to_hex(server_flight()));
}

// ... and sealing those 657 octets as a handshake record gives the trace's
// record byte for byte: outer type 23, inner type 22, no padding.
TEST(Aead13, SealsTheRfc8448ServerHandshakeFlightExactly) {
    auto p = make(rfc8448::server_handshake_key, rfc8448::server_handshake_iv);
    EXPECT_EQ(p->prefix_length(), 0u);
    EXPECT_EQ(p->suffix_length(657), 17u);
    EXPECT_EQ(to_hex(sealed(*p, ContentType::handshake, server_flight())), to_hex(hex(rfc8448::server_flight_record)));
}

// RFC 8448 §3 {client} send handshake record: the client's Finished, both ways.
TEST(Aead13, OpensAndSealsTheRfc8448ClientFinished) {
    auto reader = make(rfc8448::client_handshake_key, rfc8448::client_handshake_iv);
    Bytes r = hex(rfc8448::client_finished_record);
    auto opened = open_record(*reader, r);
    ASSERT_TRUE(opened) << opened.error().detail;
    EXPECT_EQ(opened->type, ContentType::handshake);
    EXPECT_EQ(to_hex(opened->plaintext), rfc8448::client_finished);

    auto writer = make(rfc8448::client_handshake_key, rfc8448::client_handshake_iv);
    EXPECT_EQ(to_hex(sealed(*writer, ContentType::handshake, hex(rfc8448::client_finished))),
              to_hex(hex(rfc8448::client_finished_record)));
}

// RFC 8448 §3: the client's application data (sequence 0) and close_notify
// (sequence 1) under one protection, so the sequence number advances.
TEST(Aead13, OpensAndSealsTheRfc8448ClientApplicationRecords) {
    auto reader = make(rfc8448::client_application_key, rfc8448::client_application_iv);
    Bytes data = hex(rfc8448::client_application_record);
    auto opened = open_record(*reader, data);
    ASSERT_TRUE(opened) << opened.error().detail;
    EXPECT_EQ(opened->type, ContentType::application_data);
    EXPECT_EQ(to_hex(opened->plaintext), rfc8448::application_payload);
    Bytes alert = hex(rfc8448::client_close_notify_record);
    auto closed = open_record(*reader, alert);
    ASSERT_TRUE(closed) << closed.error().detail;
    EXPECT_EQ(closed->type, ContentType::alert);
    EXPECT_EQ(to_hex(closed->plaintext), "0100");

    auto writer = make(rfc8448::client_application_key, rfc8448::client_application_iv);
    EXPECT_EQ(to_hex(sealed(*writer, ContentType::application_data, hex(rfc8448::application_payload))),
              to_hex(hex(rfc8448::client_application_record)));
    EXPECT_EQ(to_hex(sealed(*writer, ContentType::alert, hex("0100"))),
              to_hex(hex(rfc8448::client_close_notify_record)));
}

// The server's application data is its second record under the key (after
// NewSessionTicket), so its protection starts at sequence 1.
TEST(Aead13, OpensAndSealsTheRfc8448ServerApplicationRecordsFromSequenceOne) {
    auto reader = make(rfc8448::server_application_key, rfc8448::server_application_iv, 1);
    Bytes data = hex(rfc8448::server_application_record);
    auto opened = open_record(*reader, data);
    ASSERT_TRUE(opened) << opened.error().detail;
    EXPECT_EQ(to_hex(opened->plaintext), rfc8448::application_payload);
    Bytes alert = hex(rfc8448::server_close_notify_record);
    auto closed = open_record(*reader, alert);
    ASSERT_TRUE(closed) << closed.error().detail;
    EXPECT_EQ(closed->type, ContentType::alert);

    auto writer = make(rfc8448::server_application_key, rfc8448::server_application_iv, 1);
    EXPECT_EQ(to_hex(sealed(*writer, ContentType::application_data, hex(rfc8448::application_payload))),
              to_hex(hex(rfc8448::server_application_record)));
    EXPECT_EQ(to_hex(sealed(*writer, ContentType::alert, hex("0100"))),
              to_hex(hex(rfc8448::server_close_notify_record)));
}

TEST(Aead13, WrongSequenceNumberFailsAuthentication) {
    auto reader = make(rfc8448::client_application_key, rfc8448::client_application_iv);
    Bytes alert = hex(rfc8448::client_close_notify_record);   // sealed at sequence 1, opened at 0
    auto opened = open_record(*reader, alert);
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().reason, Reason::record_authentication_failed);
    EXPECT_EQ(opened.error().alert, Alert::bad_record_mac);
}

TEST(Aead13, AnyFlippedBitFailsAuthentication) {
    const Bytes original = hex(rfc8448::client_finished_record);
    for (std::size_t i : {std::size_t{1}, std::size_t{4}, std::size_t{5}, std::size_t{20}, original.size() - 1}) {
        SCOPED_TRACE(i);
        auto p = make(rfc8448::client_handshake_key, rfc8448::client_handshake_iv);
        Bytes r = original;
        r[i] ^= 0x01;
        if (i == 4) r.pop_back();   // a changed length field, with the fragment to match
        auto opened = open_record(*p, r);
        ASSERT_FALSE(opened);
        EXPECT_EQ(opened.error().reason, Reason::record_authentication_failed);
        EXPECT_EQ(opened.error().alert, Alert::bad_record_mac);
    }
}

TEST(Aead13, FragmentShorterThanATagFailsAuthentication) {
    auto p = make(rfc8448::client_handshake_key, rfc8448::client_handshake_iv);
    Bytes fragment(15, 0);
    auto opened = p->open(ContentType::application_data, 0x0303, fragment);
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().reason, Reason::record_authentication_failed);
}

// RFC 8446 §5: protected records say application_data outside.
TEST(Aead13, OuterTypeOtherThanApplicationDataIsUnexpected) {
    auto p = make(rfc8448::client_handshake_key, rfc8448::client_handshake_iv);
    Bytes r = hex(rfc8448::client_finished_record);
    r[0] = static_cast<std::uint8_t>(ContentType::handshake);
    auto opened = open_record(*p, r);
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().reason, Reason::unexpected_record_type);
    EXPECT_EQ(opened.error().alert, Alert::unexpected_message);
}

// RFC 8446 §5.2: TLSCiphertext.length over 2^14 + 256 is record_overflow,
// before any decryption.
TEST(Aead13, CiphertextOverTheLimitIsRecordOverflow) {
    auto p = make(rfc8448::client_handshake_key, rfc8448::client_handshake_iv);
    Bytes fragment(max_ciphertext_tls13 + 1, 0);
    auto opened = p->open(ContentType::application_data, 0x0303, fragment);
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().reason, Reason::record_overflow);
    EXPECT_EQ(opened.error().alert, Alert::record_overflow);
}

// RFC 8446 §5.4: a TLSInnerPlaintext over 2^14 + 1 is record_overflow even
// when the ciphertext is within 2^14 + 256; one of exactly 2^14 + 1 opens.
TEST(Aead13, InnerPlaintextOverTheLimitIsRecordOverflow) {
    const std::string_view key = rfc8448::client_handshake_key, iv = rfc8448::client_handshake_iv;
    Bytes at_limit(max_inner_plaintext_tls13, 0x41);
    at_limit.back() = 23;
    Bytes ok = reference_record(key, iv, 0, at_limit);
    auto p = make(key, iv);
    auto opened = open_record(*p, ok);
    ASSERT_TRUE(opened) << opened.error().detail;
    EXPECT_EQ(opened->plaintext.size(), max_plaintext);

    Bytes over(max_inner_plaintext_tls13 + 1, 0);
    over[0] = 0x41;   // content 'A', type 23, then zeros: well formed, but too long
    over[1] = 23;
    Bytes too_long = reference_record(key, iv, 0, over);
    auto q = make(key, iv);
    auto refused = open_record(*q, too_long);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().reason, Reason::record_overflow);
    EXPECT_EQ(refused.error().alert, Alert::record_overflow);
}

// RFC 8446 §5.4: no non-zero octet, no content type: unexpected_message.
TEST(Aead13, AllZeroInnerPlaintextIsUnexpectedMessage) {
    const std::string_view key = rfc8448::client_handshake_key, iv = rfc8448::client_handshake_iv;
    for (std::size_t n : {0, 1, 100}) {
        SCOPED_TRACE(n);
        Bytes r = reference_record(key, iv, 0, Bytes(n, 0));
        auto p = make(key, iv);
        auto opened = open_record(*p, r);
        ASSERT_FALSE(opened);
        EXPECT_EQ(opened.error().reason, Reason::unexpected_record_type);
        EXPECT_EQ(opened.error().alert, Alert::unexpected_message);
    }
}

// RFC 8446 §5: a protected change_cipher_spec, or an unknown inner type.
TEST(Aead13, ProtectedChangeCipherSpecAndUnknownInnerTypesAreUnexpected) {
    const std::string_view key = rfc8448::client_handshake_key, iv = rfc8448::client_handshake_iv;
    auto p = make(key, iv);
    Bytes ccs = reference_record(key, iv, 0, hex("01 14"));
    auto opened = open_record(*p, ccs);
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().reason, Reason::unexpected_change_cipher_spec);
    EXPECT_EQ(opened.error().alert, Alert::unexpected_message);

    Bytes unknown = reference_record(key, iv, 1, hex("01 02 63 00 00"));
    opened = open_record(*p, unknown);
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().reason, Reason::unexpected_record_type);
}

// RFC 8446 §5.4: padding is zeros after the type; the last non-zero octet
// is the type, and zeros inside the content stay content.
TEST(Aead13, PaddingIsStrippedAndContentZerosKept) {
    const std::string_view key = rfc8448::client_handshake_key, iv = rfc8448::client_handshake_iv;
    Bytes r = reference_record(key, iv, 0, hex("00 61 00 62 00  17  00 00 00 00 00 00 00 00 00 00"));
    auto p = make(key, iv);
    auto opened = open_record(*p, r);
    ASSERT_TRUE(opened) << opened.error().detail;
    EXPECT_EQ(opened->type, ContentType::application_data);
    EXPECT_EQ(to_hex(opened->plaintext), "0061006200");
}

TEST(Aead13, SealPadsToTheBlockAndOpenRemovesIt) {
    const std::string_view key = rfc8448::client_handshake_key, iv = rfc8448::client_handshake_iv;
    auto writer = make(key, iv, 0, Aead13Padding{64});
    auto reader = make(key, iv);
    for (std::size_t n : {0, 1, 62, 63, 64, 200, 16383, 16384}) {
        SCOPED_TRACE(n);
        Bytes plaintext(n, 0x5a);
        Bytes r = sealed(*writer, ContentType::application_data, plaintext);
        const std::size_t inner = r.size() - header_length - 16;
        EXPECT_TRUE(inner % 64 == 0 || inner == max_inner_plaintext_tls13) << inner;
        EXPECT_GE(inner, n + 1);
        EXPECT_LE(inner, max_inner_plaintext_tls13);
        auto opened = open_record(*reader, r);
        ASSERT_TRUE(opened) << opened.error().detail;
        EXPECT_EQ(opened->type, ContentType::application_data);
        EXPECT_EQ(opened->plaintext.size(), n);
    }
}

TEST(Aead13, RoundTripsWithEveryAead) {
    const Bytes iv = hex("000102030405060708090a0b");
    for (AeadAlg alg : {AeadAlg::aes_128_gcm, AeadAlg::aes_256_gcm, AeadAlg::chacha20_poly1305}) {
        SCOPED_TRACE(static_cast<int>(alg));
        const Bytes key(crypto::aead_key_length(alg), 0x42);
        auto writer = make_aead13(alg, key, iv, Use::seal);
        auto reader = make_aead13(alg, key, iv, Use::open);
        ASSERT_TRUE(writer);
        ASSERT_TRUE(reader);
        for (int i = 0; i < 3; ++i) {
            Bytes plaintext{'h', 'i', static_cast<std::uint8_t>(i)};
            Bytes r = sealed(**writer, ContentType::alert, plaintext);
            EXPECT_EQ(r[0], 23);
            auto opened = open_record(**reader, r);
            ASSERT_TRUE(opened) << opened.error().detail;
            EXPECT_EQ(opened->type, ContentType::alert);
            EXPECT_EQ(to_hex(opened->plaintext), to_hex(plaintext));
        }
    }
}

// RFC 8446 §5.3: a sequence number must not wrap. The last one is usable,
// after it the protection refuses.
TEST(Aead13, SequenceNumberDoesNotWrap) {
    const std::string_view key = rfc8448::client_handshake_key, iv = rfc8448::client_handshake_iv;
    const std::uint64_t last = std::numeric_limits<std::uint64_t>::max();
    auto writer = make(key, iv, last);
    auto reader = make(key, iv, last);
    Bytes first = sealed(*writer, ContentType::application_data, hex("01"));
    EXPECT_EQ(to_hex(first), to_hex(reference_record(key, iv, last, hex("01 17"))));
    ASSERT_TRUE(open_record(*reader, first));
    Bytes second = sealed(*writer, ContentType::application_data, hex("02"));
    auto refused = open_record(*reader, second);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().reason, Reason::record_authentication_failed);
}

TEST(Aead13, WrongKeyOrIvLengthIsRefused) {
    EXPECT_FALSE(make_aead13(AeadAlg::aes_128_gcm, Bytes(16, 1), Bytes(11, 1)));
    EXPECT_FALSE(make_aead13(AeadAlg::aes_128_gcm, Bytes(32, 1), Bytes(12, 1)));
    auto p = make_aead13(AeadAlg::chacha20_poly1305, Bytes(16, 1), Bytes(12, 1), Use::seal);
    ASSERT_FALSE(p);
    EXPECT_EQ(p.error().reason, Reason::internal_error);
}

}  // namespace
}  // namespace tlspp::record
