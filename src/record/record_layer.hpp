// record/record_layer.hpp: records in and out. Incoming bytes are split into
// records (the deframer) and unprotected; outgoing data is fragmented into
// records of at most 2^14 bytes and protected in place in the output buffer.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "record/protection.hpp"
#include "tlspp/result.hpp"
#include "tlspp/types.hpp"

namespace tlspp::record {

struct PlainRecord {
    ContentType type;
    std::uint16_t version;                  // from the record header
    std::span<const std::uint8_t> data;     // valid until the next call into the RecordLayer
};

class RecordLayer {
public:
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
    void set_write_protection(std::unique_ptr<Protection> protection);
    bool write_protected() const { return write_ != nullptr; }
    // The version written in record headers: 0x0301 until the version is
    // known is common practice for the first ClientHello; 0x0303 after.
    void set_write_version(std::uint16_t version) { write_version_ = version; }
    void set_max_fragment(std::size_t n) { max_fragment_ = n; }

    std::span<const std::uint8_t> output() const;
    void consume_output(std::size_t n);

    std::size_t max_empty_records = 32;

private:
    // Incoming: bytes in [in_start_, in_.size()) are not yet consumed.
    std::vector<std::uint8_t> in_;
    std::size_t in_start_ = 0;
    std::unique_ptr<Protection> read_;
    std::size_t empty_records_ = 0;
    // Outgoing: bytes in [out_start_, out_.size()) are pending.
    std::vector<std::uint8_t> out_;
    std::size_t out_start_ = 0;
    std::unique_ptr<Protection> write_;
    std::uint16_t write_version_ = 0x0303;
    std::size_t max_fragment_ = max_plaintext;
};

}  // namespace tlspp::record
