// handshake/reassembler.hpp: whole handshake messages out of handshake records
// (RFC 5246 §6.2.1: a message may span records, a record may hold several).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "tlspp/limits.hpp"
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
    // The limits used are max_handshake_message_size, max_buffered_handshake_bytes
    // and, when `server` (the side that receives ClientHellos), max_client_hello_size
    // for ClientHellos; a client holds a ClientHello to the general cap.
    explicit Reassembler(const Limits& limits = {}, bool server = false)
        : max_(limits.max_handshake_message_size),
          max_client_hello_(server ? limits.max_client_hello_size : limits.max_handshake_message_size),
          server_(server),
          max_buffered_(limits.max_buffered_handshake_bytes) {}

    // feed appends the data of one handshake record. An empty record is
    // invalid (RFC 5246 §6.2.1: "Implementations MUST NOT send zero-length
    // fragments of Handshake ... content types") and fails with invalid_encoding.
    // A message whose length field exceeds its cap (max_handshake_message_size,
    // or max_client_hello_size for a server's ClientHello) fails with
    // excessive_message_size (illegal_parameter) as soon as its header is in,
    // without buffering its body; so does data that leaves more than
    // max_buffered_handshake_bytes of incomplete messages buffered. A server's
    // ClientHello longer than any well-formed one (msg::max_client_hello_length)
    // fails with length_out_of_range (decode_error).
    Status feed(std::span<const std::uint8_t> record_data);

    // next returns the next whole message (valid until the next call), or
    // nullopt when more data is needed.
    Result<std::optional<Message>> next();

    // aligned says no partial message is buffered: the point where keys may
    // change (RFC 8446 §5.1; the same rule protects CCS in TLS 1.2).
    bool aligned() const { return start_ == buf_.size(); }

private:
    // check_length refuses a header whose length no message of its type may have.
    Status check_length(const std::uint8_t* header) const;

    std::vector<std::uint8_t> buf_;
    std::size_t start_ = 0;
    std::size_t scanned_ = 0;  // offset of the first incomplete message; all headers before it are checked
    std::size_t max_;
    std::size_t max_client_hello_;
    bool server_;
    std::size_t max_buffered_;
};

}  // namespace tlspp::handshake
