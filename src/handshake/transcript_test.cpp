#include "handshake/transcript.hpp"

#include <gtest/gtest.h>

#include "support/hex.hpp"

namespace tlspp::handshake {
namespace {

TEST(Transcript, HashesMessagesBufferedBeforeTheHashWasChosen) {
    Transcript t;
    auto a = test::hex("0100000401020304");
    auto b = test::hex("02000000");
    t.add(a);
    t.start_hash(crypto::HashAlg::sha256);
    t.add(b);
    auto both = a;
    both.insert(both.end(), b.begin(), b.end());
    const auto h = t.hash();
    EXPECT_EQ(crypto::Bytes(h.view().begin(), h.view().end()), crypto::digest(crypto::HashAlg::sha256, both));
}

// RFC 8446 §4.4.1: after a HelloRetryRequest, ClientHello1 is replaced by
// message_hash(254) || 00 00 Hash.length || Hash(ClientHello1).
TEST(Transcript, RetryReplacesTheFirstClientHelloWithItsMessageHash) {
    for (crypto::HashAlg alg : {crypto::HashAlg::sha256, crypto::HashAlg::sha384}) {
        const auto ch1 = test::hex("0100000501020304ff");
        const auto hrr = test::hex("02000003aabbcc");
        const auto ch2 = test::hex("01000001ee");
        Transcript t;
        t.add(ch1);
        t.add(hrr);   // the client has read the HelloRetryRequest when it starts the hash
        t.start_hash_after_retry(alg);
        t.add(ch2);
        const auto h1 = crypto::digest(alg, ch1);
        crypto::Bytes expected = {254, 0, 0, static_cast<std::uint8_t>(h1.size())};
        expected.insert(expected.end(), h1.begin(), h1.end());
        expected.insert(expected.end(), hrr.begin(), hrr.end());
        expected.insert(expected.end(), ch2.begin(), ch2.end());
        const auto h = t.hash();
        EXPECT_EQ(crypto::Bytes(h.view().begin(), h.view().end()), crypto::digest(alg, expected));

        Transcript server;   // the server starts it before it sends the HelloRetryRequest
        server.add(ch1);
        server.start_hash_after_retry(alg);
        server.add(hrr);
        server.add(ch2);
        const auto hs = server.hash();   // a TranscriptHash holds its bytes: keep it while viewing them
        EXPECT_EQ(crypto::Bytes(hs.view().begin(), hs.view().end()), crypto::Bytes(h.view().begin(), h.view().end()));
    }
}

TEST(Transcript, HasNoHashBeforeOneIsChosen) {
    Transcript t;
    t.add(test::hex("14000000"));
    EXPECT_FALSE(t.hash_started());
    EXPECT_TRUE(t.hash().empty());
}

TEST(Transcript, HashIsTheFullLengthOfTheChosenHash) {
    Transcript t;
    t.start_hash(crypto::HashAlg::sha384);
    t.add(test::hex("14000000"));
    const auto h = t.hash();
    EXPECT_EQ(h.size(), 48u);
    EXPECT_EQ(crypto::Bytes(h.view().begin(), h.view().end()),
              crypto::digest(crypto::HashAlg::sha384, test::hex("14000000")));
}

TEST(Transcript, KeepsMessagesWhenAsked) {
    Transcript t;
    t.keep_messages();
    t.add(test::hex("0100000401020304"));
    t.start_hash(crypto::HashAlg::sha384);
    t.add(test::hex("02000000"));
    EXPECT_EQ(test::to_hex(t.messages()), "010000040102030402000000");
}

}  // namespace
}  // namespace tlspp::handshake
