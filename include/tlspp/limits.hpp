// tlspp/limits.hpp: how much a peer may make one connection hold or do
// before it is refused. Each bound is a DoS guard: the RFCs allow far more
// (a 16 MiB handshake message, 32767 cipher suites, endless warning alerts),
// so a peer that sends it costs us memory or CPU and itself nothing. The
// defaults sit well above what real clients and servers send; every limit
// ends the connection with a Reason of its own and the alert named below.
#pragma once

#include <cstddef>

namespace tlspp {

struct Limits {
    // The largest handshake message body accepted (RFC 5246 §7.4: up to
    // 2^24-1). Refused as soon as the 4-byte header is in, before the body is
    // buffered: excessive_message_size, sent as illegal_parameter, which is
    // what OpenSSL (read_state_machine) and BoringSSL (parse_message) send
    // for SSL_R_EXCESSIVE_MESSAGE_SIZE. It also bounds the bytes of a
    // certificate chain, which travels in one Certificate message. Raising
    // it takes raising max_buffered_handshake_bytes too.
    std::size_t max_handshake_message_size = 64 * 1024;

    // The most bytes of not-yet-complete handshake messages held at once
    // (header included): the memory a peer can pin by starting a message and
    // sending the rest slowly. The default holds one message of the largest
    // size; a smaller value caps the memory of a half-done handshake below
    // that and refuses, with excessive_message_size too, a message that
    // needs more.
    std::size_t max_buffered_handshake_bytes = 64 * 1024 + 4;

    // The most certificates in a Certificate message, leaf included, in either
    // role. Real chains have 2 to 4; each extra one is parsed and offered to
    // path building. certificate_chain_too_long, sent as bad_certificate:
    // the list itself is refused before any trust decision (OpenSSL's
    // unknown_ca is for a verify depth exceeded while building the path).
    std::size_t max_certificate_chain_length = 10;

    // The most extensions in a ClientHello (server side). There are about 60
    // registered types and duplicates are forbidden (RFC 5246 §7.4.1.4);
    // browsers send about 20, GREASE included. too_many_extensions, sent as
    // illegal_parameter: the hello parses, but a field holds more than we
    // accept, the same answer as for an excessive message size.
    std::size_t max_client_hello_extensions = 64;

    // The most cipher suites in a ClientHello (server side). OpenSSL's "ALL"
    // is about 150. too_many_cipher_suites, sent as illegal_parameter.
    std::size_t max_client_hello_cipher_suites = 512;

    // The most consecutive empty records (only application data may be
    // empty, RFC 5246 §6.2.1): too_many_empty_records, unexpected_message.
    unsigned max_empty_records = 32;

    // The most consecutive warning alerts (RFC 5246 §7.2: warnings may be
    // ignored, so a peer can send them forever): too_many_warnings,
    // unexpected_message. Application data in between resets the count.
    unsigned max_warning_alerts = 16;

    // The most consecutive records that move nothing forward: a handshake
    // fragment that completes no message, a HelloRequest, a renegotiation
    // attempt after the handshake, a warning alert, an empty record. A peer
    // trickling a message one byte per record, or repeating a message we
    // ignore, is dropped with too_many_records_without_progress,
    // unexpected_message. The default lets a message of up to 4 KiB (a large
    // ClientHello, a typical chain) come in one-byte records, which RFC 5246
    // §6.2.1 allows and fragmentation test suites send; a 64 KiB message in
    // the smallest fragments a peer may ask for (512 bytes, RFC 6066 §4)
    // takes 128. Each such record costs us a record's work, so the bound is
    // what keeps the work per connection finite, not a tight budget.
    unsigned max_records_without_progress = 4096;
};

}  // namespace tlspp
