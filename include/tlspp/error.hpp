// tlspp/error.hpp: what went wrong, richer than an alert, and the alert it maps to.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "tlspp/types.hpp"

namespace tlspp {

// Reason names what happened, usually what the peer did. Each maps to exactly
// one alert through alert_for() (src/conn/alerts.cpp), the only such table.
enum class Reason : std::uint16_t {
    // decode_error: the bytes do not parse.
    truncated,
    trailing_bytes,
    length_out_of_range,
    duplicate_extension,
    invalid_encoding,               // a value that parses but breaks the syntax (empty list, bad flag)
    empty_server_certificate,
    // unexpected_message: a message where the state machine allows none of its kind.
    unexpected_handshake_message,
    unexpected_record_type,
    unexpected_change_cipher_spec,
    handshake_spans_key_change,
    // issue 12: a ChangeCipherSpec whose body is not the single byte 1 (OpenSSL 3, RFC 8446 §5).
    malformed_change_cipher_spec,
    application_data_before_handshake,
    renegotiation_refused,          // sent as no_renegotiation
    // record layer.
    record_overflow,
    bad_record_version,
    record_authentication_failed,
    too_many_empty_records,
    too_many_records_without_progress,   // DoS guard: records that complete nothing (tlspp/limits.hpp)
    // negotiation: no acceptable parameters.
    no_common_cipher_suite,
    no_common_group,
    no_common_signature_scheme,
    unsupported_version,
    no_application_protocol,
    insecure_renegotiation,         // peer lacks RFC 5746 support and we require it
    renegotiation_info_mismatch,
    // illegal_parameter: the peer chose something it may not.
    unoffered_cipher_suite,
    unoffered_group,
    unoffered_signature_scheme,
    unoffered_compression,
    unoffered_application_protocol,
    missing_null_compression,
    missing_uncompressed_point_format,
    bad_key_share,
    illegal_parameter,              // any other value the RFC forbids here
    // TLS 1.3 (RFC 8446): illegal_parameter too.
    downgrade_detected,             // a TLS 1.2 ServerHello with a 1.3 server's sentinel (§4.1.3)
    hello_retry_request_invalid,    // an HRR that changes nothing, names an unoffered group, or comes twice (§4.1.4)
    // illegal_parameter too: more than tlspp/limits.hpp accepts (as OpenSSL and
    // BoringSSL answer an excessive message size).
    excessive_message_size,
    // unsupported_extension.
    unsolicited_extension,
    // missing_extension (TLS 1.3) / handshake_failure (TLS 1.2).
    missing_extension,
    // resumption: a hello that breaks the rules for the session it resumes.
    extended_master_secret_mismatch,    // handshake_failure (RFC 7627 §5.3)
    session_cipher_suite_not_offered,   // illegal_parameter (RFC 5246 §7.4.1.2)
    // decrypt_error: a check over the transcript failed.
    finished_mismatch,
    bad_signature,
    // certificates.
    certificate_untrusted,          // unknown_ca
    certificate_expired,
    certificate_not_yet_valid,
    certificate_name_mismatch,      // bad_certificate
    certificate_revoked,
    certificate_bad_usage,          // unsupported_certificate
    certificate_unsupported_key,    // unsupported_certificate
    certificate_invalid,            // bad_certificate: anything else about the chain
    certificate_chain_too_long,     // bad_certificate: more certificates than Limits allows
    // issue 11: the security level (ClientConfig::security_level).
    certificate_too_weak,           // bad_certificate: a key or signature below the security level
    certificate_required,
    // the peer.
    peer_alert,                     // a fatal alert arrived; Error::alert is the peer's
    peer_closed,                    // close_notify arrived: the orderly end
    truncated_connection,           // the transport ended without close_notify
    // issue 11 (SNI policy): a ClientHello host_name no server could serve (a
    // NUL byte, more than 255 bytes, an empty label): unrecognized_name.
    unrecognized_server_name,
    // local.
    insufficient_security,
    bad_config,
    internal_error,
    io_error,
    not_connected,                  // send() before the handshake is done, or after close()
    too_many_warnings,              // DoS guard on warning alerts
    timeout,
};

// alert_for returns the alert sent for `reason` (RFC 5246 §7.2, RFC 8446 §6.2).
Alert alert_for(Reason reason) noexcept;

// name returns the enumerator's spelling, e.g. "finished_mismatch".
std::string_view name(Reason reason) noexcept;

// Error is a failure: why, the alert sent (or, for peer_alert, received),
// and a sentence for people ("ServerHello: session_id is 33 bytes, limit 32").
struct Error {
    Reason reason = Reason::internal_error;
    Alert alert = Alert::internal_error;
    std::string detail;
    bool alert_from_peer = false;

    // message gives "handshake_failure (no_common_cipher_suite): detail".
    std::string message() const;
};

// make_error builds an Error whose alert is alert_for(reason).
Error make_error(Reason reason, std::string detail);

}  // namespace tlspp
