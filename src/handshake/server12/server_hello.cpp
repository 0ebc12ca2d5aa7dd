// The server's answer to a ClientHello: checks, choices, and the first flight
// ServerHello, Certificate, ServerKeyExchange, ServerHelloDone (RFC 5246 §7.3).
#include "handshake/server12/server_flight.hpp"
#include "handshake/finish12.hpp"

#include <algorithm>

#include "crypto/key_exchange.hpp"
#include "handshake/negotiation.hpp"
#include "pki/certified_key.hpp"
#include "session/public.hpp"

namespace tlspp::handshake::server12 {

namespace {

template <class T>
bool contains(const std::vector<T>& list, const T& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

Status check_client_hello(const msg::ClientHello& m) {
    // RFC 5246 Appendix E.1: a client offering a version above ours gets ours;
    // below TLS 1.2 is disabled.
    if (m.legacy_version < static_cast<std::uint16_t>(ProtocolVersion::tls12))
        return make_error(Reason::unsupported_version,
                          "ClientHello: client offers at most version " + std::to_string(m.legacy_version >> 8) +
                              "." + std::to_string(m.legacy_version & 0xff) + ", TLS 1.2 is the minimum here");
    // RFC 5246 §7.4.1.2: "this vector MUST contain, and all implementations
    // MUST support, CompressionMethod.null".
    if (!contains(m.compression_methods, std::uint8_t{0}))
        return make_error(Reason::missing_null_compression, "ClientHello: compression_methods lacks null");
    // RFC 8422 §5.1.2: without the uncompressed format the server "MUST abort
    // the handshake and return an illegal_parameter alert".
    if (m.ec_point_formats && !contains(*m.ec_point_formats, std::uint8_t{0}))
        return make_error(Reason::missing_uncompressed_point_format,
                          "ClientHello: ec_point_formats lacks the uncompressed format");
    // RFC 5746 §3.6: on an initial handshake the renegotiated_connection must be empty.
    if (m.renegotiation_info && !m.renegotiation_info->empty())
        return make_error(Reason::renegotiation_info_mismatch, "ClientHello: renegotiation_info is not empty");
    return {};
}

bool offers_secure_renegotiation(const msg::ClientHello& m) {
    return m.renegotiation_info.has_value() ||
           contains(m.cipher_suites, static_cast<std::uint16_t>(CipherSuite::TLS_EMPTY_RENEGOTIATION_INFO_SCSV));
}

// send_server_key_exchange makes our (EC)DHE share and sends it signed
// (RFC 5246 §7.4.3, RFC 8422 §5.4): the signature covers client_random +
// server_random + ServerECDHParams (or ServerDHParams).
Result<crypto::KeyShare> send_server_key_exchange(const Negotiated12& params, const ServerChoice12& choice,
                                                  const crypto::PrivateKey& key, Step& step) {
    auto share = crypto::KeyShare::generate(choice.group, step.random());
    if (!share) return std::move(share).error();
    report_key(step.events(), "server_public", "the server's ephemeral (EC)DHE public value", share->public_value(),
               false);
    // The signature covers client_random + server_random + the params, so
    // the params are encoded straight after the randoms: one buffer, sized
    // once, is both what is signed and (from byte 64 on) the params sent.
    constexpr std::size_t randoms = 2 * 32;
    crypto::Bytes signed_data;
    wire::Writer w(signed_data);
    if (params.suite->key_exchange == KeyExchange::ecdhe) {
        signed_data.reserve(randoms + msg::ecdhe_params_length(share->public_value()));
        w.bytes(params.client_random);
        w.bytes(params.server_random);
        msg::encode_ecdhe_params(w, choice.group, share->public_value());
    } else {
        auto dh = crypto::ffdhe_params(choice.group);
        if (!dh) return std::move(dh).error();
        signed_data.reserve(randoms + msg::dhe_params_length(dh->p, dh->g, share->public_value()));
        w.bytes(params.client_random);
        w.bytes(params.server_random);
        msg::encode_dhe_params(w, dh->p, dh->g, share->public_value());
    }
    const auto params_bytes = std::span<const std::uint8_t>(signed_data).subspan(randoms);
    auto signature = key.sign(choice.scheme, signed_data);
    if (!signature) return std::move(signature).error();
    step.send(msg::make_server_key_exchange(params_bytes, choice.scheme, *signature));
    return share;
}

// RFC 5246 §7.4.4: the kinds of key we accept, the signature schemes (ours),
// and the names of the CAs client certificates must chain to.
msg::CertificateRequest certificate_request(const ServerConfig& config) {
    msg::CertificateRequest request;
    request.certificate_types = {1 /* rsa_sign */, 64 /* ecdsa_sign, RFC 8422 §5.5: also EdDSA */};
    request.signature_schemes = allowed_schemes(config.signature_schemes, config.security_level);
    request.certificate_authorities = config.client_trust->subject_names();
    return request;
}

using session::Time;

// A session found for a ClientHello, and whether to renew its ticket.
struct Found {
    session::Session12 session;
    bool renew_ticket = false;
    const char* how = "";
};

// refusal says why `s` cannot be resumed for `m` ("" if it can; otherwise a
// full handshake follows), or fails when offering `s` in `m` breaks a rule
// (RFC 7627 §5.3, RFC 5246 §7.4.1.2). The order is OpenSSL's: a session this
// server would not resume anyway (expired, disabled suite) is never an error;
// a known one offered without EMS is (ssl_get_prev_session); a missing suite
// is only checked for a session we would otherwise resume (s->hit). Session
// IDs and tickets are judged alike, as in OpenSSL.
Result<std::string> refusal(const session::Session12& s, const msg::ClientHello& m, const ServerConfig& config,
                            Time now) {
    if (s.master_secret.size() != 48) return std::string("its master secret is malformed");
    if (s.expired(now)) return std::string("it expired");
    if (!contains(config.cipher_suites, s.suite) || !find_suite(s.suite))
        return std::string("its cipher suite is no longer enabled");
    if (s.server_name != m.server_name.value_or("")) return std::string("it was made for another server name");
    // A session made without a client certificate cannot skip the one we require.
    if (config.client_auth == ClientAuth::required && s.peer_chain.empty())
        return std::string("it has no client certificate and this server requires one");
    // RFC 7627 §5.3: "If the original session used the "extended_master_secret"
    // extension but the new ClientHello does not contain it, the server MUST
    // abort the abbreviated handshake."
    if (s.extended_master_secret && !m.extended_master_secret)
        return make_error(Reason::extended_master_secret_mismatch,
                          "ClientHello: offers a session made with extended_master_secret without the extension");
    // RFC 7627 §5.3: the reverse "MUST NOT perform the abbreviated handshake.
    // Instead, it SHOULD continue with a full handshake".
    if (!s.extended_master_secret && m.extended_master_secret)
        return std::string("it was made without extended_master_secret and the ClientHello has it");
    // RFC 7366 §3.1: the resumed session keeps Encrypt-then-MAC, so the
    // client must offer it again.
    if (s.encrypt_then_mac && (!m.encrypt_then_mac || !config.encrypt_then_mac))
        return std::string("it used encrypt_then_mac and the ClientHello does not offer it");
    // RFC 5246 §7.4.1.2: "If the session_id field is not empty (implying a
    // session resumption request), this vector MUST include at least the
    // cipher_suite from that session." No alert is named: illegal_parameter,
    // as OpenSSL sends (BoringSSL now does a full handshake instead).
    if (!contains(m.cipher_suites, static_cast<std::uint16_t>(s.suite)))
        return make_error(Reason::session_cipher_suite_not_offered,
                          "ClientHello: offers a " + std::string(name(s.suite)) +
                              " session without listing that cipher suite");
    return std::string();
}

// find_session looks the ClientHello's ticket up, then its session ID
// (RFC 5077 §3.4: a ticket is preferred), and returns a session that may be
// resumed, or nullopt for a full handshake. It fails only when refusal() does.
Result<std::optional<Found>> find_session(const msg::ClientHello& m, const ServerConfig& config, Step& step) {
    const Time now = step.clock().now();
    std::string why;
    if (config.ticket_keys && m.session_ticket && !m.session_ticket->empty()) {
        auto opened = config.ticket_keys->impl().keys.open(*m.session_ticket, now);
        if (!opened) {
            why = "the session ticket does not open (unknown key or tampered)";
        } else if (auto s = session::deserialize(opened->plaintext.view()); !s) {
            why = "the session ticket holds no valid session";
        } else {
            auto refused = refusal(*s, m, config, now);
            if (!refused) return std::move(refused).error();
            if (refused->empty()) return std::optional<Found>(Found{std::move(*s), opened->renew, "session ticket"});
            why = std::move(*refused);
        }
    }
    if (config.session_cache && !m.session_id.empty()) {
        if (auto s = config.session_cache->impl().cache.get(m.session_id, now); !s) {
            if (why.empty()) why = "the session ID is not in the cache";
        } else {
            auto refused = refusal(*s, m, config, now);
            if (!refused) return std::move(refused).error();
            if (refused->empty()) return std::optional<Found>(Found{std::move(*s), false, "session ID"});
            why = std::move(*refused);
        }
    }
    if (!why.empty()) report_check(step.events(), "session resumption", false, "full handshake: " + why);
    return std::optional<Found>();
}

// The ServerHello fields every answer shares.
msg::ServerHello base_server_hello(const msg::ClientHello& m, const Negotiated12& params, const std::string& alpn) {
    msg::ServerHello hello;
    hello.legacy_version = static_cast<std::uint16_t>(ProtocolVersion::tls12);
    hello.random = params.server_random;
    hello.session_id = params.session_id;
    hello.cipher_suite = static_cast<std::uint16_t>(params.suite->suite);
    hello.compression_method = 0;
    if (offers_secure_renegotiation(m)) hello.renegotiation_info = crypto::Bytes{};
    if (m.ec_point_formats) hello.ec_point_formats = crypto::Bytes{0};
    if (!alpn.empty()) hello.alpn = alpn;
    hello.extended_master_secret = params.extended_master_secret;
    hello.encrypt_then_mac = params.encrypt_then_mac;
    // RFC 6066 §3: the server "SHALL include an extension of type "server_name"
    // in the (extended) server hello" when it used the name; its data is empty.
    hello.server_name_ack = m.server_name.has_value();
    // RFC 5077 §3.2: an empty session_ticket extension promises a NewSessionTicket.
    hello.session_ticket = params.ticket;
    return hello;
}

// resume answers with the abbreviated handshake (RFC 5246 §7.3): ServerHello
// echoing the client's session_id, [NewSessionTicket], ChangeCipherSpec,
// Finished; keys from the saved master secret and the new randoms.
Result<State> resume(const msg::ClientHello& m, const ServerConfig& config, Step& step, Found found,
                     const std::string& alpn, std::optional<session::Session12>& resumed) {
    session::Session12& s = found.session;
    const SuiteInfo& suite = *find_suite(s.suite);
    step.transcript().start_hash(suite.prf_hash);
    Negotiated12 params;
    params.suite = &suite;
    params.client_random = m.random;
    step.random().fill(params.server_random);
    // RFC 8446 §4.1.3: a server that could have done TLS 1.3 says it chose 1.2.
    write_downgrade_sentinel(params.server_random, ProtocolVersion::tls12, config);
    params.extended_master_secret = s.extended_master_secret;
    params.encrypt_then_mac = s.encrypt_then_mac;
    params.session_id = m.session_id;
    params.ticket = found.renew_ticket && m.session_ticket.has_value();

    EventSink* events = step.events();
    report_check(events, "session resumption", true, std::string("resumed by ") + found.how);
    step.set_record_version(static_cast<std::uint16_t>(ProtocolVersion::tls12));
    step.send(base_server_hello(m, params, alpn));
    if (params.ticket) send_new_session_ticket(s, config, step);

    report_key(events, "master_secret", "from the resumed session", s.master_secret);
    if (step.key_log()) step.key_log()->log(keylog_label::client_random, params.client_random, s.master_secret);
    auto keys = protections12(params, s.master_secret, events, config.random);
    if (!keys) return std::move(keys).error();
    send_change_cipher_spec_and_finished(step, params, s.master_secret, std::move(keys->server_write), false);

    SessionInfo& info = step.info();
    info.version = ProtocolVersion::tls12;
    info.cipher_suite = suite.suite;
    info.alpn = alpn;
    info.server_name = m.server_name.value_or("");
    info.extended_master_secret = params.extended_master_secret;
    info.encrypt_then_mac = params.encrypt_then_mac;
    info.secure_renegotiation = offers_secure_renegotiation(m);
    info.peer_chain = s.peer_chain;
    info.peer_verified = !s.peer_chain.empty();
    info.resumed = true;
    crypto::SecretBytes master = s.master_secret;
    s.session_id = m.session_id;
    resumed = std::move(s);
    return ExpectChangeCipherSpec{std::move(params), std::move(master), std::move(*keys)};
}

}  // namespace

void send_new_session_ticket(const session::Session12& s, const ServerConfig& config, Step& step) {
    msg::NewSessionTicket12 nst;
    nst.lifetime_hint = static_cast<std::uint32_t>(config.session_lifetime.count());
    session::Session12 contents = s;
    contents.ticket.clear();
    contents.ticket_lifetime_hint = 0;
    if (auto bytes = session::serialize(contents))
        if (auto ticket = config.ticket_keys->impl().keys.seal(bytes->view(), step.clock().now()))
            nst.ticket = std::move(*ticket);
    // RFC 5077 §3.3: a server that cannot issue a ticket after all sends an empty one.
    if (nst.ticket.empty()) nst.lifetime_hint = 0;
    step.send(nst);
}

Result<State> answer_client_hello(const msg::ClientHello& m, const ServerConfig& config, Step& step,
                                  std::optional<session::Session12>& resumed) {
    if (auto ok = check_client_hello(m); !ok) return std::move(ok).error();
    auto found = find_session(m, config, step);
    if (!found) return std::move(found).error();
    if (*found) {
        auto alpn = choose_alpn(config.alpn, m.alpn);
        if (!alpn) return std::move(alpn).error();
        return resume(m, config, step, std::move(**found), *alpn, resumed);
    }
    auto choice = choose12(config, m);
    if (!choice) return std::move(choice).error();
    auto alpn = choose_alpn(config.alpn, m.alpn);
    if (!alpn) return std::move(alpn).error();

    const SuiteInfo& suite = *choice->suite;
    // RFC 5246 §7.4.8: a client CertificateVerify signs the messages
    // themselves, so keep them when we will ask for a certificate.
    if (config.client_auth != ClientAuth::none) step.transcript().keep_messages();
    step.transcript().start_hash(suite.prf_hash);

    Negotiated12 params;
    params.suite = &suite;
    params.client_random = m.random;
    step.random().fill(params.server_random);
    // RFC 8446 §4.1.3: a server that could have done TLS 1.3 says it chose 1.2.
    write_downgrade_sentinel(params.server_random, ProtocolVersion::tls12, config);
    params.extended_master_secret = m.extended_master_secret;
    // RFC 7366 §3: only for a CBC suite, when the client offered it.
    params.encrypt_then_mac = config.encrypt_then_mac && m.encrypt_then_mac && !suite.is_aead();
    // A fresh session ID when we can resume by ID (RFC 5246 §7.4.1.3), and a
    // ticket when the client supports them (RFC 5077 §3.2).
    if (config.session_cache && config.session_cache->capacity() > 0) {
        params.session_id.resize(32);
        step.random().fill(params.session_id);
    }
    params.ticket = config.ticket_keys && m.session_ticket.has_value();

    const bool secure_renegotiation = offers_secure_renegotiation(m);
    step.set_record_version(static_cast<std::uint16_t>(ProtocolVersion::tls12));
    step.send(base_server_hello(m, params, *alpn));

    const auto& cert = choice->certificate->impl();
    step.send_certificate(cert.chain);

    ServerKx kx;
    if (suite.key_exchange == KeyExchange::rsa) {
        // RFC 5246 §7.4.3: no ServerKeyExchange for RSA key transport; the
        // client encrypts the pre-master secret to the certificate's key.
        kx.rsa_key = &cert.key;
        kx.client_version = m.legacy_version;
    } else {
        auto sent = send_server_key_exchange(params, *choice, cert.key, step);
        if (!sent) return std::move(sent).error();
        kx.share = std::move(*sent);
    }
    const bool request_certificate = config.client_auth != ClientAuth::none;
    if (request_certificate) step.send(certificate_request(config));
    step.send(msg::ServerHelloDone{});

    SessionInfo& info = step.info();
    info.version = ProtocolVersion::tls12;
    info.cipher_suite = suite.suite;
    if (suite.key_exchange != KeyExchange::rsa) info.group = choice->group;
    info.alpn = *alpn;
    info.server_name = m.server_name.value_or("");
    info.extended_master_secret = params.extended_master_secret;
    info.encrypt_then_mac = params.encrypt_then_mac;
    info.secure_renegotiation = secure_renegotiation;
    if (request_certificate) return ExpectClientCertificate{std::move(params), std::move(kx)};
    return ExpectClientKeyExchange{std::move(params), std::move(kx), std::nullopt};
}

}  // namespace tlspp::handshake::server12
