// Test timelines of TLS 1.3 handshakes, as a client's observer would report
// them: real messages (encoded by msg/, described by conn::describe) and the
// key events, key changes and checks a TLS 1.3 machine reports (RFC 8446
// §2: the 1-RTT handshake with middlebox compatibility, then a
// NewSessionTicket and a KeyUpdate each way; and a HelloRetryRequest).
// Fixed values throughout, so the renderings can be compared with goldens.
#pragma once

#include <string>
#include <vector>

#include "conn/describe.hpp"
#include "explain/recorder.hpp"
#include "handshake/explain_fixture.hpp"
#include "msg/handshake.hpp"
#include "pki/verify.hpp"

namespace tlspp::test::timelines13 {

using Dir = ::tlspp::Direction;   // (test::Direction is loopback_pair's)
inline constexpr std::uint16_t kTls13 = 0x0304;

class Timeline {
public:
    // `name` as the connection reports it today (msg::message_name), so the
    // explainer's own HelloRetryRequest detection is what is tested.
    template <class M>
    Timeline& message(Dir direction, const M& m, bool is_protected) {
        msg::Message any{m};
        MessageEvent e;
        e.direction = direction;
        e.type = msg::message_type(any);
        e.name = std::string(msg::message_name(any));
        if constexpr (std::is_same_v<M, msg::ChangeCipherSpec>) e.length = 1;
        else e.length = msg::encode_message(m).size();
        e.is_protected = is_protected;
        e.fields = conn::describe(any);
        return add(std::move(e));
    }
    Timeline& key(std::string name, std::string derivation) {
        return add(KeyEvent{std::move(name), std::move(derivation), {}, true});
    }
    Timeline& key_change(Dir direction) { return add(KeyChangeEvent{direction, "AES-128-GCM"}); }
    Timeline& check(std::string what, std::string detail) { return add(CheckEvent{std::move(what), true, std::move(detail)}); }
    Timeline& done(bool resumed = false) { return add(HandshakeDoneEvent{resumed}); }

    const std::vector<explain::Stamped>& events() const { return events_; }

private:
    Timeline& add(Event e) {
        events_.push_back(explain::Stamped{std::move(e), explain::Side::client, 0.25 * static_cast<double>(events_.size())});
        return *this;
    }
    std::vector<explain::Stamped> events_;
};

inline msg::Bytes bytes(std::size_t n, std::uint8_t value) { return msg::Bytes(n, value); }

// A ClientHello offering TLS 1.3 and 1.2, in compatibility mode (RFC 8446 §D.4).
inline msg::ClientHello client_hello(std::vector<msg::KeyShareEntry> shares, std::optional<msg::Bytes> cookie = {}) {
    msg::ClientHello m;
    m.random.fill(0x11);
    m.session_id = bytes(32, 0x22);
    m.cipher_suites = {0x1301, 0x1302, 0x1303};
    m.server_name = "localhost";
    m.supported_groups = std::vector<NamedGroup>{NamedGroup::x25519, NamedGroup::secp256r1};
    m.signature_algorithms = std::vector<SignatureScheme>{SignatureScheme::ed25519, SignatureScheme::ecdsa_secp256r1_sha256,
                                                          SignatureScheme::rsa_pss_rsae_sha256};
    m.extended_master_secret = true;
    m.renegotiation_info = msg::Bytes{};
    m.supported_versions = std::vector<std::uint16_t>{kTls13, 0x0303};
    m.key_shares = std::move(shares);
    m.psk_key_exchange_modes = msg::Bytes{1};
    m.cookie = std::move(cookie);
    return m;
}

inline msg::ServerHello server_hello(msg::KeyShareEntry share) {
    msg::ServerHello m;
    m.random.fill(0x44);
    m.session_id = bytes(32, 0x22);
    m.cipher_suite = 0x1301;
    m.selected_version = kTls13;
    m.key_share = std::move(share);
    return m;
}

inline msg::Certificate13 server_certificate() {
    msg::Certificate13 m;
    auto chain = pki::read_pem_certificates(test::kGoldenLeaf);
    if (chain)
        for (auto& der : *chain) m.entries.push_back({std::move(der), {}});
    return m;
}

// The 1-RTT handshake of RFC 8446 §2 with the dummy ChangeCipherSpec of §D.4,
// a NewSessionTicket, then a KeyUpdate each way (§4.6.3). Key events carry
// the names TLS 1.3's log_secret13 reports (the NSS labels) and snake_case
// names for the rungs of the ladder.
inline Timeline full_handshake() {
    const auto x25519 = [](std::uint8_t v) { return msg::KeyShareEntry{NamedGroup::x25519, bytes(32, v)}; };
    msg::EncryptedExtensions ee;
    ee.server_name_ack = true;
    msg::NewSessionTicket13 ticket;
    ticket.lifetime = 7200;
    ticket.age_add = 0x01020304;
    ticket.nonce = {0};
    ticket.ticket = bytes(16, 0x99);
    Timeline t;
    t.message(Dir::sent, client_hello({x25519(0x33)}), false)
        .message(Dir::received, server_hello(x25519(0x55)), false)
        .key("handshake_secret", "HKDF-Extract(Derive-Secret(early_secret, \"derived\", \"\"), shared_secret)")
        .key("CLIENT_HANDSHAKE_TRAFFIC_SECRET", "Derive-Secret(handshake_secret, \"c hs traffic\", ClientHello..ServerHello)")
        .key("SERVER_HANDSHAKE_TRAFFIC_SECRET", "Derive-Secret(handshake_secret, \"s hs traffic\", ClientHello..ServerHello)")
        .key_change(Dir::received)
        .message(Dir::received, ee, true)
        .message(Dir::received, server_certificate(), true)
        .check("certificate chain", "trusted, valid now, issued for localhost")
        .message(Dir::received, msg::CertificateVerify{SignatureScheme::ed25519, bytes(64, 0x66)}, true)
        .check("server CertificateVerify", "ed25519 over 64 spaces, the context string and the transcript hash")
        .message(Dir::received, msg::Finished{bytes(32, 0x77)}, true)
        .check("server Finished", "the server saw the same handshake and holds the same handshake traffic secret")
        .key("master_secret", "HKDF-Extract(Derive-Secret(handshake_secret, \"derived\", \"\"), 0)")
        .key("CLIENT_TRAFFIC_SECRET_0", "Derive-Secret(master_secret, \"c ap traffic\", ClientHello..server Finished)")
        .key("SERVER_TRAFFIC_SECRET_0", "Derive-Secret(master_secret, \"s ap traffic\", ClientHello..server Finished)")
        .key("EXPORTER_SECRET", "Derive-Secret(master_secret, \"exp master\", ClientHello..server Finished)")
        .key_change(Dir::received)
        .message(Dir::sent, msg::ChangeCipherSpec{}, false)
        .key_change(Dir::sent)
        .message(Dir::sent, msg::Finished{bytes(32, 0x88)}, true)
        .key_change(Dir::sent)
        .done()
        .message(Dir::received, ticket, true)
        .message(Dir::sent, msg::KeyUpdate{msg::KeyUpdate::update_requested}, true)
        .key("CLIENT_TRAFFIC_SECRET_1", "HKDF-Expand-Label(client_application_traffic_secret_0, \"traffic upd\", \"\", 32)")
        .key_change(Dir::sent)
        .message(Dir::received, msg::KeyUpdate{msg::KeyUpdate::update_not_requested}, true)
        .key_change(Dir::received);
    return t;
}

// RFC 8446 §4.1.4: the client's share is for x25519, the server wants
// secp256r1; the HelloRetryRequest carries a cookie (§4.2.2).
inline Timeline hello_retry() {
    msg::ServerHello hrr;
    hrr.random = msg::hello_retry_request_random;
    hrr.session_id = bytes(32, 0x22);
    hrr.cipher_suite = 0x1301;
    hrr.selected_version = kTls13;
    hrr.selected_group = NamedGroup::secp256r1;
    hrr.cookie = bytes(40, 0xc0);
    msg::Bytes p256(65, 0x34);
    p256[0] = 0x04;
    msg::Bytes p256_server(65, 0x56);
    p256_server[0] = 0x04;
    Timeline t;
    t.message(Dir::sent, client_hello({{NamedGroup::x25519, bytes(32, 0x33)}}), false)
        .message(Dir::received, hrr, false)
        .message(Dir::sent, msg::ChangeCipherSpec{}, false)
        .message(Dir::sent, client_hello({{NamedGroup::secp256r1, p256}}, bytes(40, 0xc0)), false)
        .message(Dir::received, server_hello({NamedGroup::secp256r1, p256_server}), false)
        .key_change(Dir::received)
        .message(Dir::received, msg::EncryptedExtensions{}, true);
    return t;
}

// A resumption with a PSK and 0-RTT data (RFC 8446 §2.2, §2.3): the client
// encrypts early data under client_early_traffic_secret, ends it with
// EndOfEarlyData; no certificates. The ClientHello carries GREASE (RFC 8701).
inline Timeline resumption_with_early_data() {
    msg::ClientHello hello = client_hello({{NamedGroup::x25519, bytes(32, 0x33)}});
    hello.session_id.clear();
    hello.supported_versions = std::vector<std::uint16_t>{0x5a5a, kTls13};
    hello.early_data = true;
    // RFC 8446 §4.2.11: one identity (ticket, obfuscated_ticket_age) and its 32-byte binder; always last.
    msg::Bytes psk = {0x00, 0x0a, 0x00, 0x04, 0xaa, 0xbb, 0xcc, 0xdd, 0x00, 0x00, 0x00, 0x01,
                      0x00, 0x21, 0x20};
    psk.insert(psk.end(), 32, 0xbd);
    hello.extensions.push_back({41, psk});
    msg::ServerHello server = server_hello({NamedGroup::x25519, bytes(32, 0x55)});
    server.session_id.clear();
    server.extensions.push_back({41, {0x00, 0x00}});   // selected_identity 0
    msg::EncryptedExtensions ee;
    ee.early_data = true;
    Timeline t;
    t.message(Dir::sent, hello, false)
        .key("CLIENT_EARLY_TRAFFIC_SECRET", "Derive-Secret(early_secret, \"c e traffic\", ClientHello)")
        .key_change(Dir::sent)
        .message(Dir::received, server, false)
        .key_change(Dir::received)
        .message(Dir::received, ee, true)
        .message(Dir::received, msg::Finished{bytes(32, 0x77)}, true)
        .message(Dir::sent, msg::EndOfEarlyData{}, true)
        .key_change(Dir::sent)
        .message(Dir::sent, msg::Finished{bytes(32, 0x88)}, true)
        .done(true);
    return t;
}

// Client authentication in the handshake, where the client has no
// certificate, then post-handshake authentication (RFC 8446 §4.6.2), where
// it has one.
inline Timeline client_authentication() {
    msg::ClientHello hello = client_hello({{NamedGroup::x25519, bytes(32, 0x33)}});
    hello.post_handshake_auth = true;
    msg::CertificateRequest13 request;
    request.signature_algorithms = std::vector<SignatureScheme>{SignatureScheme::ed25519};
    msg::CertificateRequest13 later = request;
    later.request_context = {0x01};
    msg::Certificate13 none;
    msg::Certificate13 mine = server_certificate();
    mine.request_context = {0x01};
    Timeline t;
    t.message(Dir::sent, hello, false)
        .message(Dir::received, server_hello({NamedGroup::x25519, bytes(32, 0x55)}), false)
        .key_change(Dir::received)
        .message(Dir::received, msg::EncryptedExtensions{}, true)
        .message(Dir::received, request, true)
        .message(Dir::received, server_certificate(), true)
        .message(Dir::received, msg::CertificateVerify{SignatureScheme::ed25519, bytes(64, 0x66)}, true)
        .message(Dir::received, msg::Finished{bytes(32, 0x77)}, true)
        .key_change(Dir::received)
        .key_change(Dir::sent)
        .message(Dir::sent, none, true)
        .message(Dir::sent, msg::Finished{bytes(32, 0x88)}, true)
        .key_change(Dir::sent)
        .done()
        .message(Dir::received, later, true)
        .message(Dir::sent, mine, true)
        .message(Dir::sent, msg::CertificateVerify{SignatureScheme::ed25519, bytes(64, 0x67)}, true)
        .message(Dir::sent, msg::Finished{bytes(32, 0x89)}, true);
    return t;
}

}  // namespace tlspp::test::timelines13
