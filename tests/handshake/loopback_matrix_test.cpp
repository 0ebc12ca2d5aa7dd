// tlspp ↔ tlspp for every suite × group × certificate type, and data both ways.
#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <utility>

#include "handshake/suites.hpp"
#include "support/configs.hpp"
#include "support/loopback_pair.hpp"

namespace tlspp {
namespace {

using test::Identity;

struct Case {
    CipherSuite suite;
    NamedGroup group;
    const Identity* identity;
};

std::vector<Case> matrix() {
    const auto& p = test::pki();
    std::vector<Case> cases;
    for (const auto& s : handshake::all_suites()) {
        if (s.version != ProtocolVersion::tls12) continue;   // this is the TLS 1.2 matrix
        // RSA key transport has no group: one case per suite.
        if (s.key_exchange == handshake::KeyExchange::rsa) {
            cases.push_back({s.suite, NamedGroup::x25519, &p.server_rsa});
            continue;
        }
        std::vector<const Identity*> ids;
        if (s.authentication == handshake::Authentication::rsa) ids = {&p.server_rsa};
        else ids = {&p.server_p256, &p.server_p384, &p.server_ed25519};
        std::vector<NamedGroup> groups = {NamedGroup::x25519, NamedGroup::secp256r1, NamedGroup::secp384r1};
        if (s.key_exchange == handshake::KeyExchange::dhe)
            groups = {NamedGroup::ffdhe2048, NamedGroup::ffdhe3072, NamedGroup::ffdhe4096};
        for (auto g : groups)
            for (const auto* id : ids) cases.push_back({s.suite, g, id});
    }
    return cases;
}

class LoopbackMatrix : public testing::TestWithParam<Case> {};

TEST_P(LoopbackMatrix, CompletesHandshakeAndCarriesDataBothWays) {
    const Case& c = GetParam();
    auto client = test::client_config();
    client->cipher_suites = {c.suite};
    client->versions = {ProtocolVersion::tls12};
    client->groups = {c.group};
    // RFC 8422 §5.1: an ECDSA certificate's curve must be among the client's groups.
    if (c.identity == &test::pki().server_p256 && c.group != NamedGroup::secp256r1)
        client->groups.push_back(NamedGroup::secp256r1);
    if (c.identity == &test::pki().server_p384 && c.group != NamedGroup::secp384r1)
        client->groups.push_back(NamedGroup::secp384r1);
    auto server = test::server_config(*c.identity);
    server->groups = {c.group};
    server->cipher_suites = {c.suite};
    server->versions = {ProtocolVersion::tls12};
    test::LoopbackPair pair(client, server);

    ASSERT_TRUE(pair.handshake()) << (pair.client.error() ? pair.client.error()->message() : "")
                                  << (pair.server.error() ? pair.server.error()->message() : "");
    const bool key_transport = handshake::find_suite(c.suite)->key_exchange == handshake::KeyExchange::rsa;
    for (const Connection* side : {static_cast<const Connection*>(&pair.client), static_cast<const Connection*>(&pair.server)}) {
        const SessionInfo& info = side->info();
        EXPECT_EQ(info.version, ProtocolVersion::tls12);
        EXPECT_EQ(info.cipher_suite, c.suite);
        if (key_transport) EXPECT_FALSE(info.group.has_value());
        else EXPECT_EQ(info.group, c.group);
        EXPECT_TRUE(info.extended_master_secret);
        EXPECT_TRUE(info.secure_renegotiation);
    }
    EXPECT_TRUE(pair.client.info().peer_verified);
    EXPECT_EQ(pair.client.info().peer_chain, c.identity->chain_der);
    EXPECT_EQ(pair.server.info().server_name, "localhost");

    const std::string request = "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n";
    auto got = pair.client_to_server({reinterpret_cast<const std::uint8_t*>(request.data()), request.size()});
    EXPECT_EQ(std::string(got.begin(), got.end()), request);
    std::vector<std::uint8_t> big(100000);
    for (std::size_t i = 0; i < big.size(); ++i) big[i] = static_cast<std::uint8_t>(i * 7);
    EXPECT_EQ(pair.server_to_client(big), big);
}

std::string case_name(const testing::TestParamInfo<Case>& info) {
    const bool key_transport = handshake::find_suite(info.param.suite)->key_exchange == handshake::KeyExchange::rsa;
    std::string n = std::string(name(info.param.suite)) + "_" +
                    (key_transport ? std::string("rsa_key_transport") : std::string(name(info.param.group))) + "_" +
                    info.param.identity->name;
    for (char& ch : n)
        if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
    return n;
}

INSTANTIATE_TEST_SUITE_P(AllSuites, LoopbackMatrix, testing::ValuesIn(matrix()), case_name);

// RFC 7919 §4: a client that lists no FFDHE group leaves the choice to the server.
TEST(Loopback, DheWithoutClientGroupsUsesTheServersFirstGroup) {
    auto client = test::client_config();
    client->cipher_suites = {CipherSuite::TLS_DHE_RSA_WITH_AES_128_GCM_SHA256};
    client->versions = {ProtocolVersion::tls12};
    auto server = test::server_config(test::pki().server_rsa);
    server->cipher_suites = {CipherSuite::TLS_DHE_RSA_WITH_AES_128_GCM_SHA256};
    server->versions = {ProtocolVersion::tls12};
    test::LoopbackPair pair(client, server);
    ASSERT_TRUE(pair.handshake()) << (pair.client.error() ? pair.client.error()->message() : "");
    EXPECT_EQ(pair.client.info().group, NamedGroup::ffdhe2048);
}

TEST(Loopback, HandshakeSurvivesDeliveryOneByteAtATime) {
    test::LoopbackPair pair(test::client_config(), test::server_config(test::pki().server_rsa));
    pair.byte_at_a_time = true;
    ASSERT_TRUE(pair.handshake());
    const std::string hello = "hello";
    auto got = pair.client_to_server({reinterpret_cast<const std::uint8_t*>(hello.data()), hello.size()});
    EXPECT_EQ(std::string(got.begin(), got.end()), hello);
}

TEST(Loopback, CertificateIssuedByIntermediateVerifies) {
    test::LoopbackPair pair(test::client_config(), test::server_config(test::pki().server_via_intermediate));
    ASSERT_TRUE(pair.handshake()) << (pair.client.error() ? pair.client.error()->message() : "");
    EXPECT_EQ(pair.client.info().peer_chain.size(), 2u);
}

TEST(Loopback, AgreesOnAlpnByServerPreference) {
    auto client = test::client_config();
    client->alpn = {"http/1.1", "h2"};
    auto server = test::server_config(test::pki().server_p256);
    server->alpn = {"h2", "http/1.1"};
    test::LoopbackPair pair(client, server);
    ASSERT_TRUE(pair.handshake());
    EXPECT_EQ(pair.client.info().alpn, "h2");
    EXPECT_EQ(pair.server.info().alpn, "h2");
}

TEST(Loopback, ServerPicksByItsOwnOrderUnlessToldOtherwise) {
    auto client = test::client_config();
    client->cipher_suites = {CipherSuite::TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
                             CipherSuite::TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384};
    client->versions = {ProtocolVersion::tls12};
    auto server = test::server_config(test::pki().server_rsa);
    server->cipher_suites = {CipherSuite::TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
                             CipherSuite::TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256};
    server->versions = {ProtocolVersion::tls12};
    {
        test::LoopbackPair pair(client, server);
        ASSERT_TRUE(pair.handshake());
        EXPECT_EQ(pair.client.info().cipher_suite, CipherSuite::TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384);
    }
    server->prefer_server_cipher_order = false;
    test::LoopbackPair pair(client, server);
    ASSERT_TRUE(pair.handshake());
    EXPECT_EQ(pair.client.info().cipher_suite, CipherSuite::TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256);
}

TEST(Loopback, EcdsaKeysAreSignedWithTheirCurvesHashWhenTheClientAcceptsIt) {
    for (auto [id, scheme] : {std::pair{&test::pki().server_p256, SignatureScheme::ecdsa_secp256r1_sha256},
                              std::pair{&test::pki().server_p384, SignatureScheme::ecdsa_secp384r1_sha384}}) {
        test::LoopbackPair pair(test::client_config(), test::server_config(*id));
        ASSERT_TRUE(pair.handshake());
        EXPECT_EQ(pair.client.info().peer_signature_scheme, scheme) << id->name;
    }
}

// RFC 5246 §7.4.1.4.1: the client accepts an ECDSA signature over any hash
// it offered, whatever the curve (a P-256 server that signs only with
// SHA-512, SHA-384 or SHA-224), and RSA with the SHA-224 pair.
TEST(Loopback, ClientAcceptsEveryOfferedHashFromTheServer) {
    const std::pair<const test::Identity*, SignatureScheme> cases[] = {
        {&test::pki().server_p256, SignatureScheme::ecdsa_secp521r1_sha512},
        {&test::pki().server_p256, SignatureScheme::ecdsa_secp384r1_sha384},
        {&test::pki().server_p256, SignatureScheme::ecdsa_sha224},
        {&test::pki().server_p384, SignatureScheme::ecdsa_secp256r1_sha256},
        {&test::pki().server_rsa, SignatureScheme::rsa_pkcs1_sha224},
    };
    for (auto [id, scheme] : cases) {
        auto server = test::server_config(*id);
        server->signature_schemes = {scheme};
        test::LoopbackPair pair(test::client_config(), server);
        ASSERT_TRUE(pair.handshake()) << id->name << " " << name(scheme) << ": "
                                      << (pair.server.error() ? pair.server.error()->message() : "")
                                      << (pair.client.error() ? pair.client.error()->message() : "");
        EXPECT_EQ(pair.client.info().peer_signature_scheme, scheme) << id->name;
    }
}

// The SHA-224 pairs are accepted but never preferred: a client that lists
// them first still gets the server's better choice.
TEST(Loopback, Sha224IsNeverPreferred) {
    for (auto [id, sha224, expected] :
         {std::tuple{&test::pki().server_p256, SignatureScheme::ecdsa_sha224, SignatureScheme::ecdsa_secp256r1_sha256},
          std::tuple{&test::pki().server_rsa, SignatureScheme::rsa_pkcs1_sha224, SignatureScheme::rsa_pkcs1_sha256}}) {
        auto client = test::client_config();
        client->signature_schemes = {sha224, expected};
        test::LoopbackPair pair(client, test::server_config(*id));
        ASSERT_TRUE(pair.handshake()) << id->name;
        EXPECT_EQ(pair.client.info().peer_signature_scheme, expected) << id->name;
    }
}

TEST(Loopback, ServerWithTwoCertificatesPicksOneThatFitsTheSuite) {
    auto server = test::server_config(test::pki().server_rsa);
    server->certificates.push_back(test::pki().server_p256.certified_key());
    for (auto suite : {CipherSuite::TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
                       CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256}) {
        auto client = test::client_config();
        client->cipher_suites = {suite};
        client->versions = {ProtocolVersion::tls12};
        test::LoopbackPair pair(client, server);
        ASSERT_TRUE(pair.handshake()) << name(suite);
        EXPECT_EQ(pair.client.info().cipher_suite, suite);
    }
}

TEST(Loopback, CloseNotifyIsToldApartFromTruncation) {
    test::LoopbackPair pair(test::client_config(), test::server_config(test::pki().server_p256));
    ASSERT_TRUE(pair.handshake());
    pair.server.close();
    pair.pump();
    EXPECT_TRUE(pair.client.peer_closed());
    EXPECT_EQ(pair.client.transport_closed().error().reason, Reason::peer_closed);
    // The client answered with its own close_notify (RFC 5246 §7.2.1).
    EXPECT_TRUE(pair.server.peer_closed());

    test::LoopbackPair cut(test::client_config(), test::server_config(test::pki().server_p256));
    ASSERT_TRUE(cut.handshake());
    auto status = cut.client.transport_closed();
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().reason, Reason::truncated_connection);
}

// received_data/consume_received read what receive() would copy, in place:
// record by record, in order, partly consumed or whole, and the same bytes
// receive() gives for the rest.
TEST(Loopback, ReceivedDataIsReadInPlaceWithoutACopy) {
    test::LoopbackPair pair(test::client_config(), test::server_config(test::pki().server_p256));
    ASSERT_TRUE(pair.handshake());
    EXPECT_TRUE(pair.server.received_data().empty());
    std::vector<std::uint8_t> sent(40000);   // three records: 16384, 16384, 7232
    for (std::size_t i = 0; i < sent.size(); ++i) sent[i] = static_cast<std::uint8_t>(i * 31 + i / 256);
    ASSERT_TRUE(pair.client.send(sent));
    ASSERT_TRUE(pair.pump());
    ASSERT_EQ(pair.server.available(), sent.size());

    std::vector<std::uint8_t> got;
    auto first = pair.server.received_data();
    ASSERT_EQ(first.size(), 16384u) << "one record's plaintext at a time";
    EXPECT_EQ(pair.server.received_data().data(), first.data()) << "the same bytes until consumed";
    got.insert(got.end(), first.begin(), first.begin() + 1000);
    pair.server.consume_received(1000);
    auto rest_of_first = pair.server.received_data();
    ASSERT_EQ(rest_of_first.size(), 16384u - 1000);
    EXPECT_EQ(rest_of_first.data(), first.data() + 1000) << "in place: the view moves, the bytes do not";
    got.insert(got.end(), rest_of_first.begin(), rest_of_first.end());
    pair.server.consume_received(rest_of_first.size());
    auto second = pair.server.received_data();
    ASSERT_EQ(second.size(), 16384u);
    got.insert(got.end(), second.begin(), second.end());
    pair.server.consume_received(second.size() + 5);   // past the end: only what there is
    EXPECT_EQ(pair.server.available(), sent.size() - 2 * 16384);

    std::vector<std::uint8_t> tail(sent.size());
    tail.resize(pair.server.receive(tail));
    got.insert(got.end(), tail.begin(), tail.end());
    EXPECT_EQ(got, sent);
    EXPECT_TRUE(pair.server.received_data().empty());
    EXPECT_EQ(pair.server.available(), 0u);
}

TEST(Loopback, SendBeforeHandshakeIsRefused) {
    test::LoopbackPair pair(test::client_config(), test::server_config(test::pki().server_p256));
    const std::uint8_t byte = 1;
    auto status = pair.client.send({&byte, 1});
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().reason, Reason::not_connected);
}

}  // namespace
}  // namespace tlspp
