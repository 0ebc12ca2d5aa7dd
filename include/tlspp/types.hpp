// tlspp/types.hpp: the protocol's code points (IANA registries) and their names.
#pragma once

#include <cstdint>
#include <string_view>

namespace tlspp {

enum class ProtocolVersion : std::uint16_t {
    tls10 = 0x0301,
    tls11 = 0x0302,
    tls12 = 0x0303,
    tls13 = 0x0304,
};

// RFC 5246 §6.2.1 ContentType.
enum class ContentType : std::uint8_t {
    change_cipher_spec = 20,
    alert = 21,
    handshake = 22,
    application_data = 23,
};

// RFC 5246 §7.4 / RFC 8446 §4 HandshakeType.
enum class HandshakeType : std::uint8_t {
    hello_request = 0,
    client_hello = 1,
    server_hello = 2,
    new_session_ticket = 4,
    end_of_early_data = 5,
    encrypted_extensions = 8,
    certificate = 11,
    server_key_exchange = 12,
    certificate_request = 13,
    server_hello_done = 14,
    certificate_verify = 15,
    client_key_exchange = 16,
    finished = 20,
    certificate_status = 22,
    key_update = 24,
    message_hash = 254,
};

// RFC 5246 §7.2 / RFC 8446 §6 AlertDescription.
enum class Alert : std::uint8_t {
    close_notify = 0,
    unexpected_message = 10,
    bad_record_mac = 20,
    record_overflow = 22,
    handshake_failure = 40,
    bad_certificate = 42,
    unsupported_certificate = 43,
    certificate_revoked = 44,
    certificate_expired = 45,
    certificate_unknown = 46,
    illegal_parameter = 47,
    unknown_ca = 48,
    access_denied = 49,
    decode_error = 50,
    decrypt_error = 51,
    protocol_version = 70,
    insufficient_security = 71,
    internal_error = 80,
    inappropriate_fallback = 86,
    user_canceled = 90,
    no_renegotiation = 100,
    missing_extension = 109,
    unsupported_extension = 110,
    unrecognized_name = 112,
    bad_certificate_status_response = 113,
    unknown_psk_identity = 115,
    certificate_required = 116,
    no_application_protocol = 120,
};

enum class AlertLevel : std::uint8_t { warning = 1, fatal = 2 };

// IANA TLS Cipher Suites. Only the suites tlspp implements are named here.
enum class CipherSuite : std::uint16_t {
    TLS_RSA_WITH_AES_128_GCM_SHA256 = 0x009c,
    TLS_RSA_WITH_AES_256_GCM_SHA384 = 0x009d,
    TLS_DHE_RSA_WITH_AES_128_GCM_SHA256 = 0x009e,
    TLS_DHE_RSA_WITH_AES_256_GCM_SHA384 = 0x009f,
    TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 = 0xc02b,
    TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384 = 0xc02c,
    TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 = 0xc02f,
    TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 = 0xc030,
    TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256 = 0xcca8,
    TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256 = 0xcca9,
    TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256 = 0xccaa,
    // Legacy CBC-HMAC suites (RFC 5246 Appendix A.5, RFC 4492/8422, RFC 5289); off by default.
    TLS_RSA_WITH_AES_128_CBC_SHA = 0x002f,
    TLS_DHE_RSA_WITH_AES_128_CBC_SHA = 0x0033,
    TLS_RSA_WITH_AES_256_CBC_SHA = 0x0035,
    TLS_DHE_RSA_WITH_AES_256_CBC_SHA = 0x0039,
    TLS_RSA_WITH_AES_128_CBC_SHA256 = 0x003c,
    TLS_RSA_WITH_AES_256_CBC_SHA256 = 0x003d,
    TLS_DHE_RSA_WITH_AES_128_CBC_SHA256 = 0x0067,
    TLS_DHE_RSA_WITH_AES_256_CBC_SHA256 = 0x006b,
    TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA = 0xc009,
    TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA = 0xc00a,
    TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA = 0xc013,
    TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA = 0xc014,
    TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256 = 0xc023,
    TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384 = 0xc024,
    TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256 = 0xc027,
    TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384 = 0xc028,
    // TLS 1.3 (RFC 8446 §B.4): the AEAD and the HKDF hash only; key exchange
    // and authentication are negotiated by extensions.
    TLS_AES_128_GCM_SHA256 = 0x1301,
    TLS_AES_256_GCM_SHA384 = 0x1302,
    TLS_CHACHA20_POLY1305_SHA256 = 0x1303,
    // RFC 5746 §3.3: signalling value, never negotiated.
    TLS_EMPTY_RENEGOTIATION_INFO_SCSV = 0x00ff,
    // RFC 7507 §2: signalling value of a fallback retry, never negotiated.
    TLS_FALLBACK_SCSV = 0x5600,
};

// IANA TLS Supported Groups (RFC 8422, RFC 7919).
enum class NamedGroup : std::uint16_t {
    secp256r1 = 23,
    secp384r1 = 24,
    secp521r1 = 25,
    x25519 = 29,
    x448 = 30,
    ffdhe2048 = 256,
    ffdhe3072 = 257,
    ffdhe4096 = 258,
};

// IANA TLS SignatureScheme (RFC 8446 §4.2.3); in TLS 1.2 the two bytes are
// the (hash, signature) pair of RFC 5246 §7.4.1.4.1. The SHA-224 pairs exist
// only in TLS 1.2 (IANA lists them as "rsa_pkcs1_sha224" and "ecdsa_sha224").
enum class SignatureScheme : std::uint16_t {
    rsa_pkcs1_sha1 = 0x0201,
    ecdsa_sha1 = 0x0203,
    rsa_pkcs1_sha224 = 0x0301,
    ecdsa_sha224 = 0x0303,
    rsa_pkcs1_sha256 = 0x0401,
    rsa_pkcs1_sha384 = 0x0501,
    rsa_pkcs1_sha512 = 0x0601,
    ecdsa_secp256r1_sha256 = 0x0403,
    ecdsa_secp384r1_sha384 = 0x0503,
    ecdsa_secp521r1_sha512 = 0x0603,
    rsa_pss_rsae_sha256 = 0x0804,
    rsa_pss_rsae_sha384 = 0x0805,
    rsa_pss_rsae_sha512 = 0x0806,
    ed25519 = 0x0807,
    ed448 = 0x0808,
    rsa_pss_pss_sha256 = 0x0809,
    rsa_pss_pss_sha384 = 0x080a,
    rsa_pss_pss_sha512 = 0x080b,
};

// IANA TLS ExtensionType values tlspp knows by name.
enum class ExtensionType : std::uint16_t {
    server_name = 0,
    status_request = 5,
    supported_groups = 10,
    ec_point_formats = 11,
    signature_algorithms = 13,
    application_layer_protocol_negotiation = 16,
    encrypt_then_mac = 22,
    extended_master_secret = 23,
    session_ticket = 35,
    pre_shared_key = 41,
    early_data = 42,
    supported_versions = 43,
    cookie = 44,
    psk_key_exchange_modes = 45,
    certificate_authorities = 47,
    post_handshake_auth = 49,
    signature_algorithms_cert = 50,
    key_share = 51,
    renegotiation_info = 0xff01,
};

// Names as the RFCs and IANA spell them ("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
// "x25519", "rsa_pss_rsae_sha256", "handshake_failure"). Unknown values give "".
std::string_view name(ProtocolVersion v) noexcept;
std::string_view name(ContentType t) noexcept;
std::string_view name(HandshakeType t) noexcept;
std::string_view name(Alert a) noexcept;
std::string_view name(CipherSuite s) noexcept;
std::string_view name(NamedGroup g) noexcept;
std::string_view name(SignatureScheme s) noexcept;
std::string_view name(ExtensionType e) noexcept;

}  // namespace tlspp
