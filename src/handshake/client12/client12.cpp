// The TLS 1.2 client: one `on` overload per (state, message) pair it accepts.
// Any pair without an overload is unexpected_message, so the list of
// overloads below *is* the client's state diagram:
//
//   ExpectServerHello --ServerHello--> ExpectCertificate --Certificate-->
//   [ExpectServerKeyExchange --ServerKeyExchange-->] (none with RSA key transport)
//   ExpectCertificateRequestOrDone
//     --CertificateRequest--> ExpectServerHelloDone --ServerHelloDone--> (client flight)
//     --ServerHelloDone--> (client flight)
//   (client flight: [Certificate] ClientKeyExchange [CertificateVerify] ChangeCipherSpec Finished)
//   --> [ExpectNewSessionTicket --NewSessionTicket-->] (if the server acknowledged session_ticket)
//   ExpectChangeCipherSpec --CCS--> ExpectFinished --Finished--> Connected
//
// Abbreviated (RFC 5246 §7.3), when the ServerHello echoes the session_id we offered:
//   ExpectServerHello --ServerHello--> [ExpectNewSessionTicket --NewSessionTicket-->]
//   ExpectChangeCipherSpec --CCS--> ExpectFinished --Finished--> (ChangeCipherSpec Finished) --> Connected
#include "handshake/client12/client12.hpp"
#include "handshake/finish12.hpp"

#include <algorithm>

#include "crypto/dhe_client.hpp"
#include "crypto/security_level.hpp"
#include "crypto/key_exchange.hpp"
#include "crypto/rsa_key_transport.hpp"
#include "pki/certified_key.hpp"
#include "pki/verified_chain_cache.hpp"
#include "handshake/negotiation.hpp"

namespace tlspp::handshake {

namespace client12 {
namespace {

struct Ctx {
    Step& step;
    const ClientConfig& config;
    const std::string& server_name;
    std::optional<session::Session12>& session;          // the resumed session, then the one to keep
    std::optional<msg::NewSessionTicket12>& new_ticket;  // the server's NewSessionTicket, if any
};

using Next = Result<State>;

template <class T>
bool contains(const std::vector<T>& list, const T& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

// RFC 5246 §7.4.1.4: "If a client receives an extension type in ServerHello
// that it did not request in the associated ClientHello, it MUST abort the
// handshake with an unsupported_extension fatal alert."
Status check_solicited(const msg::ServerHello& m, const ExpectServerHello& s, const ClientConfig& config) {
    for (const auto& ext : m.extensions) {
        switch (static_cast<ExtensionType>(ext.type)) {
        case ExtensionType::renegotiation_info:
        case ExtensionType::extended_master_secret:
        case ExtensionType::ec_point_formats: continue;
        case ExtensionType::server_name:
            if (s.sent_server_name) continue;
            break;
        case ExtensionType::session_ticket:
            if (s.sent_session_ticket) continue;
            break;
        case ExtensionType::encrypt_then_mac:
            if (s.sent_encrypt_then_mac) continue;
            break;
        case ExtensionType::application_layer_protocol_negotiation:
            if (!config.alpn.empty()) continue;
            break;
        default: break;
        }
        return make_error(Reason::unsolicited_extension,
                          "ServerHello carries extension " + std::to_string(ext.type) + " that was not offered");
    }
    return {};
}

// resume starts the abbreviated handshake (RFC 5246 §7.3): keys from the
// saved master secret and the new randoms; the server's CCS and Finished come next.
Next resume(ExpectServerHello s, Negotiated12 params, Ctx& c) {
    session::Session12& saved = *s.offered;
    // RFC 5246 §7.4.1.3: a resumed session keeps its cipher suite.
    if (params.suite->suite != saved.suite)
        return make_error(Reason::illegal_parameter,
                          "ServerHello: resumes a " + std::string(name(saved.suite)) + " session with " +
                              std::string(name(params.suite->suite)));
    // RFC 7627 §5.3: "If the original session used the "extended_master_secret"
    // extension but the new ServerHello does not contain the extension, the
    // client MUST abort the handshake", and likewise the reverse.
    if (params.extended_master_secret != saved.extended_master_secret)
        return make_error(Reason::extended_master_secret_mismatch,
                          saved.extended_master_secret
                              ? "ServerHello: resumes a session made with extended_master_secret without it"
                              : "ServerHello: resumes a session made without extended_master_secret with it");
    // RFC 7366 §3.1: a session keeps its MAC order; the server must not
    // switch it on resumption.
    if (params.encrypt_then_mac != saved.encrypt_then_mac)
        return make_error(Reason::illegal_parameter,
                          saved.encrypt_then_mac
                              ? "ServerHello: resumes a session made with encrypt_then_mac without it"
                              : "ServerHello: resumes a session made without encrypt_then_mac with it");
    SessionInfo& info = c.step.info();
    info.resumed = true;
    info.peer_chain = saved.peer_chain;
    info.peer_verified = c.config.verify_peer && !saved.peer_chain.empty();
    EventSink* events = c.step.events();
    report_check(events, "session resumption", true,
                 "the server accepted the offered session (" +
                     std::string(saved.ticket.empty() ? "session ID" : "session ticket") + ")");
    report_key(events, "master_secret", "from the resumed session", saved.master_secret);
    // NSS key log format: the saved master secret with this connection's client random.
    if (c.step.key_log()) c.step.key_log()->log(keylog_label::client_random, params.client_random, saved.master_secret);
    auto keys = protections12(params, saved.master_secret, events, c.config.random);
    if (!keys) return std::move(keys).error();
    crypto::SecretBytes master = saved.master_secret;
    saved.session_id = params.session_id;
    c.session = std::move(saved);
    if (params.ticket)
        return ExpectNewSessionTicket{std::move(params), std::move(master), std::move(keys->server_write),
                                      std::move(keys->client_write)};
    return ExpectChangeCipherSpec{std::move(params), std::move(master), std::move(keys->server_write),
                                  std::move(keys->client_write)};
}

Next on(ExpectServerHello s, const msg::ServerHello& m, Ctx& c) {
    // A ServerHello has arrived: whatever we answer now, an alert refusing
    // it included, goes out as record version 3.3, the only version we offer
    // (RFC 5246 Appendix E.1 leaves the choice open only "when sending
    // ClientHello"; RFC 8446 §5.1: 0x0303 for every other record). A server
    // that chose TLS 1.2 drops a 3.1 record as bad_record_version and would
    // never see our illegal_parameter or unsupported_extension alert.
    c.step.set_record_version(static_cast<std::uint16_t>(ProtocolVersion::tls12));
    if (m.legacy_version != static_cast<std::uint16_t>(ProtocolVersion::tls12))
        return make_error(Reason::unsupported_version,
                          "ServerHello: server chose version " + std::to_string(m.legacy_version >> 8) + "." +
                              std::to_string(m.legacy_version & 0xff) + ", only TLS 1.2 (3.3) is enabled");
    const SuiteInfo* suite = find_suite(m.cipher_suite);
    // RFC 8446 §4.1.3 (the reverse of §B.4): a TLS 1.3 suite cannot be used in TLS 1.2.
    if (!suite || !contains(c.config.cipher_suites, suite->suite) || suite->version != ProtocolVersion::tls12)
        return make_error(Reason::unoffered_cipher_suite,
                          "ServerHello: cipher suite " + std::to_string(m.cipher_suite) + " was not offered");
    if (m.compression_method != 0)
        return make_error(Reason::unoffered_compression, "ServerHello: compression method " +
                                                             std::to_string(m.compression_method) + " was not offered");
    if (auto ok = check_solicited(m, s, c.config); !ok) return std::move(ok).error();
    // RFC 5746 §4.1 lets a client go on with a server that does not support
    // secure renegotiation; like OpenSSL 3 (final_renegotiate without
    // SSL_OP_LEGACY_SERVER_CONNECT) tlspp refuses it unless configured to allow it.
    if (!m.renegotiation_info && !c.config.allow_legacy_server)
        return make_error(Reason::insecure_renegotiation,
                          "ServerHello: no renegotiation_info, the server does not support secure renegotiation "
                          "(RFC 5746); allow_legacy_server (--allow-legacy-server) connects anyway");
    // RFC 5746 §3.4: on the initial handshake the server's renegotiated_connection must be empty.
    if (m.renegotiation_info && !m.renegotiation_info->empty())
        return make_error(Reason::renegotiation_info_mismatch, "ServerHello: renegotiation_info is not empty");
    // RFC 8422 §5.2: if the server sends ec_point_formats it must include uncompressed.
    if (m.ec_point_formats && !contains(*m.ec_point_formats, std::uint8_t{0}))
        return make_error(Reason::missing_uncompressed_point_format,
                          "ServerHello: ec_point_formats lacks the uncompressed format");
    // RFC 7366 §3: a server that selects an AEAD suite "MUST NOT send an
    // encrypt-then-MAC response extension back to the client".
    if (m.encrypt_then_mac && suite->is_aead())
        return make_error(Reason::illegal_parameter,
                          "ServerHello: encrypt_then_mac with the AEAD suite " + std::string(name(suite->suite)));
    if (m.alpn && !contains(c.config.alpn, *m.alpn))
        return make_error(Reason::unoffered_application_protocol,
                          "ServerHello: ALPN protocol \"" + *m.alpn + "\" was not offered");

    c.step.transcript().start_hash(suite->prf_hash);
    c.step.set_record_version(static_cast<std::uint16_t>(ProtocolVersion::tls12));
    SessionInfo& info = c.step.info();
    info.version = ProtocolVersion::tls12;
    info.cipher_suite = suite->suite;
    info.alpn = m.alpn.value_or("");
    info.extended_master_secret = m.extended_master_secret;
    info.encrypt_then_mac = m.encrypt_then_mac;
    info.secure_renegotiation = m.renegotiation_info.has_value();

    Negotiated12 params{suite,         s.client_random, m.random,     m.extended_master_secret,
                        m.encrypt_then_mac, m.session_id,    m.session_ticket};
    // RFC 5246 §7.4.1.3: the server resumes by echoing the session_id we offered.
    if (s.offered && !s.offered_session_id.empty() && m.session_id == s.offered_session_id)
        return resume(std::move(s), std::move(params), c);
    return ExpectCertificate{std::move(params)};
}

Next on(ExpectCertificate s, const msg::Certificate& m, Ctx& c) {
    // RFC 5246 §7.4.2: the server's certificate_list carries at least the leaf.
    if (m.chain.empty()) return make_error(Reason::empty_server_certificate, "Certificate: the server sent no certificate");
    SessionInfo& info = c.step.info();
    info.peer_chain.assign(m.chain.begin(), m.chain.end());
    // A chain this config's cache saw verify, for this host and trust store,
    // within its window, answers without parsing (rules: tlspp/trust.hpp).
    bool cached = false;
    Result<pki::VerifiedChain> chain =
        c.config.verify_peer
            ? pki::verify_chain_cached(c.config.verified_chains.get(), *c.config.trust, info.peer_chain,
                                       c.config.verify_host_name ? c.server_name : "", c.step.clock().now(),
                                       pki::Purpose::server_auth, c.config.security_level, &cached,
                                       c.config.subject_cn_fallback ? pki::SubjectCn::without_san : pki::SubjectCn::never)
            : pki::leaf_key_unverified(info.peer_chain);
    const std::string issued_for =
        c.config.verify_host_name ? "issued for " + c.server_name : "host name not checked";
    report_check(c.step.events(), "certificate chain", chain.ok(),
                 chain ? (c.config.verify_peer ? "trusted, valid now, " + issued_for + (cached ? " (cached)" : "")
                                               : "not verified (verification turned off)")
                       : chain.error().detail);
    if (!chain) return std::move(chain).error();
    info.peer_verified = c.config.verify_peer;
    if (!key_fits_suite(chain->leaf_key.type(), s.params.suite->authentication))
        return make_error(Reason::certificate_unsupported_key,
                          "Certificate: a " + std::string(crypto::name(chain->leaf_key.type())) +
                              " key cannot authenticate " + std::string(name(s.params.suite->suite)));
    // RFC 5246 §7.4.2: "The certificate MUST allow the key to be used for
    // encryption (the keyEncipherment bit MUST be set if the key usage
    // extension is present)" for RSA, and signing for (EC)DHE_RSA/ECDSA.
    if (!key_usage_fits(chain->leaf_may_sign, chain->leaf_may_encipher, s.params.suite->key_exchange))
        return make_error(Reason::certificate_bad_usage,
                          std::string("Certificate: the leaf's keyUsage lacks ") +
                              (s.params.suite->key_exchange == KeyExchange::rsa ? "keyEncipherment" : "digitalSignature") +
                              ", which " + std::string(name(s.params.suite->suite)) + " needs");
    // RFC 5246 §7.4.3: with RSA key transport there is no ServerKeyExchange.
    if (s.params.suite->key_exchange == KeyExchange::rsa) {
        ServerShare share;
        share.rsa_key = std::move(chain->leaf_key);
        return ExpectCertificateRequestOrDone{std::move(s.params), std::move(share)};
    }
    return ExpectServerKeyExchange{std::move(s.params), std::move(*chain)};
}

// min_dhe_bits is the smallest DHE prime we accept: 2048 bits, more from
// security level 3 on (crypto::min_modulus_bits).
int min_dhe_bits(const ClientConfig& config) {
    return std::max(2048, crypto::min_modulus_bits(config.security_level));
}

// SignedParams is what either ServerKeyExchange shape carries.
struct SignedParams {
    ServerShare share;
    SignatureScheme scheme;
    crypto::Bytes signature;
    crypto::Bytes signed_params;
};

Result<SignedParams> decode_key_exchange(const SuiteInfo& suite, const msg::ServerKeyExchange& m, const ClientConfig& config) {
    if (suite.key_exchange == KeyExchange::ecdhe) {
        auto kx = msg::decode_ecdhe_server_params(m.body);
        if (!kx) return std::move(kx).error();
        if (!contains(config.groups, kx->group))
            return make_error(Reason::unoffered_group, "ServerKeyExchange: group " +
                                                           std::to_string(static_cast<unsigned>(kx->group)) +
                                                           " was not offered");
        ServerShare share;
        share.group = kx->group;
        share.public_key = std::move(kx->public_key);
        return SignedParams{std::move(share), kx->scheme, std::move(kx->signature), std::move(kx->signed_params)};
    }
    auto kx = msg::decode_dhe_server_params(m.body);
    if (!kx) return std::move(kx).error();
    // The server chooses the group in TLS 1.2 DHE. Its size is bounded here,
    // before any arithmetic (a huge prime would cost seconds of CPU), by
    // 2048 bits or the security level's minimum, and 8192 bits. Safety is
    // known only for the RFC 7919 groups (ffdhe_group_of, by value); testing
    // any other prime for safety costs more than the handshake, so any
    // group in bounds is accepted: the parameters are signed by the server.
    if (auto size = crypto::check_dhe_prime_size(kx->p, min_dhe_bits(config)); !size) return std::move(size).error();
    ServerShare share;
    share.group = crypto::ffdhe_group_of(kx->p, kx->g);
    share.public_key = std::move(kx->ys);
    share.dh_p = std::move(kx->p);
    share.dh_g = std::move(kx->g);
    return SignedParams{std::move(share), kx->scheme, std::move(kx->signature), std::move(kx->signed_params)};
}

Next on(ExpectServerKeyExchange s, const msg::ServerKeyExchange& m, Ctx& c) {
    auto kx = decode_key_exchange(*s.params.suite, m, c.config);
    if (!kx) return std::move(kx).error();
    // RFC 5246 §7.4.1.4.1: the server must sign with a pair the client listed.
    if (!contains(c.config.signature_schemes, kx->scheme) || !scheme_allowed(kx->scheme, c.config.security_level) ||
        !crypto::scheme_fits_key(kx->scheme, s.chain.leaf_key.type(), ProtocolVersion::tls12))
        return make_error(Reason::unoffered_signature_scheme,
                          "ServerKeyExchange: signature scheme " +
                              std::to_string(static_cast<unsigned>(kx->scheme)) + " was not offered for this key");
    // RFC 5246 §7.4.3: signed over client_random + server_random + ServerECDHParams (or ServerDHParams).
    crypto::Bytes signed_data(s.params.client_random.begin(), s.params.client_random.end());
    signed_data.insert(signed_data.end(), s.params.server_random.begin(), s.params.server_random.end());
    signed_data.insert(signed_data.end(), kx->signed_params.begin(), kx->signed_params.end());
    auto verified = s.chain.leaf_key.verify(kx->scheme, signed_data, kx->signature);
    report_check(c.step.events(), "ServerKeyExchange signature", verified.ok(),
                 std::string(name(kx->scheme)) + " over client_random + server_random + key exchange parameters");
    if (!verified) {
        Error e = std::move(verified).error();
        e.detail = "ServerKeyExchange: " + e.detail;
        return e;
    }
    c.step.info().peer_signature_scheme = kx->scheme;
    if (kx->share.group) c.step.info().group = *kx->share.group;
    return ExpectCertificateRequestOrDone{std::move(s.params), std::move(kx->share)};
}

// ClientCredential is the certificate we answer a CertificateRequest with.
struct ClientCredential {
    const CertifiedKey* certificate = nullptr;
    SignatureScheme scheme{};
};

// choose_client_certificate takes the first configured certificate whose key
// type the server accepts (RFC 5246 §7.4.4 certificate_types: rsa_sign 1,
// ecdsa_sign 64, which RFC 8422 §5.5 extends to EdDSA) and for which a
// signature scheme is in both lists. No match means an empty Certificate.
ClientCredential choose_client_certificate(const ClientConfig& config, const msg::CertificateRequest& request) {
    for (const CertifiedKey& cert : config.certificates) {
        const crypto::KeyType key = cert.impl().key.type();
        const std::uint8_t wanted = key == crypto::KeyType::rsa ? 1 : 64;
        if (!contains(request.certificate_types, wanted)) continue;
        for (SignatureScheme scheme : config.signature_schemes)
            if (contains(request.signature_schemes, scheme) && scheme_allowed(scheme, config.security_level) &&
                crypto::scheme_fits_key(scheme, key, ProtocolVersion::tls12))
                return {&cert, scheme};
    }
    return {};
}

// key_exchange_from_client computes our side of the key exchange: the
// ClientKeyExchange to send and the pre-master secret.
struct ClientKx {
    msg::ClientKeyExchange message;
    crypto::Bytes public_value;     // (EC)DHE public value, for the observer
    crypto::SecretBytes pre_master;
};

Result<ClientKx> client_key_exchange(const Negotiated12& params, const ServerShare& share, Ctx& c) {
    switch (params.suite->key_exchange) {
    case KeyExchange::ecdhe: {
        auto ours = crypto::KeyShare::generate(*share.group, c.step.random());
        if (!ours) return std::move(ours).error();
        auto z = ours->agree(share.public_key, ProtocolVersion::tls12);
        if (!z) return std::move(z).error();
        return ClientKx{msg::make_ecdhe_client_key_exchange(ours->public_value()), ours->public_value(), std::move(*z)};
    }
    case KeyExchange::dhe: {
        auto ours = crypto::dhe_client_agree(share.dh_p, share.dh_g, share.public_key, c.step.random(),
                                             min_dhe_bits(c.config));
        if (!ours) return std::move(ours).error();
        return ClientKx{msg::make_dhe_client_key_exchange(ours->public_value), ours->public_value,
                        std::move(ours->shared_secret)};
    }
    case KeyExchange::rsa: {
        // RFC 5246 §7.4.7.1: the pre-master starts with the version we offered.
        auto pre_master = crypto::make_premaster(static_cast<std::uint16_t>(ProtocolVersion::tls12), c.step.random());
        auto encrypted = crypto::encrypt_premaster(*share.rsa_key, pre_master);
        if (!encrypted) return std::move(encrypted).error();
        return ClientKx{msg::make_rsa_client_key_exchange(*encrypted), {}, std::move(pre_master)};
    }
    case KeyExchange::any: break;   // a TLS 1.3 suite, refused at ServerHello
    }
    return make_error(Reason::internal_error, "unknown key exchange");
}

// RFC 7918 §3: False Start only with a forward-secret key exchange and an
// AEAD (every suite tlspp has is an AEAD), after verifying the server, and —
// the gate BoringSSL and GnuTLS use — only when ALPN was offered, since an
// application that negotiates its protocol is one that expects early data.
// Never with RSA key transport.
bool false_start_allowed(const Negotiated12& params, const ClientConfig& config) {
    return config.false_start && params.suite->key_exchange != KeyExchange::rsa && !config.alpn.empty() &&
           config.verify_peer;
}

// The client's second flight (RFC 5246 §7.3): [Certificate] ClientKeyExchange
// [CertificateVerify] ChangeCipherSpec Finished.
Next send_client_flight(Negotiated12 params, const ServerShare& share, const msg::CertificateRequest* request,
                        Ctx& c) {
    ClientCredential credential;
    if (request) {
        credential = choose_client_certificate(c.config, *request);
        // RFC 5246 §7.4.6: without a suitable certificate the client sends an empty list.
        static const std::vector<CertificateDer> none;
        c.step.send_certificate(credential.certificate ? credential.certificate->impl().chain : none);
    }
    auto kx = client_key_exchange(params, share, c);
    if (!kx) return std::move(kx).error();
    EventSink* events = c.step.events();
    if (!kx->public_value.empty())
        report_key(events, "client_public", "the client's ephemeral (EC)DHE public value", kx->public_value, false);
    report_key(events, "pre_master_secret",
               params.suite->key_exchange == KeyExchange::rsa ? "48 random bytes, sent encrypted to the server's RSA key"
                                                              : "(EC)DHE(client private key, server public value)",
               kx->pre_master);
    c.step.send(kx->message);

    // RFC 7627 §4: the session hash covers the transcript through ClientKeyExchange.
    crypto::SecretBytes master = master_secret_for(params, kx->pre_master, c.step.transcript().hash(), events,
                                                   c.step.key_log());
    // RFC 5246 §7.4.8: CertificateVerify signs every handshake message so far.
    if (credential.certificate) {
        auto signature = credential.certificate->impl().key.sign(credential.scheme, c.step.transcript().messages());
        if (!signature) return std::move(signature).error();
        c.step.send(msg::CertificateVerify{credential.scheme, std::move(*signature)});
    }
    auto keys = protections12(params, master, events, c.config.random);
    if (!keys) return std::move(keys).error();
    send_change_cipher_spec_and_finished(c.step, params, master, std::move(keys->client_write), true);
    if (false_start_allowed(params, c.config)) c.step.allow_false_start();
    if (params.ticket)
        return ExpectNewSessionTicket{std::move(params), std::move(master), std::move(keys->server_write), nullptr};
    return ExpectChangeCipherSpec{std::move(params), std::move(master), std::move(keys->server_write), nullptr};
}

Next on(ExpectCertificateRequestOrDone s, const msg::CertificateRequest& m, Ctx&) {
    return ExpectServerHelloDone{std::move(s.params), std::move(s.share), m};
}

Next on(ExpectCertificateRequestOrDone s, const msg::ServerHelloDone&, Ctx& c) {
    return send_client_flight(std::move(s.params), s.share, nullptr, c);
}

Next on(ExpectServerHelloDone s, const msg::ServerHelloDone&, Ctx& c) {
    return send_client_flight(std::move(s.params), s.share, &s.request, c);
}

// RFC 5077 §3.3: the ticket (possibly empty: the server changed its mind)
// for the session, before the server's ChangeCipherSpec.
Next on(ExpectNewSessionTicket s, const msg::NewSessionTicket12& m, Ctx& c) {
    c.new_ticket = m;
    return ExpectChangeCipherSpec{std::move(s.params), std::move(s.master), std::move(s.server_write),
                                  std::move(s.client_write)};
}

Next on(ExpectChangeCipherSpec s, const ChangeCipherSpec&, Ctx& c) {
    c.step.install_read_protection(std::move(s.server_write), protection_name(*s.params.suite, s.params.encrypt_then_mac));
    return ExpectFinished{std::move(s.params), std::move(s.master), std::move(s.client_write)};
}

// keep_session records the session this connection can be resumed with.
void keep_session(const Negotiated12& params, const crypto::SecretBytes& master, Ctx& c) {
    if (!c.session) {
        // The server decides how long it keeps the session; RFC 5246 §F.1.4
        // suggests at most 24 hours.
        session::Session12 s = session_of(params, master, c.step, std::chrono::hours(24));
        s.peer_chain = c.step.info().peer_chain;
        s.session_id = params.session_id;
        c.session = std::move(s);
    }
    if (c.new_ticket && !c.new_ticket->ticket.empty()) {
        c.session->ticket = c.new_ticket->ticket;
        c.session->ticket_lifetime_hint = c.new_ticket->lifetime_hint;
    }
    // Nothing to resume with: neither an ID nor a ticket.
    if (c.session->session_id.empty() && c.session->ticket.empty()) c.session.reset();
}

Next on(ExpectFinished s, const msg::Finished& m, Ctx& c) {
    auto ok = check_finished(s.params, s.master, false, c.step.hash_before(), m.verify_data);
    report_check(c.step.events(), "server Finished", ok.ok(),
                 ok ? "the server saw the same handshake and holds the same master secret" : ok.error().detail);
    if (!ok) return std::move(ok).error();
    if (s.client_write) {
        // Abbreviated handshake (RFC 5246 §7.3): our ChangeCipherSpec and
        // Finished answer the server's; ours covers the server's Finished.
        send_change_cipher_spec_and_finished(c.step, s.params, s.master, std::move(s.client_write), true);
    }
    keep_session(s.params, s.master, c);
    c.step.finish();
    return Connected{};
}

// RFC 5246 §7.4.1.1: a client that does not renegotiate may answer HelloRequest
// with a no_renegotiation alert; RFC 5746 §4.2 expects that of clients
// without secure renegotiation too. The connection goes on.
Next on(Connected s, const msg::HelloRequest&, Ctx& c) {
    c.step.send_warning(Alert::no_renegotiation);
    return s;
}

// RFC 5246 §7.4.1.1: "This message will be ignored by the client if the
// client is currently negotiating a session." Every state before Connected
// takes it and stays as it was.
template <class S>
    requires(!std::is_same_v<S, Connected>)
Next on(S s, const msg::HelloRequest&, Ctx&) {
    return std::move(s);
}

// On is the overload set above as one callable: handle() dispatches through
// it, accepts() asks it which types a state takes.
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
        "client12: expect ServerHello",       "client12: expect Certificate",
        "client12: expect ServerKeyExchange", "client12: expect CertificateRequest or ServerHelloDone",
        "client12: expect ServerHelloDone",   "client12: expect NewSessionTicket",
        "client12: expect ChangeCipherSpec",  "client12: expect Finished",
        "client12: connected"};
    return names[state.index()];
}

}  // namespace client12

Client12::Client12(std::shared_ptr<const ClientConfig> config, std::string server_name, ClientOffer offer)
    : config_(std::move(config)), server_name_(std::move(server_name)) {
    const msg::ClientHello& hello = offer.hello;
    state_ = client12::ExpectServerHello{hello.random,          offer.sent_server_name, hello.session_ticket.has_value(),
                                         hello.encrypt_then_mac, std::move(offer.session12), hello.session_id};
}

Status Client12::handle(msg::Message input, Step& step) {
    client12::Ctx ctx{step, *config_, server_name_, session_, new_ticket_};
    return advance(state_, input, client12::On{&ctx}, state_name());
}

bool Client12::accepts(HandshakeType type) const { return state_accepts<client12::On>(state_, type); }

}  // namespace tlspp::handshake
