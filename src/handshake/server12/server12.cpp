// The TLS 1.2 server: one `on` overload per (state, message) pair it accepts;
// any other pair is unexpected_message. The server's diagram:
//
//   ExpectClientHello --ClientHello--> (ServerHello Certificate [ServerKeyExchange]
//     [CertificateRequest] ServerHelloDone)
//   --> [ExpectClientCertificate --Certificate-->]
//   ExpectClientKeyExchange --ClientKeyExchange--> [ExpectCertificateVerify --CertificateVerify-->]
//   ExpectChangeCipherSpec --CCS--> ExpectFinished --Finished--> ([NewSessionTicket] ChangeCipherSpec Finished)
//   --> Connected
//
// Abbreviated (RFC 5246 §7.3), when the ClientHello's ticket or session ID
// names a session we may resume (server_hello.cpp, find_session):
//   ExpectClientHello --ClientHello--> (ServerHello [NewSessionTicket] ChangeCipherSpec Finished)
//   --> ExpectChangeCipherSpec --CCS--> ExpectFinished --Finished--> Connected
#include "handshake/server12/server12.hpp"
#include "handshake/finish12.hpp"

#include "handshake/server12/server_flight.hpp"

#include <algorithm>

#include "crypto/rsa_key_transport.hpp"
#include "pki/verified_chain_cache.hpp"
#include "pki/verify.hpp"
#include "session/public.hpp"

namespace tlspp::handshake {

namespace server12 {
namespace {

struct Ctx {
    Step& step;
    const ServerConfig& config;
    std::optional<session::Session12>& session;   // the resumed session, then the one to keep
};

using Next = Result<State>;

Next on(ExpectClientHello, const msg::ClientHello& m, Ctx& c) {
    return answer_client_hello(m, c.config, c.step, c.session);
}

Next on(ExpectClientCertificate s, const msg::Certificate& m, Ctx& c) {
    if (m.chain.empty()) {
        // RFC 5246 §7.4.6: without a certificate the server "MAY at its
        // discretion ... respond with a fatal handshake_failure alert".
        if (c.config.client_auth == ClientAuth::required)
            return make_error(Reason::certificate_required, "Certificate: the client sent no certificate");
        return ExpectClientKeyExchange{std::move(s.params), std::move(s.kx), std::nullopt};
    }
    SessionInfo& info = c.step.info();
    info.peer_chain.assign(m.chain.begin(), m.chain.end());
    bool cached = false;
    auto chain = pki::verify_chain_cached(c.config.verified_client_chains.get(), *c.config.client_trust,
                                          info.peer_chain, "", c.step.clock().now(), pki::Purpose::client_auth,
                                          c.config.security_level, &cached);
    report_check(c.step.events(), "client certificate chain", chain.ok(),
                 chain ? std::string("trusted, valid now, for client authentication") + (cached ? " (cached)" : "")
                       : chain.error().detail);
    if (!chain) return std::move(chain).error();
    info.peer_verified = true;
    return ExpectClientKeyExchange{std::move(s.params), std::move(s.kx), std::move(chain->leaf_key)};
}

// pre_master_from computes the pre-master secret from the client's key exchange.
Result<crypto::SecretBytes> pre_master_from(const Negotiated12& params, const ServerKx& kx,
                                            const msg::ClientKeyExchange& m, Ctx& c) {
    switch (params.suite->key_exchange) {
    case KeyExchange::rsa: {
        auto encrypted = msg::decode_rsa_encrypted_premaster(m.body);
        if (!encrypted) return std::move(encrypted).error();
        // RFC 5246 §7.4.7.1: any failure (padding, length, version) must look
        // like success, with a random pre-master, so it shows only as a failed
        // Finished (Bleichenbacher, ROBOT). decrypt_premaster does that in constant time.
        return crypto::decrypt_premaster(*kx.rsa_key, *encrypted, kx.client_version, c.step.random());
    }
    case KeyExchange::ecdhe:
    case KeyExchange::dhe: {
        const bool ecdhe = params.suite->key_exchange == KeyExchange::ecdhe;
        auto peer = ecdhe ? msg::decode_ecdhe_client_public(m.body) : msg::decode_dhe_client_public(m.body);
        if (!peer) return std::move(peer).error();
        // RFC 5246 §8.1.2: for DHE, leading zero bytes of Z are stripped.
        return kx.share->agree(*peer, ProtocolVersion::tls12);
    }
    case KeyExchange::any: break;   // a TLS 1.3 suite: choose12 never picks one
    }
    return make_error(Reason::internal_error, "unknown key exchange");
}

Next on(ExpectClientKeyExchange s, const msg::ClientKeyExchange& m, Ctx& c) {
    auto pre_master = pre_master_from(s.params, s.kx, m, c);
    if (!pre_master) return std::move(pre_master).error();
    EventSink* events = c.step.events();
    report_key(events, "pre_master_secret",
               s.params.suite->key_exchange == KeyExchange::rsa ? "RSA-decrypted from ClientKeyExchange"
                                                                : "(EC)DHE(server private key, client public value)",
               *pre_master);
    // The core has added ClientKeyExchange to the transcript: this is RFC 7627's session hash.
    crypto::SecretBytes master = master_secret_for(s.params, *pre_master, c.step.transcript().hash(), events,
                                                   c.step.key_log());
    auto keys = protections12(s.params, master, events, c.config.random);
    if (!keys) return std::move(keys).error();
    if (s.client_key) return ExpectCertificateVerify{std::move(s.params), std::move(master), std::move(*keys), std::move(*s.client_key)};
    return ExpectChangeCipherSpec{std::move(s.params), std::move(master), std::move(*keys)};
}

Next on(ExpectCertificateVerify s, const msg::CertificateVerify& m, Ctx& c) {
    // RFC 5246 §7.4.8: the scheme must be one the CertificateRequest listed.
    if (std::find(c.config.signature_schemes.begin(), c.config.signature_schemes.end(), m.scheme) ==
            c.config.signature_schemes.end() ||
        !scheme_allowed(m.scheme, c.config.security_level) ||
        !crypto::scheme_fits_key(m.scheme, s.client_key.type(), ProtocolVersion::tls12))
        return make_error(Reason::unoffered_signature_scheme,
                          "CertificateVerify: signature scheme " + std::to_string(static_cast<unsigned>(m.scheme)) +
                              " was not requested for this key");
    auto verified = s.client_key.verify(m.scheme, c.step.messages_before(), m.signature);
    report_check(c.step.events(), "client CertificateVerify", verified.ok(),
                 std::string(name(m.scheme)) + " over every handshake message before it");
    if (!verified) {
        Error e = std::move(verified).error();
        e.detail = "CertificateVerify: " + e.detail;
        return e;
    }
    c.step.info().peer_signature_scheme = m.scheme;
    return ExpectChangeCipherSpec{std::move(s.params), std::move(s.master), std::move(s.keys)};
}

Next on(ExpectChangeCipherSpec s, const ChangeCipherSpec&, Ctx& c) {
    c.step.install_read_protection(std::move(s.keys.client_write), protection_name(*s.params.suite, s.params.encrypt_then_mac));
    return ExpectFinished{std::move(s.params), std::move(s.master), std::move(s.keys.server_write)};
}

// keep_session records the new session: in the cache under the session ID
// we sent, and in a NewSessionTicket, which RFC 5077 §3.3 places after the
// client's Finished and before our ChangeCipherSpec.
void keep_session(const Negotiated12& params, const crypto::SecretBytes& master, Ctx& c) {
    if (params.session_id.empty() && !params.ticket) return;
    const SessionInfo& info = c.step.info();
    session::Session12 s = session_of(params, master, c.step, c.config.session_lifetime);
    if (info.peer_verified) s.peer_chain = info.peer_chain;
    if (params.ticket) send_new_session_ticket(s, c.config, c.step);
    s.session_id = params.session_id;
    if (!params.session_id.empty()) c.config.session_cache->impl().cache.put(params.session_id, s);
    c.session = std::move(s);
}

Next on(ExpectFinished s, const msg::Finished& m, Ctx& c) {
    auto ok = check_finished(s.params, s.master, true, c.step.hash_before(), m.verify_data);
    report_check(c.step.events(), "client Finished", ok.ok(),
                 ok ? "the client saw the same handshake and holds the same master secret" : ok.error().detail);
    if (!ok) return std::move(ok).error();
    if (!s.server_write) {   // resumed: our Finished went first (RFC 5246 §7.3)
        c.step.finish();
        return Connected{};
    }
    keep_session(s.params, s.master, c);
    // The transcript now includes the client's Finished (RFC 5246 §7.4.9).
    send_change_cipher_spec_and_finished(c.step, s.params, s.master, std::move(s.server_write), false);
    c.step.finish();
    return Connected{};
}

// RFC 5746 §4.4 lets a server refuse renegotiation; a no_renegotiation
// warning (RFC 5246 §7.2.2) leaves the choice to end the connection to the client.
Next on(Connected s, const msg::ClientHello&, Ctx& c) {
    c.step.send_warning(Alert::no_renegotiation);
    return s;
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
        "server12: expect ClientHello",       "server12: expect client Certificate",
        "server12: expect ClientKeyExchange", "server12: expect CertificateVerify",
        "server12: expect ChangeCipherSpec",  "server12: expect Finished",
        "server12: connected"};
    return names[state.index()];
}

}  // namespace server12

Server12::Server12(std::shared_ptr<const ServerConfig> config) : config_(std::move(config)) {}

Status Server12::handle(msg::Message input, Step& step) {
    server12::Ctx ctx{step, *config_, session_};
    return advance(state_, input, server12::On{&ctx}, state_name());
}

bool Server12::accepts(HandshakeType type) const { return state_accepts<server12::On>(state_, type); }

}  // namespace tlspp::handshake
