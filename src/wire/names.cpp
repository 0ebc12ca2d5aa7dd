// Names of the protocol code points, as the RFCs and IANA spell them.
#include "tlspp/types.hpp"

namespace tlspp {

std::string_view name(ProtocolVersion v) noexcept {
    switch (v) {
    case ProtocolVersion::tls10: return "TLS 1.0";
    case ProtocolVersion::tls11: return "TLS 1.1";
    case ProtocolVersion::tls12: return "TLS 1.2";
    case ProtocolVersion::tls13: return "TLS 1.3";
    }
    return "";
}

std::string_view name(ContentType t) noexcept {
    switch (t) {
    case ContentType::change_cipher_spec: return "change_cipher_spec";
    case ContentType::alert: return "alert";
    case ContentType::handshake: return "handshake";
    case ContentType::application_data: return "application_data";
    }
    return "";
}

std::string_view name(HandshakeType t) noexcept {
    switch (t) {
    case HandshakeType::hello_request: return "hello_request";
    case HandshakeType::client_hello: return "client_hello";
    case HandshakeType::server_hello: return "server_hello";
    case HandshakeType::new_session_ticket: return "new_session_ticket";
    case HandshakeType::end_of_early_data: return "end_of_early_data";
    case HandshakeType::encrypted_extensions: return "encrypted_extensions";
    case HandshakeType::certificate: return "certificate";
    case HandshakeType::server_key_exchange: return "server_key_exchange";
    case HandshakeType::certificate_request: return "certificate_request";
    case HandshakeType::server_hello_done: return "server_hello_done";
    case HandshakeType::certificate_verify: return "certificate_verify";
    case HandshakeType::client_key_exchange: return "client_key_exchange";
    case HandshakeType::finished: return "finished";
    case HandshakeType::certificate_status: return "certificate_status";
    case HandshakeType::key_update: return "key_update";
    case HandshakeType::message_hash: return "message_hash";
    }
    return "";
}

std::string_view name(Alert a) noexcept {
    switch (a) {
    case Alert::close_notify: return "close_notify";
    case Alert::unexpected_message: return "unexpected_message";
    case Alert::bad_record_mac: return "bad_record_mac";
    case Alert::record_overflow: return "record_overflow";
    case Alert::handshake_failure: return "handshake_failure";
    case Alert::bad_certificate: return "bad_certificate";
    case Alert::unsupported_certificate: return "unsupported_certificate";
    case Alert::certificate_revoked: return "certificate_revoked";
    case Alert::certificate_expired: return "certificate_expired";
    case Alert::certificate_unknown: return "certificate_unknown";
    case Alert::illegal_parameter: return "illegal_parameter";
    case Alert::unknown_ca: return "unknown_ca";
    case Alert::access_denied: return "access_denied";
    case Alert::decode_error: return "decode_error";
    case Alert::decrypt_error: return "decrypt_error";
    case Alert::protocol_version: return "protocol_version";
    case Alert::insufficient_security: return "insufficient_security";
    case Alert::internal_error: return "internal_error";
    case Alert::inappropriate_fallback: return "inappropriate_fallback";
    case Alert::user_canceled: return "user_canceled";
    case Alert::no_renegotiation: return "no_renegotiation";
    case Alert::missing_extension: return "missing_extension";
    case Alert::unsupported_extension: return "unsupported_extension";
    case Alert::unrecognized_name: return "unrecognized_name";
    case Alert::bad_certificate_status_response: return "bad_certificate_status_response";
    case Alert::unknown_psk_identity: return "unknown_psk_identity";
    case Alert::certificate_required: return "certificate_required";
    case Alert::no_application_protocol: return "no_application_protocol";
    }
    return "";
}

std::string_view name(CipherSuite s) noexcept {
    switch (s) {
    case CipherSuite::TLS_RSA_WITH_AES_128_GCM_SHA256: return "TLS_RSA_WITH_AES_128_GCM_SHA256";
    case CipherSuite::TLS_RSA_WITH_AES_256_GCM_SHA384: return "TLS_RSA_WITH_AES_256_GCM_SHA384";
    case CipherSuite::TLS_DHE_RSA_WITH_AES_128_GCM_SHA256: return "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256";
    case CipherSuite::TLS_DHE_RSA_WITH_AES_256_GCM_SHA384: return "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384";
    case CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256: return "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256";
    case CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384: return "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384";
    case CipherSuite::TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256: return "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256";
    case CipherSuite::TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384: return "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384";
    case CipherSuite::TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256: return "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256";
    case CipherSuite::TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256: return "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256";
    case CipherSuite::TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256: return "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256";
    case CipherSuite::TLS_RSA_WITH_AES_128_CBC_SHA: return "TLS_RSA_WITH_AES_128_CBC_SHA";
    case CipherSuite::TLS_DHE_RSA_WITH_AES_128_CBC_SHA: return "TLS_DHE_RSA_WITH_AES_128_CBC_SHA";
    case CipherSuite::TLS_RSA_WITH_AES_256_CBC_SHA: return "TLS_RSA_WITH_AES_256_CBC_SHA";
    case CipherSuite::TLS_DHE_RSA_WITH_AES_256_CBC_SHA: return "TLS_DHE_RSA_WITH_AES_256_CBC_SHA";
    case CipherSuite::TLS_RSA_WITH_AES_128_CBC_SHA256: return "TLS_RSA_WITH_AES_128_CBC_SHA256";
    case CipherSuite::TLS_RSA_WITH_AES_256_CBC_SHA256: return "TLS_RSA_WITH_AES_256_CBC_SHA256";
    case CipherSuite::TLS_DHE_RSA_WITH_AES_128_CBC_SHA256: return "TLS_DHE_RSA_WITH_AES_128_CBC_SHA256";
    case CipherSuite::TLS_DHE_RSA_WITH_AES_256_CBC_SHA256: return "TLS_DHE_RSA_WITH_AES_256_CBC_SHA256";
    case CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA: return "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA";
    case CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA: return "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA";
    case CipherSuite::TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA: return "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA";
    case CipherSuite::TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA: return "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA";
    case CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256: return "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256";
    case CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384: return "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384";
    case CipherSuite::TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256: return "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256";
    case CipherSuite::TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384: return "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384";
    case CipherSuite::TLS_AES_128_GCM_SHA256: return "TLS_AES_128_GCM_SHA256";
    case CipherSuite::TLS_AES_256_GCM_SHA384: return "TLS_AES_256_GCM_SHA384";
    case CipherSuite::TLS_CHACHA20_POLY1305_SHA256: return "TLS_CHACHA20_POLY1305_SHA256";
    case CipherSuite::TLS_EMPTY_RENEGOTIATION_INFO_SCSV: return "TLS_EMPTY_RENEGOTIATION_INFO_SCSV";
    case CipherSuite::TLS_FALLBACK_SCSV: return "TLS_FALLBACK_SCSV";
    }
    return "";
}

std::string_view name(NamedGroup g) noexcept {
    switch (g) {
    case NamedGroup::secp256r1: return "secp256r1";
    case NamedGroup::secp384r1: return "secp384r1";
    case NamedGroup::secp521r1: return "secp521r1";
    case NamedGroup::x25519: return "x25519";
    case NamedGroup::x448: return "x448";
    case NamedGroup::ffdhe2048: return "ffdhe2048";
    case NamedGroup::ffdhe3072: return "ffdhe3072";
    case NamedGroup::ffdhe4096: return "ffdhe4096";
    }
    return "";
}

std::string_view name(SignatureScheme s) noexcept {
    switch (s) {
    case SignatureScheme::rsa_pkcs1_sha1: return "rsa_pkcs1_sha1";
    case SignatureScheme::ecdsa_sha1: return "ecdsa_sha1";
    case SignatureScheme::rsa_pkcs1_sha224: return "rsa_pkcs1_sha224";
    case SignatureScheme::ecdsa_sha224: return "ecdsa_sha224";
    case SignatureScheme::rsa_pkcs1_sha256: return "rsa_pkcs1_sha256";
    case SignatureScheme::rsa_pkcs1_sha384: return "rsa_pkcs1_sha384";
    case SignatureScheme::rsa_pkcs1_sha512: return "rsa_pkcs1_sha512";
    case SignatureScheme::ecdsa_secp256r1_sha256: return "ecdsa_secp256r1_sha256";
    case SignatureScheme::ecdsa_secp384r1_sha384: return "ecdsa_secp384r1_sha384";
    case SignatureScheme::ecdsa_secp521r1_sha512: return "ecdsa_secp521r1_sha512";
    case SignatureScheme::rsa_pss_rsae_sha256: return "rsa_pss_rsae_sha256";
    case SignatureScheme::rsa_pss_rsae_sha384: return "rsa_pss_rsae_sha384";
    case SignatureScheme::rsa_pss_rsae_sha512: return "rsa_pss_rsae_sha512";
    case SignatureScheme::ed25519: return "ed25519";
    case SignatureScheme::ed448: return "ed448";
    case SignatureScheme::rsa_pss_pss_sha256: return "rsa_pss_pss_sha256";
    case SignatureScheme::rsa_pss_pss_sha384: return "rsa_pss_pss_sha384";
    case SignatureScheme::rsa_pss_pss_sha512: return "rsa_pss_pss_sha512";
    }
    return "";
}

std::string_view name(ExtensionType e) noexcept {
    switch (e) {
    case ExtensionType::server_name: return "server_name";
    case ExtensionType::status_request: return "status_request";
    case ExtensionType::supported_groups: return "supported_groups";
    case ExtensionType::ec_point_formats: return "ec_point_formats";
    case ExtensionType::signature_algorithms: return "signature_algorithms";
    case ExtensionType::application_layer_protocol_negotiation: return "application_layer_protocol_negotiation";
    case ExtensionType::encrypt_then_mac: return "encrypt_then_mac";
    case ExtensionType::extended_master_secret: return "extended_master_secret";
    case ExtensionType::session_ticket: return "session_ticket";
    case ExtensionType::pre_shared_key: return "pre_shared_key";
    case ExtensionType::early_data: return "early_data";
    case ExtensionType::supported_versions: return "supported_versions";
    case ExtensionType::cookie: return "cookie";
    case ExtensionType::psk_key_exchange_modes: return "psk_key_exchange_modes";
    case ExtensionType::certificate_authorities: return "certificate_authorities";
    case ExtensionType::post_handshake_auth: return "post_handshake_auth";
    case ExtensionType::signature_algorithms_cert: return "signature_algorithms_cert";
    case ExtensionType::key_share: return "key_share";
    case ExtensionType::renegotiation_info: return "renegotiation_info";
    }
    return "";
}

}  // namespace tlspp
