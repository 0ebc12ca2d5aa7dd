// handshake/reassembler.cpp: handshake messages out of handshake records.
//
// RFC 5246 §6.2.1: "...multiple client messages of the same ContentType MAY
// be coalesced into a single TLSPlaintext record, or a single message MAY be
// fragmented across several records". So record boundaries mean nothing here:
// records are appended to one buffer and messages are cut out of it by their
// 4-byte header (RFC 5246 §7.4: msg_type(1) length(3)).
//
// Each header is checked once, the moment its fourth byte arrives (in feed),
// so an oversized length is refused before any more of its body is buffered,
// and the bytes of the incomplete message at the end are counted against the
// buffering limit after each record.
// The buffer is compacted lazily, as in the record layer: dropped for free when
// everything has been handed out, moved only when it would otherwise grow.
#include "handshake/reassembler.hpp"

#include <algorithm>
#include <string>

#include "msg/client_hello.hpp"

namespace tlspp::handshake {

namespace {

constexpr std::size_t header_length = 4;

std::size_t body_length(const std::uint8_t* header) {
    return static_cast<std::size_t>(header[1]) << 16 | static_cast<std::size_t>(header[2]) << 8 | header[3];
}

// RFC 5246 names no alert for a message longer than an implementation takes;
// OpenSSL and BoringSSL both send illegal_parameter (SSL_R_EXCESSIVE_MESSAGE_SIZE),
// and so do we: the length is well-formed, its value is refused.
Error too_long(std::uint8_t type, std::size_t length, std::size_t max, const char* field) {
    return make_error(Reason::excessive_message_size, "handshake message type " + std::to_string(type) +
                                                          ": length " + std::to_string(length) + ", limit " +
                                                          std::to_string(max) + " (Limits::" + field + ")");
}

}  // namespace

Status Reassembler::check_length(const std::uint8_t* header) const {
    const std::size_t length = body_length(header);
    if (header[0] != static_cast<std::uint8_t>(HandshakeType::client_hello) || !server_) {
        if (length > max_) return too_long(header[0], length, max_, "max_handshake_message_size");
        return {};
    }
    // RFC 5246 §7.4.1.2: no ClientHello is longer than its vectors allow, so
    // a longer one is malformed (trailing bytes at best): decode_error,
    // refused before its body is buffered.
    if (length > msg::max_client_hello_length)
        return make_error(Reason::length_out_of_range,
                          "ClientHello: length " + std::to_string(length) + ", longer than the " +
                              std::to_string(msg::max_client_hello_length) +
                              " bytes a well-formed ClientHello can have (RFC 5246 §7.4.1.2)");
    if (length > max_client_hello_) return too_long(header[0], length, max_client_hello_, "max_client_hello_size");
    return {};
}

Status Reassembler::feed(std::span<const std::uint8_t> record_data) {
    // RFC 5246 §6.2.1: "Implementations MUST NOT send zero-length fragments of
    // Handshake, Alert, or ChangeCipherSpec content types."
    if (record_data.empty()) return make_error(Reason::invalid_encoding, "handshake record: empty");

    if (start_ == buf_.size()) {
        buf_.clear();
        start_ = 0;
        scanned_ = 0;
    } else if (start_ > 0 && buf_.size() + record_data.size() > buf_.capacity()) {
        buf_.erase(buf_.begin(), buf_.begin() + static_cast<std::ptrdiff_t>(start_));
        scanned_ -= start_;
        start_ = 0;
    }
    buf_.insert(buf_.end(), record_data.begin(), record_data.end());

    // Walk the headers that are now complete. scanned_ is the offset of the
    // first message whose header has not been seen whole yet; everything
    // before it is messages (possibly still incomplete) already checked.
    while (scanned_ + header_length <= buf_.size()) {
        const std::uint8_t* header = buf_.data() + scanned_;
        if (auto ok = check_length(header); !ok) return ok;
        const std::size_t length = body_length(header);
        if (buf_.size() - scanned_ - header_length < length) break;
        scanned_ += header_length + length;
    }
    // Everything from scanned_ on belongs to messages not yet complete: that
    // is what a slow peer makes us hold (whole messages are taken out by the
    // caller right after this feed).
    if (const std::size_t incomplete = buf_.size() - scanned_; incomplete > max_buffered_)
        return make_error(Reason::excessive_message_size,
                          "handshake data: " + std::to_string(incomplete) +
                              " bytes of incomplete messages buffered, limit " + std::to_string(max_buffered_) +
                              " (Limits::max_buffered_handshake_bytes)");
    return {};
}

Result<std::optional<Message>> Reassembler::next() {
    const std::size_t available = buf_.size() - start_;
    if (available < header_length) return std::optional<Message>();
    const std::uint8_t* header = buf_.data() + start_;
    // feed() has already refused this, but a caller that kept going after that
    // error must still not be handed an oversized message.
    if (auto ok = check_length(header); !ok) return std::move(ok).error();
    const std::size_t length = body_length(header);
    if (available - header_length < length) return std::optional<Message>();

    std::span<const std::uint8_t> encoded(header, header_length + length);
    start_ += encoded.size();
    return std::optional<Message>(
        Message{static_cast<HandshakeType>(header[0]), encoded.subspan(header_length), encoded});
}

}  // namespace tlspp::handshake
