// handshake/negotiation.cpp: the choices common to both versions: the
// protocol version (with RFC 7507's fallback check and RFC 8446's downgrade
// sentinels), the application protocol, and which certificates fit a suite.
// The TLS 1.2 choices are in negotiation12.cpp.
#include "handshake/negotiation.hpp"

#include <algorithm>
#include <cstdio>

#include "msg/server_hello.hpp"

namespace tlspp::handshake {

namespace {

// version_text names a version for an error: "TLS 1.2", or "0x7f1c" for one
// tlspp does not know (a draft, GREASE).
std::string version_text(std::uint16_t code) {
    const std::string_view known = name(static_cast<ProtocolVersion>(code));
    if (!known.empty()) return std::string(known);
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%04x", code);
    return hex;
}

std::string version_list(const std::vector<std::uint16_t>& codes) {
    std::string out;
    for (std::uint16_t code : codes) out += (out.empty() ? "" : ", ") + version_text(code);
    return out;
}

ProtocolVersion highest_enabled(const ServerConfig& config) {
    return *std::max_element(config.versions.begin(), config.versions.end());
}

bool enabled(const ServerConfig& config, ProtocolVersion v) {
    return std::find(config.versions.begin(), config.versions.end(), v) != config.versions.end();
}

Result<ProtocolVersion> negotiate(const ServerConfig& config, const msg::ClientHello& hello) {
    if (hello.supported_versions) {
        // RFC 8446 §4.2.1: "If this extension is present in the ClientHello,
        // servers MUST NOT use the ClientHello.legacy_version value for version
        // negotiation and MUST use only the "supported_versions" extension".
        // The highest version both list wins, whatever either side's order (as
        // OpenSSL); values we do not know (GREASE, drafts) match nothing.
        const auto& offered = *hello.supported_versions;
        std::optional<ProtocolVersion> best;
        for (ProtocolVersion v : config.versions)
            if (std::find(offered.begin(), offered.end(), static_cast<std::uint16_t>(v)) != offered.end() &&
                (!best || v > *best))
                best = v;
        if (best) return *best;
        return make_error(Reason::unsupported_version,
                          "ClientHello: supported_versions offers " + version_list(offered) +
                              ", none of them enabled here");
    }
    // RFC 8446 §4.2.1: without supported_versions the client speaks TLS 1.2 at
    // most; "If the "supported_versions" extension is absent, and the server only
    // supports versions greater than ClientHello.legacy_version, the server MUST
    // abort the handshake with a "protocol_version" alert." A legacy_version
    // above 3.3 means 1.2 too (RFC 5246 Appendix E.1: the highest both support).
    if (hello.legacy_version >= static_cast<std::uint16_t>(ProtocolVersion::tls12) &&
        enabled(config, ProtocolVersion::tls12))
        return ProtocolVersion::tls12;
    if (hello.legacy_version < static_cast<std::uint16_t>(ProtocolVersion::tls12))
        return make_error(Reason::unsupported_version,
                          "ClientHello: client offers at most version " + version_text(hello.legacy_version) +
                              ", TLS 1.2 is the minimum here");
    return make_error(Reason::unsupported_version,
                      "ClientHello: no supported_versions extension, so TLS 1.2 at most, and TLS 1.2 is not "
                      "enabled here");
}

bool ends_with(const std::array<std::uint8_t, 32>& random, const std::array<std::uint8_t, 8>& tail) {
    return std::equal(tail.begin(), tail.end(), random.end() - tail.size());
}

}  // namespace

Result<ProtocolVersion> choose_version(const ServerConfig& config, const msg::ClientHello& hello) {
    if (config.versions.empty()) return make_error(Reason::bad_config, "no protocol versions enabled");
    auto version = negotiate(config, hello);
    if (!version) return version;
    // RFC 7507 §3: "If TLS_FALLBACK_SCSV appears in ClientHello.cipher_suites
    // and the highest protocol version supported by the server is higher than
    // the version indicated in ClientHello.client_version, the server MUST
    // respond with a fatal inappropriate_fallback alert". Judged against the
    // version chosen (which supported_versions may raise above client_version),
    // after version negotiation, as OpenSSL does (ssl_check_version_downgrade).
    const bool fallback = std::find(hello.cipher_suites.begin(), hello.cipher_suites.end(), fallback_scsv) !=
                          hello.cipher_suites.end();
    if (fallback && *version < highest_enabled(config))
        return make_error(Reason::inappropriate_fallback,
                          "ClientHello: TLS_FALLBACK_SCSV with " + std::string(name(*version)) + ", but " +
                              std::string(name(highest_enabled(config))) + " is enabled here");
    return version;
}

bool has_downgrade_sentinel(const std::array<std::uint8_t, 32>& server_random, ProtocolVersion negotiated) {
    // RFC 8446 §4.1.3: "TLS 1.3 clients receiving a ServerHello indicating TLS
    // 1.2 or below MUST check that the last 8 bytes are not equal to either of
    // these values." Either value, whatever the version below 1.3 (OpenSSL
    // checks only the one matching the version; the RFC's rule is stricter).
    if (negotiated >= ProtocolVersion::tls13) return false;
    return ends_with(server_random, msg::downgrade_sentinel_tls12) ||
           ends_with(server_random, msg::downgrade_sentinel_tls11);
}

void write_downgrade_sentinel(std::array<std::uint8_t, 32>& random, ProtocolVersion negotiated,
                              const ServerConfig& config) {
    // RFC 8446 §4.1.3: "If negotiating TLS 1.2, TLS 1.3 servers MUST set the
    // last 8 bytes of their Random value to the bytes: 44 4F 57 4E 47 52 44 01".
    // A server without TLS 1.3 enabled is not a TLS 1.3 server (OpenSSL writes
    // it only when its maximum version is 1.3) and leaves the random alone.
    if (!enabled(config, ProtocolVersion::tls13) || negotiated >= ProtocolVersion::tls13) return;
    const auto& tail = negotiated == ProtocolVersion::tls12 ? msg::downgrade_sentinel_tls12
                                                            : msg::downgrade_sentinel_tls11;
    std::copy(tail.begin(), tail.end(), random.end() - tail.size());
}

bool key_fits_suite(crypto::KeyType key, Authentication auth) {
    using crypto::KeyType;
    // RFC 8446 §4.4.2.2: a TLS 1.3 suite names no authentication; the signature schemes decide.
    if (auth == Authentication::any) return true;
    if (auth == Authentication::rsa) return key == KeyType::rsa;
    return key == KeyType::ecdsa_p256 || key == KeyType::ecdsa_p384 || key == KeyType::ecdsa_p521 ||
           key == KeyType::ed25519 || key == KeyType::ed448;
}

bool key_usage_fits(bool may_sign, bool may_encipher, KeyExchange kx) {
    return kx == KeyExchange::rsa ? may_encipher : may_sign;
}

Result<std::string> choose_alpn(const std::vector<std::string>& ours,
                                const std::optional<std::vector<std::string>>& offered) {
    if (ours.empty() || !offered) return std::string();
    for (const auto& protocol : ours)
        if (std::find(offered->begin(), offered->end(), protocol) != offered->end()) return protocol;
    // RFC 7301 §3.2: "...the server MUST respond with a fatal 'no_application_protocol' alert."
    return make_error(Reason::no_application_protocol, "the client offers no application protocol we support");
}

}  // namespace tlspp::handshake
