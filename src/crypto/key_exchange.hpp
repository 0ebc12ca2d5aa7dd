// crypto/key_exchange.hpp: ephemeral (EC)DH key shares for the named groups.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "crypto/secret.hpp"
#include "tlspp/random.hpp"
#include "tlspp/result.hpp"
#include "tlspp/types.hpp"

struct evp_pkey_st;  // OpenSSL's EVP_PKEY

namespace tlspp::crypto {

bool group_supported(NamedGroup group);
bool is_ffdhe(NamedGroup group);

// supported_groups lists every group of the group table (key_exchange.cpp),
// in its order: x25519, x448, the NIST curves, the RFC 7919 groups.
std::span<const NamedGroup> supported_groups();

// group_label is the name people use: "P-256" for the NIST curves (FIPS
// 186-4; IANA says "secp256r1"), the IANA name for the others ("x25519").
std::string_view group_label(NamedGroup group);

// FfdheParams are an RFC 7919 group's prime and generator, big-endian
// without leading zeros, as ServerDHParams carries them (RFC 5246 §7.4.3).
struct FfdheParams {
    std::vector<std::uint8_t> p;
    std::vector<std::uint8_t> g;
};

// ffdhe_params gives the parameters of ffdhe2048/3072/4096; internal_error otherwise.
Result<FfdheParams> ffdhe_params(NamedGroup group);

// ffdhe_group_of recognises (p, g) as one of the RFC 7919 groups, ignoring
// leading zero bytes; nullopt for any other parameters.
std::optional<NamedGroup> ffdhe_group_of(std::span<const std::uint8_t> p, std::span<const std::uint8_t> g);

// KeyShare is one side's ephemeral private key for a group and its public
// value in TLS encoding: X25519 32 bytes (RFC 7748); P-256/P-384 the
// uncompressed point 04||x||y (RFC 8422 §5.4.1); ffdhe (RFC 7919) the
// public value left-padded to the prime's length.
class KeyShare {
public:
    // generate makes a fresh key whose private part is drawn from `random`,
    // so a fixed RandomSource gives a reproducible key. Fails with
    // internal_error for an unsupported group.
    static Result<KeyShare> generate(NamedGroup group, RandomSource& random);
    KeyShare(KeyShare&& other) noexcept;
    KeyShare& operator=(KeyShare&& other) noexcept;
    KeyShare(const KeyShare&) = delete;
    KeyShare& operator=(const KeyShare&) = delete;
    ~KeyShare();

    NamedGroup group() const { return group_; }
    const std::vector<std::uint8_t>& public_value() const { return public_; }

    // agree computes the shared secret with the peer's public value. It
    // checks the value first (length, on the curve, not the identity, 1 <
    // y < p-1 for ffdhe) and fails with bad_key_share (illegal_parameter)
    // otherwise. The secret is the x-coordinate for ECDH (RFC 8422 §5.10);
    // for ffdhe, leading zero bytes are stripped in TLS 1.2 (RFC 5246 §8.1.2).
    // The one-argument form follows TLS 1.3 (RFC 8446 §7.4.1: the ffdhe secret
    // keeps its leading zeros, and the peer's value must be padded); pass
    // ProtocolVersion::tls12 to strip them and accept an unpadded dh_Y.
    Result<SecretBytes> agree(std::span<const std::uint8_t> peer_public) const;
    Result<SecretBytes> agree(std::span<const std::uint8_t> peer_public, ProtocolVersion version) const;

private:
    KeyShare(NamedGroup group, evp_pkey_st* key, std::vector<std::uint8_t> pub)
        : group_(group), key_(key), public_(std::move(pub)) {}
    NamedGroup group_;
    evp_pkey_st* key_ = nullptr;
    std::vector<std::uint8_t> public_;
};

}  // namespace tlspp::crypto
