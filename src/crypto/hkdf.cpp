// crypto/hkdf.cpp: HKDF (RFC 5869) on the reusable Hmac of crypto/hash.hpp.
// Written out rather than taken from libcrypto's EVP_KDF "HKDF" because the
// loop is four lines and Hmac keys once for all of its blocks; the tests check
// it against the RFC 5869 vectors and against EVP_KDF.
#include "crypto/hkdf.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstring>

namespace tlspp::crypto {

// RFC 5869 §2.2: "PRK = HMAC-Hash(salt, IKM)". "salt: optional salt value (a
// non-secret random value); if not provided, it is set to a string of HashLen
// zeros." HMAC pads its key with zeros to the block size (RFC 2104 §2), so the
// empty salt and HashLen zeros are the same key and need no special case.
SecretBytes hkdf_extract(HashAlg alg, ByteView salt, ByteView ikm) {
    Hmac mac(alg, salt);
    mac.update(ikm);
    SecretBytes prk(hash_length(alg));
    mac.finish(prk.span());
    return prk;
}

// RFC 5869 §2.3:
//   N = ceil(L/HashLen)
//   T = T(1) | T(2) | T(3) | ... | T(N)
//   OKM = first L octets of T
//   T(0) = empty string (zero length)
//   T(i) = HMAC-Hash(PRK, T(i-1) | info | i)   for i = 1..N
SecretBytes hkdf_expand_parts(HashAlg alg, ByteView prk, std::span<const ByteView> info_parts, std::size_t length) {
    const std::size_t h = hash_length(alg);
    // "L: length of output keying material in octets (<= 255*HashLen)".
    if (length > 255 * h) std::abort();
    SecretBytes okm(length);
    if (length == 0) return okm;
    Hmac mac(alg, prk);
    SecretBytes block(h);   // T(i), wiped on return
    std::size_t done = 0;
    for (std::uint8_t i = 1;; ++i) {
        if (i > 1) mac.update(block.view());
        for (ByteView part : info_parts) mac.update(part);
        const std::uint8_t counter[1] = {i};
        mac.update(counter);
        mac.finish(block.span());
        const std::size_t n = std::min(h, length - done);
        std::memcpy(okm.data() + done, block.data(), n);
        done += n;
        if (done == length) return okm;
    }
}

SecretBytes hkdf_expand(HashAlg alg, ByteView prk, ByteView info, std::size_t length) {
    const std::array<ByteView, 1> parts{info};
    return hkdf_expand_parts(alg, prk, parts, length);
}

}  // namespace tlspp::crypto
