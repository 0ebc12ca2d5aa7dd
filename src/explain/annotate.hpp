// explain/annotate.hpp: which note goes beside a field and which explanation
// under a message. The choice follows the value on screen and what the
// handshake has shown so far: full or resumed, client or server, a session
// ticket or a session ID. An empty session_id is not "the client asks to
// resume", and a server Finished that comes first (a resumed handshake) does
// not cover the client's Finished.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "explain/recorder.hpp"

namespace tlspp::explain {

// HandshakeContext is what the messages so far say about this handshake.
// Feed it every message, in order, before annotating that message.
struct HandshakeContext {
    std::string client_session_id;   // the ClientHello's value: "(empty)" or hex
    bool client_has_ticket = false;  // ClientHello session_ticket carries a ticket (RFC 5077 §3.4)
    bool server_hello_seen = false;  // the ServerHello (a HelloRetryRequest is not one)
    bool resumed = false;            // TLS 1.2: ServerHello echoed the client's non-empty session_id
                                     // (RFC 5246 §7.3); TLS 1.3: it accepted a PSK (RFC 8446 §4.2.11)
    bool server_sends_ticket = false;   // ServerHello has an empty session_ticket (RFC 5077 §3.2)
    std::string key_exchange;        // "ECDHE", "DHE", "RSA" (from the chosen suite), "" before ServerHello

    // TLS 1.3 (RFC 8446).
    bool offers_tls13 = false;       // the ClientHello's supported_versions lists TLS 1.3 (§4.2.1)
    bool tls13 = false;              // a ServerHello or HelloRetryRequest selected TLS 1.3
    bool hello_retry = false;        // a HelloRetryRequest came (§4.1.4)
    bool second_client_hello = false;   // the last ClientHello answers a HelloRetryRequest
    bool early_data_offered = false; // the ClientHello has early_data (§4.2.10)
    std::array<bool, 2> finished{};  // per sender (client, server): its Finished has gone out
    std::array<int, 2> key_updates{};   // per sender: the KeyUpdates it has sent (§4.6.3)
    // protection is the traffic secret that protected the message observed
    // last ("server_handshake_traffic_secret"), "" for a plaintext one and in TLS 1.2.
    std::string protection;
    // post_handshake: the message observed last came after its sender's own
    // Finished (post-handshake authentication, NewSessionTicket, KeyUpdate).
    bool post_handshake = false;

    // observe takes in a message from `from` (the sender, needed for the
    // TLS 1.3 traffic secrets; without it they are not followed).
    void observe(const MessageEvent& m, std::optional<Side> from = std::nullopt);

    // traffic_secret is the TLS 1.3 traffic secret that protects what `from`
    // sends from now on (RFC 8446 §7.1, §4.6.3), or "" in TLS 1.2 and before keys.
    std::string traffic_secret(Side from) const;
};

// message_title is the name to show for a message: its name, except that a
// ServerHello with the HelloRetryRequest random (RFC 8446 §4.1.3) is a
// "HelloRetryRequest" (the connection may already report it so).
std::string message_title(const MessageEvent& m);

// negotiated_tls13 says whether `events` hold a ServerHello (or a
// HelloRetryRequest) that selects TLS 1.3.
bool negotiated_tls13(std::span<const Stamped> events);

// key_name is a KeyEvent's name in the RFC's snake_case: the NSS key log
// labels (CLIENT_HANDSHAKE_TRAFFIC_SECRET, CLIENT_TRAFFIC_SECRET_0,
// EXPORTER_SECRET, ...) become RFC 8446 §7.1's names
// (client_handshake_traffic_secret, client_application_traffic_secret_0,
// exporter_master_secret); other names are returned as they are.
std::string key_name(std::string_view reported);

// is_key_schedule13 says whether `key` is a rung or a secret of the TLS 1.3
// key schedule (RFC 8446 §7.1), for the ladder shown once before the first one.
bool is_key_schedule13(const HandshakeContext& context, const KeyEvent& key);

// keychange_note_key gives the phrase key of the note under a key change
// whose records are now protected by `secret` (traffic_secret; "" in TLS 1.2).
std::string keychange_note_key(std::string_view secret);

// FieldSpot locates a field: the message, who sent it, the names from the
// message down to the field ("extensions", "session_ticket") and, for each
// level, the field's index among its siblings; `siblings` are the fields
// beside it (the message's top-level fields for a top-level one).
struct FieldSpot {
    std::string_view message;
    Side from;
    std::vector<std::string_view> path;
    std::vector<std::size_t> index;
    std::span<const Field> siblings;
};

// note_key gives the phrase key of the note beside `field`, or "" for none:
// "field.<Message>.<path joined by '.'>[.<value class>]".
std::string note_key(const HandshakeContext& context, const FieldSpot& spot, const Field& field);

// message_keys gives the phrase keys to try, most specific first, for the
// explanation under a message ("msg.Finished.server.resumed", "msg.Finished.server", "msg.Finished").
std::vector<std::string> message_keys(const HandshakeContext& context, const MessageEvent& m, Side from);

// key_note_key gives the phrase key of the explanation of a key-schedule step
// ("key.<key_name>"; "key.master_secret.tls13" for TLS 1.3's, which is not TLS 1.2's).
std::string key_note_key(const HandshakeContext& context, const KeyEvent& key);

}  // namespace tlspp::explain
