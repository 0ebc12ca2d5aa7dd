#include "handshake/suites.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "crypto/key_exchange.hpp"
#include "crypto/security_level.hpp"
#include "crypto/signature.hpp"

namespace tlspp::handshake {

namespace {

using crypto::AeadAlg;
using crypto::HashAlg;

// The _SHA and _SHA256 CBC suites use the SHA-256 PRF in TLS 1.2 (RFC 5246 §5);
// the _SHA384 ones SHA-384 (RFC 5289 §3.2).
constexpr std::array<SuiteInfo, 30> suites{{
    // TLS 1.3 (RFC 8446 §B.4): OpenSSL's order, AES-256 first.
    {CipherSuite::TLS_AES_256_GCM_SHA384, KeyExchange::any, Authentication::any, Cipher::aes_256_gcm, std::nullopt,
     HashAlg::sha384, 12, "TLS_AES_256_GCM_SHA384", ProtocolVersion::tls13},
    {CipherSuite::TLS_CHACHA20_POLY1305_SHA256, KeyExchange::any, Authentication::any, Cipher::chacha20_poly1305, std::nullopt,
     HashAlg::sha256, 12, "TLS_CHACHA20_POLY1305_SHA256", ProtocolVersion::tls13},
    {CipherSuite::TLS_AES_128_GCM_SHA256, KeyExchange::any, Authentication::any, Cipher::aes_128_gcm, std::nullopt,
     HashAlg::sha256, 12, "TLS_AES_128_GCM_SHA256", ProtocolVersion::tls13},
    {CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, KeyExchange::ecdhe, Authentication::ecdsa, Cipher::aes_128_gcm, std::nullopt,
     HashAlg::sha256, 4, "ECDHE-ECDSA-AES128-GCM-SHA256"},
    {CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, KeyExchange::ecdhe, Authentication::ecdsa, Cipher::aes_256_gcm, std::nullopt,
     HashAlg::sha384, 4, "ECDHE-ECDSA-AES256-GCM-SHA384"},
    {CipherSuite::TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, KeyExchange::ecdhe, Authentication::ecdsa, Cipher::chacha20_poly1305, std::nullopt,
     HashAlg::sha256, 12, "ECDHE-ECDSA-CHACHA20-POLY1305"},
    {CipherSuite::TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, KeyExchange::ecdhe, Authentication::rsa, Cipher::aes_128_gcm, std::nullopt,
     HashAlg::sha256, 4, "ECDHE-RSA-AES128-GCM-SHA256"},
    {CipherSuite::TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, KeyExchange::ecdhe, Authentication::rsa, Cipher::aes_256_gcm, std::nullopt,
     HashAlg::sha384, 4, "ECDHE-RSA-AES256-GCM-SHA384"},
    {CipherSuite::TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256, KeyExchange::ecdhe, Authentication::rsa, Cipher::chacha20_poly1305, std::nullopt,
     HashAlg::sha256, 12, "ECDHE-RSA-CHACHA20-POLY1305"},
    {CipherSuite::TLS_DHE_RSA_WITH_AES_128_GCM_SHA256, KeyExchange::dhe, Authentication::rsa, Cipher::aes_128_gcm, std::nullopt,
     HashAlg::sha256, 4, "DHE-RSA-AES128-GCM-SHA256"},
    {CipherSuite::TLS_DHE_RSA_WITH_AES_256_GCM_SHA384, KeyExchange::dhe, Authentication::rsa, Cipher::aes_256_gcm, std::nullopt,
     HashAlg::sha384, 4, "DHE-RSA-AES256-GCM-SHA384"},
    {CipherSuite::TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256, KeyExchange::dhe, Authentication::rsa, Cipher::chacha20_poly1305, std::nullopt,
     HashAlg::sha256, 12, "DHE-RSA-CHACHA20-POLY1305"},
    {CipherSuite::TLS_RSA_WITH_AES_128_GCM_SHA256, KeyExchange::rsa, Authentication::rsa, Cipher::aes_128_gcm, std::nullopt,
     HashAlg::sha256, 4, "AES128-GCM-SHA256"},
    {CipherSuite::TLS_RSA_WITH_AES_256_GCM_SHA384, KeyExchange::rsa, Authentication::rsa, Cipher::aes_256_gcm, std::nullopt,
     HashAlg::sha384, 4, "AES256-GCM-SHA384"},
    {CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA, KeyExchange::ecdhe, Authentication::ecdsa, Cipher::aes_128_cbc, HashAlg::sha1,
     HashAlg::sha256, 0, "ECDHE-ECDSA-AES128-SHA"},
    {CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA, KeyExchange::ecdhe, Authentication::ecdsa, Cipher::aes_256_cbc, HashAlg::sha1,
     HashAlg::sha256, 0, "ECDHE-ECDSA-AES256-SHA"},
    {CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256, KeyExchange::ecdhe, Authentication::ecdsa, Cipher::aes_128_cbc, HashAlg::sha256,
     HashAlg::sha256, 0, "ECDHE-ECDSA-AES128-SHA256"},
    {CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384, KeyExchange::ecdhe, Authentication::ecdsa, Cipher::aes_256_cbc, HashAlg::sha384,
     HashAlg::sha384, 0, "ECDHE-ECDSA-AES256-SHA384"},
    {CipherSuite::TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA, KeyExchange::ecdhe, Authentication::rsa, Cipher::aes_128_cbc, HashAlg::sha1,
     HashAlg::sha256, 0, "ECDHE-RSA-AES128-SHA"},
    {CipherSuite::TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA, KeyExchange::ecdhe, Authentication::rsa, Cipher::aes_256_cbc, HashAlg::sha1,
     HashAlg::sha256, 0, "ECDHE-RSA-AES256-SHA"},
    {CipherSuite::TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256, KeyExchange::ecdhe, Authentication::rsa, Cipher::aes_128_cbc, HashAlg::sha256,
     HashAlg::sha256, 0, "ECDHE-RSA-AES128-SHA256"},
    {CipherSuite::TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384, KeyExchange::ecdhe, Authentication::rsa, Cipher::aes_256_cbc, HashAlg::sha384,
     HashAlg::sha384, 0, "ECDHE-RSA-AES256-SHA384"},
    {CipherSuite::TLS_DHE_RSA_WITH_AES_128_CBC_SHA, KeyExchange::dhe, Authentication::rsa, Cipher::aes_128_cbc, HashAlg::sha1,
     HashAlg::sha256, 0, "DHE-RSA-AES128-SHA"},
    {CipherSuite::TLS_DHE_RSA_WITH_AES_256_CBC_SHA, KeyExchange::dhe, Authentication::rsa, Cipher::aes_256_cbc, HashAlg::sha1,
     HashAlg::sha256, 0, "DHE-RSA-AES256-SHA"},
    {CipherSuite::TLS_DHE_RSA_WITH_AES_128_CBC_SHA256, KeyExchange::dhe, Authentication::rsa, Cipher::aes_128_cbc, HashAlg::sha256,
     HashAlg::sha256, 0, "DHE-RSA-AES128-SHA256"},
    {CipherSuite::TLS_DHE_RSA_WITH_AES_256_CBC_SHA256, KeyExchange::dhe, Authentication::rsa, Cipher::aes_256_cbc, HashAlg::sha256,
     HashAlg::sha256, 0, "DHE-RSA-AES256-SHA256"},
    {CipherSuite::TLS_RSA_WITH_AES_128_CBC_SHA, KeyExchange::rsa, Authentication::rsa, Cipher::aes_128_cbc, HashAlg::sha1,
     HashAlg::sha256, 0, "AES128-SHA"},
    {CipherSuite::TLS_RSA_WITH_AES_256_CBC_SHA, KeyExchange::rsa, Authentication::rsa, Cipher::aes_256_cbc, HashAlg::sha1,
     HashAlg::sha256, 0, "AES256-SHA"},
    {CipherSuite::TLS_RSA_WITH_AES_128_CBC_SHA256, KeyExchange::rsa, Authentication::rsa, Cipher::aes_128_cbc, HashAlg::sha256,
     HashAlg::sha256, 0, "AES128-SHA256"},
    {CipherSuite::TLS_RSA_WITH_AES_256_CBC_SHA256, KeyExchange::rsa, Authentication::rsa, Cipher::aes_256_cbc, HashAlg::sha256,
     HashAlg::sha256, 0, "AES256-SHA256"},
}};

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

}  // namespace

const SuiteInfo* find_suite(CipherSuite suite) {
    for (const auto& info : suites)
        if (info.suite == suite) return &info;
    return nullptr;
}

const SuiteInfo* find_suite(std::uint16_t code) { return find_suite(static_cast<CipherSuite>(code)); }

std::span<const SuiteInfo> all_suites() { return suites; }

std::optional<CipherSuite> suite_by_name(std::string_view text) {
    std::string wanted = lower(text);
    for (const auto& info : suites)
        if (lower(name(info.suite)) == wanted || lower(info.openssl_name) == wanted) return info.suite;
    return std::nullopt;
}

std::optional<NamedGroup> group_by_name(std::string_view text) {
    const std::string wanted = lower(text);
    if (wanted == "prime256v1") return NamedGroup::secp256r1;   // OpenSSL's name for P-256
    for (NamedGroup g : crypto::supported_groups())
        if (lower(name(g)) == wanted || lower(crypto::group_label(g)) == wanted) return g;
    return std::nullopt;
}

std::string group_names() {
    std::string out;
    for (NamedGroup g : crypto::supported_groups()) {
        if (!out.empty()) out += ", ";
        out += crypto::group_label(g);
        if (crypto::group_label(g) != name(g)) out += " (" + std::string(name(g)) + ")";
    }
    return out;
}

std::optional<SignatureScheme> scheme_by_name(std::string_view text) {
    for (SignatureScheme scheme : crypto::known_schemes())
        if (name(scheme) == text) return scheme;
    return std::nullopt;
}

crypto::AeadAlg SuiteInfo::aead() const {
    switch (cipher) {
    case Cipher::aes_256_gcm: return AeadAlg::aes_256_gcm;
    case Cipher::chacha20_poly1305: return AeadAlg::chacha20_poly1305;
    default: return AeadAlg::aes_128_gcm;
    }
}

std::size_t SuiteInfo::key_length() const {
    return cipher == Cipher::aes_128_gcm || cipher == Cipher::aes_128_cbc ? 16 : 32;
}

std::string_view protection_name(const SuiteInfo& suite, bool encrypt_then_mac) {
    // One string per combination, so the result is a view of static storage.
    static constexpr std::string_view cbc[2][3][2] = {
        {{"AES-128-CBC with HMAC-SHA1", "AES-128-CBC, then HMAC-SHA1"},
         {"AES-128-CBC with HMAC-SHA256", "AES-128-CBC, then HMAC-SHA256"},
         {"AES-128-CBC with HMAC-SHA384", "AES-128-CBC, then HMAC-SHA384"}},
        {{"AES-256-CBC with HMAC-SHA1", "AES-256-CBC, then HMAC-SHA1"},
         {"AES-256-CBC with HMAC-SHA256", "AES-256-CBC, then HMAC-SHA256"},
         {"AES-256-CBC with HMAC-SHA384", "AES-256-CBC, then HMAC-SHA384"}},
    };
    switch (suite.cipher) {
    case Cipher::aes_128_gcm: return "AES-128-GCM";
    case Cipher::aes_256_gcm: return "AES-256-GCM";
    case Cipher::chacha20_poly1305: return "ChaCha20-Poly1305";
    case Cipher::aes_128_cbc:
    case Cipher::aes_256_cbc: break;
    }
    const int size = suite.cipher == Cipher::aes_128_cbc ? 0 : 1;
    const int mac = suite.mac == HashAlg::sha1 ? 0 : suite.mac == HashAlg::sha256 ? 1 : 2;
    return cbc[size][mac][encrypt_then_mac ? 1 : 0];
}

std::optional<crypto::HashAlg> hash_of_scheme(SignatureScheme scheme) { return crypto::scheme_hash(scheme); }

int scheme_security_bits(SignatureScheme scheme) {
    if (scheme == SignatureScheme::ed25519) return 128;
    if (scheme == SignatureScheme::ed448) return 224;
    const auto hash = hash_of_scheme(scheme);
    return hash ? crypto::hash_security_bits(*hash) : 0;
}

bool scheme_allowed(SignatureScheme scheme, int level) {
    return level <= 0 || scheme_security_bits(scheme) >= crypto::security_bits(level);
}

std::vector<SignatureScheme> allowed_schemes(const std::vector<SignatureScheme>& schemes, int level) {
    std::vector<SignatureScheme> out;
    for (SignatureScheme s : schemes)
        if (scheme_allowed(s, level)) out.push_back(s);
    return out;
}

}  // namespace tlspp::handshake
