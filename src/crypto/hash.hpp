// crypto/hash.hpp: SHA-2 hashes (incremental and one-shot) and HMAC.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

struct evp_md_ctx_st;  // OpenSSL's EVP_MD_CTX, kept out of the header

namespace tlspp::crypto {

using Bytes = std::vector<std::uint8_t>;
using ByteView = std::span<const std::uint8_t>;

enum class HashAlg { sha1, sha256, sha384, sha512 };

std::size_t hash_length(HashAlg alg);  // 20, 32, 48, 64

// Hash is an incremental hash. Copies are independent snapshots, so a
// transcript can be hashed "up to here" without disturbing it.
class Hash {
public:
    explicit Hash(HashAlg alg);
    Hash(const Hash& other);
    Hash& operator=(const Hash& other);
    Hash(Hash&& other) noexcept;
    Hash& operator=(Hash&& other) noexcept;
    ~Hash();

    void update(ByteView data);
    // digest returns the hash of everything so far, leaving this Hash usable.
    Bytes digest() const;
    HashAlg alg() const { return alg_; }

private:
    HashAlg alg_;
    evp_md_ctx_st* ctx_ = nullptr;
};

Bytes digest(HashAlg alg, ByteView data);
Bytes hmac(HashAlg alg, ByteView key, ByteView data);

// Hmac is an HMAC keyed once and reused: reset() starts a new MAC under the
// same key from the precomputed inner and outer pad states, without redoing
// the key setup, for loops such as the TLS 1.2 PRF's P_hash (RFC 5246 §5).
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

private:
    void free_contexts() noexcept;

    HashAlg alg_;
    evp_md_ctx_st* inner_ = nullptr;  // state after hashing K0 ^ ipad (RFC 2104 §2)
    evp_md_ctx_st* outer_ = nullptr;  // state after hashing K0 ^ opad
    evp_md_ctx_st* work_ = nullptr;   // the MAC in progress
};

}  // namespace tlspp::crypto
