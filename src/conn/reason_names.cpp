// name(Reason): the enumerator spellings, for error text and tests.
#include "tlspp/error.hpp"

namespace tlspp {

std::string_view name(Reason reason) noexcept {
    switch (reason) {
    case Reason::truncated: return "truncated";
    case Reason::trailing_bytes: return "trailing_bytes";
    case Reason::length_out_of_range: return "length_out_of_range";
    case Reason::duplicate_extension: return "duplicate_extension";
    case Reason::invalid_encoding: return "invalid_encoding";
    case Reason::empty_server_certificate: return "empty_server_certificate";
    case Reason::unexpected_handshake_message: return "unexpected_handshake_message";
    case Reason::unexpected_record_type: return "unexpected_record_type";
    case Reason::unexpected_change_cipher_spec: return "unexpected_change_cipher_spec";
    case Reason::handshake_spans_key_change: return "handshake_spans_key_change";
    case Reason::malformed_change_cipher_spec: return "malformed_change_cipher_spec";
    case Reason::application_data_before_handshake: return "application_data_before_handshake";
    case Reason::renegotiation_refused: return "renegotiation_refused";
    case Reason::record_overflow: return "record_overflow";
    case Reason::bad_record_version: return "bad_record_version";
    case Reason::record_authentication_failed: return "record_authentication_failed";
    case Reason::too_many_empty_records: return "too_many_empty_records";
    case Reason::too_many_records_without_progress: return "too_many_records_without_progress";
    case Reason::no_common_cipher_suite: return "no_common_cipher_suite";
    case Reason::no_common_group: return "no_common_group";
    case Reason::no_common_signature_scheme: return "no_common_signature_scheme";
    case Reason::unsupported_version: return "unsupported_version";
    case Reason::no_application_protocol: return "no_application_protocol";
    case Reason::insecure_renegotiation: return "insecure_renegotiation";
    case Reason::renegotiation_info_mismatch: return "renegotiation_info_mismatch";
    case Reason::unoffered_cipher_suite: return "unoffered_cipher_suite";
    case Reason::unoffered_group: return "unoffered_group";
    case Reason::unoffered_signature_scheme: return "unoffered_signature_scheme";
    case Reason::unoffered_compression: return "unoffered_compression";
    case Reason::unoffered_application_protocol: return "unoffered_application_protocol";
    case Reason::missing_null_compression: return "missing_null_compression";
    case Reason::missing_uncompressed_point_format: return "missing_uncompressed_point_format";
    case Reason::bad_key_share: return "bad_key_share";
    case Reason::illegal_parameter: return "illegal_parameter";
    case Reason::downgrade_detected: return "downgrade_detected";
    case Reason::hello_retry_request_invalid: return "hello_retry_request_invalid";
    case Reason::excessive_message_size: return "excessive_message_size";
    case Reason::unsolicited_extension: return "unsolicited_extension";
    case Reason::missing_extension: return "missing_extension";
    case Reason::extended_master_secret_mismatch: return "extended_master_secret_mismatch";
    case Reason::session_cipher_suite_not_offered: return "session_cipher_suite_not_offered";
    case Reason::finished_mismatch: return "finished_mismatch";
    case Reason::bad_signature: return "bad_signature";
    case Reason::certificate_untrusted: return "certificate_untrusted";
    case Reason::certificate_expired: return "certificate_expired";
    case Reason::certificate_not_yet_valid: return "certificate_not_yet_valid";
    case Reason::certificate_name_mismatch: return "certificate_name_mismatch";
    case Reason::certificate_revoked: return "certificate_revoked";
    case Reason::certificate_bad_usage: return "certificate_bad_usage";
    case Reason::certificate_unsupported_key: return "certificate_unsupported_key";
    case Reason::certificate_invalid: return "certificate_invalid";
    case Reason::certificate_chain_too_long: return "certificate_chain_too_long";
    case Reason::certificate_too_weak: return "certificate_too_weak";
    case Reason::certificate_required: return "certificate_required";
    case Reason::peer_alert: return "peer_alert";
    case Reason::peer_closed: return "peer_closed";
    case Reason::truncated_connection: return "truncated_connection";
    case Reason::unrecognized_server_name: return "unrecognized_server_name";
    case Reason::insufficient_security: return "insufficient_security";
    case Reason::bad_config: return "bad_config";
    case Reason::internal_error: return "internal_error";
    case Reason::io_error: return "io_error";
    case Reason::not_connected: return "not_connected";
    case Reason::too_many_warnings: return "too_many_warnings";
    case Reason::timeout: return "timeout";
    }
    return "unknown_reason";
}

}  // namespace tlspp
