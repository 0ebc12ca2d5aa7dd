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
    EXPECT_EQ(t.hash(), crypto::digest(crypto::HashAlg::sha256, both));
}

TEST(Transcript, HasNoHashBeforeOneIsChosen) {
    Transcript t;
    t.add(test::hex("14000000"));
    EXPECT_FALSE(t.hash_started());
    EXPECT_TRUE(t.hash().empty());
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
