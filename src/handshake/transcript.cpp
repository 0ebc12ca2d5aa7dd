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

void Transcript::start_hash_after_retry(crypto::HashAlg alg) {
    assert(!hash_ && buffer_.size() >= 4);
    // The first message's length from its handshake header (type, uint24 length).
    const std::size_t first = 4 + (std::size_t{buffer_[1]} << 16 | std::size_t{buffer_[2]} << 8 | buffer_[3]);
    assert(first <= buffer_.size());
    crypto::Hash h1(alg);
    h1.update(std::span<const std::uint8_t>(buffer_).first(first));
    std::array<std::uint8_t, TranscriptHash::max_length> digest{};
    const std::size_t n = h1.digest_to(digest);
    const std::array<std::uint8_t, 4> header{254, 0, 0, static_cast<std::uint8_t>(n)};
    std::vector<std::uint8_t> rest(buffer_.begin() + static_cast<std::ptrdiff_t>(first), buffer_.end());
    buffer_.assign(header.begin(), header.end());
    buffer_.insert(buffer_.end(), digest.begin(), digest.begin() + static_cast<std::ptrdiff_t>(n));
    buffer_.insert(buffer_.end(), rest.begin(), rest.end());
    start_hash(alg);
}

TranscriptHash Transcript::hash() const {
    // Before the hash is chosen there is nothing a Finished could be checked
    // against; the state machine rejects such a message as unexpected.
    TranscriptHash h;
    if (hash_) h.size_ = hash_->digest_to(h.bytes_);
    return h;
}

}  // namespace tlspp::handshake
