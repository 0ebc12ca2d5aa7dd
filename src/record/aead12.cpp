// record/aead12.cpp: TLS 1.2 AEAD record protection, AES-GCM (RFC 5288) and
// ChaCha20-Poly1305 (RFC 7905). One object protects one direction.
//
// Everything happens in place in the caller's record buffer: the nonce and
// the 13-byte additional data are built on the stack, and the AeadKey is
// keyed once (in make_aead12 when the direction is given, else on dedicate()
// or the first record), so a record costs no allocation.
#include <array>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <optional>
#include <string>

#include "fuzz/mode.hpp"
#include "record/aead12.hpp"
#include "record/protection.hpp"
#include "record/sequence_header.hpp"

namespace tlspp::record {

namespace {

constexpr std::size_t explicit_nonce_length = 8;
constexpr std::size_t tag_length = crypto::aead_tag_length;

Error auth_failed(const char* what) {
    return make_error(Reason::record_authentication_failed, std::string("TLS 1.2 AEAD record: ") + what);
}

class Aead12 final : public Protection {
public:
    // Keyed now, for the one direction it will serve.
    Aead12(crypto::AeadKey key, std::span<const std::uint8_t> fixed_iv, std::uint64_t first_sequence)
        : alg_(key.alg()),
          key_(std::move(key)),
          explicit_nonce_(alg_ != crypto::AeadAlg::chacha20_poly1305),
          seq_(first_sequence) {
        std::memcpy(iv_.data(), fixed_iv.data(), fixed_iv.size());
    }
    // Keyed later (dedicate() or the first record); `key` has the right length.
    Aead12(crypto::AeadAlg alg, std::span<const std::uint8_t> key, std::span<const std::uint8_t> fixed_iv,
           std::uint64_t first_sequence)
        : alg_(alg), explicit_nonce_(alg_ != crypto::AeadAlg::chacha20_poly1305), seq_(first_sequence) {
        std::memcpy(iv_.data(), fixed_iv.data(), fixed_iv.size());
        std::memcpy(pending_key_.data(), key.data(), key.size());
        pending_key_length_ = key.size();
    }
    ~Aead12() override {
        wipe(iv_);
        wipe(pending_key_);
    }

    void dedicate(Use use) override {
        if (!key_) set_up(use == Use::seal ? crypto::AeadUse::seal_only : crypto::AeadUse::open_only);
    }

    std::size_t prefix_length() const override { return explicit_nonce_ ? explicit_nonce_length : 0; }
    std::size_t suffix_length(std::size_t) const override { return tag_length; }

    // The plaintext length is implied by the record's size (the suffix is a
    // fixed 16-byte tag), so the argument is not needed.
    void seal(std::span<std::uint8_t> record, std::size_t /*plaintext_length*/) override {
        const std::size_t overhead = header_length + prefix_length() + tag_length;
        // A record without room for prefix and tag is a bug in the caller; it
        // holds no plaintext, so there is nothing to protect or leak.
        if (record.size() < overhead) return;
        seal_into(record, record.subspan(header_length + prefix_length(), record.size() - overhead));
    }

    void seal_from(std::span<std::uint8_t> record, std::span<const std::uint8_t> plaintext) override {
        if (record.size() != header_length + prefix_length() + plaintext.size() + tag_length) return;
        seal_into(record, plaintext);
    }


    Result<Opened> open(ContentType type, std::uint16_t version, std::span<std::uint8_t> fragment) override {
        if (seq_.exhausted()) return auth_failed("sequence number exhausted (RFC 5246 §6.1)");
        const std::size_t prefix = prefix_length();
        if (fragment.size() < prefix + tag_length)
            return auth_failed("fragment too short for explicit nonce and tag");
        const std::size_t length = fragment.size() - prefix - tag_length;
        // With null compression the plaintext is the TLSPlaintext fragment, and
        // RFC 5246 §6.2.1: "The length MUST NOT exceed 2^14." The length is
        // known before decrypting, so no work is spent on an oversized record.
        if (length > max_plaintext)
            return make_error(Reason::record_overflow, "TLS 1.2 AEAD record: plaintext of " +
                                                           std::to_string(length) + " bytes, limit 16384");
        std::array<std::uint8_t, 12> nonce = nonce_for_open(fragment);
        std::array<std::uint8_t, 13> aad =
            additional_data(static_cast<std::uint8_t>(type), static_cast<std::uint8_t>(version >> 8),
                            static_cast<std::uint8_t>(version), length);
        auto plaintext = fragment.subspan(prefix, length);
        if (!key_) set_up(crypto::AeadUse::seal_and_open);
        if constexpr (!fuzz::checks_off)
            if (!key_->open(nonce, aad, plaintext, fragment.last<tag_length>())) return auth_failed("bad tag");
        seq_.advance();
        return Opened{type, plaintext};
    }

private:
    // seal_into seals `plaintext` into `record`'s body: the record's own
    // body (in place) or a buffer beside it.
    void seal_into(std::span<std::uint8_t> record, std::span<const std::uint8_t> plaintext) {
        const std::size_t prefix = prefix_length();
        auto fragment = record.subspan(header_length);
        auto body = fragment.subspan(prefix, fragment.size() - prefix - tag_length);
        // RFC 5246 §6.1: "Sequence numbers ... may not exceed 2^64-1." Sealing
        // past the end would reuse a nonce, which breaks GCM and Poly1305
        // outright. seal() cannot report an error, so it refuses by writing
        // no plaintext (zeros): the peer sees a record that fails authentication.
        if (seq_.exhausted()) {
            std::memset(fragment.data(), 0, fragment.size());
            return;
        }
        if (!key_) set_up(crypto::AeadUse::seal_and_open);
        std::array<std::uint8_t, 12> nonce = nonce_for_seal(fragment);
        std::array<std::uint8_t, 13> aad = additional_data(record[0], record[1], record[2], body.size());
        if constexpr (fuzz::checks_off) {
            // The plaintext stays readable.
            if (!body.empty() && plaintext.data() != body.data())
                std::memcpy(body.data(), plaintext.data(), body.size());
            std::memset(fragment.last<tag_length>().data(), 0, tag_length);
        } else if (plaintext.data() == body.data()) {
            key_->seal(nonce, aad, body, fragment.last<tag_length>());
        } else {
            key_->seal(nonce, aad, plaintext, body, fragment.last<tag_length>());
        }
        seq_.advance();
    }


    // set_up keys the cipher context(s) from the pending key bytes, then
    // wipes them. It fails only if libcrypto cannot allocate, which, as in
    // crypto/aead.cpp, is not an error a caller could handle.
    void set_up(crypto::AeadUse use) {
        auto key = crypto::AeadKey::create(alg_, std::span(pending_key_).first(pending_key_length_), use);
        wipe(pending_key_);
        if (!key) std::abort();
        key_.emplace(std::move(*key));
    }

    // RFC 5288 §3: the nonce is salt(4) || nonce_explicit(8), and "the
    // nonce_explicit MAY be the 64-bit sequence number", which rules out
    // reuse without keeping more state. RFC 7905 §2: the 64-bit sequence
    // number, left-padded with zeros to 12 bytes, is XORed with the 12-byte IV.
    std::array<std::uint8_t, 12> nonce_for_seal(std::span<std::uint8_t> fragment) const {
        if (!explicit_nonce_) return padded_sequence_xor_iv();
        std::array<std::uint8_t, 12> nonce = iv_;
        put_u64(nonce.data() + 4, seq_.value());
        std::memcpy(fragment.data(), nonce.data() + 4, explicit_nonce_length);
        return nonce;
    }

    std::array<std::uint8_t, 12> padded_sequence_xor_iv() const { return iv_xor_sequence(iv_, seq_.value()); }

    // RFC 5288 §3: on receipt the explicit part comes from the record itself;
    // we do not require it to equal the sequence number, since the RFC lets
    // the sender choose it.
    std::array<std::uint8_t, 12> nonce_for_open(std::span<const std::uint8_t> fragment) const {
        if (!explicit_nonce_) return padded_sequence_xor_iv();
        std::array<std::uint8_t, 12> nonce = iv_;
        std::memcpy(nonce.data() + 4, fragment.data(), explicit_nonce_length);
        return nonce;
    }

    // RFC 5246 §6.2.3.3: "additional_data = seq_num + TLSCompressed.type +
    // TLSCompressed.version + TLSCompressed.length;"
    std::array<std::uint8_t, 13> additional_data(std::uint8_t type, std::uint8_t major, std::uint8_t minor,
                                                 std::size_t length) const {
        return sequence_header(seq_.value(), type, major, minor, length);
    }


    crypto::AeadAlg alg_;
    std::optional<crypto::AeadKey> key_;
    std::array<std::uint8_t, 32> pending_key_{};   // until key_ is set up
    std::size_t pending_key_length_ = 0;
    std::array<std::uint8_t, 12> iv_{};  // AES-GCM: the 4-byte salt, then zeros; ChaCha20: the whole IV
    bool explicit_nonce_;
    SequenceNumber seq_;
};

}  // namespace

namespace {

Status check_lengths(crypto::AeadAlg alg, std::span<const std::uint8_t> key, std::span<const std::uint8_t> fixed_iv) {
    // RFC 5288 §3: a 4-byte salt; RFC 7905 §2: a 12-byte IV.
    const std::size_t iv_length = alg == crypto::AeadAlg::chacha20_poly1305 ? 12 : 4;
    if (fixed_iv.size() != iv_length)
        return make_error(Reason::internal_error, "TLS 1.2 AEAD: fixed IV is " + std::to_string(fixed_iv.size()) +
                                                      " bytes, expected " + std::to_string(iv_length));
    if (key.size() != crypto::aead_key_length(alg))
        return make_error(Reason::internal_error, "TLS 1.2 AEAD: key is " + std::to_string(key.size()) +
                                                      " bytes, expected " +
                                                      std::to_string(crypto::aead_key_length(alg)));
    return {};
}

}  // namespace

Result<std::unique_ptr<Protection>> make_aead12_at(crypto::AeadAlg alg, std::span<const std::uint8_t> key,
                                                   std::span<const std::uint8_t> fixed_iv,
                                                   std::uint64_t first_sequence) {
    if (auto ok = check_lengths(alg, key, fixed_iv); !ok) return std::move(ok).error();
    return std::unique_ptr<Protection>(new Aead12(alg, key, fixed_iv, first_sequence));
}

Result<std::unique_ptr<Protection>> make_aead12(crypto::AeadAlg alg, std::span<const std::uint8_t> key,
                                                std::span<const std::uint8_t> fixed_iv) {
    return make_aead12_at(alg, key, fixed_iv, 0);
}

Result<std::unique_ptr<Protection>> make_aead12(crypto::AeadAlg alg, std::span<const std::uint8_t> key,
                                                std::span<const std::uint8_t> fixed_iv, Use use) {
    if (auto ok = check_lengths(alg, key, fixed_iv); !ok) return std::move(ok).error();
    auto aead =
        crypto::AeadKey::create(alg, key, use == Use::seal ? crypto::AeadUse::seal_only : crypto::AeadUse::open_only);
    if (!aead) return std::move(aead).error();
    return std::unique_ptr<Protection>(new Aead12(std::move(*aead), fixed_iv, 0));
}

}  // namespace tlspp::record
