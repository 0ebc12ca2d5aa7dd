// session/ticket_keys.hpp: protection of RFC 5077 session tickets, with key rotation.
//
//   auto keys = std::make_shared<session::TicketKeys>(config.random, clock.now());   // held by ServerConfig
//   auto ticket = keys->seal(session::serialize(s)->view(), now);    // for NewSessionTicket
//   if (auto opened = keys->open(client_ticket, now)) {
//       auto s = session::deserialize(opened->plaintext.view());     // then check suite, EMS, SNI, expiry
//       if (opened->renew) ...                                        // issue a fresh ticket
//   }
//
// The format follows RFC 5077 §4 with an AEAD in place of AES-CBC + HMAC:
//   ticket = key_name[16] || nonce[12] || ciphertext || tag[16]
// AES-256-GCM, the additional data is key_name, the nonce random per ticket.
// Ticket contents are opaque to the client (RFC 5077 §3.3), so this is ours
// to choose; only this server (or one sharing its keys) can read them.
#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <vector>

#include "crypto/aead.hpp"
#include "crypto/secret.hpp"
#include "tlspp/random.hpp"
#include "tlspp/result.hpp"

namespace tlspp::session {

// TicketKeys holds the current ticket key, which seals, and up to
// Options::previous_keys earlier keys, which only open. The current key is
// replaced by a fresh random one when it has been current for
// rotation_interval; a key stops opening tickets once it has been retired
// for previous_keys × rotation_interval (so a ticket opens for at least
// previous_keys and at most previous_keys + 1 intervals after it was sealed).
// A key counts as retired from the end of its interval even when nothing
// used the keys then and the rotation happens later.
// Rotation happens inside seal()/open() at the `now` they are given (there
// is no hidden clock), or when rotate() is called.
//
// Keys come from the injected RandomSource (32 key bytes, 16 name bytes each)
// and live only in memory: a restart invalidates every ticket, which then
// means a full handshake, not an error. Key material is wiped when replaced
// and on destruction. Thread-safe: one instance serves every connection.
//
// A GCM nonce is random per ticket; with 96-bit nonces a key should seal far
// fewer than 2^32 tickets, which rotation keeps it well under.
class TicketKeys {
public:
    static constexpr std::size_t kKeyNameLength = 16;
    static constexpr std::size_t kNonceLength = crypto::aead_nonce_length;
    static constexpr std::size_t kTagLength = crypto::aead_tag_length;
    static constexpr std::size_t kOverhead = kKeyNameLength + kNonceLength + kTagLength;   // 44
    static constexpr std::size_t kMaxTicketLength = 0xffff;   // NewSessionTicket ticket<0..2^16-1>

    using KeyName = std::array<std::uint8_t, kKeyNameLength>;
    using Time = std::chrono::system_clock::time_point;

    struct Options {
        std::chrono::seconds rotation_interval = std::chrono::hours(12);   // must be > 0
        std::size_t previous_keys = 2;                                     // earlier keys that still open
    };

    // The first key is made here, current from `now`.
    TicketKeys(std::shared_ptr<RandomSource> random, Time now, Options options);
    TicketKeys(std::shared_ptr<RandomSource> random, Time now) : TicketKeys(std::move(random), now, Options{}) {}
    TicketKeys(const TicketKeys&) = delete;
    TicketKeys& operator=(const TicketKeys&) = delete;
    ~TicketKeys();

    // seal encrypts `plaintext` (a serialized Session12) under the current
    // key, rotating first if it is due. Fails with internal_error if the
    // ticket would be longer than 65535 bytes.
    Result<std::vector<std::uint8_t>> seal(std::span<const std::uint8_t> plaintext, Time now);

    struct Opened {
        crypto::SecretBytes plaintext;
        bool renew = false;   // opened with a previous key: send the client a fresh ticket (RFC 5077 §3.3)
    };

    // open authenticates and decrypts `ticket`, rotating first if due.
    // nullopt for anything that is not a ticket this object sealed with a key
    // it still holds: too short, an unknown or expired key name, a bad tag.
    // The caller treats nullopt as "no ticket" and does a full handshake
    // (RFC 5077 §3.3); it is never an error or an alert.
    std::optional<Opened> open(std::span<const std::uint8_t> ticket, Time now);

    // rotate makes a new current key now, whether or not one is due.
    void rotate(Time now);

    KeyName current_key_name() const;
    std::size_t key_count() const;   // the current key and the previous keys that still open

private:
    struct Key {
        KeyName name{};
        crypto::AeadKey aead;
        Time created{};
        std::optional<Time> retired;   // when it stopped sealing; empty for the current key
    };

    Key make_key(Time now);
    void rotate_locked(Time now);
    void maybe_rotate(Time now);

    const std::shared_ptr<RandomSource> random_;
    const Options options_;
    mutable std::mutex mutex_;
    std::deque<Key> keys_;   // front: current
};

}  // namespace tlspp::session
