// record/cbc12.cpp: TLS 1.2 CBC-HMAC record protection (RFC 5246 §6.2.3.2),
// MAC-then-encrypt or Encrypt-then-MAC (RFC 7366). One object protects one
// direction.
//
// Everything happens in place in the caller's record buffer, and the AES key
// schedule and the HMAC pad blocks are computed once, so a record costs no
// allocation. The MAC-then-encrypt receive path is written so that its
// memory accesses and hash compression calls depend only on the public
// ciphertext length (Lucky13, AlFardan and Paterson 2013): the padding check,
// the MAC extraction, the MAC computation and the comparison all use masks
// rather than branches on the secret padding length, in the manner of
// OpenSSL's tls1_cbc_remove_padding_and_mac and ssl3_cbc_copy_mac.
#include "record/cbc12.hpp"
#include "record/sequence_header.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <optional>
#include <string>

#include "crypto/cbc.hpp"
#include "crypto/cbc_hmac.hpp"
#include "crypto/constant_time.hpp"
#include "fuzz/mode.hpp"

namespace tlspp::record {

namespace {

constexpr std::size_t block = crypto::cbc_block_length;
// RFC 5246 §6.2.3.2: TLS 1.1 and later send an explicit IV of one block.
constexpr std::size_t iv_length = block;
// RFC 5246 §6.2.3.2: "padding_length ... MUST be ... 0 to 255": with its own
// byte, the padding takes at most 256 bytes, the span the receiver checks.
constexpr std::size_t max_padding = 256;

// One message for every padding or MAC failure: RFC 5246 §6.2.3.2 asks that
// a bad padding be reported as bad_record_mac like a bad MAC, and telling
// them apart even in a log line would rebuild the padding oracle of
// Vaudenay 2002.
Error auth_failed() {
    return make_error(Reason::record_authentication_failed, "TLS 1.2 CBC record: bad record MAC or padding");
}

// Failures decided by the public fragment length reveal nothing secret, so
// they say what was wrong.
Error bad_length(std::size_t length, const char* why) {
    return make_error(Reason::record_authentication_failed,
                      "TLS 1.2 CBC record: fragment of " + std::to_string(length) + " bytes " + why);
}

Error overflow(std::size_t length) {
    return make_error(Reason::record_overflow, "TLS 1.2 CBC record: plaintext of " + std::to_string(length) +
                                                   " bytes, limit 16384");
}

// check_padding looks at the decrypted `body` (public length n) whose last
// byte is padding_length, with `overhead` bytes of MAC before the padding
// (0 for Encrypt-then-MAC). It returns a mask of "the padding is well
// formed" and sets `content_length` to n - overhead - 1 - padding_length, or
// to n - overhead - 1 when the padding is bad, so the MAC is still computed
// over a plausible length. RFC 5246 §6.2.3.2: "Each uint8 in the padding data
// vector MUST be filled with the padding length value. The receiver MUST
// check this padding". The bytes examined are always the last
// min(256, n): which of them count is chosen by mask.
crypto::ct::Mask check_padding(std::span<const std::uint8_t> body, std::size_t overhead, std::size_t& content_length) {
    namespace ct = crypto::ct;
    const std::size_t n = body.size();
    const std::size_t pad = body[n - 1];
    ct::Mask good = ct::ge(n, overhead + 1 + pad);
    const std::size_t to_check = std::min(max_padding, n);
    for (std::size_t i = 0; i < to_check; ++i) {
        const ct::Mask in_padding = ct::le(i, pad);
        good &= ~(in_padding & ~ct::is_zero(pad ^ body[n - 1 - i]));
    }
    content_length = n - overhead - 1 - (pad & good);
    return good;
}

// extract_mac copies the `mac_length` bytes at the secret offset
// `mac_start` of `body` into `out` without a secret-dependent memory access
// (after ssl3_cbc_copy_mac): every byte of the span where the MAC can start
// is read, each MAC byte lands in a rotated buffer at a public index, and the
// rotation is undone with a mask-selected read of every rotated byte.
void extract_mac(std::span<const std::uint8_t> body, std::size_t mac_start, std::size_t mac_length,
                 std::uint8_t* out) {
    namespace ct = crypto::ct;
    const std::size_t n = body.size();
    const std::size_t span = std::min(n, mac_length + max_padding);
    const std::size_t scan_start = n - span;
    std::uint8_t rotated[crypto::RecordMac::max_length] = {};
    std::size_t rotate_offset = 0;   // (mac_start - scan_start) mod mac_length, by mask
    std::size_t j = 0;               // (i - scan_start) mod mac_length, public
    for (std::size_t i = scan_start; i < n; ++i) {
        rotate_offset |= j & ct::eq(i, mac_start);
        const ct::Mask in_mac = ct::ge(i, mac_start) & ct::lt(i, mac_start + mac_length);
        rotated[j] |= body[i] & ct::byte(in_mac);
        j = j + 1 == mac_length ? 0 : j + 1;
    }
    for (std::size_t t = 0; t < mac_length; ++t) {
        std::size_t index = rotate_offset + t;
        index = ct::select(ct::ge(index, mac_length), index - mac_length, index);
        std::uint8_t b = 0;
        for (std::size_t r = 0; r < mac_length; ++r) b |= rotated[r] & ct::byte(ct::eq(r, index));
        out[t] = b;
    }
}

class Cbc12 final : public Protection {
public:
    Cbc12(crypto::RecordMac mac, std::span<const std::uint8_t> enc_key, CbcMode mode,
          std::shared_ptr<RandomSource> random, std::uint64_t first_sequence)
        : mac_(std::move(mac)), mode_(mode), random_(std::move(random)), seq_(first_sequence) {
        std::memcpy(pending_key_.data(), enc_key.data(), enc_key.size());
        pending_key_length_ = enc_key.size();
    }
    ~Cbc12() override { wipe_pending_key(); }

    void dedicate(Use use) override {
        dedicated_ = use;
        if (use == Use::seal && !encryptor_) encryptor_.emplace(set_up(crypto::CbcDirection::encrypt));
        if (use == Use::open && !decryptor_) decryptor_.emplace(set_up(crypto::CbcDirection::decrypt));
        wipe_pending_key();   // the other direction will never be needed
    }

    std::size_t prefix_length() const override { return iv_length; }

    // RFC 5246 §6.2.3.2 allows up to 255 bytes of padding to hide lengths; we
    // send the minimum that fills the last block, as OpenSSL and BoringSSL do.
    std::size_t suffix_length(std::size_t plaintext_length) const override {
        const std::size_t mac_length = mac_.length();
        const std::size_t padded = mode_ == CbcMode::mac_then_encrypt ? plaintext_length + mac_length
                                                                     : plaintext_length;
        return mac_length + (block - padded % block);
    }

    void seal(std::span<std::uint8_t> record, std::size_t n) override {
        if (dedicated_ == Use::open) std::abort();   // sealing with a read side: a bug in the caller
        if (record.size() < header_length) return;
        auto fragment = record.subspan(header_length);
        // A record of the wrong size is a bug in the caller, and sealing past
        // the last sequence number (RFC 5246 §6.1: "may not exceed 2^64-1")
        // would repeat a MAC input. seal() cannot report an error, so it
        // refuses by destroying the plaintext: the peer sees a record that
        // fails authentication.
        if (seq_.exhausted() || fragment.size() != iv_length + n + suffix_length(n)) {
            std::memset(fragment.data(), 0, fragment.size());
            return;
        }
        if (!encryptor_) encryptor_.emplace(set_up(crypto::CbcDirection::encrypt));
        const std::size_t mac_length = mac_.length();
        const std::size_t padding = suffix_length(n) - mac_length;   // includes the padding_length byte
        auto iv = fragment.first<iv_length>();
        // RFC 5246 §6.2.3.2: "The Initialization Vector (IV) SHOULD be chosen
        // at random, and MUST be unpredictable."
        random_->fill(iv);
        auto body = fragment.subspan(iv_length);
        if (mode_ == CbcMode::mac_then_encrypt) {
            // RFC 5246 §6.2.3.1: MAC(MAC_write_key, seq_num + type + version + length + content).
            auto header = mac_header(record[0], record[1], record[2], n);
            auto mac = body.subspan(n, mac_length);
            if constexpr (fuzz::checks_off)
                std::memset(mac.data(), 0, mac.size());
            else
                mac_.compute(header, body.first(n), mac);
            std::memset(body.data() + n + mac_length, static_cast<int>(padding - 1), padding);
            if constexpr (!fuzz::checks_off) encryptor_->crypt(iv, body);
        } else {
            // RFC 7366 §3: pad and encrypt, then MAC over seq_num + type +
            // version + length of (IV + ciphertext) + IV + ciphertext.
            const std::size_t encrypted = n + padding;
            std::memset(body.data() + n, static_cast<int>(padding - 1), padding);
            if constexpr (!fuzz::checks_off) encryptor_->crypt(iv, body.first(encrypted));
            auto header = mac_header(record[0], record[1], record[2], iv_length + encrypted);
            auto mac = body.subspan(encrypted, mac_length);
            if constexpr (fuzz::checks_off)
                std::memset(mac.data(), 0, mac.size());
            else
                mac_.compute(header, fragment.first(iv_length + encrypted), mac);
        }
        seq_.advance();
    }

    Result<Opened> open(ContentType type, std::uint16_t version, std::span<std::uint8_t> fragment) override {
        // A seal-only side has no decryption key; like aead12, it fails as
        // any unopenable record does.
        if (dedicated_ == Use::seal) return auth_failed();
        if (seq_.exhausted())
            return make_error(Reason::record_authentication_failed,
                              "TLS 1.2 CBC record: sequence number exhausted (RFC 5246 §6.1)");
        if (!decryptor_) decryptor_.emplace(set_up(crypto::CbcDirection::decrypt));
        auto opened = mode_ == CbcMode::mac_then_encrypt ? open_mac_then_encrypt(type, version, fragment)
                                                          : open_encrypt_then_mac(type, version, fragment);
        if (opened) seq_.advance();
        return opened;
    }

private:
    Result<Opened> open_mac_then_encrypt(ContentType type, std::uint16_t version, std::span<std::uint8_t> fragment) {
        namespace ct = crypto::ct;
        const std::size_t mac_length = mac_.length();
        // The smallest record holds an empty content, the MAC and the
        // padding_length byte, rounded up to whole blocks.
        const std::size_t min_body = (mac_length + 1 + block - 1) / block * block;
        if (fragment.size() % block != 0)
            return bad_length(fragment.size(), "is not a whole number of 16-byte blocks");
        if (fragment.size() < iv_length + min_body)
            return bad_length(fragment.size(), "is too short for the IV, the MAC and the padding length");
        const std::size_t n = fragment.size() - iv_length;
        // RFC 5246 §6.2.1: content over 2^14 bytes is record_overflow. When
        // even the longest padding leaves too much, the public length says
        // so before any work is spent.
        if (n > max_plaintext + mac_length + max_padding) return overflow(n - mac_length - max_padding);

        auto iv = fragment.first<iv_length>();
        auto body = fragment.subspan(iv_length);
        if constexpr (!fuzz::checks_off) decryptor_->crypt(iv, body);

        // From here on the padding length, and so the content length, is
        // secret: no branch or memory index depends on it until the verdict.
        std::size_t content_length = 0;
        ct::Mask good = check_padding(body, mac_length, content_length);

        std::uint8_t received[crypto::RecordMac::max_length];
        extract_mac(body, content_length, mac_length, received);
        const std::size_t max_content = n - mac_length - 1;
        const std::size_t min_content = max_content > max_padding - 1 ? max_content - (max_padding - 1) : 0;
        auto header = mac_header(static_cast<std::uint8_t>(type), static_cast<std::uint8_t>(version >> 8),
                                 static_cast<std::uint8_t>(version), content_length);
        std::uint8_t expected[crypto::RecordMac::max_length];
        mac_.compute(header, body.first(max_content), content_length, min_content, expected);
        if constexpr (!fuzz::checks_off) good &= ct::equal(received, expected, mac_length);
        if (!good) return auth_failed();

        // Authenticated: the length is no longer secret.
        if (content_length > max_plaintext) return overflow(content_length);
        return Opened{type, body.first(content_length)};
    }

    Result<Opened> open_encrypt_then_mac(ContentType type, std::uint16_t version, std::span<std::uint8_t> fragment) {
        const std::size_t mac_length = mac_.length();
        // RFC 7366 §3: IV, then at least one block of ciphertext, then the MAC.
        if (fragment.size() < iv_length + block + mac_length)
            return bad_length(fragment.size(), "is too short for the IV, one block and the MAC");
        if ((fragment.size() - mac_length) % block != 0)
            return bad_length(fragment.size(), "does not hold whole 16-byte blocks before the MAC");
        const std::size_t n = fragment.size() - iv_length - mac_length;
        if (n > max_plaintext + max_padding) return overflow(n - max_padding);

        // RFC 7366 §3: the MAC is checked before anything is decrypted, so a
        // forged record never reaches the padding check.
        auto header = mac_header(static_cast<std::uint8_t>(type), static_cast<std::uint8_t>(version >> 8),
                                 static_cast<std::uint8_t>(version), iv_length + n);
        std::uint8_t expected[crypto::RecordMac::max_length];
        mac_.compute(header, fragment.first(iv_length + n), expected);
        if constexpr (!fuzz::checks_off)
            if (!crypto::ct::equal(expected, fragment.data() + iv_length + n, mac_length)) return auth_failed();

        auto iv = fragment.first<iv_length>();
        auto body = fragment.subspan(iv_length, n);
        if constexpr (!fuzz::checks_off) decryptor_->crypt(iv, body);
        // RFC 7366 §3 keeps the RFC 5246 padding rules; a bad padding under a
        // good MAC means a broken peer, and is still bad_record_mac.
        std::size_t content_length = 0;
        if (!check_padding(body, 0, content_length)) return auth_failed();
        if (content_length > max_plaintext) return overflow(content_length);
        return Opened{type, body.first(content_length)};
    }

    // RFC 5246 §6.2.3.1: seq_num || type || version || length; in
    // MAC-then-encrypt the length is the content length.
    std::array<std::uint8_t, 13> mac_header(std::uint8_t type, std::uint8_t major, std::uint8_t minor,
                                            std::size_t length) const {
        return sequence_header(seq_.value(), type, major, minor, length);
    }

    // set_up keys one direction from the pending key bytes. It fails only if
    // libcrypto cannot allocate (the length was checked in make_cbc12),
    // which, as in crypto/aead.cpp, is not an error a caller could handle.
    crypto::CbcKey set_up(crypto::CbcDirection direction) {
        if (pending_key_length_ == 0) std::abort();   // wiped by dedicate() to the other direction
        auto key = crypto::CbcKey::create(std::span(pending_key_).first(pending_key_length_), direction);
        if (!key) std::abort();
        if (encryptor_ || decryptor_) wipe_pending_key();   // both directions now exist
        return std::move(*key);
    }

    void wipe_pending_key() {
        volatile std::uint8_t* p = pending_key_.data();
        for (std::size_t i = 0; i < pending_key_.size(); ++i) p[i] = 0;
        pending_key_length_ = 0;
    }


    crypto::RecordMac mac_;   // wipes its pad states on destruction
    CbcMode mode_;
    std::shared_ptr<RandomSource> random_;
    std::optional<crypto::CbcKey> encryptor_;   // the key schedule is wiped by EVP_CIPHER_CTX_free
    std::optional<crypto::CbcKey> decryptor_;
    std::array<std::uint8_t, 32> pending_key_{};   // until both directions, or the dedicated one, are keyed
    std::size_t pending_key_length_ = 0;
    std::optional<Use> dedicated_;
    SequenceNumber seq_;
};

}  // namespace

Result<std::unique_ptr<Protection>> make_cbc12_at(crypto::HashAlg mac, std::span<const std::uint8_t> mac_key,
                                                  std::span<const std::uint8_t> enc_key, CbcMode mode,
                                                  std::shared_ptr<RandomSource> random,
                                                  std::uint64_t first_sequence) {
    // RFC 5246 Appendix A.5 and RFC 5289: the CBC suites use AES-128 or
    // AES-256 with HMAC-SHA1, -SHA256 or -SHA384.
    if (mac != crypto::HashAlg::sha1 && mac != crypto::HashAlg::sha256 && mac != crypto::HashAlg::sha384)
        return make_error(Reason::internal_error, "TLS 1.2 CBC: MAC must be HMAC-SHA1, -SHA256 or -SHA384");
    // RFC 5246 §6.3: mac_key_length is the hash length.
    if (mac_key.size() != crypto::hash_length(mac))
        return make_error(Reason::internal_error, "TLS 1.2 CBC: MAC key is " + std::to_string(mac_key.size()) +
                                                      " bytes, expected " +
                                                      std::to_string(crypto::hash_length(mac)));
    if (enc_key.size() != 16 && enc_key.size() != 32)
        return make_error(Reason::internal_error, "TLS 1.2 CBC: encryption key is " +
                                                      std::to_string(enc_key.size()) + " bytes, expected 16 or 32");
    if (!random) return make_error(Reason::internal_error, "TLS 1.2 CBC: no random source for the explicit IVs");
    auto record_mac = crypto::RecordMac::create(mac, mac_key);
    if (!record_mac) return std::move(record_mac).error();
    return std::unique_ptr<Protection>(
        new Cbc12(std::move(*record_mac), enc_key, mode, std::move(random), first_sequence));
}

Result<std::unique_ptr<Protection>> make_cbc12(crypto::HashAlg mac, std::span<const std::uint8_t> mac_key,
                                               std::span<const std::uint8_t> enc_key, CbcMode mode,
                                               std::shared_ptr<RandomSource> random) {
    return make_cbc12_at(mac, mac_key, enc_key, mode, std::move(random), 0);
}

}  // namespace tlspp::record
