#include "session/session.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "support/hex.hpp"

namespace tlspp::session {
namespace {

using namespace std::chrono_literals;
using Bytes = std::vector<std::uint8_t>;

Session12 sample() {
    Session12 s;
    s.suite = CipherSuite::TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256;
    s.master_secret = crypto::SecretBytes(48);
    for (std::size_t i = 0; i < 48; ++i) s.master_secret[i] = static_cast<std::uint8_t>(i + 1);
    s.extended_master_secret = true;
    s.server_name = "example.com";
    s.alpn = "h2";
    s.created = Time(std::chrono::seconds(1'700'000'000));
    s.lifetime = 2h;
    s.peer_chain = {Bytes{0x30, 0x03, 0x01, 0x02, 0x03}, Bytes{0x30, 0x00}};
    s.session_id = Bytes(32, 0xab);
    s.ticket = Bytes{1, 2, 3, 4, 5};
    s.ticket_lifetime_hint = 7200;
    return s;
}

void expect_same(const Session12& a, const Session12& b) {
    EXPECT_EQ(a.suite, b.suite);
    EXPECT_TRUE(crypto::equal_constant_time(a.master_secret, b.master_secret));
    EXPECT_EQ(a.extended_master_secret, b.extended_master_secret);
    EXPECT_EQ(a.encrypt_then_mac, b.encrypt_then_mac);
    EXPECT_EQ(a.server_name, b.server_name);
    EXPECT_EQ(a.alpn, b.alpn);
    EXPECT_EQ(a.created, b.created);
    EXPECT_EQ(a.lifetime, b.lifetime);
    EXPECT_EQ(a.peer_chain, b.peer_chain);
    EXPECT_EQ(a.session_id, b.session_id);
    EXPECT_EQ(a.ticket, b.ticket);
    EXPECT_EQ(a.ticket_lifetime_hint, b.ticket_lifetime_hint);
}

Bytes serialized(const Session12& s) {
    auto bytes = serialize(s);
    EXPECT_TRUE(bytes) << bytes.error().detail;
    return Bytes(bytes->view().begin(), bytes->view().end());
}

void expect_decode_failure(const Bytes& bytes, Reason reason) {
    auto r = deserialize(bytes);
    ASSERT_FALSE(r) << "decoded " << test::to_hex(bytes);
    EXPECT_EQ(r.error().reason, reason) << r.error().detail;
    EXPECT_EQ(r.error().alert, Alert::decode_error);
}

TEST(Session12, IsNotExpiredFromCreationUntilItsLifetimeEnds) {
    const Session12 s = sample();
    EXPECT_FALSE(s.expired(s.created));
    EXPECT_FALSE(s.expired(s.created + 2h - 1s));
    EXPECT_TRUE(s.expired(s.created + 2h));
    EXPECT_TRUE(s.expired(s.created + 24h));
}

TEST(Session12, IsExpiredBeforeItWasCreatedAndWithZeroLifetime) {
    Session12 s = sample();
    EXPECT_TRUE(s.expired(s.created - 1s));
    s.lifetime = 0s;
    EXPECT_TRUE(s.expired(s.created));
}

TEST(SessionSerialization, RoundTripsEveryField) {
    const Session12 s = sample();
    auto back = deserialize(serialized(s));
    ASSERT_TRUE(back) << back.error().detail;
    expect_same(s, *back);
}

TEST(SessionSerialization, RoundTripsAMinimalSession) {
    Session12 s;
    s.suite = CipherSuite::TLS_RSA_WITH_AES_256_GCM_SHA384;
    s.master_secret = crypto::SecretBytes(48);
    s.encrypt_then_mac = true;
    auto back = deserialize(serialized(s));
    ASSERT_TRUE(back) << back.error().detail;
    expect_same(s, *back);
}

TEST(SessionSerialization, StartsWithTheFormatVersionAndSuite) {
    const Bytes bytes = serialized(sample());
    ASSERT_GE(bytes.size(), 4u);
    EXPECT_EQ(bytes[0], kSessionFormatVersion);
    EXPECT_EQ(bytes[1], 0xc0);
    EXPECT_EQ(bytes[2], 0x2f);
    EXPECT_EQ(bytes[3], 48);
}

TEST(SessionSerialization, StoresCreatedToTheSecond) {
    Session12 s = sample();
    s.created += 750ms;
    auto back = deserialize(serialized(s));
    ASSERT_TRUE(back);
    EXPECT_EQ(back->created, sample().created);
}

TEST(SessionSerialization, RefusesToStoreAMasterSecretThatIsNot48Bytes) {
    Session12 s = sample();
    s.master_secret = crypto::SecretBytes(47);
    auto r = serialize(s);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().reason, Reason::internal_error);
}

TEST(SessionSerialization, RefusesToStoreASessionIdLongerThan32Bytes) {
    Session12 s = sample();
    s.session_id = Bytes(33, 1);
    auto r = serialize(s);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().reason, Reason::internal_error);
}

TEST(SessionDeserialization, RejectsEveryTruncation) {
    const Bytes bytes = serialized(sample());
    for (std::size_t n = 0; n < bytes.size(); ++n) {
        auto r = deserialize(std::span(bytes).first(n));
        ASSERT_FALSE(r) << "decoded a prefix of " << n << " bytes";
        EXPECT_TRUE(r.error().reason == Reason::truncated || r.error().reason == Reason::length_out_of_range)
            << n << ": " << r.error().detail;
    }
}

TEST(SessionDeserialization, RejectsTrailingBytes) {
    Bytes bytes = serialized(sample());
    bytes.push_back(0);
    expect_decode_failure(bytes, Reason::trailing_bytes);
}

TEST(SessionDeserialization, RejectsAnUnknownFormatVersion) {
    Bytes bytes = serialized(sample());
    bytes[0] = 2;
    expect_decode_failure(bytes, Reason::invalid_encoding);
    expect_decode_failure(Bytes{0}, Reason::invalid_encoding);
}

TEST(SessionDeserialization, RejectsAMasterSecretOfAnotherLength) {
    Bytes bytes = serialized(sample());
    bytes[3] = 47;
    expect_decode_failure(bytes, Reason::length_out_of_range);
}

TEST(SessionDeserialization, RejectsUnknownFlagBits) {
    Bytes bytes = serialized(sample());
    bytes[4 + 48] |= 0x80;
    expect_decode_failure(bytes, Reason::invalid_encoding);
}

TEST(SessionDeserialization, RejectsASessionIdLongerThan32Bytes) {
    Session12 s = sample();
    s.session_id.clear();
    s.ticket.clear();
    Bytes bytes = serialized(s);
    // The tail is u8 session_id length (0), u16 ticket length (0), u32 hint.
    bytes.resize(bytes.size() - 7);
    bytes.push_back(33);
    bytes.insert(bytes.end(), 33, 0x55);
    bytes.insert(bytes.end(), {0, 0, 0, 0, 0, 0});
    expect_decode_failure(bytes, Reason::length_out_of_range);
}

TEST(SessionDeserialization, RejectsAnEmptyCertificateInThePeerChain) {
    Session12 s = sample();
    s.peer_chain.clear();
    Bytes bytes = serialized(s);
    // Find the empty chain block (u24 0) after the lifetime and put in one empty certificate.
    const std::size_t chain_at = 4 + 48 + 1 + 2 + s.server_name.size() + 2 + s.alpn.size() + 8 + 4;
    ASSERT_EQ(bytes[chain_at + 2], 0);
    bytes[chain_at + 2] = 3;
    bytes.insert(bytes.begin() + static_cast<std::ptrdiff_t>(chain_at + 3), {0, 0, 0});
    expect_decode_failure(bytes, Reason::length_out_of_range);
}

TEST(SessionDeserialization, RejectsACreatedTimeOutOfRange) {
    Session12 s = sample();
    s.peer_chain.clear();
    Bytes bytes = serialized(s);
    const std::size_t created_at = 4 + 48 + 1 + 2 + s.server_name.size() + 2 + s.alpn.size();
    bytes[created_at] = 0xff;   // a negative or absurd year
    expect_decode_failure(bytes, Reason::invalid_encoding);
}

TEST(SessionDeserialization, NeverCrashesOnSingleByteCorruptions) {
    const Bytes good = serialized(sample());
    for (std::size_t i = 0; i < good.size(); ++i) {
        for (std::uint8_t flip : {0x01, 0x80, 0xff}) {
            Bytes bad = good;
            bad[i] ^= flip;
            auto r = deserialize(bad);
            if (!r) {
                EXPECT_EQ(r.error().alert, Alert::decode_error) << i;
            }
        }
    }
}

TEST(SessionPem, RoundTripsThroughTheArmour) {
    const Session12 s = sample();
    auto pem = to_pem(s);
    ASSERT_TRUE(pem);
    EXPECT_EQ(pem->rfind("-----BEGIN TLSPP SESSION-----\n", 0), 0u);
    EXPECT_NE(pem->find("\n-----END TLSPP SESSION-----\n"), std::string::npos);
    // Lines of at most 64 characters.
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < pem->size(); ++i) {
        if ((*pem)[i] != '\n') continue;
        EXPECT_LE(i - line_start, 64u);
        line_start = i + 1;
    }
    auto back = from_pem(*pem);
    ASSERT_TRUE(back) << back.error().detail;
    expect_same(s, *back);
}

TEST(SessionPem, IgnoresTextAroundTheBlockAndCarriageReturns) {
    std::string pem = *to_pem(sample());
    std::string crlf;
    for (char c : pem) {
        if (c == '\n') crlf += '\r';
        crlf += c;
    }
    auto back = from_pem("session for example.com\n" + crlf + "trailing notes\n");
    ASSERT_TRUE(back) << back.error().detail;
    expect_same(sample(), *back);
}

TEST(SessionPem, RejectsTextWithoutABlock) {
    auto r = from_pem("hello");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().reason, Reason::invalid_encoding);
    r = from_pem("-----BEGIN TLSPP SESSION-----\nAAAA\n");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().reason, Reason::invalid_encoding);
}

TEST(SessionPem, RejectsBadBase64) {
    for (std::string_view body : {"AQ!D", "AQI", "A===", "AQ=D", "AR==" /* nonzero pad bits */}) {
        auto r = from_pem("-----BEGIN TLSPP SESSION-----\n" + std::string(body) + "\n-----END TLSPP SESSION-----\n");
        ASSERT_FALSE(r) << body;
        EXPECT_EQ(r.error().reason, Reason::invalid_encoding) << body;
    }
}

TEST(SessionPem, RejectsAWellArmouredButTruncatedSession) {
    // "AQ==" is the single byte 01: a format version and nothing else.
    auto r = from_pem("-----BEGIN TLSPP SESSION-----\nAQ==\n-----END TLSPP SESSION-----\n");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().reason, Reason::truncated);
}

}  // namespace
}  // namespace tlspp::session
