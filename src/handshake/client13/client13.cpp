// The TLS 1.3 client (RFC 8446 §2): one `on` overload per (state, message)
// pair it accepts; any other pair is unexpected_message. The diagram:
//
//   ExpectServerHello --HelloRetryRequest--> (ClientHello2) ExpectServerHello (once)
//   ExpectServerHello --ServerHello--> ExpectEncryptedExtensions --EncryptedExtensions-->
//   ExpectCertificateOrRequest [--CertificateRequest--> ExpectCertificate] --Certificate-->
//   ExpectCertificateVerify --CertificateVerify--> ExpectFinished --Finished-->
//   ([Certificate [CertificateVerify]] Finished) --> Connected
//   Connected: NewSessionTicket, KeyUpdate.
// One unprotected ChangeCipherSpec is dropped in any state before Connected (§5, §D.4).
#include "handshake/client13/client13.hpp"

#include <algorithm>

#include "handshake/keys13.hpp"
#include "handshake/negotiation.hpp"
#include "pki/certified_key.hpp"
#include "pki/verified_chain_cache.hpp"

namespace tlspp::handshake {

namespace client13 {
namespace {

struct Ctx {
    Step& step;
    const ClientConfig& config;
    const std::string& server_name;
    bool& ccs_received;
    bool& ccs_sent;
};

using Next = Result<State>;

template <class T>
bool contains(const std::vector<T>& list, const T& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

bool offered(const msg::ClientHello& hello, ExtensionType type) {
    for (const auto& e : hello.extensions)
        if (e.type == static_cast<std::uint16_t>(type)) return true;
    switch (type) {
    case ExtensionType::server_name: return hello.server_name.has_value();
    case ExtensionType::application_layer_protocol_negotiation: return hello.alpn.has_value();
    case ExtensionType::supported_groups: return hello.supported_groups.has_value();
    case ExtensionType::early_data: return hello.early_data;
    default: return false;
    }
}

// check_extensions applies RFC 8446 §4.2 to a TLS 1.3 message from the
// server: an extension not offered is unsupported_extension; one offered
// but not allowed in this message is illegal_parameter.
Status check_extensions(const std::vector<msg::RawExtension>& received, std::initializer_list<ExtensionType> allowed,
                        const msg::ClientHello& hello, std::string_view message) {
    for (const auto& ext : received) {
        const auto type = static_cast<ExtensionType>(ext.type);
        const bool is_allowed = std::find(allowed.begin(), allowed.end(), type) != allowed.end();
        // supported_versions, key_share and cookie are offered by every
        // TLS 1.3 ClientHello (cookie is a reply only an HRR may carry).
        const bool was_offered = offered(hello, type) || type == ExtensionType::supported_versions ||
                                 type == ExtensionType::key_share || type == ExtensionType::cookie;
        if (!was_offered)
            return make_error(Reason::unsolicited_extension, std::string(message) + " carries extension " +
                                                                 std::to_string(ext.type) + " that was not offered");
        if (!is_allowed)
            return make_error(Reason::illegal_parameter,
                              std::string(message) + ": extension " + std::string(name(type)) +
                                  " is not allowed in this message (RFC 8446 §4.2)");
    }
    return {};
}

// check_hello_common: what a ServerHello and a HelloRetryRequest must both get right.
Result<const SuiteInfo*> check_hello_common(const ExpectServerHello& s, const msg::ServerHello& m, Ctx& c) {
    // RFC 8446 §4.1.3: "A client which receives a legacy_session_id_echo
    // field that does not match what it sent in the ClientHello MUST abort
    // the handshake with an "illegal_parameter" alert."
    if (m.session_id != s.offer.hello.session_id)
        return make_error(Reason::illegal_parameter, "ServerHello: legacy_session_id_echo differs from what we sent");
    const SuiteInfo* suite = find_suite(m.cipher_suite);
    if (!suite || suite->version != ProtocolVersion::tls13 || !contains(c.config.cipher_suites, suite->suite))
        return make_error(Reason::unoffered_cipher_suite,
                          "ServerHello: cipher suite " + std::to_string(m.cipher_suite) + " was not offered for TLS 1.3");
    // §4.1.4: "the client MUST check that the cipher suite supplied in the
    // ServerHello is the same as that in the HelloRetryRequest".
    if (s.retry_suite && *s.retry_suite != suite->suite)
        return make_error(Reason::illegal_parameter, "ServerHello: cipher suite differs from the HelloRetryRequest's");
    // §4.1.3: "legacy_compression_method: A single byte which MUST have the value 0."
    if (m.compression_method != 0)
        return make_error(Reason::unoffered_compression, "ServerHello: compression method " +
                                                             std::to_string(m.compression_method));
    if (m.selected_version != static_cast<std::uint16_t>(ProtocolVersion::tls13))
        return make_error(Reason::illegal_parameter, "ServerHello: supported_versions does not select TLS 1.3");
    return suite;
}

// retry answers a HelloRetryRequest (RFC 8446 §4.1.4) with a second
// ClientHello: a share for the group asked for, the cookie echoed.
Next retry(ExpectServerHello s, const msg::ServerHello& m, const SuiteInfo& suite, Ctx& c) {
    if (auto ok = check_extensions(m.extensions,
                                   {ExtensionType::supported_versions, ExtensionType::key_share, ExtensionType::cookie},
                                   s.offer.hello, "HelloRetryRequest");
        !ok)
        return std::move(ok).error();
    // §4.1.4: "If a client receives a second HelloRetryRequest in the same
    // connection ... it MUST abort the handshake with an "unexpected_message" alert."
    if (s.retry_suite)
        return make_error(Reason::unexpected_handshake_message, "a second HelloRetryRequest");
    msg::ClientHello hello = s.offer.hello;
    if (m.selected_group) {
        // §4.2.8: the group "MUST be one of the groups in supported_groups"
        // and not one a share was already sent for.
        if (!contains(c.config.groups, *m.selected_group))
            return make_error(Reason::hello_retry_request_invalid,
                              "HelloRetryRequest: group " + std::string(name(*m.selected_group)) + " was not offered");
        for (const auto& share : s.offer.key_shares)
            if (share.group() == *m.selected_group)
                return make_error(Reason::hello_retry_request_invalid,
                                  "HelloRetryRequest: asks for " + std::string(name(*m.selected_group)) +
                                      ", for which the ClientHello already had a key share");
        auto share = crypto::KeyShare::generate(*m.selected_group, c.step.random());
        if (!share) return std::move(share).error();
        hello.key_shares = std::vector<msg::KeyShareEntry>{{*m.selected_group, share->public_value()}};
        s.offer.key_shares.clear();
        s.offer.key_shares.push_back(std::move(*share));
    } else if (!m.cookie) {
        // §4.1.4: "... if the HelloRetryRequest would not result in any change
        // in the ClientHello" the client aborts with illegal_parameter.
        return make_error(Reason::hello_retry_request_invalid,
                          "HelloRetryRequest: neither a group nor a cookie, it would change nothing");
    }
    hello.cookie = m.cookie;
    hello.early_data = false;   // §4.1.2: "Removing the "early_data" extension"
    report_check(c.step.events(), "HelloRetryRequest", true,
                 m.selected_group ? "the server asks for a key share for " + std::string(name(*m.selected_group))
                                  : std::string("the server asks for its cookie back"));
    // §4.4.1: the transcript goes on from message_hash(ClientHello1).
    c.step.transcript().start_hash_after_retry(suite.prf_hash);
    c.step.set_record_version(static_cast<std::uint16_t>(ProtocolVersion::tls12));
    // §D.4: in compatibility mode the dummy ChangeCipherSpec goes "before its second ClientHello".
    if (!c.ccs_sent) {
        c.step.send_change_cipher_spec();
        c.ccs_sent = true;
    }
    c.step.send(hello);
    s.offer.hello = std::move(hello);
    s.retry_suite = suite.suite;
    return std::move(s);
}

Next on(ExpectServerHello s, const msg::ServerHello& m, Ctx& c) {
    auto suite = check_hello_common(s, m, c);
    if (!suite) return std::move(suite).error();
    if (m.is_hello_retry_request()) return retry(std::move(s), m, **suite, c);
    if (auto ok = check_extensions(m.extensions, {ExtensionType::supported_versions, ExtensionType::key_share},
                                   s.offer.hello, "ServerHello");
        !ok)
        return std::move(ok).error();
    // §9.2: without a PSK the ServerHello must carry a key_share.
    if (!m.key_share) return make_error(Reason::missing_extension, "ServerHello: no key_share");
    const crypto::KeyShare* ours = nullptr;
    for (const auto& share : s.offer.key_shares)
        if (share.group() == m.key_share->group) ours = &share;
    // §4.2.8: "If using (EC)DHE key establishment, servers offer exactly
    // one KeyShareEntry in the ServerHello. This value MUST be in the same
    // group as the KeyShareEntry value offered by the client".
    if (!ours)
        return make_error(Reason::unoffered_group, "ServerHello: key_share for " + std::string(name(m.key_share->group)) +
                                                       ", for which we sent no share");
    auto shared = ours->agree(m.key_share->key_exchange);
    if (!shared) return std::move(shared).error();

    const SuiteInfo& chosen = **suite;
    Transcript& transcript = c.step.transcript();
    if (!transcript.hash_started()) transcript.start_hash(chosen.prf_hash);
    c.step.set_record_version(static_cast<std::uint16_t>(ProtocolVersion::tls12));
    EventSink* events = c.step.events();
    report_key(events, "server_public", "the server's key_share", m.key_share->key_exchange, false);
    report_key(events, "shared_secret", "(EC)DHE(client private key, server key_share)", *shared);
    Handshake13 hs;
    hs.suite = &chosen;
    hs.client_random = s.offer.hello.random;
    hs.secret = handshake_secret13(early_secret13(chosen.prf_hash, {}), *shared);
    report_key(events, "handshake_secret", "HKDF-Extract(Derive-Secret(early_secret, \"derived\", \"\"), shared_secret)",
               hs.secret.secret);
    hs.traffic = handshake_traffic_secrets13(hs.secret, transcript.hash());
    log_secret13(c.step.key_log(), events, keylog_label::client_handshake_traffic_secret, hs.client_random,
                 hs.traffic.client, "Derive-Secret(handshake_secret, \"c hs traffic\", ClientHello...ServerHello)");
    log_secret13(c.step.key_log(), events, keylog_label::server_handshake_traffic_secret, hs.client_random,
                 hs.traffic.server, "Derive-Secret(handshake_secret, \"s hs traffic\", ClientHello...ServerHello)");
    auto read = protection13(chosen, hs.traffic.server, record::Use::open);
    if (!read) return std::move(read).error();
    c.step.install_read_protection(std::move(*read), protection_name(chosen));

    SessionInfo& info = c.step.info();
    info.version = ProtocolVersion::tls13;
    info.cipher_suite = chosen.suite;
    info.group = m.key_share->group;
    return ExpectEncryptedExtensions{std::move(hs)};
}

Next on(ExpectEncryptedExtensions s, const msg::EncryptedExtensions& m, Ctx& c) {
    for (const auto& ext : m.extensions) {
        const auto type = static_cast<ExtensionType>(ext.type);
        // What we offered that may be answered here (RFC 8446 §4.2 table, "EE").
        const bool answers_offer = (type == ExtensionType::server_name && !c.step.info().server_name.empty()) ||
                                   type == ExtensionType::supported_groups ||
                                   (type == ExtensionType::application_layer_protocol_negotiation &&
                                    !c.config.alpn.empty());
        if (answers_offer) continue;
        // §4.2: a known extension that may not appear here is illegal_parameter;
        // anything else is an answer to an offer we did not make.
        const bool known_elsewhere = type == ExtensionType::supported_versions || type == ExtensionType::key_share ||
                                     type == ExtensionType::signature_algorithms || type == ExtensionType::cookie ||
                                     type == ExtensionType::pre_shared_key || type == ExtensionType::psk_key_exchange_modes;
        if (known_elsewhere)
            return make_error(Reason::illegal_parameter, "EncryptedExtensions: extension " + std::string(name(type)) +
                                                             " is not allowed in this message (RFC 8446 §4.2)");
        return make_error(Reason::unsolicited_extension, "EncryptedExtensions carries extension " +
                                                             std::to_string(ext.type) + " that was not offered");
    }
    if (m.alpn && !contains(c.config.alpn, *m.alpn))
        return make_error(Reason::unoffered_application_protocol,
                          "EncryptedExtensions: ALPN protocol \"" + *m.alpn + "\" was not offered");
    c.step.info().alpn = m.alpn.value_or("");
    return ExpectCertificateOrRequest{std::move(s.hs)};
}

Next on(ExpectCertificateOrRequest s, const msg::CertificateRequest13& m, Ctx&) {
    // §4.3.2: "This field SHALL be zero length unless used for the
    // post-handshake authentication exchanges".
    if (!m.request_context.empty())
        return make_error(Reason::illegal_parameter, "CertificateRequest: non-empty certificate_request_context");
    // §4.3.2: "The "signature_algorithms" extension MUST be specified".
    if (!m.signature_algorithms)
        return make_error(Reason::missing_extension, "CertificateRequest: no signature_algorithms");
    return ExpectCertificate{std::move(s.hs), m};
}

Next certificate(Handshake13 hs, std::optional<msg::CertificateRequest13> request, const msg::Certificate13& m,
                 Ctx& c) {
    if (!m.request_context.empty())
        return make_error(Reason::illegal_parameter, "Certificate: non-empty certificate_request_context");
    // §4.4.2.4: "If the server supplies an empty Certificate message, the
    // client MUST abort the handshake with a "decode_error" alert."
    if (m.entries.empty())
        return make_error(Reason::empty_server_certificate, "Certificate: the server sent no certificate");
    SessionInfo& info = c.step.info();
    info.peer_chain.clear();
    for (const auto& entry : m.entries) {
        // §4.4.2: entry extensions must answer ClientHello extensions
        // (status_request, signed_certificate_timestamp); tlspp offers neither.
        if (!entry.extensions.empty())
            return make_error(Reason::unsolicited_extension,
                              "Certificate: entry extension " + std::to_string(entry.extensions.front().type) +
                                  " that was not offered");
        info.peer_chain.push_back(entry.cert_data);
    }
    bool cached = false;
    Result<pki::VerifiedChain> chain =
        c.config.verify_peer
            ? pki::verify_chain_cached(c.config.verified_chains.get(), *c.config.trust, info.peer_chain,
                                       c.config.verify_host_name ? c.server_name : "", c.step.clock().now(),
                                       pki::Purpose::server_auth, c.config.security_level, &cached,
                                       c.config.subject_cn_fallback ? pki::SubjectCn::without_san : pki::SubjectCn::never)
            : pki::leaf_key_unverified(info.peer_chain);
    const std::string issued_for = c.config.verify_host_name ? "issued for " + c.server_name : "host name not checked";
    report_check(c.step.events(), "certificate chain", chain.ok(),
                 chain ? (c.config.verify_peer ? "trusted, valid now, " + issued_for + (cached ? " (cached)" : "")
                                               : "not verified (verification turned off)")
                       : chain.error().detail);
    if (!chain) return std::move(chain).error();
    // RFC 8446 §4.4.2.2: the key must be able to sign (keyUsage digitalSignature).
    if (!chain->leaf_may_sign)
        return make_error(Reason::certificate_bad_usage, "Certificate: the leaf's keyUsage lacks digitalSignature");
    info.peer_verified = c.config.verify_peer;
    return ExpectCertificateVerify{std::move(hs), std::move(chain->leaf_key), std::move(request)};
}

Next on(ExpectCertificateOrRequest s, const msg::Certificate13& m, Ctx& c) {
    return certificate(std::move(s.hs), std::nullopt, m, c);
}

Next on(ExpectCertificate s, const msg::Certificate13& m, Ctx& c) {
    return certificate(std::move(s.hs), std::move(s.request), m, c);
}

Next on(ExpectCertificateVerify s, const msg::CertificateVerify& m, Ctx& c) {
    // §4.4.3: the scheme must be one we offered, and usable in TLS 1.3
    // (never RSASSA-PKCS1-v1_5): illegal_parameter otherwise.
    const auto ours = allowed_schemes(c.config.signature_schemes, c.config.security_level);
    if (!contains(ours, m.scheme) || !scheme_usable13(m.scheme, s.server_key.type()))
        return make_error(Reason::unoffered_signature_scheme,
                          "CertificateVerify: scheme " + std::string(name(m.scheme)) + " is not allowed here in TLS 1.3");
    const auto input = certificate_verify_input13(true, c.step.hash_before());
    auto ok = s.server_key.verify(m.scheme, input, m.signature);
    report_check(c.step.events(), "server CertificateVerify", ok.ok(),
                 ok ? "the server holds the certificate's private key" : ok.error().detail);
    if (!ok) return std::move(ok).error();
    c.step.info().peer_signature_scheme = m.scheme;
    return ExpectFinished{std::move(s.hs), std::move(s.request)};
}

// ClientCredential: the certificate we answer a CertificateRequest with, if any.
struct ClientCredential {
    const CertifiedKey* certificate = nullptr;
    SignatureScheme scheme{};
};

ClientCredential choose_client_certificate(const ClientConfig& config, const msg::CertificateRequest13& request) {
    for (const CertifiedKey& cert : config.certificates) {
        const crypto::KeyType key = cert.impl().key.type();
        for (SignatureScheme scheme : config.signature_schemes)
            if (contains(*request.signature_algorithms, scheme) && scheme_allowed(scheme, config.security_level) &&
                scheme_usable13(scheme, key))
                return {&cert, scheme};
    }
    return {};
}

Status send_client_certificate(const msg::CertificateRequest13& request, Ctx& c) {
    const ClientCredential credential = choose_client_certificate(c.config, request);
    msg::Certificate13 certificate;
    certificate.request_context = request.request_context;
    if (credential.certificate)
        for (const auto& der : credential.certificate->impl().chain) certificate.entries.push_back({der, {}});
    // §4.4.2: "If the server requests client authentication but no suitable
    // certificate is available, the client MUST send a Certificate message containing no certificates."
    c.step.send(certificate);
    if (!credential.certificate) return {};
    const auto input = certificate_verify_input13(false, c.step.transcript().hash());
    auto signature = credential.certificate->impl().key.sign(credential.scheme, input);
    if (!signature) return std::move(signature).error();
    c.step.send(msg::CertificateVerify{credential.scheme, std::move(*signature)});
    return {};
}

Next on(ExpectFinished s, const msg::Finished& m, Ctx& c) {
    const HashAlg hash = s.hs.suite->prf_hash;
    const bool ok = finished_matches13(hash, s.hs.traffic.server, c.step.hash_before(), m.verify_data);
    report_check(c.step.events(), "server Finished", ok,
                 ok ? "the server saw the same handshake and holds the same handshake secret"
                    : "verify_data does not match");
    if (!ok) return make_error(Reason::finished_mismatch, "Finished: the server's verify_data does not match");

    EventSink* events = c.step.events();
    KeyLog* key_log = c.step.key_log();
    const MasterSecret13 master = master_secret13(s.hs.secret);
    report_key(events, "master_secret", "HKDF-Extract(Derive-Secret(handshake_secret, \"derived\", \"\"), 0)",
               master.secret);
    // §7.1: the application secrets cover ClientHello...server Finished (just added by the core).
    ApplicationSecrets13 app = application_secrets13(master, c.step.transcript().hash());
    log_secret13(key_log, events, keylog_label::client_traffic_secret_0, s.hs.client_random, app.client_traffic,
                 "Derive-Secret(master_secret, \"c ap traffic\", ClientHello...server Finished)");
    log_secret13(key_log, events, keylog_label::server_traffic_secret_0, s.hs.client_random, app.server_traffic,
                 "Derive-Secret(master_secret, \"s ap traffic\", ClientHello...server Finished)");
    log_secret13(key_log, events, keylog_label::exporter_secret, s.hs.client_random, app.exporter_master,
                 "Derive-Secret(master_secret, \"exp master\", ClientHello...server Finished)");
    auto read = protection13(*s.hs.suite, app.server_traffic, record::Use::open);
    auto handshake_write = protection13(*s.hs.suite, s.hs.traffic.client, record::Use::seal);
    auto write = protection13(*s.hs.suite, app.client_traffic, record::Use::seal);
    if (!read) return std::move(read).error();
    if (!handshake_write) return std::move(handshake_write).error();
    if (!write) return std::move(write).error();
    c.step.install_read_protection(std::move(*read), protection_name(*s.hs.suite));

    // §D.4: the dummy ChangeCipherSpec goes "immediately before its second flight".
    if (!c.ccs_sent) {
        c.step.send_change_cipher_spec();
        c.ccs_sent = true;
    }
    c.step.install_write_protection(std::move(*handshake_write), protection_name(*s.hs.suite));
    if (s.request)
        if (auto sent = send_client_certificate(*s.request, c); !sent) return std::move(sent).error();
    const SecretBytes verify_data = verify_data13(hash, s.hs.traffic.client, c.step.transcript().hash());
    c.step.send_finished(verify_data);
    c.step.install_write_protection(std::move(*write), protection_name(*s.hs.suite));
    c.step.finish();
    return Connected{s.hs.suite, std::move(app.client_traffic), std::move(app.server_traffic)};
}

// §4.6.1: tickets arrive after the handshake; resumption in TLS 1.3 is not
// implemented yet, so they are read (and checked by the decoder) and dropped.
Next on(Connected s, const msg::NewSessionTicket13&, Ctx&) { return std::move(s); }

// §4.6.3: the server's next traffic secret protects what it sends after its
// KeyUpdate; asked to, we update ours too (once per request).
Next on(Connected s, const msg::KeyUpdate& m, Ctx& c) {
    if (m.request_update != msg::KeyUpdate::update_not_requested && m.request_update != msg::KeyUpdate::update_requested)
        return make_error(Reason::illegal_parameter,
                          "KeyUpdate: request_update " + std::to_string(m.request_update) + " is neither 0 nor 1");
    s.server_traffic = next_application_traffic_secret13(s.suite->prf_hash, s.server_traffic);
    auto read = protection13(*s.suite, s.server_traffic, record::Use::open);
    if (!read) return std::move(read).error();
    c.step.install_read_protection(std::move(*read), protection_name(*s.suite));
    if (m.request_update == msg::KeyUpdate::update_requested) {
        c.step.send(msg::KeyUpdate{msg::KeyUpdate::update_not_requested});
        s.client_traffic = next_application_traffic_secret13(s.suite->prf_hash, s.client_traffic);
        auto write = protection13(*s.suite, s.client_traffic, record::Use::seal);
        if (!write) return std::move(write).error();
        c.step.install_write_protection(std::move(*write), protection_name(*s.suite));
    }
    return std::move(s);
}

// §5: "An implementation may receive an unencrypted record of type
// change_cipher_spec consisting of the single byte value 0x01 at any time
// after the first ClientHello message has been sent or received and before
// the peer's Finished message has been received and MUST simply drop it".
// Choice: one such record is dropped; a second is unexpected_message, so a
// peer cannot keep the handshake busy with them (BoringSSL accepts one too).
template <class S>
    requires(!std::is_same_v<S, Connected>)
Next on(S s, const ChangeCipherSpec&, Ctx& c) {
    if (c.ccs_received) return make_error(Reason::unexpected_change_cipher_spec, "a second ChangeCipherSpec");
    c.ccs_received = true;
    return std::move(s);
}

struct On {
    Ctx* ctx;
    template <class S, class M>
    auto operator()(S&& state, const M& message) const -> decltype(on(std::move(state), message, *ctx)) {
        return on(std::move(state), message, *ctx);
    }
};

}  // namespace

std::string_view state_name(const State& state) {
    static constexpr std::string_view names[] = {
        "client13: expect ServerHello",       "client13: expect EncryptedExtensions",
        "client13: expect Certificate or CertificateRequest", "client13: expect Certificate",
        "client13: expect CertificateVerify", "client13: expect Finished",
        "client13: connected"};
    return names[state.index()];
}

}  // namespace client13

Client13::Client13(std::shared_ptr<const ClientConfig> config, std::string server_name, ClientOffer offer)
    : config_(std::move(config)),
      server_name_(std::move(server_name)),
      state_(client13::ExpectServerHello{std::move(offer), std::nullopt}) {}

Status Client13::handle(msg::Message input, Step& step) {
    client13::Ctx ctx{step, *config_, server_name_, ccs_received_, ccs_sent_};
    return advance(state_, input, client13::On{&ctx}, state_name());
}

bool Client13::accepts(HandshakeType type) const { return state_accepts<client13::On>(state_, type); }

}  // namespace tlspp::handshake
