// handshake/transcript.hpp: the running hash of the handshake messages.
// Fed in one place (the connection core) with each message's exact bytes.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "crypto/hash.hpp"

namespace tlspp::handshake {

class Transcript {
public:
    // add appends a whole encoded message (header and body). Until the hash
    // is chosen (TLS 1.2: by the cipher suite in ServerHello) messages are
    // buffered.
    void add(std::span<const std::uint8_t> encoded);

    // start_hash chooses the hash and hashes what is buffered.
    void start_hash(crypto::HashAlg alg);
    bool hash_started() const { return hash_.has_value(); }

    // keep_messages keeps every message's bytes (TLS 1.2 CertificateVerify
    // signs the messages themselves, RFC 5246 §7.4.8). Must be called before
    // start_hash to keep the earlier ones too.
    void keep_messages() { keep_ = true; }
    std::span<const std::uint8_t> messages() const { return buffer_; }

    // hash returns the hash of every message added so far, or nothing before start_hash.
    crypto::Bytes hash() const;

private:
    std::optional<crypto::Hash> hash_;
    std::vector<std::uint8_t> buffer_;
    bool keep_ = false;
};

}  // namespace tlspp::handshake
