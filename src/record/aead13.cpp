// record/aead13.cpp: TLS 1.3 record protection (RFC 8446 §5.2-§5.4). One
// object protects one direction; record/aead13.hpp says how the inner
// content type gets in and out.
//
// As in aead12.cpp everything happens in place in the caller's record
// buffer: nonce and additional data live on the stack and the AeadKey is
// keyed once, so a record costs no allocation.
#include "record/aead13.hpp"

#include <array>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <optional>
#include <string>

#include "crypto/constant_time.hpp"
#include "fuzz/mode.hpp"
#include "record/sequence_header.hpp"

namespace tlspp::record {

namespace {

constexpr std::size_t tag_length = crypto::aead_tag_length;
constexpr std::uint8_t outer_type = static_cast<std::uint8_t>(ContentType::application_data);

Error auth_failed(const char* what) {
    return make_error(Reason::record_authentication_failed, std::string("TLS 1.3 record: ") + what);
}

class Aead13 final : public Protection {
public:
    // Keyed now, for the one direction it will serve.
    Aead13(crypto::AeadKey key, std::span<const std::uint8_t> iv, std::uint64_t first_sequence,
           Aead13Padding padding)
        : alg_(key.alg()), key_(std::move(key)), padding_(padding), seq_(first_sequence) {
        std::memcpy(iv_.data(), iv.data(), iv_.size());
    }
    // Keyed later (dedicate() or the first record); `key` has the right length.
    Aead13(crypto::AeadAlg alg, std::span<const std::uint8_t> key, std::span<const std::uint8_t> iv,
           std::uint64_t first_sequence, Aead13Padding padding)
        : alg_(alg), padding_(padding), seq_(first_sequence) {
        std::memcpy(iv_.data(), iv.data(), iv_.size());
        std::memcpy(pending_key_.data(), key.data(), key.size());
        pending_key_length_ = key.size();
    }
    ~Aead13() override {
        wipe(iv_);
        wipe(pending_key_);
    }

    void dedicate(Use use) override {
        if (!key_) set_up(use == Use::seal ? crypto::AeadUse::seal_only : crypto::AeadUse::open_only);
    }

    // No explicit nonce in TLS 1.3 (§5.3).
    std::size_t prefix_length() const override { return 0; }
    std::size_t max_ciphertext() const override { return max_ciphertext_tls13; }
    bool hides_content_type() const override { return true; }
    // The inner content type byte, the zero padding, the tag.
    std::size_t suffix_length(std::size_t plaintext_length) const override {
        return 1 + padding_for(plaintext_length) + tag_length;
    }

    // record: header (type = the real content type) || plaintext ||
    // suffix_length(plaintext_length) bytes to fill.
    void seal(std::span<std::uint8_t> record, std::size_t plaintext_length) override {
        // A record without room for the type byte and tag is a bug in the
        // caller; there is nothing to protect or leak.
        if (record.size() < header_length + plaintext_length + 1 + tag_length) return;
        auto fragment = record.subspan(header_length);
        // §5.3: sealing past 2^64 - 1 would reuse a nonce. seal() cannot
        // report an error, so it destroys the plaintext instead: the peer
        // sees a record that fails authentication (as aead12.cpp does).
        if (seq_.exhausted()) {
            std::memset(fragment.data(), 0, fragment.size());
            return;
        }
        // §5.2: TLSInnerPlaintext = content || ContentType type || uint8 zeros[length_of_padding].
        auto inner = fragment.first(fragment.size() - tag_length);
        inner[plaintext_length] = record[0];
        std::memset(inner.data() + plaintext_length + 1, 0, inner.size() - plaintext_length - 1);
        // §5.2: "opaque_type: ... always set to the value 23 (application_data)";
        // "legacy_record_version: ... always 0x0303".
        record[0] = outer_type;
        record[1] = 0x03;
        record[2] = 0x03;
        if (!key_) set_up(crypto::AeadUse::seal_and_open);
        // §5.2: "additional_data = TLSCiphertext.opaque_type ||
        // TLSCiphertext.legacy_record_version || TLSCiphertext.length".
        std::array<std::uint8_t, header_length> aad;
        std::memcpy(aad.data(), record.data(), header_length);
        std::array<std::uint8_t, 12> nonce = nonce_for_record();
        if constexpr (fuzz::checks_off)
            std::memset(fragment.last<tag_length>().data(), 0, tag_length);   // inner plaintext stays readable
        else
            key_->seal(nonce, aad, inner, fragment.last<tag_length>());
        seq_.advance();
    }

    Result<Opened> open(ContentType type, std::uint16_t version, std::span<std::uint8_t> fragment) override {
        if (seq_.exhausted()) return auth_failed("sequence number exhausted (RFC 8446 §5.3)");
        // §5: protected records carry the outer type application_data; an
        // unprotected change_cipher_spec is the record layer's to handle.
        if (type != ContentType::application_data)
            return make_error(Reason::unexpected_record_type,
                              "TLS 1.3 record: protected record with outer type " +
                                  std::to_string(static_cast<unsigned>(type)) + ", expected 23 (application_data)");
        // §5.2: "An endpoint that receives a record from its peer with
        // TLSCiphertext.length larger than 2^14 + 256 octets MUST terminate
        // the connection with a "record_overflow" alert."
        if (fragment.size() > max_ciphertext_tls13)
            return make_error(Reason::record_overflow, "TLS 1.3 record: ciphertext of " +
                                                           std::to_string(fragment.size()) + " bytes, limit 16640");
        if (fragment.size() < tag_length) return auth_failed("fragment too short for the tag");
        const std::size_t inner_length = fragment.size() - tag_length;
        // §5.4: the TLSInnerPlaintext "MUST NOT exceed 2^14 + 1 octets"; its
        // length is known before decrypting, so no work is spent on it.
        if (inner_length > max_inner_plaintext_tls13)
            return make_error(Reason::record_overflow, "TLS 1.3 record: inner plaintext of " +
                                                           std::to_string(inner_length) + " bytes, limit 16385");
        const std::uint8_t aad[header_length] = {outer_type, static_cast<std::uint8_t>(version >> 8),
                                                 static_cast<std::uint8_t>(version),
                                                 static_cast<std::uint8_t>(fragment.size() >> 8),
                                                 static_cast<std::uint8_t>(fragment.size())};
        auto inner = fragment.first(inner_length);
        if (!key_) set_up(crypto::AeadUse::seal_and_open);
        std::array<std::uint8_t, 12> nonce = nonce_for_record();
        if constexpr (!fuzz::checks_off)
            if (!key_->open(nonce, aad, inner, fragment.last<tag_length>())) return auth_failed("bad tag");
        seq_.advance();

        // §5.4: "the receiving implementation scans the field from the end
        // toward the beginning until it finds a non-zero octet. This non-zero
        // octet is the content type of the message." The scan below visits
        // every byte whatever the padding, so its time does not reveal the
        // padding length, which the sender may have added to hide the length.
        crypto::ct::Mask found = 0;
        std::size_t type_at = 0;
        for (std::size_t i = 0; i < inner.size(); ++i) {
            const crypto::ct::Mask nonzero = ~crypto::ct::is_zero(inner[i]);
            type_at = crypto::ct::select(nonzero, i, type_at);
            found |= nonzero;
        }
        // "If a receiving implementation does not find a non-zero octet in
        // the cleartext, it MUST terminate the connection with an
        // "unexpected_message" alert."
        if (!found)
            return make_error(Reason::unexpected_record_type,
                              "TLS 1.3 record: inner plaintext of " + std::to_string(inner.size()) +
                                  " bytes is all zeros, no content type (RFC 8446 §5.4)");
        const std::uint8_t inner_type = inner[type_at];
        switch (static_cast<ContentType>(inner_type)) {
        case ContentType::alert:
        case ContentType::handshake:
        case ContentType::application_data:
            return Opened{static_cast<ContentType>(inner_type), inner.first(type_at)};
        case ContentType::change_cipher_spec:
            // §5: "An implementation which ... receives a protected
            // change_cipher_spec record MUST abort the handshake with an
            // "unexpected_message" alert."
            return make_error(Reason::unexpected_change_cipher_spec,
                              "TLS 1.3 record: change_cipher_spec inside a protected record (RFC 8446 §5)");
        }
        return make_error(Reason::unexpected_record_type, "TLS 1.3 record: unknown inner content type " +
                                                              std::to_string(inner_type) + " (RFC 8446 §5)");
    }

private:
    // padding_for is the number of zero bytes after the type byte: enough to
    // bring content + type to a multiple of the block, capped at the 2^14 + 1
    // limit of the inner plaintext.
    std::size_t padding_for(std::size_t plaintext_length) const {
        const std::size_t unpadded = plaintext_length + 1;
        if (padding_.block <= 1 || unpadded >= max_inner_plaintext_tls13) return 0;
        std::size_t padded = (unpadded + padding_.block - 1) / padding_.block * padding_.block;
        if (padded > max_inner_plaintext_tls13) padded = max_inner_plaintext_tls13;
        return padded - unpadded;
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

    // §5.3: "1. The 64-bit record sequence number is encoded in network byte
    // order and padded to the left with zeros to iv_length. 2. The padded
    // sequence number is XORed with either the static client_write_iv or
    // server_write_iv (depending on the role)."
    std::array<std::uint8_t, 12> nonce_for_record() const { return iv_xor_sequence(iv_, seq_.value()); }


    crypto::AeadAlg alg_;
    std::optional<crypto::AeadKey> key_;
    std::array<std::uint8_t, 32> pending_key_{};   // until key_ is set up
    std::size_t pending_key_length_ = 0;
    std::array<std::uint8_t, iv_length_tls13> iv_{};
    Aead13Padding padding_;
    SequenceNumber seq_;
};

Status check_lengths(crypto::AeadAlg alg, std::span<const std::uint8_t> key, std::span<const std::uint8_t> iv) {
    if (iv.size() != iv_length_tls13)
        return make_error(Reason::internal_error,
                          "TLS 1.3 AEAD: IV is " + std::to_string(iv.size()) + " bytes, expected 12");
    if (key.size() != crypto::aead_key_length(alg))
        return make_error(Reason::internal_error, "TLS 1.3 AEAD: key is " + std::to_string(key.size()) +
                                                      " bytes, expected " +
                                                      std::to_string(crypto::aead_key_length(alg)));
    return {};
}

}  // namespace

Result<std::unique_ptr<Protection>> make_aead13_at(crypto::AeadAlg alg, std::span<const std::uint8_t> key,
                                                   std::span<const std::uint8_t> iv, std::uint64_t first_sequence,
                                                   Aead13Padding padding) {
    if (auto ok = check_lengths(alg, key, iv); !ok) return std::move(ok).error();
    return std::unique_ptr<Protection>(new Aead13(alg, key, iv, first_sequence, padding));
}

Result<std::unique_ptr<Protection>> make_aead13(crypto::AeadAlg alg, std::span<const std::uint8_t> key,
                                                std::span<const std::uint8_t> iv) {
    return make_aead13_at(alg, key, iv, 0);
}

Result<std::unique_ptr<Protection>> make_aead13(crypto::AeadAlg alg, std::span<const std::uint8_t> key,
                                                std::span<const std::uint8_t> iv, Use use, Aead13Padding padding) {
    if (auto ok = check_lengths(alg, key, iv); !ok) return std::move(ok).error();
    auto aead =
        crypto::AeadKey::create(alg, key, use == Use::seal ? crypto::AeadUse::seal_only : crypto::AeadUse::open_only);
    if (!aead) return std::move(aead).error();
    return std::unique_ptr<Protection>(new Aead13(std::move(*aead), iv, 0, padding));
}

}  // namespace tlspp::record
