#include "record/cbc12.hpp"

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <limits>
#include <string>
#include <tuple>
#include <vector>

#include "crypto/cbc_hmac.hpp"
#include "support/hex.hpp"

namespace tlspp::record {
namespace {

using crypto::HashAlg;
using test::hex;
using test::to_hex;
using Bytes = std::vector<std::uint8_t>;

// FixedRandom hands out the same bytes every time, so a sealed record can be
// compared with one built by hand.
class FixedRandom final : public RandomSource {
public:
    explicit FixedRandom(Bytes bytes) : bytes_(std::move(bytes)) {}
    void fill(std::span<std::uint8_t> out) override {
        for (std::size_t i = 0; i < out.size(); ++i) out[i] = bytes_[i % bytes_.size()];
    }

private:
    Bytes bytes_;
};

const Bytes fixed_iv = hex("f0e1d2c3b4a5968778695a4b3c2d1e0f");

struct Keys {
    HashAlg mac;
    Bytes mac_key;
    Bytes enc_key;
};

Keys keys_for(HashAlg mac, std::size_t enc_key_length) {
    Keys k{mac, Bytes(crypto::hash_length(mac)), Bytes(enc_key_length)};
    for (std::size_t i = 0; i < k.mac_key.size(); ++i) k.mac_key[i] = static_cast<std::uint8_t>(0x40 + i);
    for (std::size_t i = 0; i < k.enc_key.size(); ++i) k.enc_key[i] = static_cast<std::uint8_t>(0x90 + i);
    return k;
}

std::unique_ptr<Protection> make(const Keys& k, CbcMode mode, std::uint64_t first_sequence = 0,
                                 std::shared_ptr<RandomSource> random = system_random()) {
    auto p = make_cbc12_at(k.mac, k.mac_key, k.enc_key, mode, std::move(random), first_sequence);
    EXPECT_TRUE(p) << (p ? "" : p.error().detail);
    return p ? std::move(*p) : nullptr;
}

// record builds header || IV room || plaintext || suffix room, as the record layer does.
Bytes record(const Protection& p, ContentType type, const Bytes& plaintext) {
    const std::size_t length = p.prefix_length() + plaintext.size() + p.suffix_length(plaintext.size());
    Bytes r{static_cast<std::uint8_t>(type), 0x03, 0x03, static_cast<std::uint8_t>(length >> 8),
            static_cast<std::uint8_t>(length)};
    r.resize(5 + p.prefix_length());
    r.insert(r.end(), plaintext.begin(), plaintext.end());
    r.resize(5 + length);
    return r;
}

Bytes sealed(Protection& p, ContentType type, const Bytes& plaintext) {
    Bytes r = record(p, type, plaintext);
    p.seal(r, plaintext.size());
    return Bytes(r.begin() + 5, r.end());
}

// ---- an independent construction from the RFC text, with libcrypto's EVP and HMAC ----

const EVP_MD* md_of(HashAlg alg) {
    return alg == HashAlg::sha1 ? EVP_sha1() : alg == HashAlg::sha256 ? EVP_sha256() : EVP_sha384();
}

Bytes reference_hmac(const Keys& k, const Bytes& data) {
    Bytes out(EVP_MAX_MD_SIZE);
    unsigned int n = 0;
    EXPECT_NE(HMAC(md_of(k.mac), k.mac_key.data(), int(k.mac_key.size()), data.data(), data.size(), out.data(), &n),
              nullptr);
    out.resize(n);
    return out;
}

Bytes reference_cbc(const Keys& k, const Bytes& iv, const Bytes& data, bool encrypt) {
    const EVP_CIPHER* cipher = k.enc_key.size() == 16 ? EVP_aes_128_cbc() : EVP_aes_256_cbc();
    EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
    Bytes out(data.size() + 16);
    int n = 0, m = 0;
    EXPECT_EQ(EVP_CipherInit_ex(ctx, cipher, nullptr, k.enc_key.data(), iv.data(), encrypt ? 1 : 0), 1);
    EXPECT_EQ(EVP_CIPHER_CTX_set_padding(ctx, 0), 1);
    EXPECT_EQ(EVP_CipherUpdate(ctx, out.data(), &n, data.data(), int(data.size())), 1);
    EXPECT_EQ(EVP_CipherFinal_ex(ctx, out.data() + n, &m), 1);
    EVP_CIPHER_CTX_free(ctx);
    out.resize(std::size_t(n + m));
    return out;
}

// RFC 5246 §6.2.3.1: seq_num || type || version || length || content.
Bytes mac_input(std::uint64_t seq, ContentType type, std::size_t length, const Bytes& content) {
    Bytes in;
    for (int i = 7; i >= 0; --i) in.push_back(static_cast<std::uint8_t>(seq >> (8 * i)));
    in.push_back(static_cast<std::uint8_t>(type));
    in.push_back(0x03);
    in.push_back(0x03);
    in.push_back(static_cast<std::uint8_t>(length >> 8));
    in.push_back(static_cast<std::uint8_t>(length));
    in.insert(in.end(), content.begin(), content.end());
    return in;
}

Bytes padding(std::size_t padding_length) {
    return Bytes(padding_length + 1, static_cast<std::uint8_t>(padding_length));
}

// mte_body is the RFC 5246 §6.2.3.2 GenericBlockCipher plaintext: content || MAC || padding || padding_length.
Bytes mte_body(const Keys& k, std::uint64_t seq, ContentType type, const Bytes& content, std::size_t padding_length) {
    Bytes body = content;
    for (auto b : reference_hmac(k, mac_input(seq, type, content.size(), content))) body.push_back(b);
    for (auto b : padding(padding_length)) body.push_back(b);
    return body;
}

Bytes mte_fragment(const Keys& k, const Bytes& iv, const Bytes& body) {
    Bytes f = iv;
    for (auto b : reference_cbc(k, iv, body, true)) f.push_back(b);
    return f;
}

// RFC 7366 §3: IV || CBC(content || padding) || MAC(seq || type || version || length || IV || ciphertext).
Bytes etm_fragment(const Keys& k, std::uint64_t seq, ContentType type, const Bytes& iv, const Bytes& padded) {
    Bytes f = iv;
    for (auto b : reference_cbc(k, iv, padded, true)) f.push_back(b);
    for (auto b : reference_hmac(k, mac_input(seq, type, f.size(), f))) f.push_back(b);
    return f;
}

Bytes concat(Bytes a, const Bytes& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

Result<Opened> open(Protection& p, Bytes& fragment, ContentType type = ContentType::application_data) {
    return p.open(type, 0x0303, fragment);
}

std::string auth_failure_message(const Result<Opened>& opened) {
    EXPECT_FALSE(opened);
    if (opened) return "(opened)";
    EXPECT_EQ(opened.error().reason, Reason::record_authentication_failed) << opened.error().detail;
    EXPECT_EQ(opened.error().alert, Alert::bad_record_mac);
    return opened.error().detail;
}

const std::string mac_failure = "TLS 1.2 CBC record: bad record MAC or padding";

// ---- every MAC × key size × mode ----

using Suite = std::tuple<HashAlg, std::size_t, CbcMode>;
class CbcSuites : public ::testing::TestWithParam<Suite> {
protected:
    Keys keys() const { return keys_for(std::get<0>(GetParam()), std::get<1>(GetParam())); }
    CbcMode mode() const { return std::get<2>(GetParam()); }
};

TEST_P(CbcSuites, OpensWhatItSealsAtEveryInterestingLength) {
    auto sender = make(keys(), mode());
    auto receiver = make(keys(), mode());
    const std::size_t mac_length = crypto::hash_length(keys().mac);
    for (std::size_t n : {0u, 1u, 15u, 16u, 17u, 255u, 256u, 16384u}) {
        Bytes plaintext(n);
        for (std::size_t i = 0; i < n; ++i) plaintext[i] = static_cast<std::uint8_t>(i * 7 + n);
        Bytes r = record(*sender, ContentType::application_data, plaintext);
        sender->seal(r, n);
        Bytes fragment(r.begin() + 5, r.end());
        // Minimal padding: one to sixteen bytes, whole blocks, IV first.
        const std::size_t covered = mode() == CbcMode::mac_then_encrypt ? n + mac_length : n;
        EXPECT_EQ(sender->suffix_length(n), mac_length + 16 - covered % 16) << n;
        EXPECT_EQ((fragment.size() - (mode() == CbcMode::mac_then_encrypt ? 0 : mac_length)) % 16, 0u) << n;
        if (n >= 16) {
            EXPECT_NE(Bytes(fragment.begin() + 16, fragment.begin() + 32),
                      Bytes(plaintext.begin(), plaintext.begin() + 16));
        }
        auto opened = open(*receiver, fragment);
        ASSERT_TRUE(opened) << n << ": " << opened.error().detail;
        EXPECT_EQ(opened->type, ContentType::application_data);
        EXPECT_EQ(Bytes(opened->plaintext.begin(), opened->plaintext.end()), plaintext) << n;
        EXPECT_EQ(opened->plaintext.data(), fragment.data() + 16) << "decrypted in place";
    }
}

// CBC has no out-of-place seal: seal_from (Protection's default) copies the
// caller's plaintext into the record, then seals in place.
TEST_P(CbcSuites, SealFromTheCallersBufferOpens) {
    auto sender = make(keys(), mode());
    auto receiver = make(keys(), mode());
    for (std::size_t n : {0u, 17u, 16384u}) {
        const Bytes plaintext(n, static_cast<std::uint8_t>(n + 3));
        Bytes r = record(*sender, ContentType::application_data, Bytes(n, 0xee));   // body not yet written
        sender->seal_from(r, plaintext);
        Bytes fragment(r.begin() + 5, r.end());
        auto opened = open(*receiver, fragment);
        ASSERT_TRUE(opened) << n << ": " << opened.error().detail;
        EXPECT_EQ(Bytes(opened->plaintext.begin(), opened->plaintext.end()), plaintext) << n;
    }
}

TEST_P(CbcSuites, RejectsAnyFlippedByteOfIvCiphertextOrMacWithOneMessage) {
    auto sender = make(keys(), mode());
    const Bytes r = sealed(*sender, ContentType::application_data, Bytes(40, 0x33));
    for (std::size_t i = 0; i < r.size(); ++i) {
        Bytes tampered = r;
        tampered[i] ^= 0x80;
        auto receiver = make(keys(), mode());
        EXPECT_EQ(auth_failure_message(open(*receiver, tampered)), mac_failure) << "byte " << i;
    }
}

TEST_P(CbcSuites, RejectsAReplayedOrReorderedRecord) {
    auto sender = make(keys(), mode());
    auto receiver = make(keys(), mode());
    const Bytes first = sealed(*sender, ContentType::application_data, Bytes(10, 1));
    const Bytes second = sealed(*sender, ContentType::application_data, Bytes(10, 2));
    Bytes copy = second;
    EXPECT_EQ(auth_failure_message(open(*make(keys(), mode()), copy)), mac_failure) << "second record at seq 0";
    copy = first;
    ASSERT_TRUE(open(*receiver, copy));
    copy = first;
    EXPECT_EQ(auth_failure_message(open(*receiver, copy)), mac_failure) << "replay at seq 1";
}

TEST_P(CbcSuites, RejectsAHeaderThatDiffersFromWhatWasSealed) {
    auto sender = make(keys(), mode());
    const Bytes r = sealed(*sender, ContentType::application_data, Bytes(10, 1));
    Bytes copy = r;
    EXPECT_EQ(auth_failure_message(open(*make(keys(), mode()), copy, ContentType::handshake)), mac_failure);
    copy = r;
    EXPECT_EQ(auth_failure_message(make(keys(), mode())->open(ContentType::application_data, 0x0301, copy)),
              mac_failure);
}

TEST_P(CbcSuites, RejectsFragmentsOfImpossibleLengths) {
    const std::size_t mac_length = crypto::hash_length(keys().mac);
    // The shortest valid fragment: IV, then MAC + padding_length rounded up
    // to blocks (MAC-then-encrypt) or one block then the MAC (RFC 7366).
    const std::size_t shortest = mode() == CbcMode::mac_then_encrypt ? 16 + (mac_length + 1 + 15) / 16 * 16
                                                                      : 16 + 16 + mac_length;
    for (std::size_t n = 0; n < shortest + 40; ++n) {
        const bool aligned = mode() == CbcMode::mac_then_encrypt ? n % 16 == 0 : (n - mac_length) % 16 == 0;
        if (n >= shortest && aligned) continue;
        Bytes fragment(n, 0x0f);
        auto opened = open(*make(keys(), mode()), fragment);
        ASSERT_FALSE(opened) << n;
        EXPECT_EQ(opened.error().reason, Reason::record_authentication_failed) << n;
        EXPECT_EQ(opened.error().alert, Alert::bad_record_mac) << n;
    }
}

TEST_P(CbcSuites, RejectsContentLongerThan2To14WithRecordOverflow) {
    // One byte over, authenticated: found after the MAC check.
    auto sender = make(keys(), mode());
    Bytes r = sealed(*sender, ContentType::application_data, Bytes(max_plaintext + 1, 0));
    auto opened = open(*make(keys(), mode()), r);
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().reason, Reason::record_overflow) << opened.error().detail;
    EXPECT_EQ(opened.error().alert, Alert::record_overflow);
    // The largest fragment the record layer lets through, too long for any
    // padding: refused from its length alone.
    const std::size_t mac_length = crypto::hash_length(keys().mac);
    Bytes big(mode() == CbcMode::mac_then_encrypt ? max_ciphertext_tls12 / 16 * 16
                                                  : (max_ciphertext_tls12 - mac_length) / 16 * 16 + mac_length,
              0);
    opened = open(*make(keys(), mode()), big);
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().reason, Reason::record_overflow) << opened.error().detail;
}

TEST_P(CbcSuites, UsesTheLastSequenceNumberThenRefusesToWrap) {
    constexpr auto last = std::numeric_limits<std::uint64_t>::max();
    auto sender = make(keys(), mode(), last);
    auto receiver = make(keys(), mode(), last);
    Bytes r = sealed(*sender, ContentType::application_data, Bytes(10, 0x5a));
    ASSERT_TRUE(open(*receiver, r));
    const Bytes next = sealed(*sender, ContentType::application_data, Bytes(10, 0x5a));
    EXPECT_EQ(to_hex(next), test::repeat("00", next.size())) << "nothing goes out past 2^64-1";
    Bytes copy = next;
    auto opened = open(*receiver, copy);
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().reason, Reason::record_authentication_failed);
}

INSTANTIATE_TEST_SUITE_P(All, CbcSuites,
                         ::testing::Combine(::testing::Values(HashAlg::sha1, HashAlg::sha256, HashAlg::sha384),
                                            ::testing::Values(std::size_t{16}, std::size_t{32}),
                                            ::testing::Values(CbcMode::mac_then_encrypt, CbcMode::encrypt_then_mac)));

// ---- known answers built independently ----

class CbcKnownAnswer : public ::testing::TestWithParam<std::tuple<HashAlg, std::size_t>> {
protected:
    Keys keys() const { return keys_for(std::get<0>(GetParam()), std::get<1>(GetParam())); }
};

TEST_P(CbcKnownAnswer, MacThenEncryptSealsExactlyTheHandBuiltRecordAndOpensIt) {
    const Keys k = keys();
    const std::size_t mac_length = crypto::hash_length(k.mac);
    auto sender = make(k, CbcMode::mac_then_encrypt, 0, std::make_shared<FixedRandom>(fixed_iv));
    auto receiver = make(k, CbcMode::mac_then_encrypt);
    for (std::uint64_t seq = 0; seq < 3; ++seq) {
        const Bytes content = concat(hex("1400000c"), Bytes(seq * 9 + 1, static_cast<std::uint8_t>(seq)));
        const std::size_t padding_length = 15 - (content.size() + mac_length) % 16;   // the minimum
        const Bytes expected =
            mte_fragment(k, fixed_iv, mte_body(k, seq, ContentType::handshake, content, padding_length));
        EXPECT_EQ(to_hex(sealed(*sender, ContentType::handshake, content)), to_hex(expected)) << seq;
        Bytes copy = expected;
        auto opened = open(*receiver, copy, ContentType::handshake);
        ASSERT_TRUE(opened) << opened.error().detail;
        EXPECT_EQ(to_hex(opened->plaintext), to_hex(content));
    }
    // A receiver accepts any valid padding length up to 255 (RFC 5246 §6.2.3.2), not only the minimum.
    for (std::size_t padding_length : {std::size_t{4}, std::size_t{100}, std::size_t{255}}) {
        const Bytes content(17 + 16 - (17 + mac_length + padding_length + 1) % 16, 0x61);
        Bytes f = mte_fragment(k, fixed_iv, mte_body(k, 0, ContentType::application_data, content, padding_length));
        ASSERT_EQ(f.size() % 16, 0u);
        auto fresh = make(k, CbcMode::mac_then_encrypt);
        auto opened = open(*fresh, f);
        ASSERT_TRUE(opened) << padding_length << ": " << opened.error().detail;
        EXPECT_EQ(opened->plaintext.size(), content.size());
    }
}

TEST_P(CbcKnownAnswer, EncryptThenMacSealsExactlyTheHandBuiltRecordAndOpensIt) {
    const Keys k = keys();
    auto sender = make(k, CbcMode::encrypt_then_mac, 0, std::make_shared<FixedRandom>(fixed_iv));
    auto receiver = make(k, CbcMode::encrypt_then_mac);
    for (std::uint64_t seq = 0; seq < 3; ++seq) {
        const Bytes content = Bytes(seq * 16 + 3, static_cast<std::uint8_t>(0x70 + seq));
        const Bytes expected = etm_fragment(k, seq, ContentType::application_data, fixed_iv,
                                            concat(content, padding(15 - content.size() % 16)));
        EXPECT_EQ(to_hex(sealed(*sender, ContentType::application_data, content)), to_hex(expected)) << seq;
        Bytes copy = expected;
        auto opened = open(*receiver, copy);
        ASSERT_TRUE(opened) << opened.error().detail;
        EXPECT_EQ(to_hex(opened->plaintext), to_hex(content));
    }
}

// RFC 5246 §6.2.3.2: a bad padding must look exactly like a bad MAC.
TEST_P(CbcKnownAnswer, MacThenEncryptReportsBadPaddingAndBadMacAlike) {
    const Keys k = keys();
    const std::size_t mac_length = crypto::hash_length(k.mac);
    const Bytes content(32, 0x42);
    const std::size_t padding_length = 16 + 15 - (content.size() + mac_length) % 16;   // two blocks' worth
    const Bytes good = mte_body(k, 0, ContentType::application_data, content, padding_length);
    {
        Bytes f = mte_fragment(k, fixed_iv, good);
        ASSERT_TRUE(open(*make(k, CbcMode::mac_then_encrypt), f)) << "the untouched record opens";
    }
    std::vector<std::pair<std::string, Bytes>> bad;
    Bytes b = good;
    b[content.size()] ^= 1;
    bad.emplace_back("MAC byte", b);
    b = good;
    b[0] ^= 1;
    bad.emplace_back("content byte", b);
    for (std::size_t at : {std::size_t{0}, padding_length / 2, padding_length - 1}) {
        b = good;
        b[content.size() + mac_length + at] ^= 1;
        bad.emplace_back("padding byte " + std::to_string(at), b);
    }
    b = good;
    b.back() = static_cast<std::uint8_t>(padding_length + 1);   // claims one byte more than is padding
    bad.emplace_back("padding_length too large by one", b);
    b = good;
    b.back() = 0xff;   // longer than the whole plaintext
    bad.emplace_back("padding_length past the start", b);
    for (auto& [what, body] : bad) {
        Bytes f = mte_fragment(k, fixed_iv, body);
        EXPECT_EQ(auth_failure_message(open(*make(k, CbcMode::mac_then_encrypt), f)), mac_failure) << what;
    }
}

TEST_P(CbcKnownAnswer, EncryptThenMacRejectsBadPaddingUnderAGoodMac) {
    const Keys k = keys();
    const Bytes content(20, 0x42);
    Bytes padded = concat(content, padding(11));
    padded[content.size() + 3] ^= 1;
    Bytes f = etm_fragment(k, 0, ContentType::application_data, fixed_iv, padded);
    EXPECT_EQ(auth_failure_message(open(*make(k, CbcMode::encrypt_then_mac), f)), mac_failure);
    padded = concat(content, padding(11));
    padded.back() = 40;   // longer than the ciphertext
    f = etm_fragment(k, 0, ContentType::application_data, fixed_iv, padded);
    EXPECT_EQ(auth_failure_message(open(*make(k, CbcMode::encrypt_then_mac), f)), mac_failure);
}

INSTANTIATE_TEST_SUITE_P(All, CbcKnownAnswer,
                         ::testing::Combine(::testing::Values(HashAlg::sha1, HashAlg::sha256, HashAlg::sha384),
                                            ::testing::Values(std::size_t{16}, std::size_t{32})));

// ---- Lucky13: the same work whatever the padding ----

class CbcLucky13 : public ::testing::TestWithParam<HashAlg> {};

// Records of one ciphertext length whose decrypted padding is valid with
// padding_length 0, 1, 100 and 255, or invalid in several ways, must cost
// open() the same number of hash compression calls. With a variable-time
// MAC the counts would differ by up to (255 + 1) / 64 = 4 blocks, which is
// the timing signal AlFardan and Paterson measured.
TEST_P(CbcLucky13, OpenDoesTheSameHashWorkForEveryPadding) {
    const Keys k = keys_for(GetParam(), 16);
    const std::size_t mac_length = crypto::hash_length(k.mac);
    constexpr std::size_t body_length = 512;   // 32 blocks, room for 255 bytes of padding and some content
    struct Case {
        std::string what;
        Bytes body;
        bool valid;
    };
    std::vector<Case> cases;
    auto valid_body = [&](std::size_t padding_length) {
        const Bytes content(body_length - mac_length - 1 - padding_length, 0x55);
        return mte_body(k, 0, ContentType::application_data, content, padding_length);
    };
    for (std::size_t padding_length : {0u, 1u, 100u, 255u})
        cases.push_back({"valid padding " + std::to_string(padding_length), valid_body(padding_length), true});
    Bytes b = valid_body(255);
    b[body_length - 256] ^= 1;   // the first padding byte
    cases.push_back({"first of 255 padding bytes wrong", b, false});
    b = valid_body(100);
    b[body_length - 50] = 0;
    cases.push_back({"middle padding byte wrong", b, false});
    b = valid_body(100);
    b.back() = 99;   // padding_length does not match the padding bytes
    cases.push_back({"padding_length off by one", b, false});
    b = valid_body(0);
    b[body_length - 2] ^= 1;   // the MAC's last byte
    cases.push_back({"good padding, bad MAC", b, false});
    b = Bytes(body_length, 0x9c);   // 156 bytes of well-formed padding, no MAC
    cases.push_back({"a plaintext of padding bytes only", b, false});
    b = valid_body(255);
    b.back() = 0xfe;   // padding_length 254 under 255 padding bytes of value 255
    cases.push_back({"255 padding bytes, padding_length 254", b, false});

    std::vector<std::uint64_t> counts;
    for (const Case& c : cases) {
        ASSERT_EQ(c.body.size(), body_length) << c.what;
        Bytes f = mte_fragment(k, fixed_iv, c.body);
        auto receiver = make(k, CbcMode::mac_then_encrypt);
        const std::uint64_t before = crypto::record_mac_compressions();
        auto opened = open(*receiver, f);
        counts.push_back(crypto::record_mac_compressions() - before);
        if (c.valid) {
            ASSERT_TRUE(opened) << c.what << ": " << opened.error().detail;
        } else {
            EXPECT_EQ(auth_failure_message(opened), mac_failure) << c.what;
        }
    }
    ASSERT_GT(counts[0], 0u) << "the counter must see open()'s MAC";
    for (std::size_t i = 0; i < cases.size(); ++i) EXPECT_EQ(counts[i], counts[0]) << cases[i].what;
}

INSTANTIATE_TEST_SUITE_P(Macs, CbcLucky13, ::testing::Values(HashAlg::sha1, HashAlg::sha256, HashAlg::sha384));

// ---- construction ----

TEST(Cbc12, RejectsWrongKeyLengthsAndMacs) {
    const Keys k = keys_for(HashAlg::sha256, 16);
    auto expect_internal = [](const Result<std::unique_ptr<Protection>>& p) {
        ASSERT_FALSE(p);
        EXPECT_EQ(p.error().reason, Reason::internal_error);
    };
    expect_internal(make_cbc12(HashAlg::sha256, k.mac_key, Bytes(24, 1), CbcMode::mac_then_encrypt, system_random()));
    expect_internal(make_cbc12(HashAlg::sha256, Bytes(20, 1), k.enc_key, CbcMode::mac_then_encrypt, system_random()));
    expect_internal(make_cbc12(HashAlg::sha512, Bytes(64, 1), k.enc_key, CbcMode::mac_then_encrypt, system_random()));
    expect_internal(make_cbc12(HashAlg::sha256, k.mac_key, k.enc_key, CbcMode::mac_then_encrypt, nullptr));
    EXPECT_TRUE(make_cbc12(HashAlg::sha256, k.mac_key, k.enc_key, CbcMode::mac_then_encrypt, system_random()));
}

TEST(Cbc12, DedicatedToSealingItCannotOpen) {
    const Keys k = keys_for(HashAlg::sha1, 16);
    auto sender = make(k, CbcMode::mac_then_encrypt);
    sender->dedicate(Use::seal);
    auto receiver = make(k, CbcMode::mac_then_encrypt);
    receiver->dedicate(Use::open);
    Bytes r = sealed(*sender, ContentType::application_data, Bytes(5, 1));
    Bytes copy = r;
    ASSERT_TRUE(open(*receiver, copy));
    auto opened = open(*sender, r);
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().reason, Reason::record_authentication_failed);
}

TEST(Cbc12, SealsFreshIvsFromTheRandomSource) {
    const Keys k = keys_for(HashAlg::sha256, 32);
    auto sender = make(k, CbcMode::mac_then_encrypt);
    const Bytes a = sealed(*sender, ContentType::application_data, Bytes(16, 0));
    const Bytes b = sealed(*sender, ContentType::application_data, Bytes(16, 0));
    EXPECT_NE(Bytes(a.begin(), a.begin() + 16), Bytes(b.begin(), b.begin() + 16));
    auto fixed = make(k, CbcMode::mac_then_encrypt, 0, std::make_shared<FixedRandom>(fixed_iv));
    const Bytes c = sealed(*fixed, ContentType::application_data, Bytes(1, 0));
    EXPECT_EQ(to_hex(std::span(c).first(16)), to_hex(fixed_iv));
}

}  // namespace
}  // namespace tlspp::record
