// Every state of the TLS 1.3 server takes exactly the handshake types of its
// handlers: for each state, reached by a real handshake, every one of the 256
// type codes is asked, and the accepted set is the table's.
#include <gtest/gtest.h>

#include <set>

#include "handshake/server13/server13_test_peer.hpp"
#include "pki/certified_key.hpp"
#include "support/test_pki.hpp"

namespace tlspp::handshake::test13 {
namespace {

using G = NamedGroup;
using T = HandshakeType;

void expect_accepts_exactly(const Server13& machine, const std::set<T>& accepted) {
    for (int code = 0; code < 256; ++code) {
        const auto t = static_cast<T>(code);
        EXPECT_EQ(machine.accepts(t), accepted.count(t) == 1) << machine.state_name() << ", type " << code;
    }
}

TEST(Server13States, EachStateAcceptsExactlyItsHandlersTypes) {
    auto config = config_for(test::pki().server_p256);
    config->groups = {G::x25519};
    config->client_auth = ClientAuth::required;
    config->client_trust = test::pki().trust;
    Handshake run(config);
    EXPECT_EQ(run.server.machine.state_name(), "server13: expect ClientHello");
    expect_accepts_exactly(run.server.machine, {T::client_hello});

    const msg::ClientHello ch1 = run.client.hello(all13, {G::secp256r1, G::x25519}, {G::secp256r1});
    ASSERT_TRUE(run.hello(ch1));
    EXPECT_EQ(run.server.machine.state_name(), "server13: expect ClientHello after HelloRetryRequest");
    expect_accepts_exactly(run.server.machine, {T::client_hello});

    ASSERT_TRUE(run.hello(run.client.retry(ch1, G::x25519)));
    EXPECT_EQ(run.server.machine.state_name(), "server13: expect client Certificate");
    expect_accepts_exactly(run.server.machine, {T::certificate});

    const auto& client = test::pki().client;
    msg::Certificate13 certificate;
    for (const auto& der : client.chain_der) certificate.entries.push_back({Bytes(der.begin(), der.end()), {}});
    ASSERT_TRUE(run.server.receive_records(run.client.protect({run.client.send(certificate)})));
    EXPECT_EQ(run.server.machine.state_name(), "server13: expect CertificateVerify");
    expect_accepts_exactly(run.server.machine, {T::certificate_verify});

    const CertifiedKey key = client.certified_key();
    ASSERT_TRUE(run.server.receive_records(
        run.client.protect({run.client.certificate_verify(key.impl().key, SignatureScheme::ecdsa_secp256r1_sha256)})));
    EXPECT_EQ(run.server.machine.state_name(), "server13: expect Finished");
    expect_accepts_exactly(run.server.machine, {T::finished});

    ASSERT_TRUE(run.finish());
    EXPECT_EQ(run.server.machine.state_name(), "server13: connected");
    // KeyUpdate comes with the lead's post-handshake work; nothing else is accepted.
    expect_accepts_exactly(run.server.machine, {});
}

}  // namespace
}  // namespace tlspp::handshake::test13
