// explain/annotate.hpp: which note goes beside a field and which explanation
// under a message. The choice follows the value on screen and what the
// handshake has shown so far: full or resumed, client or server, a session
// ticket or a session ID. An empty session_id is not "the client asks to
// resume", and a server Finished that comes first (a resumed handshake) does
// not cover the client's Finished.
#pragma once

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
    bool server_hello_seen = false;
    bool resumed = false;            // ServerHello echoed the client's non-empty session_id (RFC 5246 §7.3)
    bool server_sends_ticket = false;   // ServerHello has an empty session_ticket (RFC 5077 §3.2)
    std::string key_exchange;        // "ECDHE", "DHE", "RSA" (from the chosen suite), "" before ServerHello

    void observe(const MessageEvent& m);
};

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

// key_note_key gives the phrase key of the explanation of a key-schedule step.
std::string key_note_key(const HandshakeContext& context, const KeyEvent& key);

}  // namespace tlspp::explain
