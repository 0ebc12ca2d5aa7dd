// crypto/hash.hpp: SHA-2 hashes (incremental and one-shot) and HMAC.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace tlspp::crypto {

using Bytes = std::vector<std::uint8_t>;
using ByteView = std::span<const std::uint8_t>;

// SHA-224 only for the TLS 1.2 signature schemes that name it (rsa_pkcs1_sha224, ecdsa_sha224).
enum class HashAlg { sha1, sha224, sha256, sha384, sha512 };

std::size_t hash_length(HashAlg alg);  // 20, 28, 32, 48, 64

// Room for the largest low-level SHA state (SHA512_CTX, also SHA-384's);
// hash.cpp checks it.
inline constexpr std::size_t sha_state_bytes = 216;

// Hash is an incremental hash. Copies are independent snapshots, so a
// transcript can be hashed "up to here" without disturbing it. Like Hmac it
// allocates nothing: the state is libcrypto's plain SHA context, held here,
// so a snapshot is a memcpy (hash.cpp says why). What it hashes (handshake
// messages) is public, so its state is not wiped.
class Hash {
public:
    explicit Hash(HashAlg alg);
    Hash(const Hash& other) = default;
    Hash& operator=(const Hash& other) = default;

    void update(ByteView data);
    // digest returns the hash of everything so far, leaving this Hash usable.
    Bytes digest() const;
    // digest_to writes that hash (hash_length(alg()) bytes) to `out`, which
    // must be at least that long, and returns how many bytes it wrote.
    std::size_t digest_to(std::span<std::uint8_t> out) const;
    HashAlg alg() const { return alg_; }

private:
    HashAlg alg_;
    alignas(8) unsigned char state_[sha_state_bytes];
};

Bytes digest(HashAlg alg, ByteView data);
Bytes hmac(HashAlg alg, ByteView key, ByteView data);

// Hmac is an HMAC keyed once and reused: reset() starts a new MAC under the
// same key from the precomputed inner and outer pad states, without redoing
// the key setup, for loops such as the TLS 1.2 PRF's P_hash (RFC 5246 §5).
// It allocates nothing: the states are libcrypto's plain SHA contexts, held
// here (hash.cpp says why).
class Hmac {
public:
    Hmac(HashAlg alg, ByteView key);
    Hmac(Hmac&& other) noexcept;
    Hmac& operator=(Hmac&& other) noexcept;
    Hmac(const Hmac&) = delete;
    Hmac& operator=(const Hmac&) = delete;
    ~Hmac();

    void update(ByteView data);
    // finish writes the MAC (hash_length(alg()) bytes) to `out`, which must
    // be at least that long, then resets for the next message.
    void finish(std::span<std::uint8_t> out);
    void reset();
    HashAlg alg() const { return alg_; }

    static constexpr std::size_t state_bytes = sha_state_bytes;

private:
    void wipe() noexcept;

    HashAlg alg_;
    alignas(8) unsigned char inner_[state_bytes];   // state after hashing K0 ^ ipad (RFC 2104 §2)
    alignas(8) unsigned char outer_[state_bytes];   // state after hashing K0 ^ opad
    alignas(8) unsigned char work_[state_bytes];    // the MAC in progress
};

}  // namespace tlspp::crypto
