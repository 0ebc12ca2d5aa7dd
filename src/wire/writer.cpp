#include "wire/writer.hpp"

#include <cassert>

namespace tlspp::wire {

Writer::Block::Block(std::vector<std::uint8_t>& out, std::size_t prefix_len)
    : out_(out), start_(out.size()), prefix_len_(prefix_len) {
    out_.resize(out_.size() + prefix_len_);
}

Writer::Block::~Block() {
    std::size_t len = out_.size() - start_ - prefix_len_;
    // A block longer than its prefix can say is a bug in the encoder, not peer input.
    assert(len < (std::size_t{1} << (8 * prefix_len_)));
    for (std::size_t i = 0; i < prefix_len_; ++i)
        out_[start_ + prefix_len_ - 1 - i] = static_cast<std::uint8_t>(len >> (8 * i));
}

}  // namespace tlspp::wire
