// crypto/hkdf.hpp: HKDF (RFC 5869), the extract-then-expand KDF that TLS 1.3
// builds its whole key schedule on (RFC 8446 §7.1). Pure functions.
#pragma once

#include <cstdint>
#include <span>

#include "crypto/hash.hpp"
#include "crypto/secret.hpp"

namespace tlspp::crypto {

// hkdf_extract is HKDF-Extract(salt, IKM) = HMAC-Hash(salt, IKM), a
// pseudorandom key of hash_length(alg) bytes (RFC 5869 §2.2). An empty salt
// stands for HashLen zero bytes, which gives the same HMAC key.
SecretBytes hkdf_extract(HashAlg alg, ByteView salt, ByteView ikm);

// hkdf_expand is HKDF-Expand(PRK, info, L) (RFC 5869 §2.3): `length` bytes of
// output keying material. RFC 5869 limits L to 255 * HashLen; TLS only ever
// asks for a secret, a key or an IV (at most 64 bytes), so a longer request
// is a bug in the caller and aborts rather than being an error to handle.
SecretBytes hkdf_expand(HashAlg alg, ByteView prk, ByteView info, std::size_t length);

// hkdf_expand_parts is hkdf_expand with `info` given as the concatenation of
// `parts`, so HkdfLabel (RFC 8446 §7.1) need not be assembled in a buffer.
SecretBytes hkdf_expand_parts(HashAlg alg, ByteView prk, std::span<const ByteView> info_parts, std::size_t length);

}  // namespace tlspp::crypto
