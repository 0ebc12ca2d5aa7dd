// tlspp's TLS 1.3 client against its TLS 1.3 server through the connection
// core and both hello phases: every suite x group x certificate type, with
// and without HelloRetryRequest, with client authentication, byte at a time,
// and the version each side's configuration leads to.
#include <gtest/gtest.h>

#include <algorithm>

#include "handshake/server13/server13_test_peer.hpp"
#include "support/configs.hpp"
#include "support/loopback_pair.hpp"
#include "support/test_pki.hpp"

namespace tlspp::handshake::test13 {
namespace {

using G = NamedGroup;
using C = CipherSuite;

std::shared_ptr<ClientConfig> client13(std::vector<C> suites, std::vector<G> groups) {
    auto c = test::client_config13(1);
    c->cipher_suites = std::move(suites);
    // The versions the suites are of: a config enables a version only with a suite of it.
    std::erase_if(c->versions, [&](ProtocolVersion v) {
        return std::none_of(c->cipher_suites.begin(), c->cipher_suites.end(),
                            [v](C s) { return find_suite(s)->version == v; });
    });
    c->groups = std::move(groups);
    return c;
}

std::shared_ptr<ServerConfig> server13(const test::Identity& id, std::vector<G> groups) {
    auto s = config_for(id);
    s->groups = std::move(groups);
    return s;
}

void expect_connected(test::LoopbackPair& pair, const std::string& what) {
    const bool done = pair.handshake();
    ASSERT_TRUE(done) << what << ": client " << (pair.client.error() ? pair.client.error()->message() : "-")
                      << "; server " << (pair.server.error() ? pair.server.error()->message() : "-");
    static constexpr std::uint8_t ping[] = {'p', 'i', 'n', 'g'};
    EXPECT_EQ(pair.client_to_server(ping).size(), 4u) << what;
    EXPECT_EQ(pair.server_to_client(ping).size(), 4u) << what;
}

TEST(Server13Loopback, EverySuiteGroupAndCertificate) {
    const auto& p = test::pki();
    for (C suite : {C::TLS_AES_128_GCM_SHA256, C::TLS_AES_256_GCM_SHA384, C::TLS_CHACHA20_POLY1305_SHA256})
        for (G group : {G::x25519, G::secp256r1, G::secp384r1, G::ffdhe2048})
            for (const test::Identity* id : {&p.server_rsa, &p.server_p256, &p.server_p384, &p.server_ed25519}) {
                const std::string what = std::string(name(suite)) + " " + std::string(name(group)) + " " + id->name;
                test::LoopbackPair pair(client13({suite}, {group}), server13(*id, {group}));
                expect_connected(pair, what);
                const SessionInfo& info = pair.server.info();
                EXPECT_EQ(info.version, ProtocolVersion::tls13) << what;
                EXPECT_EQ(info.cipher_suite, suite) << what;
                EXPECT_EQ(info.group, group) << what;
                EXPECT_EQ(pair.client.info().version, ProtocolVersion::tls13) << what;
            }
}

TEST(Server13Loopback, HelloRetryRequestForEachGroup) {
    // The client's one share is for x448, which the server does not take.
    for (G group : {G::x25519, G::secp256r1, G::secp384r1, G::ffdhe2048}) {
        const std::string what = std::string(name(group));
        test::LoopbackPair pair(client13({C::TLS_AES_128_GCM_SHA256}, {G::x448, group}),
                                server13(test::pki().server_p256, {group}));
        bool saw_retry = false;
        pair.tamper = [&](test::Direction d, std::vector<std::uint8_t>& bytes) {
            const auto& r = msg::hello_retry_request_random;
            if (d == test::Direction::to_client && std::search(bytes.begin(), bytes.end(), r.begin(), r.end()) != bytes.end())
                saw_retry = true;
        };
        expect_connected(pair, what);
        EXPECT_TRUE(saw_retry) << what;
        EXPECT_EQ(pair.server.info().group, group) << what;
        EXPECT_EQ(pair.client.info().group, group) << what;
    }
}

TEST(Server13Loopback, ByteAtATimeWithRetryAndClientAuthentication) {
    auto server = server13(test::pki().server_p256, {G::secp256r1});
    server->client_auth = ClientAuth::required;
    server->client_trust = test::pki().trust;
    auto client = client13({C::TLS_AES_256_GCM_SHA384}, {G::x25519, G::secp256r1});
    client->certificates.push_back(test::pki().client.certified_key());
    test::LoopbackPair pair(client, server);
    pair.byte_at_a_time = true;
    expect_connected(pair, "byte at a time");
    const SessionInfo& info = pair.server.info();
    EXPECT_TRUE(info.peer_verified);
    EXPECT_EQ(info.peer_chain, test::pki().client.chain_der);
    EXPECT_EQ(info.peer_signature_scheme, SignatureScheme::ecdsa_secp256r1_sha256);
}

TEST(Server13Loopback, RequiredClientCertificateMissingIsCertificateRequired) {
    auto server = server13(test::pki().server_p256, {G::x25519});
    server->client_auth = ClientAuth::required;
    server->client_trust = test::pki().trust;
    test::LoopbackPair pair(client13({C::TLS_AES_128_GCM_SHA256}, {G::x25519}), server);
    EXPECT_FALSE(pair.handshake());
    ASSERT_NE(pair.server.error(), nullptr);
    EXPECT_EQ(pair.server.error()->reason, Reason::certificate_required);
    EXPECT_EQ(pair.server.error()->alert, Alert::certificate_required);
    ASSERT_NE(pair.client.error(), nullptr);
    EXPECT_EQ(pair.client.error()->alert, Alert::certificate_required);
}

// The hello phase: TLS 1.3 when both sides enable it; TLS 1.2 when either
// does not (a config that enables a version must have a suite of it: validate()).
TEST(Server13Loopback, VersionFollowsBothConfigurations) {
    const auto& id = test::pki().server_p256;
    struct Case {
        const char* name;
        std::vector<ProtocolVersion> client_versions;
        std::vector<ProtocolVersion> server_versions;
        ProtocolVersion expected;
    };
    const std::vector<Case> cases = {
        {"both 1.3", default_versions(), default_versions(), ProtocolVersion::tls13},
        {"server with 1.3 disabled", default_versions(), {ProtocolVersion::tls12}, ProtocolVersion::tls12},
        {"client with 1.3 disabled", {ProtocolVersion::tls12}, default_versions(), ProtocolVersion::tls12},
    };
    for (const auto& c : cases) {
        auto server = server13(id, default_groups());
        server->cipher_suites = suites13_then_12();
        server->versions = c.server_versions;
        auto client = client13(suites13_then_12(), default_groups());
        client->versions = c.client_versions;
        test::LoopbackPair pair(client, server);
        expect_connected(pair, c.name);
        EXPECT_EQ(pair.server.info().version, c.expected) << c.name;
        EXPECT_EQ(pair.client.info().version, c.expected) << c.name;
    }
}

}  // namespace
}  // namespace tlspp::handshake::test13
