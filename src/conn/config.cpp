// ClientConfig / ServerConfig defaults and validation.
#include "tlspp/config.hpp"

#include <algorithm>
#include <string>

#include "crypto/key_exchange.hpp"
#include "crypto/security_level.hpp"
#include "pki/certified_key.hpp"
#include "handshake/suites.hpp"
#include "msg/client_hello.hpp"
#include "pki/security_level.hpp"

namespace tlspp {

std::vector<CipherSuite> default_cipher_suites() {
    // design.md "Defaults": forward-secret AEAD suites only. The TLS 1.3
    // suites come first, in OpenSSL 3's default order (OSSL_default_ciphersuites,
    // `openssl ciphers -s -tls1_3`): AES-256-GCM, ChaCha20-Poly1305, AES-128-GCM.
    // The TLS 1.2 machines skip them (RFC 8446 §4.1.2: 1.3 suites are never
    // used in 1.2). TLS 1.2: AES-GCM first (hardware-accelerated almost
    // everywhere), ChaCha20 for the rest.
    return {
        CipherSuite::TLS_AES_256_GCM_SHA384,
        CipherSuite::TLS_CHACHA20_POLY1305_SHA256,
        CipherSuite::TLS_AES_128_GCM_SHA256,
        CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        CipherSuite::TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
        CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        CipherSuite::TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
        CipherSuite::TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
        CipherSuite::TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
    };
}

std::vector<ProtocolVersion> default_versions() { return {ProtocolVersion::tls13, ProtocolVersion::tls12}; }

std::vector<NamedGroup> default_groups() {
    return {NamedGroup::x25519, NamedGroup::secp256r1, NamedGroup::secp384r1};
}

std::vector<SignatureScheme> default_signature_schemes() {
    // No SHA-1: RFC 9155 deprecates it for TLS 1.2 signatures. In TLS 1.2 an
    // ECDSA scheme names a hash, not a curve (RFC 5246 §7.4.1.4.1), so
    // ecdsa_secp521r1_sha512 serves a P-256 key for a client that offers only
    // that. The SHA-224 pairs (TLS 1.2 only, 112-bit, like RSA-2048) come
    // last, offered and accepted but never preferred: OpenSSL 3.0's default
    // list ends with ecdsa_sha224, rsa_pkcs1_sha224 the same way.
    return {
        SignatureScheme::ecdsa_secp256r1_sha256, SignatureScheme::ecdsa_secp384r1_sha384,
        SignatureScheme::ecdsa_secp521r1_sha512, SignatureScheme::ed25519,
        SignatureScheme::rsa_pss_rsae_sha256,    SignatureScheme::rsa_pss_rsae_sha384,
        SignatureScheme::rsa_pss_rsae_sha512,    SignatureScheme::rsa_pkcs1_sha256,
        SignatureScheme::rsa_pkcs1_sha384,       SignatureScheme::rsa_pkcs1_sha512,
        SignatureScheme::ecdsa_sha224,           SignatureScheme::rsa_pkcs1_sha224,
    };
}

namespace {

Status check_common(const std::vector<CipherSuite>& suites, const std::vector<NamedGroup>& groups,
                    const std::vector<SignatureScheme>& schemes, const std::vector<std::string>& alpn,
                    const std::shared_ptr<RandomSource>& random, const std::shared_ptr<Clock>& clock) {
    if (suites.empty()) return make_error(Reason::bad_config, "no cipher suites enabled");
    for (CipherSuite s : suites)
        if (!handshake::find_suite(s))
            return make_error(Reason::bad_config,
                              "cipher suite " + std::to_string(static_cast<unsigned>(s)) + " is not implemented");
    if (groups.empty()) return make_error(Reason::bad_config, "no groups enabled");
    for (NamedGroup g : groups)
        if (!crypto::group_supported(g))
            return make_error(Reason::bad_config, "group " + std::to_string(static_cast<unsigned>(g)) + " is not supported");
    if (schemes.empty()) return make_error(Reason::bad_config, "no signature schemes enabled");
    for (const auto& p : alpn)
        // RFC 7301 §3.1: ProtocolName <1..2^8-1>.
        if (p.empty() || p.size() > 255) return make_error(Reason::bad_config, "ALPN protocol names are 1..255 bytes");
    if (!random || !clock) return make_error(Reason::bad_config, "no random source or clock");
    return {};
}

// check_versions refuses a version list tlspp cannot speak, and an enabled
// version without a cipher suite of its own (RFC 8446 §4.1.2: TLS 1.3 suites
// are not used in TLS 1.2, nor the reverse), which would fail every handshake
// of that version.
Status check_versions(const std::vector<ProtocolVersion>& versions, const std::vector<CipherSuite>& suites) {
    if (versions.empty()) return make_error(Reason::bad_config, "no protocol versions enabled");
    for (std::size_t i = 0; i < versions.size(); ++i) {
        const ProtocolVersion v = versions[i];
        if (v != ProtocolVersion::tls12 && v != ProtocolVersion::tls13) {
            const std::string version = name(v).empty() ? "version " + std::to_string(static_cast<unsigned>(v))
                                                        : std::string(name(v));
            return make_error(Reason::bad_config, version + " is not supported (only TLS 1.2 and TLS 1.3)");
        }
        if (std::find(versions.begin(), versions.begin() + static_cast<std::ptrdiff_t>(i), v) !=
            versions.begin() + static_cast<std::ptrdiff_t>(i))
            return make_error(Reason::bad_config, std::string(name(v)) + " is listed twice in versions");
        const bool has_suite = std::any_of(suites.begin(), suites.end(), [v](CipherSuite s) {
            const handshake::SuiteInfo* info = handshake::find_suite(s);
            return info && info->version == v;
        });
        if (!has_suite)
            return make_error(Reason::bad_config, std::string(name(v)) + " is enabled but cipher_suites has no " +
                                                      std::string(name(v)) + " suite");
    }
    return {};
}

// check_limits refuses bounds that would fail every handshake, or that the
// wire format cannot reach (tlspp/limits.hpp says what each one guards).
Status check_limits(const Limits& l) {
    auto bad = [](const std::string& what) { return make_error(Reason::bad_config, "limits: " + what); };
    // RFC 5246 §7.4: a handshake message's length field is 24 bits.
    constexpr std::size_t max_length_field = 0xffffff;
    // No TLS 1.2 handshake fits below this: a ClientHello alone is about 100
    // bytes, a Certificate with one small certificate about 400.
    constexpr std::size_t min_message = 1024;
    constexpr std::size_t header = 4;
    if (l.max_handshake_message_size < min_message || l.max_handshake_message_size > max_length_field)
        return bad("max_handshake_message_size is " + std::to_string(l.max_handshake_message_size) + ", must be " +
                   std::to_string(min_message) + ".." + std::to_string(max_length_field));
    // RFC 5246 §7.4.1.2: no well-formed ClientHello is longer than this.
    if (l.max_client_hello_size < min_message || l.max_client_hello_size > msg::max_client_hello_length)
        return bad("max_client_hello_size is " + std::to_string(l.max_client_hello_size) + ", must be " +
                   std::to_string(min_message) + ".." + std::to_string(msg::max_client_hello_length));
    if (l.max_buffered_handshake_bytes < min_message + header)
        return bad("max_buffered_handshake_bytes is " + std::to_string(l.max_buffered_handshake_bytes) +
                   ", must be at least " + std::to_string(min_message + header));
    if (l.max_certificate_chain_length == 0) return bad("max_certificate_chain_length must be at least 1");
    if (l.max_records_without_progress == 0) return bad("max_records_without_progress must be at least 1");
    return {};
}

// check_security_level refuses a level outside 0..5 and our own certificates
// below it: better a clear error when the config is built than a peer's
// bad_certificate in every handshake (OpenSSL refuses such a certificate in
// SSL_CTX_use_certificate: "ee key too small", "ca md too weak").
Status check_security_level(int level, const std::vector<CertifiedKey>& certificates) {
    if (!crypto::valid_security_level(level))
        return make_error(Reason::bad_config,
                          "security_level is " + std::to_string(level) + ", must be 0..5 (OpenSSL's levels)");
    for (std::size_t i = 0; i < certificates.size(); ++i) {
        // The strength was measured when the key was loaded; the chain is
        // parsed again only to say what is too weak.
        if (certificates[i].impl().strength_bits >= crypto::security_bits(level)) continue;
        if (auto strong = pki::check_own_chain(certificates[i].chain(), level); !strong)
            return make_error(Reason::bad_config, "certificate " + std::to_string(i + 1) + ": " +
                                                      strong.error().detail + " (lower security_level to use it)");
    }
    return {};
}

}  // namespace

Status ClientConfig::validate() const {
    if (auto ok = check_common(cipher_suites, groups, signature_schemes, alpn, random, clock); !ok) return ok;
    if (auto ok = check_versions(versions, cipher_suites); !ok) return ok;
    if (auto ok = check_limits(limits); !ok) return ok;
    if (auto ok = check_security_level(security_level, certificates); !ok) return ok;
    if (verify_peer && !trust)
        return make_error(Reason::bad_config, "verification is on but no trust store is set");
    return {};
}

Status ClientConfig::check_server_name(std::string_view server_name) const {
    // An empty name would turn the host-name check off without anyone asking
    // for it, and "verification: OK" would mean "any certificate of any CA".
    if (verify_peer && verify_host_name && server_name.empty())
        return make_error(Reason::bad_config,
                          "the server name is empty but the host name is to be verified (give a name, or turn "
                          "verify_host_name off)");
    if (server_name.find('\0') != std::string_view::npos)
        return make_error(Reason::bad_config, "the server name contains a NUL byte");
    return {};
}

Status ServerConfig::validate() const {
    if (auto ok = check_common(cipher_suites, groups, signature_schemes, alpn, random, clock); !ok) return ok;
    if (auto ok = check_versions(versions, cipher_suites); !ok) return ok;
    if (auto ok = check_limits(limits); !ok) return ok;
    if (certificates.empty()) return make_error(Reason::bad_config, "a server needs at least one certificate");
    if (auto ok = check_security_level(security_level, certificates); !ok) return ok;
    if (client_auth != ClientAuth::none && !client_trust)
        return make_error(Reason::bad_config, "client authentication needs a client trust store (client_trust)");
    if ((session_cache || ticket_keys) &&
        (session_lifetime.count() <= 0 || session_lifetime.count() > 0xffffffffLL))
        return make_error(Reason::bad_config, "session_lifetime must be between 1 second and 2^32-1 seconds");
    return {};
}

}  // namespace tlspp
