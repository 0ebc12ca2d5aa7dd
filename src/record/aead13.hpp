// record/aead13.hpp: TLS 1.3 record protection (RFC 8446 §5.2-§5.4) as a
// record::Protection, for AES-128-GCM, AES-256-GCM and ChaCha20-Poly1305.
//
// How the content type travels. In TLS 1.3 the real content type is
// encrypted inside the record (TLSInnerPlaintext.type) and the header says
// application_data (23). The record layer writes one header and calls
// seal(); so a TLS 1.3 protection treats the type byte the record layer
// wrote, record[0], as the real (inner) type: seal() copies it into the inner
// plaintext and rewrites record[0] to 23 and record[1..2] to the
// legacy_record_version 0x0303 before computing the additional data. The
// record layer therefore calls seal() exactly as for TLS 1.2, with the length
// field covering prefix_length() + plaintext + suffix_length(plaintext), and
// needs no change. open() returns the inner content type in Opened::type.
#pragma once

#include <cstdint>
#include <memory>
#include <span>

#include "crypto/aead.hpp"
#include "record/protection.hpp"

namespace tlspp::record {

// RFC 8446 §5.2: "The length MUST NOT exceed 2^14 + 256 bytes."
constexpr std::size_t max_ciphertext_tls13 = (1 << 14) + 256;
// RFC 8446 §5.4: "the full encoded TLSInnerPlaintext MUST NOT exceed 2^14 + 1 octets."
constexpr std::size_t max_inner_plaintext_tls13 = (1 << 14) + 1;
// RFC 8446 §5.3: iv_length is max(8 bytes, N_MIN) = 12 for every TLS 1.3 AEAD.
constexpr std::size_t iv_length_tls13 = 12;

// Aead13Padding says how much zero padding (RFC 8446 §5.4) seal() adds:
// the TLSInnerPlaintext (content, type byte, zeros) is padded to a multiple
// of `block` bytes, never past 2^14 + 1. block 0 or 1 adds none.
struct Aead13Padding {
    std::size_t block = 0;
};

// make_aead13 builds one direction of TLS 1.3 record protection from a
// traffic key and the 12-byte write IV (handshake/key_schedule13.hpp's
// traffic_keys13). The per-record nonce is the IV XORed with the 64-bit
// sequence number padded left to 12 bytes (§5.3); the additional data is the
// 5-byte record header (§5.2). open() fails with
//   record_overflow               ciphertext over 2^14 + 256 bytes or inner plaintext over 2^14 + 1,
//   record_authentication_failed  a bad tag or a fragment shorter than a tag (bad_record_mac),
//   unexpected_record_type        an outer type other than application_data, an inner plaintext of
//                                 zeros only (no content type, §5.4) or an unknown inner type,
//   unexpected_change_cipher_spec a protected change_cipher_spec (§5),
// all sent as unexpected_message except where noted. Keying is as for
// make_aead12: without `use`, on dedicate() or at the first record.
Result<std::unique_ptr<Protection>> make_aead13(crypto::AeadAlg alg, std::span<const std::uint8_t> key,
                                                std::span<const std::uint8_t> iv);
Result<std::unique_ptr<Protection>> make_aead13(crypto::AeadAlg alg, std::span<const std::uint8_t> key,
                                                std::span<const std::uint8_t> iv, Use use,
                                                Aead13Padding padding = {});

// make_aead13_at starts the sequence number at `first_sequence`, so tests can
// reach the end of the sequence space (§5.3: "If a TLS implementation would
// need to wrap a sequence number, it MUST either rekey ... or terminate").
Result<std::unique_ptr<Protection>> make_aead13_at(crypto::AeadAlg alg, std::span<const std::uint8_t> key,
                                                   std::span<const std::uint8_t> iv, std::uint64_t first_sequence,
                                                   Aead13Padding padding = {});

}  // namespace tlspp::record
