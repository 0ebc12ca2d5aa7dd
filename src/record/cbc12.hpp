// record/cbc12.hpp: TLS 1.2 CBC-HMAC record protection (RFC 5246 §6.2.3.2),
// the legacy suites old peers still need, with Encrypt-then-MAC (RFC 7366).
//
// MAC-then-encrypt (RFC 5246): the MAC covers seq_num || type || version ||
// length || content; content || MAC || padding || padding_length is encrypted
// with AES-CBC under a random explicit IV sent before the ciphertext. The
// receive path is constant time in the padding length (Lucky13): the padding
// check, the MAC computation and the MAC comparison do the same work (the
// same number of hash compression-function calls) whatever the padding, and
// every failure is the same record_authentication_failed (bad_record_mac).
//
// Encrypt-then-MAC (RFC 7366): IV || AES-CBC(content || padding ||
// padding_length) is sent followed by a MAC over seq_num || type || version ||
// length-of-(IV + ciphertext) || IV || ciphertext; the MAC is checked before
// anything is decrypted.
#pragma once

#include <cstdint>
#include <memory>
#include <span>

#include "crypto/hash.hpp"
#include "record/protection.hpp"
#include "tlspp/random.hpp"

namespace tlspp::record {

enum class CbcMode { mac_then_encrypt, encrypt_then_mac };

// make_cbc12 builds one direction of CBC-HMAC protection. `enc_key` is 16
// bytes (AES-128-CBC) or 32 (AES-256-CBC); `mac` is sha1, sha256 or sha384
// and `mac_key` is hash_length(mac) bytes. `random` supplies each record's
// explicit IV (RFC 5246 §6.2.3.2: "MUST be unpredictable"). Fails with
// internal_error on a wrong key length, MAC algorithm or a null `random`.
//
// prefix_length() is the 16-byte IV; suffix_length(n) is the MAC plus the
// minimal padding that fills the last block (1 to 16 bytes including the
// padding_length byte). The cipher context is set up on dedicate() for that
// direction only, or at the first seal()/open() for the direction used.
Result<std::unique_ptr<Protection>> make_cbc12(crypto::HashAlg mac, std::span<const std::uint8_t> mac_key,
                                               std::span<const std::uint8_t> enc_key, CbcMode mode,
                                               std::shared_ptr<RandomSource> random);

// make_cbc12_at is make_cbc12 with the sequence number starting at
// `first_sequence` instead of 0, so tests can reach the end of the sequence
// space (RFC 5246 §6.1) without sealing 2^64 records.
Result<std::unique_ptr<Protection>> make_cbc12_at(crypto::HashAlg mac, std::span<const std::uint8_t> mac_key,
                                                  std::span<const std::uint8_t> enc_key, CbcMode mode,
                                                  std::shared_ptr<RandomSource> random,
                                                  std::uint64_t first_sequence);

}  // namespace tlspp::record
