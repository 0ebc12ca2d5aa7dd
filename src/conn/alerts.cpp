// The only place where a Reason becomes an alert, by protocol version, and
// where it is decided whether a failure sends one. No `default:` label in
// alert_for, so with -Werror=switch a new Reason without an alert fails to
// compile.
#include "conn/alerts.hpp"

#include "wire/escape.hpp"

namespace tlspp {

Alert alert_for(Reason reason, ProtocolVersion version) noexcept {
    const bool tls13 = version == ProtocolVersion::tls13;
    switch (reason) {
    case Reason::truncated:
    case Reason::trailing_bytes:
    case Reason::length_out_of_range:
    case Reason::duplicate_extension:
    case Reason::invalid_encoding:
    case Reason::empty_server_certificate:       return Alert::decode_error;
    case Reason::unexpected_handshake_message:
    case Reason::unexpected_record_type:
    case Reason::unexpected_change_cipher_spec:
    case Reason::handshake_spans_key_change:
    case Reason::malformed_change_cipher_spec:
    case Reason::application_data_before_handshake:
    case Reason::too_many_empty_records:
    case Reason::too_many_records_without_progress:
    case Reason::too_many_warnings:              return Alert::unexpected_message;
    case Reason::renegotiation_refused:          return Alert::no_renegotiation;
    case Reason::record_overflow:                return Alert::record_overflow;
    // RFC 5246 leaves the version mismatch alert open; RFC 8446 §5.1 says protocol_version.
    case Reason::bad_record_version:             return Alert::protocol_version;
    case Reason::record_authentication_failed:   return Alert::bad_record_mac;
    case Reason::no_common_cipher_suite:
    case Reason::no_common_group:
    case Reason::no_common_signature_scheme:
    case Reason::insecure_renegotiation:
    // RFC 5746 §3.4/§3.5: a renegotiated_connection mismatch aborts with handshake_failure.
    case Reason::renegotiation_info_mismatch:    return Alert::handshake_failure;
    case Reason::unsupported_version:            return Alert::protocol_version;
    case Reason::no_application_protocol:        return Alert::no_application_protocol;
    case Reason::unoffered_cipher_suite:
    case Reason::unoffered_group:
    case Reason::unoffered_signature_scheme:
    case Reason::unoffered_compression:
    case Reason::unoffered_application_protocol:
    case Reason::missing_null_compression:
    case Reason::missing_uncompressed_point_format:
    case Reason::bad_key_share:
    case Reason::illegal_parameter:
    case Reason::downgrade_detected:             // RFC 8446 §4.1.3
    case Reason::hello_retry_request_invalid:    // RFC 8446 §4.1.4
    // OpenSSL and BoringSSL send illegal_parameter for SSL_R_EXCESSIVE_MESSAGE_SIZE.
    case Reason::excessive_message_size:         return Alert::illegal_parameter;
    // RFC 5246 §7.4.1.4: "...it MUST abort the handshake with an unsupported_extension fatal alert."
    case Reason::unsolicited_extension:          return Alert::unsupported_extension;
    // RFC 8446 §4.2: "... MUST abort the handshake with a "missing_extension"
    // alert." TLS 1.2 has no such alert (RFC 5246 §7.2); OpenSSL answers
    // handshake_failure there (SSL_R_INCONSISTENT_EXTMS).
    case Reason::missing_extension:              return tls13 ? Alert::missing_extension : Alert::handshake_failure;
    // RFC 7627 §5.3: the server "MUST abort the abbreviated handshake", the
    // client "MUST abort the handshake"; handshake_failure, as OpenSSL and BoringSSL send.
    case Reason::extended_master_secret_mismatch: return Alert::handshake_failure;
    // RFC 5246 §7.4.1.2 names no alert; OpenSSL sends illegal_parameter (SSL_R_REQUIRED_CIPHER_MISSING).
    case Reason::session_cipher_suite_not_offered: return Alert::illegal_parameter;
    case Reason::finished_mismatch:
    case Reason::bad_signature:                  return Alert::decrypt_error;
    case Reason::certificate_untrusted:          return Alert::unknown_ca;
    // RFC 5246 §7.2.2: certificate_expired "has expired or is not currently valid".
    case Reason::certificate_expired:
    case Reason::certificate_not_yet_valid:      return Alert::certificate_expired;
    case Reason::certificate_name_mismatch:
    case Reason::certificate_invalid:
    case Reason::certificate_chain_too_long:
    // RFC 5246 §7.2.2: bad_certificate "A certificate was corrupt, contained
    // signatures that did not verify correctly, etc."; a weak key or hash is
    // such a certificate, not an unsupported type (OpenSSL's
    // ssl_verify_alarm_type sends bad_certificate for X509_V_ERR_*_TOO_SMALL/WEAK).
    case Reason::certificate_too_weak:           return Alert::bad_certificate;
    case Reason::certificate_revoked:            return Alert::certificate_revoked;
    case Reason::certificate_bad_usage:
    case Reason::certificate_unsupported_key:    return Alert::unsupported_certificate;
    // RFC 5246 §7.4.6: without a certificate the server "MAY ... respond with a fatal
    // handshake_failure alert"; RFC 8446 §4.4.2.4: "... MAY abort the handshake
    // with a "certificate_required" alert."
    case Reason::certificate_required:           return tls13 ? Alert::certificate_required : Alert::handshake_failure;
    case Reason::peer_alert:                     return Alert::close_notify;  // the peer's alert is kept in Error::alert
    case Reason::peer_closed:                    return Alert::close_notify;
    case Reason::truncated_connection:           return Alert::close_notify;
    // RFC 6066 §3 names unrecognized_name for a server_name the server does
    // not recognise; OpenSSL sends it for a NUL byte or more than 255 bytes.
    case Reason::unrecognized_server_name:       return Alert::unrecognized_name;
    case Reason::insufficient_security:          return Alert::insufficient_security;
    case Reason::bad_config:
    case Reason::internal_error:
    case Reason::io_error:
    case Reason::not_connected:
    case Reason::timeout:                        return Alert::internal_error;
    }
    return Alert::internal_error;  // unreachable; keeps -Wreturn-type quiet
}

// make_error's alert: TLS 1.2 is the only version a state machine speaks yet.
Alert alert_for(Reason reason) noexcept { return alert_for(reason, ProtocolVersion::tls12); }

bool sends_alert(const Error& error) noexcept {
    // RFC 5246 §7.2.2, RFC 8446 §6.2: a fatal alert closes the connection;
    // it is not answered with another.
    if (error.alert_from_peer) return false;
    switch (error.reason) {
    case Reason::peer_closed:            // the peer closed first; close() answers its close_notify
    case Reason::truncated_connection:   // the transport ended: nobody to tell
    case Reason::io_error:
    case Reason::timeout:
        return false;
    default:
        return true;
    }
}

Error make_error(Reason reason, std::string detail) {
    return Error{reason, alert_for(reason), std::move(detail), false};
}

// message is for people (a terminal, a log line): the detail may quote what
// the peer sent (an ALPN name, a certificate subject), so it is escaped here.
std::string Error::message() const {
    std::string text(name(alert));
    if (alert_from_peer) text = "peer sent " + text;
    text += " (";
    text += name(reason);
    text += ")";
    if (!detail.empty()) text += ": " + wire::escape_peer_text(detail);
    return text;
}

}  // namespace tlspp
