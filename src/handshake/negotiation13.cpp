#include "handshake/negotiation13.hpp"

#include <algorithm>
#include <string>

#include "crypto/key_exchange.hpp"
#include "crypto/security_level.hpp"
#include "crypto/signature.hpp"
#include "handshake/keys13.hpp"
#include "pki/certified_key.hpp"

namespace tlspp::handshake {

namespace {

template <class T>
bool contains(const std::vector<T>& list, const T& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

std::string code_text(std::uint16_t code) { return std::to_string(code); }

// ffdhe_modulus_bits is an RFC 7919 group's prime size; 0 for other groups.
int ffdhe_modulus_bits(NamedGroup g) {
    switch (g) {
    case NamedGroup::ffdhe2048: return 2048;
    case NamedGroup::ffdhe3072: return 3072;
    case NamedGroup::ffdhe4096: return 4096;
    default: return 0;
    }
}

// usable_group says whether we can and may use `g`: implemented, and a
// finite-field group only with at least the security level's modulus.
bool usable_group(NamedGroup g, int security_level) {
    if (!crypto::group_supported(g)) return false;
    if (!crypto::is_ffdhe(g)) return true;
    return ffdhe_modulus_bits(g) >= crypto::min_modulus_bits(security_level);
}

const msg::KeyShareEntry* share_for(const std::vector<msg::KeyShareEntry>& shares, NamedGroup g) {
    for (const auto& share : shares)
        if (share.group == g) return &share;
    return nullptr;
}

}  // namespace

Status check_client_hello13(const msg::ClientHello& hello) {
    // RFC 8446 §4.1.2: "For every TLS 1.3 ClientHello, this vector MUST
    // contain exactly one byte, set to zero ... If a TLS 1.3 ClientHello is
    // received with any other value in this field, the server MUST abort the
    // handshake with an "illegal_parameter" alert."
    if (hello.compression_methods != msg::Bytes{0})
        return make_error(Reason::illegal_parameter,
                          "ClientHello: legacy_compression_methods is not exactly {null} (" +
                              std::to_string(hello.compression_methods.size()) + " methods)");
    // RFC 8446 §9.2: without a PSK, "If not containing a "pre_shared_key"
    // extension, it MUST contain both a "signature_algorithms" extension and
    // a "supported_groups" extension ... If containing a "supported_groups"
    // extension, it MUST also contain a "key_share" extension, and vice
    // versa. ... Servers receiving a ClientHello which does not conform to
    // these requirements MUST abort the handshake with a "missing_extension" alert."
    if (!hello.signature_algorithms)
        return make_error(Reason::missing_extension, "ClientHello: TLS 1.3 without signature_algorithms");
    if (!hello.supported_groups)
        return make_error(Reason::missing_extension, "ClientHello: TLS 1.3 without supported_groups");
    if (!hello.key_shares)
        return make_error(Reason::missing_extension, "ClientHello: TLS 1.3 with supported_groups but no key_share");
    const auto& shares = *hello.key_shares;
    for (auto it = shares.begin(); it != shares.end(); ++it) {
        const auto code = code_text(static_cast<std::uint16_t>(it->group));
        // RFC 8446 §4.2.8: "Clients MUST NOT offer multiple KeyShareEntry
        // values for the same group. Clients MUST NOT offer any KeyShareEntry
        // values for groups not listed in the client's "supported_groups"
        // extension. Servers MAY check for violations of these rules and abort
        // the handshake with an "illegal_parameter" alert if one is violated."
        if (std::any_of(shares.begin(), it, [&](const auto& earlier) { return earlier.group == it->group; }))
            return make_error(Reason::illegal_parameter, "ClientHello: key_share has two entries for group " + code);
        if (!contains(*hello.supported_groups, it->group))
            return make_error(Reason::illegal_parameter,
                              "ClientHello: key_share has an entry for group " + code +
                                  ", which supported_groups does not list");
    }
    return {};
}

std::vector<const SuiteInfo*> enabled_suites13(const ServerConfig& config) {
    std::vector<const SuiteInfo*> out;
    for (CipherSuite s : config.cipher_suites)
        if (const SuiteInfo* info = find_suite(s); info && info->version == ProtocolVersion::tls13) out.push_back(info);
    return out;
}

Result<const SuiteInfo*> choose_suite13(const ServerConfig& config, const msg::ClientHello& hello) {
    const auto ours = enabled_suites13(config);
    auto offered = [&](const SuiteInfo* s) { return contains(hello.cipher_suites, static_cast<std::uint16_t>(s->suite)); };
    if (config.prefer_server_cipher_order) {
        for (const SuiteInfo* s : ours)
            if (offered(s)) return s;
    } else {
        for (std::uint16_t code : hello.cipher_suites)
            for (const SuiteInfo* s : ours)
                if (static_cast<std::uint16_t>(s->suite) == code) return s;
    }
    return make_error(Reason::no_common_cipher_suite,
                      "ClientHello offers " + std::to_string(hello.cipher_suites.size()) +
                          " cipher suites, no TLS 1.3 suite enabled here among them");
}

Result<GroupChoice13> choose_group13(const ServerConfig& config, const msg::ClientHello& hello) {
    static const std::vector<msg::KeyShareEntry> no_shares;
    static const std::vector<NamedGroup> no_groups;
    const auto& shares = hello.key_shares ? *hello.key_shares : no_shares;
    const auto& supported = hello.supported_groups ? *hello.supported_groups : no_groups;
    for (NamedGroup g : config.groups)
        if (usable_group(g, config.security_level))
            if (const auto* share = share_for(shares, g)) return GroupChoice13{g, share};
    // RFC 8446 §4.1.4: "the server will send this message in response to a
    // ClientHello message if it is able to find an acceptable set of
    // parameters but the ClientHello does not contain sufficient information
    // to proceed with the handshake."
    for (NamedGroup g : config.groups)
        if (usable_group(g, config.security_level) && contains(supported, g)) return GroupChoice13{g, nullptr};
    return make_error(Reason::no_common_group, "ClientHello: supported_groups lists " +
                                                   std::to_string(supported.size()) +
                                                   " groups, none of them enabled here");
}

Result<CertificateChoice13> choose_certificate13(const ServerConfig& config, const msg::ClientHello& hello) {
    if (!hello.signature_algorithms)
        return make_error(Reason::missing_extension, "ClientHello: TLS 1.3 without signature_algorithms");
    const auto& theirs = *hello.signature_algorithms;
    std::vector<SignatureScheme> shared;
    if (config.prefer_server_cipher_order) {
        for (SignatureScheme s : config.signature_schemes)
            if (contains(theirs, s)) shared.push_back(s);
    } else {
        for (SignatureScheme s : theirs)
            if (contains(config.signature_schemes, s)) shared.push_back(s);
    }
    for (SignatureScheme scheme : shared) {
        if (!scheme_allowed(scheme, config.security_level)) continue;
        for (const CertifiedKey& cert : config.certificates) {
            // RFC 8446 §4.4.2.2: "the certificate MUST allow the key to be used
            // for signing (i.e., the digitalSignature bit MUST be set if the Key
            // Usage extension is present)".
            if (!cert.impl().may_sign) continue;
            if (scheme_usable13(scheme, cert.impl().key.type())) return CertificateChoice13{&cert, scheme};
        }
    }
    // RFC 8446 §4.4.2.2: "If the server cannot produce a certificate chain that
    // is signed only via the indicated supported algorithms, then it SHOULD
    // continue the handshake" concerns the chain's own signatures; the
    // CertificateVerify has no such latitude (§4.4.3).
    return make_error(Reason::no_common_signature_scheme,
                      "ClientHello: signature_algorithms lists " + std::to_string(theirs.size()) +
                          " schemes, none usable in TLS 1.3 with a certificate here");
}

Result<ServerChoice13> choose13(const ServerConfig& config, const msg::ClientHello& hello) {
    if (auto ok = check_client_hello13(hello); !ok) return std::move(ok).error();
    auto suite = choose_suite13(config, hello);
    if (!suite) return std::move(suite).error();
    auto group = choose_group13(config, hello);
    if (!group) return std::move(group).error();
    auto certificate = choose_certificate13(config, hello);
    if (!certificate) return std::move(certificate).error();
    return ServerChoice13{*suite, *group, *certificate};
}

std::vector<SignatureScheme> request_schemes13(const ServerConfig& config) {
    using crypto::KeyType;
    std::vector<SignatureScheme> out;
    for (SignatureScheme s : allowed_schemes(config.signature_schemes, config.security_level))
        for (KeyType key : {KeyType::rsa, KeyType::ecdsa_p256, KeyType::ecdsa_p384, KeyType::ecdsa_p521,
                            KeyType::ed25519, KeyType::ed448})
            if (scheme_usable13(s, key)) {
                out.push_back(s);
                break;
            }
    return out;
}

}  // namespace tlspp::handshake
