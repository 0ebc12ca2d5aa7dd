// Client authentication in TLS 1.3 (RFC 8446 §4.3.2, §4.4.2, §4.4.3): the
// CertificateRequest, the client's Certificate and CertificateVerify, and
// the required/optional policy, with the exact alerts.
#include <gtest/gtest.h>

#include "handshake/server13/server13_test_peer.hpp"
#include "pki/certified_key.hpp"
#include "support/test_pki.hpp"

namespace tlspp::handshake::test13 {
namespace {

using G = NamedGroup;
using S = SignatureScheme;

std::shared_ptr<ServerConfig> auth_config(ClientAuth policy) {
    auto c = config_for(test::pki().server_p256);
    c->client_auth = policy;
    c->client_trust = test::pki().trust;
    return c;
}

msg::Certificate13 certificate_of(const test::Identity& id) {
    msg::Certificate13 c;
    for (const auto& der : id.chain_der) c.entries.push_back({Bytes(der.begin(), der.end()), {}});
    return c;
}

// Authenticated runs the server's flight with a CertificateRequest.
struct Authenticated {
    explicit Authenticated(ClientAuth policy) : run(auth_config(policy)) {
        EXPECT_TRUE(run.hello(run.client.hello(all13, {G::x25519}, {G::x25519})));
    }
    // client_flight sends Certificate [CertificateVerify] Finished, protected, as one batch.
    Status client_flight(const msg::Certificate13& certificate, const crypto::PrivateKey* key, S scheme) {
        std::vector<Bytes> messages{run.client.send(certificate)};
        if (key) messages.push_back(run.client.certificate_verify(*key, scheme));
        messages.push_back(run.client.finished());
        return run.server.receive_records(run.client.protect(messages));
    }
    Handshake run;
};

TEST(Server13ClientAuth, CertificateRequestAsksWithTls13SchemesAndOurCAs) {
    Authenticated a(ClientAuth::required);
    const std::vector<std::string> flight = {"ServerHello", "EncryptedExtensions", "CertificateRequest", "Certificate",
                                             "CertificateVerify", "Finished"};
    EXPECT_EQ(a.run.client.names(), flight);
    const auto* request = a.run.client.find<msg::CertificateRequest13>();
    ASSERT_NE(request, nullptr);
    EXPECT_TRUE(request->request_context.empty());
    ASSERT_TRUE(request->signature_algorithms);
    for (S s : *request->signature_algorithms) EXPECT_NE(s, S::rsa_pkcs1_sha256) << name(s);
    ASSERT_TRUE(request->certificate_authorities);
    EXPECT_EQ(*request->certificate_authorities, test::pki().trust.subject_names());
    EXPECT_EQ(a.run.server.machine.state_name(), "server13: expect client Certificate");
    EXPECT_TRUE(a.run.client.finished_ok());
}

TEST(Server13ClientAuth, AVerifiedClientCertificateCompletes) {
    Authenticated a(ClientAuth::required);
    const auto& client = test::pki().client;
    ASSERT_TRUE(a.client_flight(certificate_of(client), &client.certified_key().impl().key, S::ecdsa_secp256r1_sha256));
    EXPECT_TRUE(a.run.server.machine.connected());
    const SessionInfo& info = a.run.server.info;
    EXPECT_TRUE(info.peer_verified);
    EXPECT_EQ(info.peer_chain, client.chain_der);
    EXPECT_EQ(info.peer_signature_scheme, S::ecdsa_secp256r1_sha256);
}

TEST(Server13ClientAuth, AnRsaClientSignsWithPss) {
    Authenticated a(ClientAuth::optional);
    const auto& client = test::pki().client_rsa;
    ASSERT_TRUE(a.client_flight(certificate_of(client), &client.certified_key().impl().key, S::rsa_pss_rsae_sha256));
    EXPECT_TRUE(a.run.server.info.peer_verified);
}

TEST(Server13ClientAuth, AnEmptyCertificateFollowsThePolicy) {
    {
        Authenticated a(ClientAuth::required);
        expect_alert(a.client_flight(msg::Certificate13{}, nullptr, {}), Reason::certificate_required,
                     Alert::certificate_required, "required, none sent");
        EXPECT_FALSE(a.run.server.machine.connected());
    }
    {
        Authenticated a(ClientAuth::optional);
        ASSERT_TRUE(a.client_flight(msg::Certificate13{}, nullptr, {}));
        EXPECT_TRUE(a.run.server.machine.connected());
        EXPECT_FALSE(a.run.server.info.peer_verified);
        EXPECT_TRUE(a.run.server.info.peer_chain.empty());
    }
}

TEST(Server13ClientAuth, ABadClientFlightGetsItsAlert) {
    const auto& p = test::pki();
    // The CertifiedKeys own the keys: keep them for the whole test.
    const CertifiedKey ec = p.client.certified_key(), rsa = p.client_rsa.certified_key(),
                       server = p.server_p256.certified_key();
    const auto& ec_key = ec.impl().key;
    const auto& rsa_key = rsa.impl().key;
    {
        Authenticated a(ClientAuth::required);
        expect_alert(a.client_flight(certificate_of(p.client_rsa), &rsa_key, S::rsa_pkcs1_sha256),
                     Reason::unoffered_signature_scheme, Alert::illegal_parameter, "PKCS#1 CertificateVerify");
    }
    {
        Authenticated a(ClientAuth::required);
        expect_alert(a.client_flight(certificate_of(p.client), &ec_key, S::ecdsa_secp384r1_sha384),
                     Reason::unoffered_signature_scheme, Alert::illegal_parameter,
                     "secp384r1_sha384 from a P-256 key");
    }
    {
        Authenticated a(ClientAuth::required);
        // A valid signature by another key than the certificate's.
        expect_alert(a.client_flight(certificate_of(p.client), &server.impl().key, S::ecdsa_secp256r1_sha256),
                     Reason::bad_signature, Alert::decrypt_error, "signature by another key");
    }
    {
        Authenticated a(ClientAuth::required);
        expect_alert(a.client_flight(certificate_of(p.untrusted), nullptr, {}), Reason::certificate_untrusted,
                     Alert::unknown_ca, "untrusted client certificate");
    }
    {
        Authenticated a(ClientAuth::required);
        msg::Certificate13 c = certificate_of(p.client);
        c.request_context = {1, 2};
        expect_alert(a.client_flight(c, nullptr, {}), Reason::illegal_parameter, Alert::illegal_parameter,
                     "a request context we did not send");
    }
    {
        Authenticated a(ClientAuth::required);
        msg::Certificate13 c = certificate_of(p.client);
        c.entries.front().extensions.push_back({18 /* signed_certificate_timestamp */, {}});
        expect_alert(a.client_flight(c, nullptr, {}), Reason::unsolicited_extension, Alert::unsupported_extension,
                     "an entry extension not requested");
    }
    {
        Authenticated a(ClientAuth::required);
        // A certificate, then Finished without CertificateVerify.
        expect_alert(a.client_flight(certificate_of(p.client), nullptr, {}), Reason::unexpected_handshake_message,
                     Alert::unexpected_message, "no CertificateVerify");
    }
}

}  // namespace
}  // namespace tlspp::handshake::test13
