#include "crypto/dhe_client.hpp"

#include <gtest/gtest.h>

#include "crypto/key_exchange.hpp"
#include "support/fixed_random.hpp"

namespace tlspp::crypto {
namespace {

TEST(DheClient, AgreesWithTheServersNamedGroupKey) {
    test::FixedRandom random(7);
    auto server = KeyShare::generate(NamedGroup::ffdhe2048, random);
    ASSERT_TRUE(server);
    auto params = ffdhe_params(NamedGroup::ffdhe2048);
    ASSERT_TRUE(params);
    auto client = dhe_client_agree(params->p, params->g, server->public_value(), random);
    ASSERT_TRUE(client) << client.error().message();
    auto server_secret = server->agree(client->public_value, ProtocolVersion::tls12);
    ASSERT_TRUE(server_secret);
    EXPECT_EQ(std::vector<std::uint8_t>(server_secret->view().begin(), server_secret->view().end()),
              std::vector<std::uint8_t>(client->shared_secret.view().begin(), client->shared_secret.view().end()));
}

TEST(DheClient, RejectsPrimesBelow2048Bits) {
    test::FixedRandom random(1);
    std::vector<std::uint8_t> p(128, 0xff), g{2}, ys{5};
    auto r = dhe_client_agree(p, g, ys, random);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().reason, Reason::insufficient_security);
    EXPECT_EQ(r.error().alert, Alert::insufficient_security);
}

TEST(DheClient, RejectsPublicValuesOutOfRange) {
    test::FixedRandom random(1);
    auto params = ffdhe_params(NamedGroup::ffdhe2048);
    ASSERT_TRUE(params);
    auto p_minus_1 = params->p;
    p_minus_1.back() -= 1;
    for (const std::vector<std::uint8_t>& ys : {std::vector<std::uint8_t>{1}, std::vector<std::uint8_t>{0}, p_minus_1, params->p}) {
        auto r = dhe_client_agree(params->p, params->g, ys, random);
        ASSERT_FALSE(r);
        EXPECT_EQ(r.error().reason, Reason::bad_key_share);
        EXPECT_EQ(r.error().alert, Alert::illegal_parameter);
    }
}

TEST(DheClient, RejectsGeneratorOne) {
    test::FixedRandom random(1);
    auto params = ffdhe_params(NamedGroup::ffdhe2048);
    ASSERT_TRUE(params);
    auto r = dhe_client_agree(params->p, std::vector<std::uint8_t>{1}, std::vector<std::uint8_t>{5}, random);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().reason, Reason::bad_key_share);
}

}  // namespace
}  // namespace tlspp::crypto
