// The TLS 1.3 server's answer to a ClientHello (RFC 8446 §2): a
// HelloRetryRequest when the client sent no share for the group chosen, or
// ServerHello, then under the handshake keys EncryptedExtensions
// [CertificateRequest] Certificate CertificateVerify Finished.
#include "handshake/server13/server_flight13.hpp"

#include <algorithm>
#include <string>

#include "crypto/key_exchange.hpp"
#include "handshake/keys13.hpp"
#include "handshake/negotiation.hpp"
#include "handshake/negotiation13.hpp"
#include "pki/certified_key.hpp"

namespace tlspp::handshake::server13 {

namespace {

constexpr std::uint16_t legacy_version = 0x0303;   // RFC 8446 §4.1.3: "legacy_version ... MUST be set to 0x0303"
constexpr std::uint16_t tls13_code = 0x0304;

// The ServerHello fields a HelloRetryRequest and a ServerHello share (RFC 8446 §4.1.3).
msg::ServerHello hello_for(const msg::ClientHello& m, const SuiteInfo& suite) {
    msg::ServerHello hello;
    hello.legacy_version = legacy_version;
    // §4.1.3: "legacy_session_id_echo: The contents of the client's
    // legacy_session_id field."
    hello.session_id = m.session_id;
    hello.cipher_suite = static_cast<std::uint16_t>(suite.suite);
    hello.compression_method = 0;
    hello.selected_version = tls13_code;
    return hello;
}

// sends_compat_ccs says whether the client asked for middlebox compatibility
// mode (RFC 8446 §D.4: "the client ... sets legacy_session_id"). Choice: the
// server's dummy ChangeCipherSpec goes only to such a client, the path where
// middleboxes expect a TLS 1.2-looking resumption; OpenSSL (with its default
// SSL_OP_ENABLE_MIDDLEBOX_COMPAT) and BoringSSL send it to every client, which
// §5 obliges to drop it, so either is safe.
bool sends_compat_ccs(const msg::ClientHello& m) { return !m.session_id.empty(); }

Result<State> send_hello_retry_request(const msg::ClientHello& m, const SuiteInfo& suite, NamedGroup group,
                                       Step& step) {
    // RFC 8446 §4.4.1: "When the server responds to a ClientHello with a
    // HelloRetryRequest, the value of ClientHello1 is replaced with a special
    // synthetic handshake message of handshake type "message_hash"".
    step.transcript().start_hash_after_retry(suite.prf_hash);
    msg::ServerHello retry = hello_for(m, suite);
    retry.random = msg::hello_retry_request_random;
    retry.selected_group = group;
    report_check(step.events(), "HelloRetryRequest", true,
                 "the ClientHello has no key_share for " + std::string(crypto::group_label(group)) +
                     ", the group chosen: the server asks for one");
    step.set_record_version(legacy_version);
    step.send(retry);
    const bool ccs = sends_compat_ccs(m);
    // RFC 8446 §D.4: "The server sends a dummy change_cipher_spec record
    // immediately after its first handshake message. This may either be after
    // a ServerHello or a HelloRetryRequest."
    if (ccs) step.send_change_cipher_spec();
    return ExpectRetriedClientHello{&suite, group, ccs};
}

// certificate13 is our Certificate (RFC 8446 §4.4.2): an empty context (not
// post-handshake), the chain, no per-entry extensions (we were asked for none).
msg::Certificate13 certificate13(const CertifiedKey& key) {
    msg::Certificate13 out;
    for (const auto& der : key.impl().chain) out.entries.push_back({msg::Bytes(der.begin(), der.end()), {}});
    return out;
}

// certificate_request13 asks for a client certificate (RFC 8446 §4.3.2):
// empty context, the schemes a CertificateVerify may use, and the names of
// the CAs client certificates must chain to.
msg::CertificateRequest13 certificate_request13(const ServerConfig& config) {
    msg::CertificateRequest13 request;
    request.signature_algorithms = request_schemes13(config);
    if (config.client_trust) {
        auto names = config.client_trust->subject_names();
        if (!names.empty()) request.certificate_authorities.emplace(names.begin(), names.end());
    }
    return request;
}

// send_flight sends ServerHello through Finished over the client's `share`
// for `group`, and installs our application write keys and the client's
// handshake read keys. The transcript hash is started already.
Result<State> send_flight(const msg::ClientHello& m, const SuiteInfo& suite, const msg::KeyShareEntry& share,
                          const CertificateChoice13& cert, bool ccs_sent, const ServerConfig& config, Step& step) {
    auto alpn = choose_alpn(config.alpn, m.alpn);
    if (!alpn) return std::move(alpn).error();
    auto ours = crypto::KeyShare::generate(share.group, step.random());
    if (!ours) return std::move(ours).error();
    // RFC 8446 §4.2.8.1/§4.2.8.2: the peer's value is checked (length, on the
    // curve, padded ffdhe); a bad one is illegal_parameter (bad_key_share).
    auto shared = ours->agree(share.key_exchange);
    if (!shared) {
        Error e = std::move(shared).error();
        e.detail = "ClientHello: key_share for " + std::string(crypto::group_label(share.group)) + ": " + e.detail;
        return e;
    }
    EventSink* events = step.events();
    const HashAlg hash = suite.prf_hash;

    msg::ServerHello hello = hello_for(m, suite);
    step.random().fill(hello.random);
    hello.key_share = msg::KeyShareEntry{share.group, ours->public_value()};
    report_key(events, "server key_share", "the server's ephemeral public value", ours->public_value(), false);
    step.set_record_version(legacy_version);
    step.send(hello);

    // RFC 8446 §7.1: the handshake secrets over ClientHello...ServerHello.
    report_key(events, "(EC)DHE shared secret", "(EC)DHE(server private key, client key_share)", *shared);
    const HandshakeSecret13 handshake = handshake_secret13(early_secret13(hash, {}), *shared);
    report_key(events, "handshake_secret", "HKDF-Extract(Derive-Secret(early_secret, \"derived\", \"\"), (EC)DHE)",
               handshake.secret);
    HandshakeTrafficSecrets13 traffic = handshake_traffic_secrets13(handshake, step.transcript().hash());
    log_secret13(step.key_log(), events, keylog_label::client_handshake_traffic_secret, m.random, traffic.client,
                 "Derive-Secret(handshake_secret, \"c hs traffic\", ClientHello...ServerHello)");
    log_secret13(step.key_log(), events, keylog_label::server_handshake_traffic_secret, m.random, traffic.server,
                 "Derive-Secret(handshake_secret, \"s hs traffic\", ClientHello...ServerHello)");

    if (!ccs_sent && sends_compat_ccs(m)) step.send_change_cipher_spec();   // RFC 8446 §D.4, as above
    auto handshake_write = protection13(suite, traffic.server, record::Use::seal);
    if (!handshake_write) return std::move(handshake_write).error();
    step.install_write_protection(std::move(*handshake_write), protection_name(suite));

    msg::EncryptedExtensions extensions;
    // RFC 6066 §3: the server "SHALL include an extension of type
    // "server_name" ... The "extension_data" field of this extension SHALL be
    // empty"; RFC 8446 §4.2 moves it to EncryptedExtensions.
    extensions.server_name_ack = m.server_name.has_value();
    if (!alpn->empty()) extensions.alpn = *alpn;
    step.send(extensions);
    const bool request_certificate = config.client_auth != ClientAuth::none;
    if (request_certificate) step.send(certificate_request13(config));
    step.send(certificate13(*cert.certificate));

    // RFC 8446 §4.4.3: the signature covers the transcript through Certificate.
    auto signature = cert.certificate->impl().key.sign(
        cert.scheme, certificate_verify_input13(true, step.transcript().hash()));
    if (!signature) return std::move(signature).error();
    step.send(msg::CertificateVerify{cert.scheme, std::move(*signature)});
    const SecretBytes verify_data = verify_data13(hash, traffic.server, step.transcript().hash());
    step.send_finished(verify_data);

    // RFC 8446 §7.1: the application secrets over ClientHello...server Finished.
    const MasterSecret13 master = master_secret13(handshake);
    ApplicationSecrets13 application = application_secrets13(master, step.transcript().hash());
    log_secret13(step.key_log(), events, keylog_label::client_traffic_secret_0, m.random, application.client_traffic,
                 "Derive-Secret(master_secret, \"c ap traffic\", ClientHello...server Finished)");
    log_secret13(step.key_log(), events, keylog_label::server_traffic_secret_0, m.random, application.server_traffic,
                 "Derive-Secret(master_secret, \"s ap traffic\", ClientHello...server Finished)");
    log_secret13(step.key_log(), events, keylog_label::exporter_secret, m.random, application.exporter_master,
                 "Derive-Secret(master_secret, \"exp master\", ClientHello...server Finished)");
    auto application_write = protection13(suite, application.server_traffic, record::Use::seal);
    if (!application_write) return std::move(application_write).error();
    step.install_write_protection(std::move(*application_write), protection_name(suite));
    auto handshake_read = protection13(suite, traffic.client, record::Use::open);
    if (!handshake_read) return std::move(handshake_read).error();
    step.install_read_protection(std::move(*handshake_read), protection_name(suite));

    SessionInfo& info = step.info();
    info.version = ProtocolVersion::tls13;
    info.cipher_suite = suite.suite;
    info.group = share.group;
    info.alpn = *alpn;
    info.server_name = m.server_name.value_or("");
    ClientFlightKeys keys{&suite, std::move(traffic.client), std::move(application)};
    if (request_certificate) return ExpectClientCertificate{std::move(keys)};
    return ExpectFinished{std::move(keys)};
}

}  // namespace

Result<State> answer_client_hello(const msg::ClientHello& m, const ServerConfig& config, Step& step) {
    auto choice = choose13(config, m);
    if (!choice) return std::move(choice).error();
    const SuiteInfo& suite = *choice->suite;
    if (!choice->group.client_share) return send_hello_retry_request(m, suite, choice->group.group, step);
    step.transcript().start_hash(suite.prf_hash);
    return send_flight(m, suite, *choice->group.client_share, choice->certificate, false, config, step);
}

Result<State> answer_retried_client_hello(const ExpectRetriedClientHello& retry, const msg::ClientHello& m,
                                          const ServerConfig& config, Step& step) {
    if (auto ok = check_client_hello13(m); !ok) return std::move(ok).error();
    // RFC 8446 §4.1.2: the client "MUST send the same ClientHello" apart from
    // the listed changes, so it still offers TLS 1.3. OpenSSL refuses
    // anything else with protocol_version (SSL_R_UNSUPPORTED_PROTOCOL).
    const auto& versions = m.supported_versions;
    if (!versions || std::find(versions->begin(), versions->end(), tls13_code) == versions->end())
        return make_error(Reason::unsupported_version,
                          "second ClientHello: no longer offers TLS 1.3 after the HelloRetryRequest");
    const auto code = static_cast<std::uint16_t>(retry.suite->suite);
    if (std::find(m.cipher_suites.begin(), m.cipher_suites.end(), code) == m.cipher_suites.end())
        return make_error(Reason::illegal_parameter, "second ClientHello: no longer offers " +
                                                         std::string(name(retry.suite->suite)) +
                                                         ", which the HelloRetryRequest selected");
    // RFC 8446 §4.1.2: "If a "key_share" extension was supplied in the
    // HelloRetryRequest, replacing the list of shares with a list containing
    // a single KeyShareEntry from the indicated group."
    const auto& shares = *m.key_shares;   // check_client_hello13: present
    if (shares.size() != 1 || shares.front().group != retry.group)
        return make_error(Reason::illegal_parameter,
                          "second ClientHello: key_share must hold exactly one entry, for " +
                              std::string(crypto::group_label(retry.group)) + " (it holds " +
                              std::to_string(shares.size()) + ")");
    auto cert = choose_certificate13(config, m);
    if (!cert) return std::move(cert).error();
    return send_flight(m, *retry.suite, shares.front(), *cert, retry.change_cipher_spec_sent, config, step);
}

}  // namespace tlspp::handshake::server13
