// The TLS 1.3 server machine driven directly: its flight read back under
// keys a hand-made client derives on its own, HelloRetryRequest, the key log,
// and the ClientHello and Finished failures with their exact alerts.
#include "handshake/server13/server13.hpp"

#include <gtest/gtest.h>

#include "handshake/server13/server13_test_peer.hpp"
#include "support/test_pki.hpp"

namespace tlspp::handshake::test13 {
namespace {

using G = NamedGroup;

TEST(Server13, FullFlightReadsBackUnderTheClientsOwnKeys) {
    Handshake run(config_for(test::pki().server_p256));
    const msg::ClientHello ch = run.client.hello(all13, {G::x25519, G::secp256r1}, {G::x25519});
    ASSERT_TRUE(run.server.receive(run.client.send(ch)));
    const Bytes out = run.server.take_output();
    // RFC 8446 §5.1: legacy_record_version 0x0303 for all records but an initial ClientHello.
    ASSERT_GE(out.size(), 5u);
    EXPECT_EQ(out[1], 0x03);
    EXPECT_EQ(out[2], 0x03);
    ASSERT_TRUE(run.client.read(out));

    const std::vector<std::string> flight = {"ServerHello", "EncryptedExtensions", "Certificate", "CertificateVerify",
                                             "Finished"};
    EXPECT_EQ(run.client.names(), flight);
    for (const auto& r : run.client.received()) EXPECT_EQ(r.was_protected, r.name != "ServerHello") << r.name;
    EXPECT_EQ(run.client.change_cipher_specs(), 1);   // §D.4: the client sent a session ID

    const auto* sh = run.client.find<msg::ServerHello>();
    ASSERT_NE(sh, nullptr);
    EXPECT_EQ(sh->legacy_version, 0x0303);
    EXPECT_FALSE(sh->is_hello_retry_request());
    EXPECT_EQ(sh->session_id, ch.session_id);
    EXPECT_EQ(sh->cipher_suite, 0x1302);   // our order: AES-256-GCM first
    EXPECT_EQ(sh->compression_method, 0);
    EXPECT_EQ(sh->selected_version, 0x0304);
    ASSERT_TRUE(sh->key_share);
    EXPECT_EQ(sh->key_share->group, G::x25519);
    // No TLS 1.2 extension in a TLS 1.3 ServerHello (RFC 8446 §4.2 table).
    EXPECT_FALSE(sh->renegotiation_info || sh->ec_point_formats || sh->alpn || sh->extended_master_secret ||
                 sh->server_name_ack || sh->session_ticket);

    const auto* ee = run.client.find<msg::EncryptedExtensions>();
    ASSERT_NE(ee, nullptr);
    EXPECT_TRUE(ee->server_name_ack);   // the client sent SNI
    EXPECT_FALSE(ee->alpn);
    const auto* certificate = run.client.find<msg::Certificate13>();
    ASSERT_NE(certificate, nullptr);
    EXPECT_TRUE(certificate->request_context.empty());
    ASSERT_EQ(certificate->entries.size(), test::pki().server_p256.chain_der.size());
    EXPECT_EQ(certificate->entries[0].cert_data, test::pki().server_p256.chain_der[0]);
    EXPECT_EQ(run.client.find<msg::CertificateVerify>()->scheme, SignatureScheme::ecdsa_secp256r1_sha256);
    EXPECT_TRUE(run.client.certificate_verify_ok());
    EXPECT_TRUE(run.client.finished_ok());
    EXPECT_EQ(run.server.machine.state_name(), "server13: expect Finished");
    EXPECT_FALSE(run.server.machine.connected());

    // The client's Finished arrives under the client handshake keys the server installed.
    ASSERT_TRUE(run.finish());
    EXPECT_TRUE(run.server.machine.connected());
    EXPECT_EQ(run.server.machine.state_name(), "server13: connected");
    const SessionInfo& info = run.server.info;
    EXPECT_EQ(info.version, ProtocolVersion::tls13);
    EXPECT_EQ(info.cipher_suite, CipherSuite::TLS_AES_256_GCM_SHA384);
    EXPECT_EQ(info.group, G::x25519);
    EXPECT_EQ(info.server_name, "localhost");
    EXPECT_FALSE(info.peer_verified);

    // Application data both ways under the application keys of both derivations.
    static constexpr std::uint8_t hello_text[] = {'h', 'e', 'l', 'l', 'o'};
    run.server.records.write(ContentType::application_data, hello_text);
    auto opened = run.client.open_application(run.server.take_output());
    ASSERT_TRUE(opened) << opened.error().detail;
    EXPECT_EQ(*opened, Bytes(std::begin(hello_text), std::end(hello_text)));
    run.server.records.feed(run.client.protect({Bytes{'p', 'i', 'n', 'g'}}, true, ContentType::application_data));
    auto rec = run.server.records.next_incoming();
    ASSERT_TRUE(rec && *rec);
    EXPECT_EQ((*rec)->type, ContentType::application_data);
    EXPECT_EQ(Bytes((*rec)->data.begin(), (*rec)->data.end()), (Bytes{'p', 'i', 'n', 'g'}));
}

TEST(Server13, KeyLogHasTheFiveSecretsUnderTheClientRandom) {
    Handshake run(config_for(test::pki().server_p256));
    ASSERT_TRUE(run.hello(run.client.hello(all13, {G::x25519}, {G::x25519})));
    const Bytes random(run.client.client_random().begin(), run.client.client_random().end());
    const auto& hs = run.client.handshake_secrets();
    const auto& app = run.client.application_secrets();
    const std::map<std::string_view, const SecretBytes*> expected = {
        {keylog_label::client_handshake_traffic_secret, &hs.client},
        {keylog_label::server_handshake_traffic_secret, &hs.server},
        {keylog_label::client_traffic_secret_0, &app.client_traffic},
        {keylog_label::server_traffic_secret_0, &app.server_traffic},
        {keylog_label::exporter_secret, &app.exporter_master},
    };
    EXPECT_EQ(run.server.key_log.lines.size(), expected.size());
    for (const auto& [label, secret] : expected) {
        auto it = run.server.key_log.lines.find(std::string(label));
        ASSERT_NE(it, run.server.key_log.lines.end()) << label;
        EXPECT_EQ(it->second.first, random) << label;
        EXPECT_EQ(it->second.second, Bytes(secret->view().begin(), secret->view().end())) << label;
    }
}

TEST(Server13, EverySuiteAndGroupCompletes) {
    for (std::uint16_t suite : all13)
        for (G group : {G::x25519, G::secp256r1, G::secp384r1, G::ffdhe2048}) {
            const std::string what = std::to_string(suite) + " " + std::string(name(group));
            auto config = config_for(test::pki().server_p256);
            config->groups = {G::x25519, G::secp256r1, G::secp384r1, G::ffdhe2048};
            Handshake run(config);
            ASSERT_TRUE(run.hello(run.client.hello({suite}, {group}, {group}))) << what;
            EXPECT_TRUE(run.client.certificate_verify_ok()) << what;
            EXPECT_TRUE(run.client.finished_ok()) << what;
            ASSERT_TRUE(run.finish()) << what;
            EXPECT_TRUE(run.server.machine.connected()) << what;
            EXPECT_EQ(static_cast<std::uint16_t>(*run.server.info.cipher_suite), suite) << what;
            EXPECT_EQ(run.server.info.group, group) << what;
        }
}

TEST(Server13, EveryCertificateTypeSignsWithItsTls13Scheme) {
    const auto& p = test::pki();
    const std::vector<std::pair<const test::Identity*, SignatureScheme>> cases = {
        {&p.server_rsa, SignatureScheme::rsa_pss_rsae_sha256},
        {&p.server_p256, SignatureScheme::ecdsa_secp256r1_sha256},
        {&p.server_p384, SignatureScheme::ecdsa_secp384r1_sha384},
        {&p.server_ed25519, SignatureScheme::ed25519},
    };
    for (const auto& [id, scheme] : cases) {
        Handshake run(config_for(*id));
        ASSERT_TRUE(run.hello(run.client.hello(all13, {G::x25519}, {G::x25519}))) << id->name;
        ASSERT_NE(run.client.find<msg::CertificateVerify>(), nullptr) << id->name;
        EXPECT_EQ(run.client.find<msg::CertificateVerify>()->scheme, scheme) << id->name;
        EXPECT_TRUE(run.client.certificate_verify_ok()) << id->name;
        ASSERT_TRUE(run.finish()) << id->name;
    }
}

TEST(Server13, NoChangeCipherSpecForAClientWithoutSessionId) {
    Handshake run(config_for(test::pki().server_p256));
    ASSERT_TRUE(run.hello(run.client.hello(all13, {G::x25519}, {G::x25519}, false)));
    EXPECT_EQ(run.client.change_cipher_specs(), 0);
    EXPECT_TRUE(run.client.find<msg::ServerHello>()->session_id.empty());
    ASSERT_TRUE(run.finish());
}

TEST(Server13, AlpnChosenAndNoServerNameAckWithoutSni) {
    auto config = config_for(test::pki().server_p256);
    config->alpn = {"h2", "http/1.1"};
    Handshake run(config);
    msg::ClientHello ch = run.client.hello(all13, {G::x25519}, {G::x25519});
    ch.alpn = std::vector<std::string>{"http/1.1", "h2"};
    ch.server_name.reset();
    ASSERT_TRUE(run.hello(ch));
    const auto* ee = run.client.find<msg::EncryptedExtensions>();
    ASSERT_NE(ee, nullptr);
    EXPECT_EQ(ee->alpn, "h2");
    EXPECT_FALSE(ee->server_name_ack);
    ASSERT_TRUE(run.finish());
    EXPECT_EQ(run.server.info.alpn, "h2");
    EXPECT_EQ(run.server.info.server_name, "");
}

TEST(Server13, TamperedFinishedIsDecryptError) {
    Handshake run(config_for(test::pki().server_p256));
    ASSERT_TRUE(run.hello(run.client.hello(all13, {G::x25519}, {G::x25519})));
    Bytes finished = run.client.finished();
    finished.back() ^= 1;
    expect_alert(run.server.receive_records(run.client.protect({finished})), Reason::finished_mismatch,
                 Alert::decrypt_error, "tampered Finished");
    EXPECT_FALSE(run.server.machine.connected());
}

struct HelloCase {
    const char* name;
    std::function<void(msg::ClientHello&)> change;
    Reason reason;
    Alert alert;
};

TEST(Server13, BadClientHellosGetTheirAlertsAndNothingIsSent) {
    const std::vector<HelloCase> cases = {
        {"compression null and deflate", [](auto& h) { h.compression_methods = {0, 1}; }, Reason::illegal_parameter,
         Alert::illegal_parameter},
        {"a group twice in key_share", [](auto& h) { h.key_shares->push_back(h.key_shares->front()); },
         Reason::illegal_parameter, Alert::illegal_parameter},
        {"a share for a group not in supported_groups",
         [](auto& h) { h.supported_groups = std::vector<G>{G::secp256r1}; }, Reason::illegal_parameter,
         Alert::illegal_parameter},
        {"no key_share", [](auto& h) { h.key_shares.reset(); }, Reason::missing_extension, Alert::missing_extension},
        {"no supported_groups", [](auto& h) { h.supported_groups.reset(); }, Reason::missing_extension,
         Alert::missing_extension},
        {"no signature_algorithms", [](auto& h) { h.signature_algorithms.reset(); }, Reason::missing_extension,
         Alert::missing_extension},
        {"an x25519 share of 31 bytes", [](auto& h) { h.key_shares->front().key_exchange.pop_back(); },
         Reason::bad_key_share, Alert::illegal_parameter},
        {"no TLS 1.3 suite", [](auto& h) { h.cipher_suites = {0xc02f}; }, Reason::no_common_cipher_suite,
         Alert::handshake_failure},
        {"only PKCS#1 signatures", [](auto& h) { h.signature_algorithms = {SignatureScheme::rsa_pkcs1_sha256}; },
         Reason::no_common_signature_scheme, Alert::handshake_failure},
        {"no group in common", [](auto& h) {
             h.supported_groups = std::vector<G>{G::x448};
             h.key_shares->clear();
         },
         Reason::no_common_group, Alert::handshake_failure},
    };
    for (const auto& c : cases) {
        Handshake run(config_for(test::pki().server_p256));
        msg::ClientHello ch = run.client.hello(all13, {G::x25519}, {G::x25519});
        c.change(ch);
        expect_alert(run.server.receive(run.client.send(ch)), c.reason, c.alert, c.name);
        EXPECT_TRUE(run.server.take_output().empty()) << c.name;
    }
}

TEST(Server13, EachStateAcceptsOnlyItsMessages) {
    Handshake run(config_for(test::pki().server_p256));
    EXPECT_TRUE(run.server.machine.accepts(HandshakeType::client_hello));
    EXPECT_FALSE(run.server.machine.accepts(HandshakeType::finished));
    ASSERT_TRUE(run.hello(run.client.hello(all13, {G::x25519}, {G::x25519})));
    // No CertificateRequest was sent: only Finished (and one CCS) may come.
    EXPECT_TRUE(run.server.machine.accepts(HandshakeType::finished));
    for (HandshakeType t : {HandshakeType::client_hello, HandshakeType::certificate, HandshakeType::certificate_verify,
                            HandshakeType::client_key_exchange, HandshakeType::key_update,
                            HandshakeType::end_of_early_data})
        EXPECT_FALSE(run.server.machine.accepts(t)) << static_cast<int>(t);
    msg::Certificate13 empty;
    expect_alert(run.server.receive_records(run.client.protect({msg::encode_message(empty)})),
                 Reason::unexpected_handshake_message, Alert::unexpected_message, "Certificate unrequested");
}

// RFC 8446 §5: one dummy ChangeCipherSpec before the client's Finished is
// dropped; a second is unexpected_message, as is one after the handshake.
TEST(Server13, OneChangeCipherSpecBeforeTheClientFinished) {
    {
        Handshake run(config_for(test::pki().server_p256));
        ASSERT_TRUE(run.hello(run.client.hello(all13, {G::x25519}, {G::x25519})));
        ASSERT_TRUE(run.server.change_cipher_spec());
        EXPECT_EQ(run.server.machine.state_name(), "server13: expect Finished");
        ASSERT_TRUE(run.finish());
        expect_alert(run.server.change_cipher_spec(), Reason::unexpected_change_cipher_spec, Alert::unexpected_message,
                     "CCS after the handshake");
    }
    {
        Handshake run(config_for(test::pki().server_p256));
        ASSERT_TRUE(run.hello(run.client.hello(all13, {G::x25519}, {G::x25519})));
        ASSERT_TRUE(run.server.change_cipher_spec());
        expect_alert(run.server.change_cipher_spec(), Reason::unexpected_change_cipher_spec, Alert::unexpected_message,
                     "a second CCS");
    }
    {
        Handshake run(config_for(test::pki().server_p256));
        expect_alert(run.server.change_cipher_spec(), Reason::unexpected_change_cipher_spec, Alert::unexpected_message,
                     "CCS before the ClientHello");
    }
}

TEST(Server13, NoClientHelloAfterTheHandshake) {
    Handshake run(config_for(test::pki().server_p256));
    ASSERT_TRUE(run.hello(run.client.hello(all13, {G::x25519}, {G::x25519})));
    ASSERT_TRUE(run.finish());
    EXPECT_FALSE(run.server.machine.accepts(HandshakeType::client_hello));
}

}  // namespace
}  // namespace tlspp::handshake::test13
