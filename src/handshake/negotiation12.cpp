// handshake/negotiation12.cpp: the server's TLS 1.2 choices (choose12): the
// suite, and for it a certificate, a signature scheme and a group.
#include <algorithm>

#include "crypto/key_exchange.hpp"
#include "crypto/security_level.hpp"
#include "crypto/signature.hpp"
#include "handshake/negotiation.hpp"
#include "pki/certified_key.hpp"

namespace tlspp::handshake {

namespace {

template <class T>
bool contains(const std::vector<T>& list, const T& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

bool is_ecdhe_group(NamedGroup g) {
    return g == NamedGroup::x25519 || g == NamedGroup::secp256r1 || g == NamedGroup::secp384r1 ||
           g == NamedGroup::secp521r1 || g == NamedGroup::x448;
}

std::optional<NamedGroup> choose_ecdhe_group(const ServerConfig& config, const msg::ClientHello& hello) {
    // RFC 8422 §4: without supported_groups the server may use any curve. A
    // client that omits the extension predates X25519 (RFC 4492 era), and
    // P-256 is the curve every such client implements, so it goes first.
    if (!hello.supported_groups && contains(config.groups, NamedGroup::secp256r1)) return NamedGroup::secp256r1;
    for (NamedGroup g : config.groups) {
        if (!is_ecdhe_group(g)) continue;
        if (!hello.supported_groups || contains(*hello.supported_groups, g)) return g;
    }
    return std::nullopt;
}

// ffdhe_bits is the size of an RFC 7919 group's prime (§A.1-A.5).
int ffdhe_bits(NamedGroup g) {
    switch (g) {
    case NamedGroup::ffdhe2048: return 2048;
    case NamedGroup::ffdhe3072: return 3072;
    case NamedGroup::ffdhe4096: return 4096;
    default: return 0;
    }
}

// RFC 7919 §4: if the client lists FFDHE groups, the server picks one of
// them or no FFDHE suite at all; if it lists none, the server may choose.
std::optional<NamedGroup> choose_ffdhe_group(const ServerConfig& config, const msg::ClientHello& hello) {
    std::vector<NamedGroup> configured;
    for (NamedGroup g : config.groups)
        if (crypto::is_ffdhe(g)) configured.push_back(g);
    if (configured.empty()) configured = {NamedGroup::ffdhe2048, NamedGroup::ffdhe3072, NamedGroup::ffdhe4096};
    // The security level's minimum modulus (3072 bits from level 3).
    std::vector<NamedGroup> ours;
    for (NamedGroup g : configured)
        if (ffdhe_bits(g) >= crypto::min_modulus_bits(config.security_level)) ours.push_back(g);
    if (ours.empty()) return std::nullopt;
    bool client_lists_ffdhe = false;
    if (hello.supported_groups)
        for (NamedGroup g : *hello.supported_groups) {
            const auto code = static_cast<std::uint16_t>(g);
            client_lists_ffdhe |= code >= 256 && code <= 511;
        }
    if (!client_lists_ffdhe) return ours.front();
    for (NamedGroup g : ours)
        if (contains(*hello.supported_groups, g)) return g;
    return std::nullopt;
}

// choose_scheme takes our most preferred scheme the client accepts for the
// key. TLS 1.2 lets any ECDSA hash go with any curve, but a scheme that
// matches the curve (the TLS 1.3 rule: P-384 with SHA-384) is preferred, so a
// P-384 key is not signed over a weaker hash when the client accepts better.
std::optional<SignatureScheme> choose_scheme(const ServerConfig& config, const msg::ClientHello& hello,
                                             crypto::KeyType key) {
    // RFC 5246 §7.4.1.4.1: "If the client does not send the
    // signature_algorithms extension, the server MUST ... behave as if client
    // had sent the value {sha1,rsa}" ({sha1,ecdsa} for ECDSA keys). That is
    // the only scheme such a client verifies, so it is used whatever our list
    // prefers; an EdDSA key has no SHA-1 form and cannot serve that client.
    // From security level 2 on SHA-1 is refused, so such a client gets
    // handshake_failure (no_common_signature_scheme), as from OpenSSL 3.
    if (!hello.signature_algorithms) {
        for (SignatureScheme implied : {SignatureScheme::rsa_pkcs1_sha1, SignatureScheme::ecdsa_sha1})
            if (crypto::scheme_fits_key(implied, key, ProtocolVersion::tls12) &&
                scheme_allowed(implied, config.security_level))
                return implied;
        return std::nullopt;
    }
    const auto& theirs = *hello.signature_algorithms;
    for (ProtocolVersion rule : {ProtocolVersion::tls13, ProtocolVersion::tls12})
        for (SignatureScheme s : config.signature_schemes)
            if (contains(theirs, s) && crypto::scheme_fits_key(s, key, rule) && scheme_allowed(s, config.security_level))
                return s;
    return std::nullopt;
}

// RFC 8422 §5.1: the Supported Elliptic Curves extension also limits the
// curve of an ECDSA certificate; without the extension any curve goes.
// EdDSA certificates are governed by signature_algorithms alone (§5.1.1).
bool certificate_curve_offered(crypto::KeyType key, const msg::ClientHello& hello) {
    if (!hello.supported_groups) return true;
    switch (key) {
    case crypto::KeyType::ecdsa_p256: return contains(*hello.supported_groups, NamedGroup::secp256r1);
    case crypto::KeyType::ecdsa_p384: return contains(*hello.supported_groups, NamedGroup::secp384r1);
    case crypto::KeyType::ecdsa_p521: return contains(*hello.supported_groups, NamedGroup::secp521r1);
    default: return true;
    }
}

}  // namespace

Result<ServerChoice12> choose12(const ServerConfig& config, const msg::ClientHello& hello) {
    std::vector<CipherSuite> order;
    if (config.prefer_server_cipher_order) {
        for (CipherSuite s : config.cipher_suites)
            if (contains(hello.cipher_suites, static_cast<std::uint16_t>(s))) order.push_back(s);
    } else {
        for (std::uint16_t code : hello.cipher_suites)
            if (contains(config.cipher_suites, static_cast<CipherSuite>(code)))
                order.push_back(static_cast<CipherSuite>(code));
    }
    if (order.empty())
        return make_error(Reason::no_common_cipher_suite,
                          "ClientHello offers " + std::to_string(hello.cipher_suites.size()) +
                              " cipher suites, none of them enabled here");

    Reason missing = Reason::no_common_cipher_suite;
    std::string why;
    for (CipherSuite code : order) {
        const SuiteInfo* suite = find_suite(code);
        if (!suite || suite->version != ProtocolVersion::tls12) continue;
        if (suite->key_exchange == KeyExchange::rsa) {
            // RSA key transport signs nothing and needs no group: any RSA certificate will do.
            // A certificate whose keyUsage lacks keyEncipherment cannot serve it.
            for (const CertifiedKey& cert : config.certificates)
                if (cert.impl().key.type() == crypto::KeyType::rsa && cert.impl().may_encipher)
                    return ServerChoice12{suite, &cert, {}, {}};
            why = "no RSA certificate allowing keyEncipherment for " + std::string(name(code));
            continue;
        }
        auto group = suite->key_exchange == KeyExchange::ecdhe ? choose_ecdhe_group(config, hello)
                                                                : choose_ffdhe_group(config, hello);
        if (!group) {
            missing = Reason::no_common_group;
            why = "no group in common for " + std::string(name(code));
            continue;
        }
        for (const CertifiedKey& cert : config.certificates) {
            const auto key = cert.impl().key.type();
            if (!key_fits_suite(key, suite->authentication)) continue;
            // RFC 8446 §4.4.2.2 / RFC 5246 §7.4.2: skip, rather than sign with, a
            // certificate whose keyUsage lacks digitalSignature.
            if (!key_usage_fits(cert.impl().may_sign, cert.impl().may_encipher, suite->key_exchange)) continue;
            if (!certificate_curve_offered(key, hello)) {
                missing = Reason::no_common_group;
                why = "the client's supported_groups exclude the curve of the " +
                      std::string(crypto::name(key)) + " certificate";
                continue;
            }
            auto scheme = choose_scheme(config, hello, key);
            if (!scheme) {
                missing = Reason::no_common_signature_scheme;
                why = "no signature scheme in common for the " + std::string(crypto::name(key)) + " certificate";
                continue;
            }
            return ServerChoice12{suite, &cert, *scheme, *group};
        }
        if (missing == Reason::no_common_cipher_suite)
            why = "no certificate can authenticate " + std::string(name(code));
    }
    return make_error(missing, why);
}

}  // namespace tlspp::handshake
