// record/protection.hpp: one direction of record protection (RFC 5246 §6.2.3,
// RFC 8446 §5.2). Each construction is one implementation; sequence numbers
// live inside, one per direction.
#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <span>

#include "crypto/aead.hpp"
#include "tlspp/result.hpp"
#include "tlspp/types.hpp"

namespace tlspp::record {

// RFC 5246 §6.2.1 and §6.2.3: the plaintext and ciphertext limits.
constexpr std::size_t max_plaintext = 1 << 14;
constexpr std::size_t max_ciphertext_tls12 = (1 << 14) + 2048;
constexpr std::size_t header_length = 5;

struct Opened {
    ContentType type;                     // for TLS 1.3, the inner content type
    std::span<std::uint8_t> plaintext;    // a view into the fragment, decrypted in place
};

// Which side of a record layer a Protection serves.
enum class Use { seal, open };

class Protection {
public:
    virtual ~Protection() = default;

    // dedicate says this protection will only ever seal (a write side) or
    // only open (a read side), so it may set up, or keep, only what that
    // needs. RecordLayer::set_write_protection / set_read_protection call it.
    // After dedicate(Use::seal), open() fails (and the reverse aborts:
    // sealing with a read-side protection is a bug). The default does nothing.
    virtual void dedicate(Use) {}

    // Bytes added before and after `plaintext_length` bytes of plaintext in a
    // protected fragment (TLS 1.2 AES-GCM: 8-byte explicit nonce before,
    // 16-byte tag after). The suffix takes the plaintext length because CBC
    // padding (RFC 5246 §6.2.3.2) fills the last block, so it depends on it.
    virtual std::size_t prefix_length() const = 0;
    virtual std::size_t suffix_length(std::size_t plaintext_length) const = 0;

    // seal protects one record in place. `record` is the whole record:
    // 5-byte header (type, version, length already final), then
    // prefix_length() bytes to fill, then `plaintext_length` bytes of
    // plaintext, then suffix_length(plaintext_length) bytes to fill. The
    // length is passed because it cannot be recovered from the record's size
    // once padding is involved: CBC pads 16 consecutive plaintext lengths to
    // the same block boundary. Advances the sequence number.
    virtual void seal(std::span<std::uint8_t> record, std::size_t plaintext_length) = 0;

    // seal_from is seal() with the plaintext still in the caller's buffer:
    // `record` is laid out as for seal() but its plaintext bytes are not
    // written yet; `plaintext` (not overlapping `record`) goes there. An AEAD
    // encrypts straight from `plaintext` into the record, sparing the copy
    // of every byte sent; the default copies it in, then seals in place.
    virtual void seal_from(std::span<std::uint8_t> record, std::span<const std::uint8_t> plaintext) {
        // memcpy wants valid pointers even for 0 bytes, and an empty span may hold none.
        if (!plaintext.empty())
            std::memcpy(record.data() + header_length + prefix_length(), plaintext.data(), plaintext.size());
        seal(record, plaintext.size());
    }

    // open authenticates and decrypts a fragment in place. `type` and
    // `version` are from the record header. It fails with
    // record_authentication_failed (bad_record_mac) on any failure, including
    // a fragment too short to hold prefix and tag, and with record_overflow if
    // the plaintext exceeds 2^14 bytes. Advances the sequence number.
    virtual Result<Opened> open(ContentType type, std::uint16_t version, std::span<std::uint8_t> fragment) = 0;

    // The longest fragment a record under this protection may have: RFC 5246
    // §6.2.3 allows 2^14 + 2048 bytes, RFC 8446 §5.2 2^14 + 256.
    virtual std::size_t max_ciphertext() const { return max_ciphertext_tls12; }
    // hides_content_type: TLS 1.3 protection, where the real type travels
    // inside the record (RFC 8446 §5.2). Under it an unprotected
    // ChangeCipherSpec record may still arrive (§5, middlebox compatibility):
    // the record layer hands it on unopened for the state machine to judge.
    virtual bool hides_content_type() const { return false; }
};

// make_aead12 builds TLS 1.2 AEAD protection: for AES-GCM (RFC 5288) a 4-byte
// fixed IV (salt) and an 8-byte explicit nonce, which we fill with the
// sequence number; for ChaCha20-Poly1305 (RFC 7905 §2) a 12-byte IV XORed
// with the padded sequence number and no explicit nonce. The additional data
// is seq_num || type || version || plaintext length (RFC 5246 §6.2.3.3).
//
// Without `use`, the cipher context is set up on dedicate() (which
// RecordLayer::set_*_protection calls) for that direction only, or, if the
// protection is used without being dedicated, at the first seal()/open() for
// both; until then it holds the key bytes (wiped on destruction). With `use`
// it is set up at once for that direction only.
Result<std::unique_ptr<Protection>> make_aead12(crypto::AeadAlg alg, std::span<const std::uint8_t> key,
                                                std::span<const std::uint8_t> fixed_iv);
Result<std::unique_ptr<Protection>> make_aead12(crypto::AeadAlg alg, std::span<const std::uint8_t> key,
                                                std::span<const std::uint8_t> fixed_iv, Use use);

}  // namespace tlspp::record
