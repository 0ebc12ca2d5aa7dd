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

}  // namespace tlspp::crypto
