#include "handshake/transcript.hpp"

#include <cassert>

namespace tlspp::handshake {

void Transcript::add(std::span<const std::uint8_t> encoded) {
    if (hash_) hash_->update(encoded);
    if (!hash_ || keep_) buffer_.insert(buffer_.end(), encoded.begin(), encoded.end());
}

void Transcript::start_hash(crypto::HashAlg alg) {
    assert(!hash_);
    hash_.emplace(alg);
    hash_->update(buffer_);
    if (!keep_) {
        buffer_.clear();
        buffer_.shrink_to_fit();
    }
}

TranscriptHash Transcript::hash() const {
    // Before the hash is chosen there is nothing a Finished could be checked
    // against; the state machine rejects such a message as unexpected.
    TranscriptHash h;
    if (hash_) h.size_ = hash_->digest_to(h.bytes_);
    return h;
}

}  // namespace tlspp::handshake
