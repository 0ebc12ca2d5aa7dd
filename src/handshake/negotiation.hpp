// handshake/negotiation.hpp: the server's choices from a ClientHello. A part
// common to both versions (negotiation.cpp): the protocol version, its
// downgrade protections, the application protocol, which certificates fit a
// suite; then the TLS 1.2 choices (choose12, negotiation12.cpp): cipher suite,
// certificate, signature scheme, group. TLS 1.3's are in negotiation13.hpp.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "crypto/signature.hpp"
#include "handshake/suites.hpp"
#include "msg/client_hello.hpp"
#include "tlspp/config.hpp"

namespace tlspp::handshake {

// --- Common to both versions ---

// RFC 7507 §6: TLS_FALLBACK_SCSV, a cipher suite value that is a signal
// ("this is a fallback retry"), never a suite.
inline constexpr std::uint16_t fallback_scsv = 0x5600;

// choose_version picks the version for a ClientHello (RFC 8446 §4.2.1). With
// supported_versions: the highest version both that list and config.versions
// hold (legacy_version, GREASE and unknown values are ignored). Without it:
// TLS 1.2 if the legacy_version is 3.3 or above and 1.2 is enabled. Nothing in
// common: unsupported_version (protocol_version). Then RFC 7507: a ClientHello
// listing TLS_FALLBACK_SCSV that gets less than the highest version enabled
// here fails with inappropriate_fallback (alert inappropriate_fallback).
Result<ProtocolVersion> choose_version(const ServerConfig& config, const msg::ClientHello& hello);

// has_downgrade_sentinel says whether a ServerHello.random that negotiated
// `negotiated` carries a downgrade sentinel of RFC 8446 §4.1.3 (either
// "DOWNGRD" 01 or 00 in its last 8 bytes, for any version below 1.3; always
// false for 1.3). A client with TLS 1.3 enabled that sees it refuses the
// ServerHello with illegal_parameter.
bool has_downgrade_sentinel(const std::array<std::uint8_t, 32>& server_random, ProtocolVersion negotiated);

// write_downgrade_sentinel puts RFC 8446 §4.1.3's sentinel into the last 8
// bytes of our ServerHello.random when `config` enables TLS 1.3 and the
// negotiated version is below it ("DOWNGRD" 01 for 1.2); otherwise `random`
// is left as it is.
void write_downgrade_sentinel(std::array<std::uint8_t, 32>& random, ProtocolVersion negotiated,
                              const ServerConfig& config);

// choose_alpn picks the server's most preferred protocol that the client
// offered. It returns "" when either side has no ALPN list, and fails with
// no_application_protocol when both have lists with nothing in common
// (RFC 7301 §3.2).
Result<std::string> choose_alpn(const std::vector<std::string>& ours,
                                const std::optional<std::vector<std::string>>& offered);

// key_fits_suite says whether a certificate key can authenticate the suite
// (RSA suites: RSA keys; ECDSA suites: ECDSA and EdDSA keys, RFC 8422 §5.1.1;
// TLS 1.3 suites: any key, the signature scheme decides).
bool key_fits_suite(crypto::KeyType key, Authentication auth);

// key_usage_fits says whether a leaf whose keyUsage allows signing
// (digitalSignature) and enciphering (keyEncipherment) as given may serve a
// suite of key exchange `kx`: RFC 5246 §7.4.2 and RFC 5280 §4.2.1.3,
// (EC)DHE signs its parameters, RSA key transport encrypts the pre-master.
bool key_usage_fits(bool may_sign, bool may_encipher, KeyExchange kx);

// --- TLS 1.2 ---

struct ServerChoice12 {
    const SuiteInfo* suite = nullptr;
    const CertifiedKey* certificate = nullptr;
    SignatureScheme scheme{};
    NamedGroup group{};
};

// choose12 walks the suites in the server's order (or the client's, if
// configured) and takes the first one the client offered for which there is
// a certificate of the right kind, a signature scheme both sides accept for
// its key, and a common group. Fails with handshake_failure naming what was
// missing: no_common_cipher_suite, no_common_group or no_common_signature_scheme.
Result<ServerChoice12> choose12(const ServerConfig& config, const msg::ClientHello& hello);

}  // namespace tlspp::handshake
