// session/session.hpp: a resumable TLS 1.2 session and its versioned binary
// form (for ticket contents and `tlspp client --sess-out/--sess-in` files).
//
//   Session12 s{...};
//   auto bytes = session::serialize(s);            // Result<crypto::SecretBytes>
//   auto back  = session::deserialize(*bytes);     // Result<Session12>; decode_error on anything malformed
//   std::string pem = session::to_pem(s).value();  // "-----BEGIN TLSPP SESSION-----" ...
//   auto again = session::from_pem(pem);
//
// The serialized and armoured forms hold the master secret in the clear:
// encrypt them (ticket_keys.hpp) or keep the file private (mode 0600).
#pragma once

#include <chrono>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "crypto/secret.hpp"
#include "tlspp/result.hpp"
#include "tlspp/trust.hpp"
#include "tlspp/types.hpp"

namespace tlspp::session {

using Time = std::chrono::system_clock::time_point;

// Session12 is what an abbreviated TLS 1.2 handshake needs (RFC 5246 §7.3,
// RFC 5077 §4), and what the server checks before it agrees to resume:
// the suite, the EMS state (RFC 7627 §5.3) and the server name must match.
struct Session12 {
    CipherSuite suite{};
    crypto::SecretBytes master_secret;            // 48 bytes
    bool extended_master_secret = false;          // RFC 7627
    bool encrypt_then_mac = false;                // RFC 7366: kept on resumption (CBC suites)
    std::string server_name;                      // SNI host name as sent ("" when none)
    std::string alpn;                             // the negotiated protocol ("" when none)
    Time created{};                               // stored to the second
    std::chrono::seconds lifetime{0};             // usable while created <= now < created + lifetime
    std::vector<CertificateDer> peer_chain;       // as received, leaf first (may be empty)
    std::vector<std::uint8_t> session_id;         // 0..32 bytes; the server's ID (client side)
    std::vector<std::uint8_t> ticket;             // 0..65535 bytes; RFC 5077 ticket (client side)
    std::uint32_t ticket_lifetime_hint = 0;       // seconds, from NewSessionTicket (client side)

    // expired says whether the session may no longer be resumed at `now`:
    // now >= created + lifetime, or now < created (a clock that went
    // backwards, or a file from the future). A zero lifetime is always expired.
    bool expired(Time now) const;
};

// Serialization format, version 1 (all integers big-endian, wire::Writer):
//   u8      format version (1)
//   u16     cipher suite
//   u8      master secret length (48), then the secret
//   u8      flags: bit 0 extended_master_secret, bit 1 encrypt_then_mac; other bits 0
//   u16<..> server_name     u16<..> alpn
//   u64     created, seconds since 1970-01-01 UTC (0 .. 2^33-1)
//   u32     lifetime, seconds
//   u24<..> peer_chain: a list of u24<1..> certificates (the Certificate message's shape)
//   u8<0..32> session_id    u16<..> ticket    u32 ticket_lifetime_hint
// and nothing after. A new field means a new version number; deserialize
// rejects versions it does not know.
inline constexpr std::uint8_t kSessionFormatVersion = 1;

// serialize encodes `s`. Fails with internal_error only when a field is longer
// than its length prefix allows (session_id > 32 bytes, a master secret that
// is not 48 bytes, a ticket > 65535 bytes...), which values taken from the
// wire never are.
Result<crypto::SecretBytes> serialize(const Session12& s);

// deserialize decodes bytes made by serialize. Every read is bounds-checked;
// anything malformed fails with a decode_error Reason: truncated,
// length_out_of_range, trailing_bytes, or invalid_encoding (unknown format
// version, unknown flag bits, created out of range, an empty certificate).
Result<Session12> deserialize(std::span<const std::uint8_t> bytes);

// to_pem armours serialize(s) as base64 in 64-column lines between
// "-----BEGIN TLSPP SESSION-----" and "-----END TLSPP SESSION-----".
Result<std::string> to_pem(const Session12& s);

// from_pem finds the first TLSPP SESSION block in `text` (text before and
// after it is ignored, as in other PEM files), base64-decodes it (whitespace
// inside is ignored; any other non-base64 character or bad padding fails with
// invalid_encoding) and deserializes it.
Result<Session12> from_pem(std::string_view text);

}  // namespace tlspp::session
