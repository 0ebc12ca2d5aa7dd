// handshake/reassembler.hpp: whole handshake messages out of handshake records
// (RFC 5246 §6.2.1: a message may span records, a record may hold several).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "tlspp/result.hpp"
#include "tlspp/types.hpp"

namespace tlspp::handshake {

struct Message {
    HandshakeType type;
    std::span<const std::uint8_t> body;      // without the 4-byte header
    std::span<const std::uint8_t> encoded;   // header + body: what the transcript hashes
};

class Reassembler {
public:
    explicit Reassembler(std::size_t max_message_size = 64 * 1024) : max_(max_message_size) {}

    // feed appends the data of one handshake record. An empty record is
    // invalid (RFC 5246 §6.2.1: "Implementations MUST NOT send zero-length
    // fragments of Handshake ... content types") and fails with invalid_encoding.
    Status feed(std::span<const std::uint8_t> record_data);

    // next returns the next whole message (valid until the next call), or
    // nullopt when more data is needed. A message whose length field exceeds
    // the maximum fails with length_out_of_range (decode_error) as soon as the
    // header is seen, without buffering it.
    Result<std::optional<Message>> next();

    // aligned says no partial message is buffered: the point where keys may
    // change (RFC 8446 §5.1; the same rule protects CCS in TLS 1.2).
    bool aligned() const { return start_ == buf_.size(); }

private:
    std::vector<std::uint8_t> buf_;
    std::size_t start_ = 0;
    std::size_t scanned_ = 0;  // offset of the first incomplete message; all headers before it are checked
    std::size_t max_;
};

}  // namespace tlspp::handshake
