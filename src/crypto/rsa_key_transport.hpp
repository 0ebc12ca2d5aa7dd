// crypto/rsa_key_transport.hpp: the TLS 1.2 RSA key exchange (RFC 5246
// §7.4.7.1): the client encrypts a 48-byte pre-master secret to the server's
// RSA key with RSAES-PKCS1-v1_5; the server decrypts it without revealing,
// by alert or by timing, whether the padding or the version was right
// (Bleichenbacher 1998, ROBOT 2017).
//
//   // client
//   auto pms = crypto::make_premaster(offered_version, random);
//   auto encrypted = crypto::encrypt_premaster(server_leaf_key, pms);        // ClientKeyExchange body
//   // server
//   auto pms = crypto::decrypt_premaster(key, encrypted, client_hello.legacy_version, random);
//
// The bytes here are the RSA ciphertext only; the ClientKeyExchange's u16
// length prefix (EncryptedPreMasterSecret, TLS 1.0 and later) belongs to the
// message codec.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "crypto/secret.hpp"
#include "crypto/signature.hpp"
#include "tlspp/random.hpp"
#include "tlspp/result.hpp"

namespace tlspp::crypto {

inline constexpr std::size_t premaster_secret_length = 48;

// make_premaster returns client_version (2 bytes, big-endian) || 46 random
// bytes. client_version is the version the client offered in its ClientHello
// (ClientHello.client_version, 0x0303), not the negotiated one (RFC 5246
// §7.4.7.1: this is the check against version rollback).
SecretBytes make_premaster(std::uint16_t client_version, RandomSource& random);

// encrypt_premaster encrypts the 48-byte pre-master secret with RSAES-PKCS1-v1_5
// (RFC 8017 §7.2) under the server's RSA public key. The padding's random
// bytes come from libcrypto's DRBG. Fails with certificate_unsupported_key if
// the key is not RSA, and with internal_error if `premaster` is not 48 bytes
// or libcrypto fails.
Result<std::vector<std::uint8_t>> encrypt_premaster(const PublicKey& server_key,
                                                    std::span<const std::uint8_t> premaster);

// decrypt_premaster always returns 48 bytes: the pre-master secret if
// `encrypted` is a PKCS#1 v1.5 encryption of 48 bytes beginning with
// `client_version`, and otherwise 48 random bytes, so that the failure shows
// only as a Finished that does not verify (RFC 5246 §7.4.7.1, RFC 8017 §7.2.2
// note). It never fails and never reports why.
//
// The padding, length and version checks are libcrypto's TLS mode
// (RSA_PKCS1_WITH_TLS_PADDING with OSSL_ASYM_CIPHER_PARAM_TLS_CLIENT_VERSION),
// which decrypts, checks and selects between the decrypted and a random
// secret in constant time; nothing here branches on the outcome. The
// rollback-bug workaround (accepting the negotiated version too,
// OSSL_ASYM_CIPHER_PARAM_TLS_NEGOTIATED_VERSION) is deliberately not enabled,
// as in OpenSSL's own default.
//
// The only branch is on facts visible in public data: a ciphertext whose
// length is not the modulus length, a value not below the modulus, or a
// private key that is not RSA (a configuration the negotiation never picks
// RSA key exchange for) give 48 bytes from `random` instead. `random` is
// drawn from on every call, whatever the input.
SecretBytes decrypt_premaster(const PrivateKey& key, std::span<const std::uint8_t> encrypted,
                              std::uint16_t client_version, RandomSource& random);

}  // namespace tlspp::crypto
