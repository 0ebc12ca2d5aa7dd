#include "record/record_layer.hpp"

#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "record/cbc12.hpp"
#include "support/hex.hpp"

namespace tlspp::record {
namespace {

using test::hex;
using test::to_hex;
using Bytes = std::vector<std::uint8_t>;

Bytes plain_record(std::uint8_t type, const Bytes& body, std::uint16_t version = 0x0303) {
    Bytes r{type, static_cast<std::uint8_t>(version >> 8), static_cast<std::uint8_t>(version),
            static_cast<std::uint8_t>(body.size() >> 8), static_cast<std::uint8_t>(body.size())};
    r.insert(r.end(), body.begin(), body.end());
    return r;
}

void expect_error(const Result<std::optional<PlainRecord>>& r, Reason reason, Alert alert) {
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().reason, reason) << r.error().detail;
    EXPECT_EQ(r.error().alert, alert);
}

std::unique_ptr<Protection> gcm_key() {
    auto p = make_aead12(crypto::AeadAlg::aes_128_gcm, Bytes(16, 0x11), Bytes(4, 0x22));
    EXPECT_TRUE(p);
    return std::move(*p);
}

TEST(RecordLayer, ReturnsARecordOnlyOnceItIsWhole) {
    RecordLayer layer;
    Bytes r = plain_record(22, hex("0100000401020304"));
    for (std::size_t i = 0; i + 1 < r.size(); ++i) {
        layer.feed(std::span(r).subspan(i, 1));
        auto next = layer.next_incoming();
        ASSERT_TRUE(next);
        EXPECT_FALSE(*next) << "after " << i + 1 << " bytes";
    }
    layer.feed(std::span(r).last(1));
    auto next = layer.next_incoming();
    ASSERT_TRUE(next && *next);
    EXPECT_EQ((*next)->type, ContentType::handshake);
    EXPECT_EQ((*next)->version, 0x0303);
    EXPECT_EQ(to_hex((*next)->data), "0100000401020304");
    EXPECT_EQ(layer.buffered_incoming(), 0u);
}

TEST(RecordLayer, SplitsSeveralRecordsFedAtOnce) {
    RecordLayer layer;
    Bytes stream = plain_record(22, hex("aa"), 0x0301);
    for (auto b : plain_record(20, hex("01"))) stream.push_back(b);
    for (auto b : plain_record(21, hex("0100"))) stream.push_back(b);
    stream.push_back(23);  // the start of a fourth
    layer.feed(stream);
    std::vector<std::pair<ContentType, std::string>> seen;
    for (;;) {
        auto next = layer.next_incoming();
        ASSERT_TRUE(next);
        if (!*next) break;
        seen.emplace_back((*next)->type, to_hex((*next)->data));
    }
    ASSERT_EQ(seen.size(), 3u);
    EXPECT_EQ(seen[0], std::make_pair(ContentType::handshake, std::string("aa")));
    EXPECT_EQ(seen[1], std::make_pair(ContentType::change_cipher_spec, std::string("01")));
    EXPECT_EQ(seen[2], std::make_pair(ContentType::alert, std::string("0100")));
    EXPECT_EQ(layer.buffered_incoming(), 1u);
}

TEST(RecordLayer, DeliversEveryRecordOfAStreamFedInRandomPieces) {
    std::mt19937 rng(7);
    Bytes stream;
    std::vector<Bytes> bodies;
    for (int i = 0; i < 200; ++i) {
        Bytes body(1 + rng() % 3000, static_cast<std::uint8_t>(i));
        bodies.push_back(body);
        for (auto b : plain_record(23, body)) stream.push_back(b);
    }
    RecordLayer layer;
    std::size_t at = 0, got = 0;
    while (at < stream.size()) {
        std::size_t n = std::min<std::size_t>(1 + rng() % 5000, stream.size() - at);
        layer.feed(std::span(stream).subspan(at, n));
        at += n;
        for (;;) {
            auto next = layer.next_incoming();
            ASSERT_TRUE(next);
            if (!*next) break;
            ASSERT_LT(got, bodies.size());
            EXPECT_EQ(Bytes((*next)->data.begin(), (*next)->data.end()), bodies[got]) << "record " << got;
            ++got;
        }
    }
    EXPECT_EQ(got, bodies.size());
}

TEST(RecordLayer, RejectsAnUnknownContentTypeFromTheHeaderAlone) {
    for (std::uint8_t type : {0, 19, 24, 255}) {
        RecordLayer layer;
        layer.feed(Bytes{type, 3, 3, 0, 1});
        expect_error(layer.next_incoming(), Reason::unexpected_record_type, Alert::unexpected_message);
    }
}

TEST(RecordLayer, RejectsAMajorVersionOtherThan3) {
    for (auto header : {hex("16 0203 0001"), hex("16 0403 0001"), hex("16 8001 0001")}) {
        RecordLayer layer;
        layer.feed(header);
        expect_error(layer.next_incoming(), Reason::bad_record_version, Alert::protocol_version);
    }
}

TEST(RecordLayer, AcceptsAnyMinorVersionForTheFirstClientHello) {
    RecordLayer layer;
    layer.feed(plain_record(22, hex("01"), 0x0300));
    layer.feed(plain_record(22, hex("02"), 0x0304));
    auto first = layer.next_incoming();
    ASSERT_TRUE(first && *first);
    EXPECT_EQ((*first)->version, 0x0300);
    auto second = layer.next_incoming();
    ASSERT_TRUE(second && *second);
    EXPECT_EQ((*second)->version, 0x0304);
}

TEST(RecordLayer, RejectsAnUnprotectedLengthAbove2To14BeforeTheBodyArrives) {
    RecordLayer layer;
    layer.feed(hex("16 0303 4001"));
    expect_error(layer.next_incoming(), Reason::record_overflow, Alert::record_overflow);
}

TEST(RecordLayer, WaitsForAnUnprotectedRecordOfExactly2To14) {
    RecordLayer layer;
    layer.feed(hex("17 0303 4000"));
    auto next = layer.next_incoming();
    ASSERT_TRUE(next);
    EXPECT_FALSE(*next);
}

TEST(RecordLayer, AllowsProtectedLengthsUpTo2To14Plus2048Only) {
    RecordLayer ok;
    ok.set_read_protection(gcm_key());
    ok.feed(hex("17 0303 4800"));
    auto next = ok.next_incoming();
    ASSERT_TRUE(next);
    EXPECT_FALSE(*next);

    RecordLayer over;
    over.set_read_protection(gcm_key());
    over.feed(hex("17 0303 4801"));
    expect_error(over.next_incoming(), Reason::record_overflow, Alert::record_overflow);
}

TEST(RecordLayer, RejectsTooManyEmptyRecordsInARow) {
    RecordLayer layer;
    layer.max_empty_records = 3;
    for (int i = 0; i < 3; ++i) layer.feed(plain_record(23, {}));
    layer.feed(plain_record(23, hex("01")));  // a non-empty record resets the count
    for (int i = 0; i < 4; ++i) layer.feed(plain_record(23, {}));
    for (int i = 0; i < 7; ++i) {
        auto next = layer.next_incoming();
        ASSERT_TRUE(next && *next) << "record " << i;
    }
    expect_error(layer.next_incoming(), Reason::too_many_empty_records, Alert::unexpected_message);
}

TEST(RecordLayer, WritesPlainRecordsWithTheConfiguredVersion) {
    RecordLayer layer;
    layer.set_write_version(0x0301);
    layer.write(ContentType::handshake, hex("01000000"));
    EXPECT_EQ(to_hex(layer.output()), "160301000401000000");
    layer.write(ContentType::application_data, {});
    EXPECT_EQ(layer.output().size(), 9u) << "empty data writes nothing";
}

TEST(RecordLayer, FragmentsAtTheMaximumFragmentLength) {
    RecordLayer layer;
    Bytes data(2 * max_plaintext + 1, 0xab);
    layer.write(ContentType::application_data, data);
    auto out = layer.output();
    ASSERT_EQ(out.size(), 3 * header_length + data.size());
    EXPECT_EQ(to_hex(out.first(5)), "1703034000");
    EXPECT_EQ(to_hex(out.subspan(5 + max_plaintext, 5)), "1703034000");
    EXPECT_EQ(to_hex(out.subspan(10 + 2 * max_plaintext, 6)), "1703030001ab");

    RecordLayer small;
    small.set_max_fragment(3);
    small.write(ContentType::handshake, hex("0102030405"));
    EXPECT_EQ(to_hex(small.output()), "1603030003010203" "16030300020405");
}

TEST(RecordLayer, ConsumeOutputDrainsFromTheFront) {
    RecordLayer layer;
    layer.write(ContentType::alert, hex("0100"));
    layer.consume_output(3);
    EXPECT_EQ(to_hex(layer.output()), "00020100");
    layer.consume_output(100);
    EXPECT_TRUE(layer.output().empty());
}

TEST(RecordLayer, ProtectedRecordsRoundTripBetweenTwoLayers) {
    RecordLayer sender, receiver;
    sender.set_write_protection(gcm_key());
    receiver.set_read_protection(gcm_key());
    Bytes data(max_plaintext + 100, 0x5c);
    sender.write(ContentType::application_data, data);
    // Two records, each with an 8-byte explicit nonce and a 16-byte tag.
    ASSERT_EQ(sender.output().size(), 2 * (5 + 8 + 16) + data.size());
    EXPECT_EQ(to_hex(sender.output().first(5)), "1703034018");
    receiver.feed(sender.output());
    Bytes got;
    for (;;) {
        auto next = receiver.next_incoming();
        ASSERT_TRUE(next) << next.error().detail;
        if (!*next) break;
        EXPECT_EQ((*next)->type, ContentType::application_data);
        got.insert(got.end(), (*next)->data.begin(), (*next)->data.end());
    }
    EXPECT_EQ(got, data);
}

TEST(RecordLayer, RejectsATamperedProtectedRecord) {
    RecordLayer sender, receiver;
    sender.set_write_protection(gcm_key());
    receiver.set_read_protection(gcm_key());
    sender.write(ContentType::application_data, hex("68656c6c6f"));
    Bytes wire(sender.output().begin(), sender.output().end());
    wire.back() ^= 1;
    receiver.feed(wire);
    expect_error(receiver.next_incoming(), Reason::record_authentication_failed, Alert::bad_record_mac);
}

TEST(RecordLayer, NewReadKeysApplyFromTheNextRecord) {
    RecordLayer sender;
    sender.write(ContentType::change_cipher_spec, hex("01"));
    sender.set_write_protection(gcm_key());
    sender.write(ContentType::handshake, hex("1400000c000102030405060708090a0b"));

    RecordLayer receiver;
    receiver.feed(sender.output());  // both records arrive together
    auto ccs = receiver.next_incoming();
    ASSERT_TRUE(ccs && *ccs);
    EXPECT_EQ((*ccs)->type, ContentType::change_cipher_spec);
    receiver.set_read_protection(gcm_key());
    auto finished = receiver.next_incoming();
    ASSERT_TRUE(finished && *finished) << (finished ? "" : finished.error().detail);
    EXPECT_EQ(to_hex((*finished)->data), "1400000c000102030405060708090a0b");
}

TEST(RecordLayer, ReusesItsBuffersInSteadyState) {
    RecordLayer sender, receiver;
    sender.set_write_protection(gcm_key());
    receiver.set_read_protection(gcm_key());
    Bytes data(max_plaintext, 1);
    const std::uint8_t* out_at = nullptr;
    const std::uint8_t* in_at = nullptr;
    for (int i = 0; i < 10; ++i) {
        sender.write(ContentType::application_data, data);
        // The buffer policy (record_layer.hpp) gives a drained buffer back
        // until keep_after_large_drains large records in a row have passed;
        // from then on the same memory serves every record.
        const int steady = static_cast<int>(sender.keep_after_large_drains);
        if (i == steady) out_at = sender.output().data();
        if (i >= steady) {
            EXPECT_EQ(sender.output().data(), out_at) << "output buffer moved on record " << i;
        }
        receiver.feed(sender.output());
        sender.consume_output(sender.output().size());
        auto next = receiver.next_incoming();
        ASSERT_TRUE(next && *next);
        if (i == steady) in_at = (*next)->data.data();
        if (i >= steady) {
            EXPECT_EQ((*next)->data.data(), in_at) << "input buffer moved on record " << i;
        }
        EXPECT_FALSE(*receiver.next_incoming());
    }
}

// One full record each way through a sender and a receiver, drained on both sides.
void pass_one_record(RecordLayer& sender, RecordLayer& receiver, std::size_t size) {
    Bytes data(size, 7);
    sender.write(ContentType::application_data, data);
    receiver.feed(sender.output());
    sender.consume_output(sender.output().size());
    auto next = receiver.next_incoming();
    ASSERT_TRUE(next && *next);
    EXPECT_EQ((*next)->data.size(), size);
    auto none = receiver.next_incoming();   // the view lapses; the input has drained
    ASSERT_TRUE(none);
    EXPECT_FALSE(*none);
}

TEST(RecordLayer, GivesBackBigBuffersWhenDrainedUnlessRecordsKeepComingLarge) {
    RecordLayer sender, receiver;
    sender.set_write_protection(gcm_key());
    receiver.set_read_protection(gcm_key());
    EXPECT_EQ(sender.buffer_capacity(), 0u);
    EXPECT_EQ(receiver.buffer_capacity(), 0u);
    // One large record, then quiet: nothing stays allocated.
    pass_one_record(sender, receiver, max_plaintext);
    EXPECT_EQ(sender.buffer_capacity(), 0u);
    EXPECT_EQ(receiver.buffer_capacity(), 0u);
    // A second large record in a row: from now on the buffers stay.
    pass_one_record(sender, receiver, max_plaintext);
    EXPECT_GE(sender.buffer_capacity(), max_plaintext);
    EXPECT_GE(receiver.buffer_capacity(), max_plaintext);
    pass_one_record(sender, receiver, max_plaintext);
    EXPECT_GE(sender.buffer_capacity(), max_plaintext);
    // A small record ends the run: the big buffers go, a small one may stay.
    pass_one_record(sender, receiver, 100);
    EXPECT_LE(sender.buffer_capacity(), RecordLayer::small_buffer);
    EXPECT_LE(receiver.buffer_capacity(), RecordLayer::small_buffer);
}

TEST(RecordLayer, SizesTheOutputToTheRecordsWritten) {
    RecordLayer layer;
    layer.write(ContentType::handshake, hex("0100000401020304"));
    EXPECT_EQ(layer.output().size(), 5u + 8u);
    EXPECT_LT(layer.buffer_capacity(), 64u);   // no full record reserved up front
}

TEST(RecordLayer, KeepsBuffersWhenToldToAndReleasesThemOnRequest) {
    RecordLayer sender, receiver;
    sender.keep_after_large_drains = 0;
    receiver.keep_after_large_drains = 0;
    sender.set_write_protection(gcm_key());
    receiver.set_read_protection(gcm_key());
    pass_one_record(sender, receiver, max_plaintext);
    EXPECT_GE(sender.buffer_capacity(), max_plaintext);
    EXPECT_GE(receiver.buffer_capacity(), max_plaintext);
    sender.release_buffers();
    receiver.release_buffers();
    EXPECT_EQ(sender.buffer_capacity(), 0u);
    EXPECT_EQ(receiver.buffer_capacity(), 0u);
    // Still works afterwards.
    pass_one_record(sender, receiver, 1000);
}

TEST(RecordLayer, ReleaseBuffersKeepsPendingBytes) {
    RecordLayer layer;
    Bytes r = plain_record(22, hex("0100000401020304"));
    layer.feed(std::span(r).first(7));
    layer.write(ContentType::alert, hex("0100"));
    layer.release_buffers();
    EXPECT_EQ(layer.output().size(), 7u);
    layer.feed(std::span(r).subspan(7));
    auto next = layer.next_incoming();
    ASSERT_TRUE(next && *next);
    EXPECT_EQ(to_hex((*next)->data), "0100000401020304");
}

TEST(RecordLayer, DedicatedProtectionsSealAndOpenOneDirectionEach) {
    // make_aead12 with a direction sets up only that direction's cipher.
    auto seal = make_aead12(crypto::AeadAlg::aes_128_gcm, Bytes(16, 0x11), Bytes(4, 0x22), Use::seal);
    auto open = make_aead12(crypto::AeadAlg::aes_128_gcm, Bytes(16, 0x11), Bytes(4, 0x22), Use::open);
    ASSERT_TRUE(seal && open);
    RecordLayer sender, receiver;
    sender.set_write_protection(std::move(*seal));
    receiver.set_read_protection(std::move(*open));
    for (int i = 0; i < 3; ++i) pass_one_record(sender, receiver, 300);
}

// CBC padding makes the suffix depend on each record's length (RFC 5246
// §6.2.3.2): write() must size the output record by record.
TEST(RecordLayer, CbcRecordsOfDifferentLengthsRoundTripAndFillTheOutputExactly) {
    auto cbc = [] {
        auto p = make_cbc12(crypto::HashAlg::sha1, Bytes(20, 0x11), Bytes(16, 0x22), CbcMode::mac_then_encrypt,
                            system_random());
        EXPECT_TRUE(p);
        return std::move(*p);
    };
    RecordLayer sender, receiver;
    sender.set_write_protection(cbc());
    receiver.set_read_protection(cbc());
    sender.set_max_fragment(1000);
    Bytes data(2500, 0x5c);   // records of 1000, 1000 and 500 bytes
    for (std::size_t i = 0; i < data.size(); ++i) data[i] = static_cast<std::uint8_t>(i);
    sender.write(ContentType::application_data, data);
    // Each: header, 16-byte IV, plaintext, 20-byte MAC, padding to a block:
    // 1000 + 20 = 1020 → 4 bytes of padding; 500 + 20 = 520 → 8 bytes.
    ASSERT_EQ(sender.output().size(), 2 * (5 + 16 + 1000 + 20 + 4) + (5 + 16 + 500 + 20 + 8));
    EXPECT_EQ(to_hex(sender.output().first(5)), "1703030410");
    receiver.feed(sender.output());
    Bytes got;
    for (int i = 0; i < 10; ++i) {
        auto next = receiver.next_incoming();
        ASSERT_TRUE(next) << next.error().detail;
        if (!*next) break;
        got.insert(got.end(), (*next)->data.begin(), (*next)->data.end());
    }
    EXPECT_EQ(got, data);
}

}  // namespace
}  // namespace tlspp::record

namespace tlspp::record {
namespace {

// Kept application data stays readable while more records are fed and
// opened, even when feeding compacts or grows the input buffer, and the
// buffer policy applies once the last kept byte is consumed.
TEST(RecordLayer, KeptDataSurvivesFeedingAndIsReleasedWhenConsumed) {
    RecordLayer layer;
    Bytes first(3000), second(5000);
    for (std::size_t i = 0; i < first.size(); ++i) first[i] = static_cast<std::uint8_t>(i * 3);
    for (std::size_t i = 0; i < second.size(); ++i) second[i] = static_cast<std::uint8_t>(i * 5 + 1);
    layer.feed(plain_record(23, first));
    auto next = layer.next_incoming();
    ASSERT_TRUE(next && *next);
    layer.keep((*next)->data);
    EXPECT_EQ(layer.kept_bytes(), first.size());

    // A record fed in small pieces: the buffer grows (reallocates) and its
    // consumed front may move, under the kept bytes.
    Bytes record = plain_record(23, second);
    for (std::size_t at = 0; at < record.size(); at += 700) {
        layer.feed(std::span<const std::uint8_t>(record).subspan(at, std::min<std::size_t>(700, record.size() - at)));
        auto more = layer.next_incoming();
        ASSERT_TRUE(more);
        if (*more) layer.keep((**more).data);
    }
    EXPECT_EQ(layer.kept_bytes(), first.size() + second.size());

    Bytes got;
    while (!layer.kept_front().empty()) {
        auto front = layer.kept_front();
        const std::size_t take = std::min<std::size_t>(front.size(), 1234);
        got.insert(got.end(), front.begin(), front.begin() + static_cast<std::ptrdiff_t>(take));
        layer.consume_kept(take);
    }
    Bytes want = first;
    want.insert(want.end(), second.begin(), second.end());
    EXPECT_EQ(got, want);
    EXPECT_EQ(layer.kept_bytes(), 0u);
    // Nothing left: the (large) input buffer was given back by the policy.
    EXPECT_LE(layer.buffer_capacity(), RecordLayer::small_buffer);
}

}  // namespace
}  // namespace tlspp::record
