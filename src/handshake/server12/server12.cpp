// The TLS 1.2 server: one `on` overload per (state, message) pair it accepts;
// any other pair is unexpected_message. The server's diagram:
//
//   ExpectClientHello --ClientHello--> (ServerHello Certificate ServerKeyExchange ServerHelloDone)
//   --> ExpectClientKeyExchange --ClientKeyExchange--> ExpectChangeCipherSpec
//   --CCS--> ExpectFinished --Finished--> (ChangeCipherSpec Finished) --> Connected
#include "handshake/server12/server12.hpp"

#include "handshake/server12/server_flight.hpp"

namespace tlspp::handshake {

namespace server12 {
namespace {

struct Ctx {
    Step& step;
    const ServerConfig& config;
};

using Next = Result<State>;

Next on(ExpectClientHello, const msg::ClientHello& m, Ctx& c) { return answer_client_hello(m, c.config, c.step); }

Next on(ExpectClientKeyExchange s, const msg::ClientKeyExchange& m, Ctx& c) {
    const bool ecdhe = s.params.suite->key_exchange == KeyExchange::ecdhe;
    auto peer = ecdhe ? msg::decode_ecdhe_client_public(m.body) : msg::decode_dhe_client_public(m.body);
    if (!peer) return std::move(peer).error();
    // RFC 5246 §8.1.2: for DHE, leading zero bytes of Z are stripped.
    auto pre_master = s.share.agree(*peer, ProtocolVersion::tls12);
    if (!pre_master) return std::move(pre_master).error();
    EventSink* events = c.step.events();
    report_key(events, "pre_master_secret", ecdhe ? "ECDHE(server private key, client public value)"
                                                  : "DHE: client_public ^ server_private mod p", *pre_master);
    // The core has added ClientKeyExchange to the transcript: this is RFC 7627's session hash.
    crypto::SecretBytes master = master_secret_for(s.params, *pre_master, c.step.transcript().hash(), events);
    auto keys = protections12(s.params, master, events);
    if (!keys) return std::move(keys).error();
    return ExpectChangeCipherSpec{s.params, std::move(master), std::move(*keys)};
}

Next on(ExpectChangeCipherSpec s, const ChangeCipherSpec&, Ctx& c) {
    c.step.install_read_protection(std::move(s.keys.client_write), protection_name(s.params.suite->aead));
    return ExpectFinished{s.params, std::move(s.master), std::move(s.keys.server_write)};
}

Next on(ExpectFinished s, const msg::Finished& m, Ctx& c) {
    auto ok = check_finished(s.params, s.master, true, c.step.hash_before(), m.verify_data);
    report_check(c.step.events(), "client Finished", ok.ok(),
                 ok ? "the client saw the same handshake and holds the same master secret" : ok.error().detail);
    if (!ok) return std::move(ok).error();
    c.step.send_change_cipher_spec();
    c.step.install_write_protection(std::move(s.server_write), protection_name(s.params.suite->aead));
    // The transcript now includes the client's Finished (RFC 5246 §7.4.9).
    auto verify = finished_data(s.params, s.master, false, c.step.transcript().hash());
    c.step.send(msg::Finished{crypto::Bytes(verify.view().begin(), verify.view().end())});
    c.step.finish();
    return Connected{};
}

// RFC 5746 §4.4 lets a server refuse renegotiation; a no_renegotiation
// warning (RFC 5246 §7.2.2) leaves the choice to end the connection to the client.
Next on(Connected s, const msg::ClientHello&, Ctx& c) {
    c.step.send_warning(Alert::no_renegotiation);
    return s;
}

}  // namespace

std::string_view state_name(const State& state) {
    static constexpr std::string_view names[] = {"server12: expect ClientHello", "server12: expect ClientKeyExchange",
                                                 "server12: expect ChangeCipherSpec", "server12: expect Finished",
                                                 "server12: connected"};
    return names[state.index()];
}

}  // namespace server12

Server12::Server12(std::shared_ptr<const ServerConfig> config) : config_(std::move(config)) {}

Status Server12::handle(Input12 input, Step& step) {
    server12::Ctx ctx{step, *config_};
    auto on = [&](auto&& state, const auto& message) -> decltype(server12::on(std::move(state), message, ctx)) {
        return server12::on(std::move(state), message, ctx);
    };
    return advance(state_, input, on, state_name());
}

}  // namespace tlspp::handshake
