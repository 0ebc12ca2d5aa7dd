// tlspp/limits.hpp: how much a peer may make one connection hold or do
// before it is refused. Each bound is a DoS guard: the RFCs allow far more
// (a 16 MiB handshake message, endless warning alerts), so a peer that sends
// it costs us memory or CPU and itself nothing. The defaults sit well above
// what real clients and servers send, and never below what a well-formed
// ClientHello may be; every limit ends the connection with a Reason of its
// own and the alert named below.
#pragma once

#include <cstddef>

namespace tlspp {

struct Limits {
    // The largest handshake message body accepted (RFC 5246 §7.4: up to
    // 2^24-1), the ClientHello aside (below). Refused as soon as the 4-byte
    // header is in, before the body is buffered: excessive_message_size, sent
    // as illegal_parameter, which is what OpenSSL (read_state_machine) and
    // BoringSSL (parse_message) send for SSL_R_EXCESSIVE_MESSAGE_SIZE. It also
    // bounds the bytes of a certificate chain, which travels in one
    // Certificate message. Raising it takes raising
    // max_buffered_handshake_bytes too.
    std::size_t max_handshake_message_size = 64 * 1024;

    // The largest ClientHello body a server accepts. RFC 5246 §7.4.1.2's
    // vectors (session_id<0..32>, cipher_suites<2..2^16-2>,
    // compression_methods<1..2^8-1>, extensions<0..2^16-1>) let a well-formed
    // body reach 131,396 bytes, OpenSSL's CLIENT_HELLO_MAX_LENGTH; the default
    // admits every one of them (design.md: limits protect without refusing
    // what the protocol allows). A lower value refuses bigger ones with
    // excessive_message_size (illegal_parameter). A length beyond 131,396
    // cannot be a well-formed ClientHello and is decode_error whatever this is.
    std::size_t max_client_hello_size = 131'396;

    // The most bytes of not-yet-complete handshake messages held at once
    // (header included): the memory a peer can pin by starting a message and
    // sending the rest slowly. The default holds one message of the largest
    // size, a ClientHello of max_client_hello_size; a smaller value caps the
    // memory of a half-done handshake below that and refuses, with
    // excessive_message_size too, a message that needs more.
    std::size_t max_buffered_handshake_bytes = 131'396 + 4;

    // The most certificates in a Certificate message, leaf included, in either
    // role. Real chains have 2 to 4; each extra one is parsed and offered to
    // path building. certificate_chain_too_long, sent as bad_certificate:
    // the list itself is refused before any trust decision (OpenSSL's
    // unknown_ca is for a verify depth exceeded while building the path).
    std::size_t max_certificate_chain_length = 10;

    // There is no count of ClientHello cipher suites or extensions: both
    // lists are bounded by max_client_hello_size, every step over them is
    // linear (duplicate extensions are found with a bitset), and unknown
    // entries MUST be ignored (RFC 5246 §7.4.1.2, §7.4.1.4).

    // The most consecutive empty records (only application data may be
    // empty, RFC 5246 §6.2.1): too_many_empty_records, unexpected_message.
    unsigned max_empty_records = 32;

    // The most consecutive warning alerts (RFC 5246 §7.2: warnings may be
    // ignored, so a peer can send them forever): too_many_warnings,
    // unexpected_message. The default of 4 makes the fifth fatal, as in
    // OpenSSL since CVE-2016-8610 (MAX_WARN_ALERT_COUNT 5); as there, any
    // non-empty record other than an alert starts the count again.
    unsigned max_warning_alerts = 4;

    // The most consecutive records that move nothing forward: a handshake
    // fragment that completes no message, a HelloRequest, a renegotiation
    // attempt after the handshake, a warning alert, an empty record. A peer
    // trickling a message one byte per record, or repeating a message we
    // ignore, is dropped with too_many_records_without_progress,
    // unexpected_message. The default lets a message of up to 4 KiB (a large
    // ClientHello, a typical chain) come in one-byte records, which RFC 5246
    // §6.2.1 allows and fragmentation test suites send; the largest
    // ClientHello (131,400 bytes with its header) in the smallest fragments a
    // peer may ask for (512 bytes, RFC 6066 §4) takes 257. Each such record
    // costs us a record's work, so the bound is what keeps the work per
    // connection finite, not a tight budget.
    unsigned max_records_without_progress = 4096;
};

}  // namespace tlspp
