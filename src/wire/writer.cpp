#include "wire/writer.hpp"

#include <cstdio>
#include <cstdlib>

namespace tlspp::wire {

Writer::Block::Block(std::vector<std::uint8_t>& out, std::size_t prefix_len)
    : out_(out), start_(out.size()), prefix_len_(prefix_len) {
    out_.resize(out_.size() + prefix_len_);
}

Writer::Block::~Block() {
    std::size_t len = out_.size() - start_ - prefix_len_;
    // A block longer than its prefix can say is a bug in the encoder, not
    // peer input; writing the length modulo 2^(8·prefix) would send a message
    // that means something else. So it stops the process, in every build (an
    // assert would vanish under NDEBUG), as Step::send_finished does.
    if (len >= (std::size_t{1} << (8 * prefix_len_))) {
        std::fprintf(stderr, "tlspp: wire::Writer: a %zu-byte length prefix cannot hold a block of %zu bytes\n",
                     prefix_len_, len);
        std::abort();
    }
    for (std::size_t i = 0; i < prefix_len_; ++i)
        out_[start_ + prefix_len_ - 1 - i] = static_cast<std::uint8_t>(len >> (8 * i));
}

}  // namespace tlspp::wire
