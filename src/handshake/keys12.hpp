// handshake/keys12.hpp: from the pre-master secret to record protection, for
// both sides of a TLS 1.2 connection.
#pragma once

#include <array>
#include <memory>
#include <vector>

#include "crypto/secret.hpp"
#include "handshake/events.hpp"
#include "handshake/key_schedule12.hpp"
#include "handshake/suites.hpp"
#include "record/protection.hpp"
#include "tlspp/keylog.hpp"
#include "tlspp/random.hpp"
#include "tlspp/result.hpp"

namespace tlspp::handshake {

// Negotiated12 is what both TLS 1.2 machines carry from the hellos on.
struct Negotiated12 {
    const SuiteInfo* suite = nullptr;
    std::array<std::uint8_t, 32> client_random{};
    std::array<std::uint8_t, 32> server_random{};
    bool extended_master_secret = false;
    // RFC 7366: CBC records are encrypted, then MACed (agreed in the hellos;
    // never with an AEAD suite).
    bool encrypt_then_mac = false;
    // Session resumption (RFC 5246 §7.4.1.2, RFC 5077): the session_id of
    // the ServerHello, and whether a NewSessionTicket follows the client's
    // Finished (the server acknowledged the session_ticket extension).
    std::vector<std::uint8_t> session_id;
    bool ticket = false;
};

// master_secret_for picks the RFC 7627 derivation when EMS was agreed (the
// session hash is the transcript through ClientKeyExchange), else RFC 5246 §8.1.
// Both report what they derive to `events` (if not null); the master
// secret also goes to `key_log` (if not null) as a CLIENT_RANDOM line.
crypto::SecretBytes master_secret_for(const Negotiated12& n, std::span<const std::uint8_t> pre_master,
                                      std::span<const std::uint8_t> session_hash, EventSink* events,
                                      KeyLog* key_log);

struct Protections12 {
    std::unique_ptr<record::Protection> client_write;
    std::unique_ptr<record::Protection> server_write;
};

// protections12 expands the key block (RFC 5246 §6.3) and builds both
// directions' record protection; `random` gives CBC records their explicit
// IVs. Fails with internal_error only.
Result<Protections12> protections12(const Negotiated12& n, std::span<const std::uint8_t> master,
                                    EventSink* events, const std::shared_ptr<RandomSource>& random);

// finished_data is the verify_data one side sends: PRF(master, label, transcript hash)[0..11].
VerifyData12 finished_data(const Negotiated12& n, std::span<const std::uint8_t> master, bool from_client,
                           std::span<const std::uint8_t> transcript_hash);

// check_finished compares a received Finished in constant time. Fails with
// decode_error if it is not 12 bytes (RFC 5246 §7.4.9), finished_mismatch if wrong.
Status check_finished(const Negotiated12& n, std::span<const std::uint8_t> master, bool from_client,
                      std::span<const std::uint8_t> transcript_hash, std::span<const std::uint8_t> received);

}  // namespace tlspp::handshake
