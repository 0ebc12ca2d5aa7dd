// handshake/transcript.hpp: the running hash of the handshake messages.
// Fed in one place (the connection core) with each message's exact bytes.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "crypto/hash.hpp"

namespace tlspp::handshake {

// TranscriptHash is a transcript hash held by value: at most SHA-512's 64
// bytes, so taking one (for each Finished, the session hash, ...) allocates
// nothing. Empty before the hash is chosen.
class TranscriptHash {
public:
    static constexpr std::size_t max_length = 64;

    std::span<const std::uint8_t> view() const { return {bytes_.data(), size_}; }
    operator std::span<const std::uint8_t>() const { return view(); }
    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }

private:
    friend class Transcript;
    std::array<std::uint8_t, max_length> bytes_{};
    std::size_t size_ = 0;
};

class Transcript {
public:
    // add appends a whole encoded message (header and body). Until the hash
    // is chosen (TLS 1.2: by the cipher suite in ServerHello) messages are
    // buffered.
    void add(std::span<const std::uint8_t> encoded);

    // start_hash chooses the hash and hashes what is buffered.
    void start_hash(crypto::HashAlg alg);
    bool hash_started() const { return hash_.has_value(); }
    // start_hash_after_retry is start_hash for a handshake with a
    // HelloRetryRequest (RFC 8446 §4.4.1): the first buffered message
    // (ClientHello1) is replaced by message_hash = 254 || 00 00 Hash.length ||
    // Hash(ClientHello1), then the rest of the buffer (the HelloRetryRequest,
    // if it was added already) is hashed after it.
    void start_hash_after_retry(crypto::HashAlg alg);

    // keep_messages keeps every message's bytes (TLS 1.2 CertificateVerify
    // signs the messages themselves, RFC 5246 §7.4.8). Must be called before
    // start_hash to keep the earlier ones too.
    void keep_messages() { keep_ = true; }
    std::span<const std::uint8_t> messages() const { return buffer_; }

    // hash returns the hash of every message added so far, or nothing before start_hash.
    TranscriptHash hash() const;

private:
    std::optional<crypto::Hash> hash_;
    std::vector<std::uint8_t> buffer_;
    bool keep_ = false;
};

}  // namespace tlspp::handshake
