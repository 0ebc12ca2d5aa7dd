// record/record_layer.cpp: the deframer and the framer (RFC 5246 §6.2).
//
// Incoming records are opened in place in the input buffer and handed out as
// views; outgoing records are written straight into the output buffer and
// sealed there. Both buffers are compacted lazily: consumed bytes at the
// front are dropped for free when everything is consumed, and moved only when
// the buffer would otherwise have to grow. When a buffer drains, the policy in
// record_layer.hpp decides whether it keeps its memory. In steady state
// neither direction allocates or copies more than once per record.
#include "record/record_layer.hpp"

#include <algorithm>
#include <cstring>
#include <string>

namespace tlspp::record {

namespace {

// RFC 5246 §6.2.1: the content types this version defines.
bool known_content_type(std::uint8_t type) {
    switch (static_cast<ContentType>(type)) {
    case ContentType::change_cipher_spec:
    case ContentType::alert:
    case ContentType::handshake:
    case ContentType::application_data: return true;
    }
    return false;
}

}  // namespace

// ---- buffers ----

std::uint8_t* RecordLayer::Buffer::extend(std::size_t n) {
    if (size_ + n > capacity_) {
        // Grow geometrically so a caller feeding many small pieces stays linear.
        const std::size_t capacity = std::max(size_ + n, 2 * capacity_);
        // make_unique_for_overwrite: no zero-fill; every byte is written before it is read.
        auto bigger = std::make_unique_for_overwrite<std::uint8_t[]>(capacity);
        if (size_ > 0) std::memcpy(bigger.get(), data_.get(), size_);
        data_ = std::move(bigger);
        capacity_ = capacity;
    }
    std::uint8_t* at = data_.get() + size_;
    size_ += n;
    return at;
}

void RecordLayer::Buffer::reserve(std::size_t n) {
    if (n <= capacity_) return;
    auto bigger = std::make_unique_for_overwrite<std::uint8_t[]>(n);
    if (size_ > 0) std::memcpy(bigger.get(), data_.get(), size_);
    data_ = std::move(bigger);
    capacity_ = n;
}

void RecordLayer::Buffer::drop_front(std::size_t n) {
    n = std::min(n, size_);
    if (n < size_) std::memmove(data_.get(), data_.get() + n, size_ - n);
    size_ -= n;
}

void RecordLayer::drained(Buffer& buf, std::size_t& start, std::size_t& large_drains) {
    if (buf.size() == 0) return;   // already accounted for
    if (buf.size() > small_buffer)
        ++large_drains;
    else
        large_drains = 0;
    const bool keep = keep_after_large_drains == 0 || large_drains >= keep_after_large_drains ||
                      buf.capacity() <= small_buffer;
    if (keep)
        buf.clear();
    else
        buf.release();
    start = 0;
}

// make_room makes `buf` able to take `extra` more bytes after `start` without
// reallocating if it can: consumed bytes are dropped for free when nothing is
// pending, and the pending tail is moved to the front only when the buffer
// would otherwise grow.
std::size_t RecordLayer::make_room(Buffer& buf, std::size_t& start, std::size_t& large_drains, std::size_t extra,
                                   std::size_t keep_from) {
    const std::size_t size = buf.size();
    if (start == size && keep_from == start) {
        drained(buf, start, large_drains);
        return size;
    }
    if (keep_from > 0 && buf.size() + extra > buf.capacity()) {
        buf.drop_front(keep_from);
        start -= keep_from;
        return keep_from;
    }
    return 0;
}

std::size_t RecordLayer::input_floor() const {
    if (kept_head_ == kept_.size()) return in_start_;
    return static_cast<std::size_t>(kept_[kept_head_].position - in_base_);
}

void RecordLayer::drain_input_if_done() {
    if (in_start_ != in_.size() || kept_total_ != 0) return;
    in_base_ += in_.size();
    drained(in_, in_start_, in_large_drains_);
}

void RecordLayer::release_buffers() {
    if (in_start_ == in_.size() && kept_total_ == 0) {
        in_base_ += in_.size();
        in_.release();
        in_start_ = 0;
    }
    if (out_start_ == out_.size()) {
        out_.release();
        out_start_ = 0;
    }
}

// ---- incoming ----

void RecordLayer::feed(std::span<const std::uint8_t> bytes) {
    if (bytes.empty()) return;
    in_base_ += make_room(in_, in_start_, in_large_drains_, bytes.size(), input_floor());
    std::memcpy(in_.extend(bytes.size()), bytes.data(), bytes.size());
}

std::size_t RecordLayer::buffered_incoming() const { return in_.size() - in_start_; }

Result<std::optional<PlainRecord>> RecordLayer::next_incoming() {
    const std::size_t available = in_.size() - in_start_;
    if (available < header_length) {
        // Every record handed out has been used (the views lapse with this
        // call): let the buffer policy decide whether the buffer stays.
        if (available == 0) drain_input_if_done();
        return std::optional<PlainRecord>();
    }
    const std::uint8_t* header = in_.data() + in_start_;

    // The header is checked as soon as it is in, so a bogus length never makes
    // us wait for (and buffer) up to 64 KiB of body.
    if (!known_content_type(header[0]))
        return make_error(Reason::unexpected_record_type,
                          "record: unknown content type " + std::to_string(header[0]));
    const std::uint16_t version = static_cast<std::uint16_t>(header[1] << 8 | header[2]);
    // Only the major byte is checked here: RFC 5246 Appendix E.1: "TLS clients
    // that wish to negotiate with older servers MAY send any value {03,XX} as
    // the record layer version number." Matching the negotiated version is the
    // connection's business.
    if (header[1] != 3)
        return make_error(Reason::bad_record_version, "record: version " + std::to_string(header[1]) + "." +
                                                          std::to_string(header[2]) + ", major must be 3");
    const std::size_t length = static_cast<std::size_t>(header[3] << 8 | header[4]);
    const auto type = static_cast<ContentType>(header[0]);
    // RFC 8446 §5: under TLS 1.3 protection an unprotected ChangeCipherSpec
    // may still come (middlebox compatibility); it is handed on unopened and
    // the state machine decides whether it may.
    const bool opened = read_ && !(type == ContentType::change_cipher_spec && read_->hides_content_type());
    // RFC 5246 §6.2.1: "The length MUST NOT exceed 2^14." §6.2.3: "The length
    // MUST NOT exceed 2^14 + 2048." RFC 8446 §5.2: 2^14 + 256 for TLS 1.3.
    // All end in record_overflow (RFC 5246 §7.2.2, RFC 8446 §5.2).
    const std::size_t limit = opened ? read_->max_ciphertext() : max_plaintext;
    if (length > limit)
        return make_error(Reason::record_overflow,
                          "record: length " + std::to_string(length) + ", limit " + std::to_string(limit));
    if (available < header_length + length) return std::optional<PlainRecord>();

    std::span<std::uint8_t> fragment(in_.data() + in_start_ + header_length, length);
    in_start_ += header_length + length;

    std::span<const std::uint8_t> data = fragment;
    ContentType inner = type;
    if (opened) {
        auto plain = read_->open(type, version, fragment);
        if (!plain) return std::move(plain).error();
        data = plain->plaintext;
        inner = plain->type;   // TLS 1.3: the type inside the record (RFC 8446 §5.2)
    }
    if (observer_) observer_->on_record(RecordEvent{Direction::received, inner, data.size(), opened});

    // Empty records are legal for some types, but an endless stream of them
    // costs us work and the peer nothing; cap how many may come in a row.
    if (data.empty()) {
        if (++empty_records_ > max_empty_records)
            return make_error(Reason::too_many_empty_records,
                              "record: more than " + std::to_string(max_empty_records) + " empty records in a row");
    } else {
        empty_records_ = 0;
    }
    return std::optional<PlainRecord>(PlainRecord{inner, version, data});
}

// ---- kept application data ----

void RecordLayer::keep(std::span<const std::uint8_t> data) {
    if (data.empty()) return;
    kept_.push_back({in_base_ + static_cast<std::uint64_t>(data.data() - in_.data()), data.size()});
    kept_total_ += data.size();
}

std::span<const std::uint8_t> RecordLayer::kept_front() const {
    if (kept_head_ == kept_.size()) return {};
    const Kept& k = kept_[kept_head_];
    return {in_.data() + (k.position - in_base_), k.length};
}

void RecordLayer::consume_kept(std::size_t n) {
    while (n > 0 && kept_head_ < kept_.size()) {
        Kept& k = kept_[kept_head_];
        const std::size_t take = std::min(n, k.length);
        k.position += take;
        k.length -= take;
        kept_total_ -= take;
        n -= take;
        if (k.length == 0) ++kept_head_;
    }
    if (kept_head_ == kept_.size()) {
        kept_.clear();
        kept_head_ = 0;
        // Everything received is now used: the buffer policy applies.
        drain_input_if_done();
    }
}

void RecordLayer::set_read_protection(std::unique_ptr<Protection> protection) {
    if (protection) protection->dedicate(Use::open);
    read_ = std::move(protection);
}

// ---- outgoing ----

std::size_t RecordLayer::record_bytes(const Protection* protection, std::size_t plaintext) {
    if (!protection) return header_length + plaintext;
    return header_length + protection->prefix_length() + plaintext + protection->suffix_length(plaintext);
}

std::size_t RecordLayer::fragment_limit() const {
    return max_fragment_ == 0 || max_fragment_ > max_plaintext ? max_plaintext : max_fragment_;
}

std::size_t RecordLayer::output_bytes(std::size_t plaintext) const {
    // The suffix may depend on each record's plaintext length (CBC padding,
    // RFC 5246 §6.2.3.2), so the total is summed record by record: the full
    // fragments all share one length, the last one may differ.
    const std::size_t limit = fragment_limit();
    const std::size_t full_records = plaintext / limit;
    const std::size_t last = plaintext % limit;
    std::size_t total = full_records * record_bytes(write_.get(), limit);
    if (last > 0) total += record_bytes(write_.get(), last);
    return total;
}

std::uint8_t* RecordLayer::frame(std::uint8_t* record, ContentType type, std::span<const std::uint8_t> data) {
    const std::size_t limit = fragment_limit();
    while (!data.empty()) {
        const std::size_t n = std::min(data.size(), limit);
        const std::size_t length = record_bytes(write_.get(), n) - header_length;
        record[0] = static_cast<std::uint8_t>(type);
        record[1] = static_cast<std::uint8_t>(write_version_ >> 8);
        record[2] = static_cast<std::uint8_t>(write_version_);
        record[3] = static_cast<std::uint8_t>(length >> 8);
        record[4] = static_cast<std::uint8_t>(length);
        // Protected, the plaintext is sealed straight from the caller's bytes
        // into the record (an AEAD writes the ciphertext there, no copy first).
        if (write_)
            write_->seal_from(std::span<std::uint8_t>(record, header_length + length), data.first(n));
        else
            std::memcpy(record + header_length, data.data(), n);
        if (observer_) observer_->on_record(RecordEvent{Direction::sent, type, n, write_ != nullptr});
        record += header_length + length;
        data = data.subspan(n);
    }
    return record;
}

void RecordLayer::write(ContentType type, std::span<const std::uint8_t> data) {
    if (data.empty()) return;
    const std::size_t total = output_bytes(data.size());
    make_room(out_, out_start_, out_large_drains_, total, out_start_);
    // extend() does not zero-fill; within capacity it does not allocate.
    // Every byte is written by frame(): the header, then the body (plaintext, or sealed by seal_from()).
    frame(out_.extend(total), type, data);
}

void RecordLayer::write_each(ContentType type, std::span<const std::uint8_t> data, std::span<const std::size_t> ends) {
    std::size_t total = 0, begin = 0;
    for (std::size_t end : ends) {
        total += output_bytes(end - begin);
        begin = end;
    }
    if (total == 0) return;
    make_room(out_, out_start_, out_large_drains_, total, out_start_);
    std::uint8_t* record = out_.extend(total);
    begin = 0;
    for (std::size_t end : ends) {
        record = frame(record, type, data.subspan(begin, end - begin));
        begin = end;
    }
}

void RecordLayer::reserve_output(std::size_t n) {
    make_room(out_, out_start_, out_large_drains_, n, out_start_);
    // Nothing pending: the buffer is sized for these writes alone. A larger
    // one kept from an earlier flight (up to small_buffer) is given back, so
    // that a connection goes idle holding what its last writes needed.
    if (out_.size() == 0 && out_.capacity() > n) out_.release();
    out_.reserve(out_.size() + n);
}

void RecordLayer::set_write_protection(std::unique_ptr<Protection> protection) {
    if (protection) protection->dedicate(Use::seal);
    write_ = std::move(protection);
}

std::span<const std::uint8_t> RecordLayer::output() const {
    return std::span<const std::uint8_t>(out_.data() + out_start_, out_.size() - out_start_);
}

void RecordLayer::consume_output(std::size_t n) {
    out_start_ += std::min(n, out_.size() - out_start_);
    // Everything sent: start over at the front without moving anything, and
    // keep or give back the memory as the buffer policy says.
    if (out_start_ == out_.size()) drained(out_, out_start_, out_large_drains_);
}

}  // namespace tlspp::record
