// record/record_layer.hpp: records in and out. Incoming bytes are split into
// records (the deframer) and unprotected; outgoing data is fragmented into
// records of at most 2^14 bytes and protected in place in the output buffer.
//
// Buffer policy (memory per connection against allocations per record):
// - Both buffers start empty and grow to what the bytes in flight need
//   (geometrically, never reserving a whole 2^14 + 2048 record up front).
// - A buffer "drains" when every byte in it has been consumed: the output
//   when consume_output() takes the last pending byte, the input when
//   next_incoming() finds nothing left after the records it returned.
// - At a drain, a buffer of more than `small_buffer` bytes of capacity
//   gives its memory back unless the traffic is a stream of large records:
//   the last `keep_after_large_drains` drains of that buffer (this one
//   included) each held more than `small_buffer` bytes. So a connection that
//   has finished its handshake, or that sent or received one large message
//   and went quiet, holds at most `small_buffer` bytes per direction, while
//   a bulk transfer reuses its buffers without allocating from its
//   `keep_after_large_drains`+1-th record on (zero allocations per record in
//   steady state). A small record after a bulk run releases the big buffer.
// - keep_after_large_drains = 0 always keeps the capacity (never releases,
//   like libssl's default); release_buffers() gives back the memory of the
//   drained buffers now, for a caller that knows the connection goes idle.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "record/protection.hpp"
#include "tlspp/observer.hpp"
#include "tlspp/result.hpp"
#include "tlspp/types.hpp"

namespace tlspp::record {

struct PlainRecord {
    ContentType type;
    std::uint16_t version;                  // from the record header
    std::span<const std::uint8_t> data;     // valid until the next call into the RecordLayer
};

// RecordObserver hears of each record as the layer writes or reads it, so an
// explainer shows the records that were on the wire: a flight the peer packed
// into one record, a message split over many (RecordEvent::length is the
// plaintext length of the record's fragment).
class RecordObserver {
public:
    virtual ~RecordObserver() = default;
    virtual void on_record(const RecordEvent& record) = 0;
};

class RecordLayer {
public:
    // set_observer reports every record framed or opened from now on to
    // `observer` (null: none). The observer must outlive the layer or be reset.
    void set_observer(RecordObserver* observer) { observer_ = observer; }

    // ---- incoming ----
    // feed appends received bytes.
    void feed(std::span<const std::uint8_t> bytes);

    // next_incoming returns the next whole record, unprotected, or nullopt if
    // more bytes are needed. Errors: record_overflow (length field above
    // 2^14+2048, or 2^14 for an unprotected record), bad_record_version (the
    // major version is not 3), unexpected_record_type (unknown content type),
    // record_authentication_failed, too_many_empty_records (more than
    // `max_empty_records` consecutive zero-length records: a DoS guard).
    Result<std::optional<PlainRecord>> next_incoming();

    // ---- received application data, kept in place ----
    // keep leaves `data` (the data of the record next_incoming() returned
    // last) in the input buffer for the caller to read later, instead of the
    // caller copying it out: the one copy of received plaintext is then the
    // one into the application's buffer. Kept data stays valid across feed()
    // and next_incoming(), which may move it: read it through kept_front().
    // While any is kept, the input buffer keeps it (and what follows it).
    void keep(std::span<const std::uint8_t> data);
    // kept_front is the oldest kept data not yet consumed (empty if none).
    std::span<const std::uint8_t> kept_front() const;
    // consume_kept drops the first `n` bytes of kept data (n ≤ kept_front().size()).
    void consume_kept(std::size_t n);
    std::size_t kept_bytes() const { return kept_total_; }

    // set_read_protection installs the peer's keys; records after the
    // current one are opened with it.
    void set_read_protection(std::unique_ptr<Protection> protection);
    bool read_protected() const { return read_ != nullptr; }
    // Bytes fed but not yet returned as records.
    std::size_t buffered_incoming() const;

    // ---- outgoing ----
    // write frames `data` as records of `type` (at most 2^14 plaintext bytes
    // each; handshake and application data may be split over records),
    // protects them if write protection is installed, and appends them to the
    // output. An empty `data` writes nothing (except for application_data,
    // where it also writes nothing).
    void write(ContentType type, std::span<const std::uint8_t> data);
    // write_each writes the pieces data[0, ends[0]), data[ends[0], ends[1]), ...
    // as write() would, one after another, each in records of its own (a
    // handshake flight: the explainer shows each message in its own records),
    // but grows the output buffer once for all of them.
    void write_each(ContentType type, std::span<const std::uint8_t> data, std::span<const std::size_t> ends);
    // reserve_output makes room for `n` more bytes of records, so that the
    // writes that follow (up to n bytes of records) do not grow the buffer one
    // by one. It does not change what is written. With nothing pending, the
    // buffer is made exactly n bytes (the last flight of a handshake: the
    // connection then idles on no more than that).
    void reserve_output(std::size_t n);
    // output_bytes is how many bytes write() appends for `plaintext` bytes
    // under the current write protection.
    std::size_t output_bytes(std::size_t plaintext) const;
    // record_bytes is the same for a single record (plaintext ≤ 2^14) under
    // `protection` (null: unprotected), e.g. keys about to be installed.
    static std::size_t record_bytes(const Protection* protection, std::size_t plaintext);
    void set_write_protection(std::unique_ptr<Protection> protection);
    bool write_protected() const { return write_ != nullptr; }
    // The version written in record headers: 0x0301 until the version is
    // known is common practice for the first ClientHello; 0x0303 after.
    void set_write_version(std::uint16_t version) { write_version_ = version; }
    void set_max_fragment(std::size_t n) { max_fragment_ = n; }

    std::span<const std::uint8_t> output() const;
    void consume_output(std::size_t n);

    // The connection sets this from Limits::max_empty_records (tlspp/limits.hpp).
    std::size_t max_empty_records = 32;

    // ---- buffers (see the policy at the top of this file) ----
    // Capacity a drained buffer may keep whatever the traffic.
    static constexpr std::size_t small_buffer = 1024;
    // Consecutive drains of more than small_buffer bytes after which a
    // buffer keeps its capacity; 0 = always keep.
    std::size_t keep_after_large_drains = 2;
    // release_buffers frees whichever buffer holds nothing pending. Views
    // from next_incoming() and output() are invalid afterwards.
    void release_buffers();
    // Bytes of buffer memory held (capacity of both buffers).
    std::size_t buffer_capacity() const { return in_.capacity() + out_.capacity(); }

    // Buffer is a byte vector that does not zero-fill what it grows by (the
    // framer writes every byte) and can give its memory back.
    class Buffer {
    public:
        std::uint8_t* data() { return data_.get(); }
        const std::uint8_t* data() const { return data_.get(); }
        std::size_t size() const { return size_; }
        std::size_t capacity() const { return capacity_; }
        // extend adds `n` bytes (uninitialised) at the end and returns them;
        // it reallocates only when the capacity is short.
        std::uint8_t* extend(std::size_t n);
        // reserve makes the capacity at least `n` bytes (exactly n if it grows).
        void reserve(std::size_t n);
        void drop_front(std::size_t n);   // moves the rest to the front
        void clear() { size_ = 0; }
        void release() {
            data_.reset();
            size_ = capacity_ = 0;
        }

    private:
        std::unique_ptr<std::uint8_t[]> data_;
        std::size_t size_ = 0;
        std::size_t capacity_ = 0;
    };

private:
    // drained applies the buffer policy to a buffer whose bytes are all consumed.
    void drained(Buffer& buf, std::size_t& start, std::size_t& large_drains);
    // make_room returns how many bytes it dropped from the front of `buf`;
    // bytes from `keep_from` (≤ start) on are never dropped.
    std::size_t make_room(Buffer& buf, std::size_t& start, std::size_t& large_drains, std::size_t extra,
                          std::size_t keep_from);
    // The offset in in_ before which nothing is kept or unconsumed.
    std::size_t input_floor() const;
    // frame writes `data` as records of `type` at `record`, which has room
    // for output_bytes(data.size()) bytes, and returns the end.
    std::uint8_t* frame(std::uint8_t* record, ContentType type, std::span<const std::uint8_t> data);
    // The most plaintext one outgoing record carries (2^14, or less if negotiated).
    std::size_t fragment_limit() const;
    void drain_input_if_done();

    // Incoming: bytes in [in_start_, in_.size()) are not yet consumed.
    Buffer in_;
    std::size_t in_start_ = 0;
    std::uint64_t in_base_ = 0;   // stream position of in_.data()[0] (kept data is located by position)
    // Kept application data, oldest first: [kept_head_, kept_.size()). The
    // vector is cleared (not freed) when empty, so steady state does not allocate.
    struct Kept {
        std::uint64_t position;
        std::size_t length;
    };
    std::vector<Kept> kept_;
    std::size_t kept_head_ = 0;
    std::size_t kept_total_ = 0;
    std::size_t in_large_drains_ = 0;
    std::unique_ptr<Protection> read_;
    std::size_t empty_records_ = 0;
    // Outgoing: bytes in [out_start_, out_.size()) are pending.
    Buffer out_;
    std::size_t out_start_ = 0;
    std::size_t out_large_drains_ = 0;
    std::unique_ptr<Protection> write_;
    std::uint16_t write_version_ = 0x0303;
    std::size_t max_fragment_ = max_plaintext;
    RecordObserver* observer_ = nullptr;
};

}  // namespace tlspp::record
