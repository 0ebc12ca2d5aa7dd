#include <gtest/gtest.h>
#include <openssl/evp.h>

#include <array>
#include <cstring>
#include <limits>
#include <vector>

#include "record/aead12.hpp"
#include "record/protection.hpp"
#include "support/hex.hpp"

namespace tlspp::record {
namespace {

using crypto::AeadAlg;
using test::hex;
using test::to_hex;
using Bytes = std::vector<std::uint8_t>;

const Bytes key128 = hex("000102030405060708090a0b0c0d0e0f");
const Bytes key256 = hex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
const Bytes salt = hex("a0a1a2a3");
const Bytes iv12 = hex("b0b1b2b3b4b5b6b7b8b9babb");

std::unique_ptr<Protection> make(AeadAlg alg, std::uint64_t first_sequence = 0) {
    const Bytes& key = alg == AeadAlg::aes_128_gcm ? key128 : key256;
    const Bytes& iv = alg == AeadAlg::chacha20_poly1305 ? iv12 : salt;
    auto p = make_aead12_at(alg, key, iv, first_sequence);
    EXPECT_TRUE(p);
    return std::move(*p);
}

// record builds header || prefix room || plaintext || tag room, as the record layer does.
Bytes record(const Protection& p, ContentType type, const Bytes& plaintext) {
    std::size_t length = p.prefix_length() + plaintext.size() + p.suffix_length(plaintext.size());
    Bytes r{static_cast<std::uint8_t>(type), 0x03, 0x03, static_cast<std::uint8_t>(length >> 8),
            static_cast<std::uint8_t>(length)};
    r.resize(5 + p.prefix_length());
    r.insert(r.end(), plaintext.begin(), plaintext.end());
    r.resize(5 + length);
    return r;
}

// seal seals a record built by record(): its plaintext length follows from
// the AEAD's fixed prefix and tag.
void seal(Protection& p, Bytes& r) { p.seal(r, r.size() - 5 - p.prefix_length() - p.suffix_length(0)); }

std::span<std::uint8_t> fragment_of(Bytes& r) { return std::span<std::uint8_t>(r).subspan(5); }

// reference_seal is an independent construction straight from the RFC text
// with libcrypto's EVP interface: ciphertext || tag.
Bytes reference_seal(AeadAlg alg, const Bytes& key, const Bytes& nonce, const Bytes& aad, const Bytes& plaintext) {
    const EVP_CIPHER* cipher = alg == AeadAlg::aes_128_gcm   ? EVP_aes_128_gcm()
                               : alg == AeadAlg::aes_256_gcm ? EVP_aes_256_gcm()
                                                             : EVP_chacha20_poly1305();
    EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
    Bytes out(plaintext.size() + 16);
    int n = 0;
    EXPECT_EQ(EVP_EncryptInit_ex(ctx, cipher, nullptr, key.data(), nonce.data()), 1);
    EXPECT_EQ(EVP_EncryptUpdate(ctx, nullptr, &n, aad.data(), int(aad.size())), 1);
    EXPECT_EQ(EVP_EncryptUpdate(ctx, out.data(), &n, plaintext.data(), int(plaintext.size())), 1);
    EXPECT_EQ(EVP_EncryptFinal_ex(ctx, out.data() + n, &n), 1);
    EXPECT_EQ(EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_GET_TAG, 16, out.data() + plaintext.size()), 1);
    EVP_CIPHER_CTX_free(ctx);
    return out;
}

TEST(Aead12, AesGcmSendsTheSequenceNumberAsExplicitNonceUnderTheSalt) {
    auto p = make(AeadAlg::aes_128_gcm);
    EXPECT_EQ(p->prefix_length(), 8u);
    EXPECT_EQ(p->suffix_length(0), 16u);
    Bytes plaintext = hex("68656c6c6f");  // "hello"
    for (std::uint64_t seq = 0; seq < 3; ++seq) {
        Bytes r = record(*p, ContentType::application_data, plaintext);
        seal(*p, r);
        Bytes explicit_nonce = hex("000000000000000" + std::to_string(seq));
        EXPECT_EQ(to_hex(std::span(r).subspan(5, 8)), to_hex(explicit_nonce));
        // RFC 5288 §3 nonce = salt || explicit; RFC 5246 §6.2.3.3 aad = seq || type || version || length.
        Bytes nonce = salt;
        nonce.insert(nonce.end(), explicit_nonce.begin(), explicit_nonce.end());
        Bytes aad = explicit_nonce;
        for (auto b : hex("17 0303 0005")) aad.push_back(b);
        EXPECT_EQ(to_hex(std::span(r).subspan(13)),
                  to_hex(reference_seal(AeadAlg::aes_128_gcm, key128, nonce, aad, plaintext)));
    }
}

TEST(Aead12, ChaChaXorsThePaddedSequenceNumberIntoTheIvAndHasNoExplicitNonce) {
    auto p = make(AeadAlg::chacha20_poly1305);
    EXPECT_EQ(p->prefix_length(), 0u);
    EXPECT_EQ(p->suffix_length(0), 16u);
    Bytes plaintext = hex("1400000c0102030405060708090a0b0c");
    for (std::uint64_t seq = 0; seq < 3; ++seq) {
        Bytes r = record(*p, ContentType::handshake, plaintext);
        seal(*p, r);
        // RFC 7905 §2: iv XOR (00000000 || seq).
        Bytes nonce = iv12;
        nonce[11] ^= static_cast<std::uint8_t>(seq);
        Bytes aad = hex("000000000000000" + std::to_string(seq) + "16 0303 0010");
        EXPECT_EQ(to_hex(std::span(r).subspan(5)),
                  to_hex(reference_seal(AeadAlg::chacha20_poly1305, key256, nonce, aad, plaintext)));
    }
}

class Aead12Both : public ::testing::TestWithParam<AeadAlg> {};

TEST_P(Aead12Both, OpensWhatItSealsRecordAfterRecord) {
    auto sender = make(GetParam());
    auto receiver = make(GetParam());
    for (std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{100}, max_plaintext}) {
        Bytes plaintext(n, static_cast<std::uint8_t>(n));
        Bytes r = record(*sender, ContentType::application_data, plaintext);
        seal(*sender, r);
        auto opened = receiver->open(ContentType::application_data, 0x0303, fragment_of(r));
        ASSERT_TRUE(opened) << opened.error().detail;
        EXPECT_EQ(opened->type, ContentType::application_data);
        EXPECT_EQ(Bytes(opened->plaintext.begin(), opened->plaintext.end()), plaintext);
        // The plaintext is a view into the record: decrypted in place.
        EXPECT_EQ(opened->plaintext.data(), r.data() + 5 + receiver->prefix_length());
    }
}

void expect_auth_failure(const Result<Opened>& opened) {
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().reason, Reason::record_authentication_failed);
    EXPECT_EQ(opened.error().alert, Alert::bad_record_mac);
}

TEST_P(Aead12Both, RejectsAnyFlippedBitInTheFragment) {
    auto sender = make(GetParam());
    Bytes r = record(*sender, ContentType::application_data, Bytes(40, 7));
    seal(*sender, r);
    for (std::size_t i = 5; i < r.size(); ++i) {
        Bytes tampered = r;
        tampered[i] ^= 0x01;
        auto receiver = make(GetParam());
        expect_auth_failure(receiver->open(ContentType::application_data, 0x0303, fragment_of(tampered)));
    }
}

TEST_P(Aead12Both, RejectsAHeaderThatDiffersFromWhatWasSealed) {
    auto sender = make(GetParam());
    Bytes r = record(*sender, ContentType::application_data, Bytes(10, 1));
    seal(*sender, r);
    Bytes copy = r;
    expect_auth_failure(make(GetParam())->open(ContentType::handshake, 0x0303, fragment_of(copy)));
    copy = r;
    expect_auth_failure(make(GetParam())->open(ContentType::application_data, 0x0301, fragment_of(copy)));
}

TEST_P(Aead12Both, RejectsAReplayedRecordBecauseTheSequenceNumberMoved) {
    auto sender = make(GetParam());
    auto receiver = make(GetParam());
    Bytes r = record(*sender, ContentType::application_data, Bytes(10, 1));
    seal(*sender, r);
    Bytes replay = r;
    ASSERT_TRUE(receiver->open(ContentType::application_data, 0x0303, fragment_of(r)));
    expect_auth_failure(receiver->open(ContentType::application_data, 0x0303, fragment_of(replay)));
}

TEST_P(Aead12Both, RejectsAFragmentTooShortForNonceAndTag) {
    auto receiver = make(GetParam());
    for (std::size_t n = 0; n < receiver->prefix_length() + 16; ++n) {
        Bytes fragment(n, 0);
        expect_auth_failure(receiver->open(ContentType::application_data, 0x0303, fragment));
    }
}

TEST_P(Aead12Both, RejectsPlaintextLongerThan2To14WithRecordOverflow) {
    auto sender = make(GetParam());
    Bytes r = record(*sender, ContentType::application_data, Bytes(max_plaintext + 1, 0));
    seal(*sender, r);
    auto opened = make(GetParam())->open(ContentType::application_data, 0x0303, fragment_of(r));
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().reason, Reason::record_overflow);
    EXPECT_EQ(opened.error().alert, Alert::record_overflow);
}

TEST_P(Aead12Both, UsesTheLastSequenceNumberThenRefusesToWrap) {
    constexpr auto last = std::numeric_limits<std::uint64_t>::max();
    auto sender = make(GetParam(), last);
    auto receiver = make(GetParam(), last);
    Bytes r = record(*sender, ContentType::application_data, Bytes(10, 0x5a));
    seal(*sender, r);
    ASSERT_TRUE(receiver->open(ContentType::application_data, 0x0303, fragment_of(r)));

    // RFC 5246 §6.1: sequence numbers "may not exceed 2^64-1"; wrapping to 0 would reuse a nonce.
    Bytes next = record(*sender, ContentType::application_data, Bytes(10, 0x5a));
    seal(*sender, next);
    EXPECT_EQ(to_hex(std::span(next).subspan(5)), test::repeat("00", next.size() - 5))
        << "the plaintext must not go out, and no tag under a reused nonce";
    expect_auth_failure(receiver->open(ContentType::application_data, 0x0303, fragment_of(next)));
}

// seal_from encrypts from the caller's buffer into the record: the record it
// makes is byte for byte the one seal() makes in place, record after record,
// and nothing is written to the caller's plaintext.
TEST_P(Aead12Both, SealFromTheCallersBufferEqualsSealingInPlace) {
    auto in_place = make(GetParam());
    auto from = make(GetParam());
    for (std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{100}, max_plaintext}) {
        const Bytes plaintext(n, static_cast<std::uint8_t>(n + 7));
        Bytes expected = record(*in_place, ContentType::application_data, plaintext);
        seal(*in_place, expected);
        Bytes r = record(*from, ContentType::application_data, Bytes(n, 0xee));   // body not yet written
        from->seal_from(r, plaintext);
        EXPECT_EQ(to_hex(r), to_hex(expected)) << n << " bytes";
        EXPECT_EQ(plaintext, Bytes(n, static_cast<std::uint8_t>(n + 7)));
    }
}

// Past the last sequence number seal_from refuses as seal() does: no
// plaintext goes out.
TEST_P(Aead12Both, SealFromRefusesToWrapTheSequenceNumber) {
    auto sender = make(GetParam(), std::numeric_limits<std::uint64_t>::max());
    Bytes first = record(*sender, ContentType::application_data, Bytes(10, 0x5a));
    seal(*sender, first);
    Bytes next = record(*sender, ContentType::application_data, Bytes(10, 0x00));
    sender->seal_from(next, Bytes(10, 0x5a));
    EXPECT_EQ(to_hex(std::span(next).subspan(5)), test::repeat("00", next.size() - 5));
}

INSTANTIATE_TEST_SUITE_P(Suites, Aead12Both,
                         ::testing::Values(AeadAlg::aes_128_gcm, AeadAlg::aes_256_gcm, AeadAlg::chacha20_poly1305));

TEST(Aead12, RejectsAFixedIvOfTheWrongLength) {
    auto gcm = make_aead12(AeadAlg::aes_128_gcm, key128, iv12);
    ASSERT_FALSE(gcm);
    EXPECT_EQ(gcm.error().reason, Reason::internal_error);
    EXPECT_EQ(gcm.error().alert, Alert::internal_error);
    auto chacha = make_aead12(AeadAlg::chacha20_poly1305, key256, salt);
    ASSERT_FALSE(chacha);
    EXPECT_EQ(chacha.error().reason, Reason::internal_error);
}

TEST(Aead12, RejectsAKeyOfTheWrongLength) {
    auto p = make_aead12(AeadAlg::aes_256_gcm, key128, salt);
    ASSERT_FALSE(p);
    EXPECT_EQ(p.error().reason, Reason::internal_error);
    EXPECT_EQ(p.error().alert, Alert::internal_error);
}

}  // namespace
}  // namespace tlspp::record
