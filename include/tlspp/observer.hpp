// tlspp/observer.hpp: what a connection reports as it runs, for the explainer,
// logging and debugging. A connection without an observer builds no events.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "tlspp/types.hpp"

namespace tlspp {

enum class Direction { sent, received };

// Field is one decoded field of a message, as a tree: name, value as text,
// and, for structured fields (a list of extensions, a certificate), children.
// `name` is the RFC's field name ("random", "cipher_suites",
// "extensions.server_name") so explanation tables can key on it.
struct Field {
    std::string name;
    std::string value;
    std::vector<Field> children;
};

// A record crossed the wire.
struct RecordEvent {
    Direction direction;
    ContentType type;          // the outer type
    std::size_t length;        // plaintext length of the fragment (without the record's AEAD overhead)
    bool is_protected;         // encrypted under the current keys
};

// A handshake message (or ChangeCipherSpec) was sent or received.
struct MessageEvent {
    Direction direction;
    std::optional<HandshakeType> type;   // nullopt for ChangeCipherSpec
    std::string name;                    // "ClientHello", "ChangeCipherSpec"
    std::size_t length;                  // encoded length with the 4-byte header
    bool is_protected;                   // travelled encrypted
    std::vector<Field> fields;
};

// A step of the key schedule. `value` is empty unless the observer asked for
// secrets (Observer::wants_secrets) — a public value (like a key share) is
// always given.
struct KeyEvent {
    std::string name;          // "pre_master_secret", "master_secret", "client_write_key", ...
    std::string derivation;    // how it was made: "PRF(pre_master_secret, \"extended master secret\", session_hash)"
    std::vector<std::uint8_t> value;
    bool secret = true;
};

// A check the connection made: chain verification, a signature, Finished.
struct CheckEvent {
    std::string what;          // "certificate chain", "ServerKeyExchange signature", "server Finished"
    bool ok;
    std::string detail;
};

// Keys changed in one direction: from here on records are protected.
struct KeyChangeEvent {
    Direction direction;
    std::string protection;    // "AES-128-GCM"
};

struct AlertEvent {
    Direction direction;
    AlertLevel level;
    Alert description;
};

struct HandshakeDoneEvent {
    bool resumed;
};

using Event = std::variant<RecordEvent, MessageEvent, KeyEvent, CheckEvent, KeyChangeEvent, AlertEvent,
                           HandshakeDoneEvent>;

class Observer {
public:
    virtual ~Observer() = default;
    virtual void on_event(const Event& event) = 0;
    // wants_secrets: true to receive secret values in KeyEvent (e.g. --show-secrets).
    virtual bool wants_secrets() const { return false; }
};

}  // namespace tlspp
