// The TLS 1.3 server: one `on` overload per (state, message) pair it accepts;
// any other pair is unexpected_message. The server's diagram (RFC 8446 §2):
//
//   ExpectClientHello --ClientHello--> (ServerHello [CCS] EncryptedExtensions
//     [CertificateRequest] Certificate CertificateVerify Finished)
//   --> [ExpectClientCertificate --Certificate--> [ExpectCertificateVerify --CertificateVerify-->]]
//   ExpectFinished --Finished--> Connected
//
// With a HelloRetryRequest (§4.1.4), when the client sent no share for the group chosen:
//   ExpectClientHello --ClientHello--> (HelloRetryRequest [CCS])
//   --> ExpectRetriedClientHello --ClientHello--> (the flight above, without a second CCS) --> ...
//
// One middlebox-compatibility ChangeCipherSpec (§D.4) may come in any state
// from ExpectRetriedClientHello to ExpectFinished; it changes nothing.
#include "handshake/server13/server13.hpp"

#include <algorithm>
#include <string>

#include "handshake/keys13.hpp"
#include "handshake/negotiation13.hpp"
#include "handshake/server13/server_flight13.hpp"
#include "pki/verified_chain_cache.hpp"
#include "pki/verify.hpp"

namespace tlspp::handshake {

namespace server13 {
namespace {

struct Ctx {
    Step& step;
    const ServerConfig& config;
    bool& change_cipher_spec_received;
};

using Next = Result<State>;

Next on(ExpectClientHello, const msg::ClientHello& m, Ctx& c) { return answer_client_hello(m, c.config, c.step); }

Next on(ExpectRetriedClientHello s, const msg::ClientHello& m, Ctx& c) {
    return answer_retried_client_hello(s, m, c.config, c.step);
}

// The states in which the client's dummy ChangeCipherSpec may arrive: after
// its first ClientHello, before its Finished.
template <class S>
concept BeforeClientFinished = std::is_same_v<S, ExpectRetriedClientHello> ||
                               std::is_same_v<S, ExpectClientCertificate> ||
                               std::is_same_v<S, ExpectCertificateVerify> || std::is_same_v<S, ExpectFinished>;

// RFC 8446 §5: "An implementation may receive an unencrypted record of type
// change_cipher_spec consisting of the single byte value 0x01 at any time
// after the first ClientHello message has been sent or received and before
// the peer's Finished message has been received and MUST simply drop it
// without further processing." (The core has checked the byte.) Choice: a
// client in compatibility mode sends exactly one (§D.4), so a second one is
// unexpected_message, as in OpenSSL (its record layer takes one CCS per
// handshake; BoringSSL counts them with empty records).
template <BeforeClientFinished S>
Next on(S s, const ChangeCipherSpec&, Ctx& c) {
    if (c.change_cipher_spec_received)
        return make_error(Reason::unexpected_change_cipher_spec,
                          "a second ChangeCipherSpec before the client's Finished (RFC 8446 §D.4: one at most)");
    c.change_cipher_spec_received = true;
    return s;
}

Next on(ExpectClientCertificate s, const msg::Certificate13& m, Ctx& c) {
    // RFC 8446 §4.4.2: certificate_request_context is "the value of
    // certificate_request_context in that message" (our empty one).
    if (!m.request_context.empty())
        return make_error(Reason::illegal_parameter, "client Certificate: certificate_request_context is " +
                                                         std::to_string(m.request_context.size()) +
                                                         " bytes, the CertificateRequest's was empty");
    if (m.entries.empty()) {
        // RFC 8446 §4.4.2.4: "If the client does not send any certificates
        // (i.e., it sends an empty Certificate message), the server MAY at its
        // discretion either continue the handshake without client
        // authentication or abort the handshake with a "certificate_required" alert."
        if (c.config.client_auth == ClientAuth::required)
            return make_error(Reason::certificate_required, "client Certificate: the client sent no certificate");
        return ExpectFinished{std::move(s.keys)};
    }
    if (m.entries.size() > c.config.limits.max_certificate_chain_length)
        return make_error(Reason::certificate_chain_too_long,
                          "client Certificate: " + std::to_string(m.entries.size()) + " certificates, limit " +
                              std::to_string(c.config.limits.max_certificate_chain_length) +
                              " (Limits::max_certificate_chain_length)");
    // RFC 8446 §4.4.2: "the extensions in a CertificateEntry ... MUST
    // correspond to ones from the client's [here: the server's]
    // CertificateRequest"; ours asks for none. §4.2: "Upon receiving such an
    // extension, an endpoint MUST abort the handshake with an
    // "unsupported_extension" alert."
    for (const auto& entry : m.entries)
        if (!entry.extensions.empty())
            return make_error(Reason::unsolicited_extension,
                              "client Certificate: a CertificateEntry carries extension " +
                                  std::to_string(static_cast<unsigned>(entry.extensions.front().type)) +
                                  ", which the CertificateRequest did not ask for");
    SessionInfo& info = c.step.info();
    info.peer_chain.clear();
    for (const auto& entry : m.entries) info.peer_chain.emplace_back(entry.cert_data.begin(), entry.cert_data.end());
    bool cached = false;
    auto chain = pki::verify_chain_cached(c.config.verified_client_chains.get(), *c.config.client_trust,
                                          info.peer_chain, "", c.step.clock().now(), pki::Purpose::client_auth,
                                          c.config.security_level, &cached);
    report_check(c.step.events(), "client certificate chain", chain.ok(),
                 chain ? std::string("trusted, valid now, for client authentication") + (cached ? " (cached)" : "")
                       : chain.error().detail);
    if (!chain) return std::move(chain).error();
    info.peer_verified = true;
    return ExpectCertificateVerify{std::move(s.keys), std::move(chain->leaf_key)};
}

Next on(ExpectCertificateVerify s, const msg::CertificateVerify& m, Ctx& c) {
    // RFC 8446 §4.4.3: "If the CertificateVerify message is sent by a client,
    // the signature algorithm MUST be one of those present in the
    // supported_signature_algorithms field of the "signature_algorithms"
    // extension in the CertificateRequest message"; and "RSASSA-PKCS1-v1_5
    // algorithms ... MUST NOT be used" (scheme_usable13).
    const auto requested = request_schemes13(c.config);
    if (std::find(requested.begin(), requested.end(), m.scheme) == requested.end() ||
        !scheme_usable13(m.scheme, s.client_key.type()))
        return make_error(Reason::unoffered_signature_scheme,
                          "client CertificateVerify: signature scheme " +
                              std::to_string(static_cast<unsigned>(m.scheme)) +
                              " was not requested or does not fit the " +
                              std::string(crypto::name(s.client_key.type())) + " key in TLS 1.3");
    auto verified =
        s.client_key.verify(m.scheme, certificate_verify_input13(false, c.step.hash_before()), m.signature);
    report_check(c.step.events(), "client CertificateVerify", verified.ok(),
                 std::string(name(m.scheme)) + " over the transcript hash through the client's Certificate");
    if (!verified) {
        Error e = std::move(verified).error();
        e.detail = "client CertificateVerify: " + e.detail;
        return e;
    }
    c.step.info().peer_signature_scheme = m.scheme;
    return ExpectFinished{std::move(s.keys)};
}

Next on(ExpectFinished s, const msg::Finished& m, Ctx& c) {
    ClientFlightKeys& keys = s.keys;
    // RFC 8446 §4.4.4: "Recipients of Finished messages MUST verify that the
    // contents are correct and if incorrect MUST terminate the connection
    // with a "decrypt_error" alert."
    const bool ok = finished_matches13(keys.suite->prf_hash, keys.client_handshake, c.step.hash_before(), m.verify_data);
    report_check(c.step.events(), "client Finished", ok,
                 ok ? "the client saw the same handshake and holds the same handshake secret"
                    : "verify_data does not match the transcript");
    if (!ok) return make_error(Reason::finished_mismatch, "client Finished: verify_data does not match");
    auto read = protection13(*keys.suite, keys.application.client_traffic, record::Use::open);
    if (!read) return std::move(read).error();
    c.step.install_read_protection(std::move(*read), protection_name(*keys.suite));
    c.step.finish();
    return Connected{keys.suite, std::move(keys.application)};
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
        "server13: expect ClientHello",       "server13: expect ClientHello after HelloRetryRequest",
        "server13: expect client Certificate", "server13: expect CertificateVerify",
        "server13: expect Finished",          "server13: connected"};
    return names[state.index()];
}

}  // namespace server13

Server13::Server13(std::shared_ptr<const ServerConfig> config) : config_(std::move(config)) {}

Status Server13::handle(msg::Message input, Step& step) {
    server13::Ctx ctx{step, *config_, change_cipher_spec_received_};
    return advance(state_, input, server13::On{&ctx}, state_name());
}

bool Server13::accepts(HandshakeType type) const { return state_accepts<server13::On>(state_, type); }

}  // namespace tlspp::handshake
