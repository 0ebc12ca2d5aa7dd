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
