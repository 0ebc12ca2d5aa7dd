// crypto/hash.cpp: SHA-2 (and SHA-1) on libcrypto's low-level SHA contexts,
// and HMAC on top of them.
//
// libcrypto fails these calls only when it cannot allocate. Like a failed
// operator new, that is not a protocol error a caller could handle, so we
// abort rather than return a wrong digest.
#define OPENSSL_SUPPRESS_DEPRECATED   // the low-level SHA contexts, below
#include "crypto/hash.hpp"

#include <openssl/crypto.h>
#include <openssl/sha.h>

#include <cstdlib>
#include <cstring>

namespace tlspp::crypto {

namespace {

void check(bool ok) {
    if (!ok) std::abort();
}

}  // namespace

std::size_t hash_length(HashAlg alg) {
    switch (alg) {
    case HashAlg::sha1: return 20;
    case HashAlg::sha224: return 28;
    case HashAlg::sha256: return 32;
    case HashAlg::sha384: return 48;
    case HashAlg::sha512: return 64;
    }
    return 32;
}

// ---- libcrypto's low-level SHA contexts ----
//
// Hash and Hmac keep their states in libcrypto's low-level SHA contexts rather
// than EVP_MD_CTXs. A transcript is snapshotted for every Finished and
// signature, and the TLS 1.2 PRF makes ~14 short HMACs per full handshake,
// each from copies of two keyed states. Through EVP, every copy
// (EVP_MD_CTX_copy_ex) duplicates the provider context in OpenSSL 3.0 — an
// allocation and its setup per copy, more instructions than the compressions
// themselves (docs/performance.md). The low-level contexts are plain structs:
// a copy is a memcpy. They are deprecated in 3.0 but still exported;
// crypto/cbc_hmac.cpp uses them the same way. The deprecation warnings are
// silenced for this file only.

namespace {

static_assert(sizeof(SHA512_CTX) <= sha_state_bytes && sizeof(SHA256_CTX) <= sha_state_bytes &&
              sizeof(SHA_CTX) <= sha_state_bytes);

std::size_t block_size(HashAlg alg) { return alg == HashAlg::sha384 || alg == HashAlg::sha512 ? 128 : 64; }

void sha_init(HashAlg alg, unsigned char* state) {
    switch (alg) {
    case HashAlg::sha1: check(SHA1_Init(reinterpret_cast<SHA_CTX*>(state)) == 1); return;
    case HashAlg::sha224: check(SHA224_Init(reinterpret_cast<SHA256_CTX*>(state)) == 1); return;
    case HashAlg::sha256: check(SHA256_Init(reinterpret_cast<SHA256_CTX*>(state)) == 1); return;
    case HashAlg::sha384: check(SHA384_Init(reinterpret_cast<SHA512_CTX*>(state)) == 1); return;
    case HashAlg::sha512: check(SHA512_Init(reinterpret_cast<SHA512_CTX*>(state)) == 1); return;
    }
}

void sha_update(HashAlg alg, unsigned char* state, const std::uint8_t* data, std::size_t n) {
    switch (alg) {
    case HashAlg::sha1: check(SHA1_Update(reinterpret_cast<SHA_CTX*>(state), data, n) == 1); return;
    case HashAlg::sha224: check(SHA224_Update(reinterpret_cast<SHA256_CTX*>(state), data, n) == 1); return;
    case HashAlg::sha256: check(SHA256_Update(reinterpret_cast<SHA256_CTX*>(state), data, n) == 1); return;
    case HashAlg::sha384: check(SHA384_Update(reinterpret_cast<SHA512_CTX*>(state), data, n) == 1); return;
    case HashAlg::sha512: check(SHA512_Update(reinterpret_cast<SHA512_CTX*>(state), data, n) == 1); return;
    }
}

void sha_final(HashAlg alg, unsigned char* state, std::uint8_t* out) {
    switch (alg) {
    case HashAlg::sha1: check(SHA1_Final(out, reinterpret_cast<SHA_CTX*>(state)) == 1); return;
    case HashAlg::sha224: check(SHA224_Final(out, reinterpret_cast<SHA256_CTX*>(state)) == 1); return;
    case HashAlg::sha256: check(SHA256_Final(out, reinterpret_cast<SHA256_CTX*>(state)) == 1); return;
    case HashAlg::sha384: check(SHA384_Final(out, reinterpret_cast<SHA512_CTX*>(state)) == 1); return;
    case HashAlg::sha512: check(SHA512_Final(out, reinterpret_cast<SHA512_CTX*>(state)) == 1); return;
    }
}

}  // namespace

// ---- Hash ----

Hash::Hash(HashAlg alg) : alg_(alg) { sha_init(alg, state_); }

void Hash::update(ByteView data) {
    if (data.empty()) return;
    sha_update(alg_, state_, data.data(), data.size());
}

std::size_t Hash::digest_to(std::span<std::uint8_t> out) const {
    const std::size_t n = hash_length(alg_);
    check(out.size() >= n);
    // Finalising consumes a state, so finish a snapshot and keep ours running.
    alignas(8) unsigned char snapshot[sha_state_bytes];
    std::memcpy(snapshot, state_, sha_state_bytes);
    sha_final(alg_, snapshot, out.data());
    return n;
}

Bytes Hash::digest() const {
    Bytes out(hash_length(alg_));
    digest_to(out);
    return out;
}

Bytes digest(HashAlg alg, ByteView data) {
    Hash hash(alg);
    hash.update(data);
    return hash.digest();
}

// ---- Hmac ----
//
// HMAC is built here from the hash (RFC 2104 §2): the keyed inner and outer
// states are hashed once, and each MAC starts from copies of them.


Hmac::Hmac(HashAlg alg, ByteView key) : alg_(alg) {
    const std::size_t block = block_size(alg);
    // RFC 2104 §2: a key longer than the block is hashed first; K0 is the key
    // padded with zeros to the block size.
    std::uint8_t k0[128] = {};
    if (key.size() > block) {
        sha_init(alg, work_);
        sha_update(alg, work_, key.data(), key.size());
        sha_final(alg, work_, k0);
    } else if (!key.empty()) {
        std::memcpy(k0, key.data(), key.size());
    }
    std::uint8_t pad[128];
    for (std::size_t i = 0; i < block; ++i) pad[i] = k0[i] ^ 0x36;
    sha_init(alg, inner_);
    sha_update(alg, inner_, pad, block);
    for (std::size_t i = 0; i < block; ++i) pad[i] = k0[i] ^ 0x5c;
    sha_init(alg, outer_);
    sha_update(alg, outer_, pad, block);
    OPENSSL_cleanse(k0, sizeof k0);
    OPENSSL_cleanse(pad, sizeof pad);
    reset();
}

Hmac::Hmac(Hmac&& other) noexcept : alg_(other.alg_) {
    std::memcpy(inner_, other.inner_, state_bytes);
    std::memcpy(outer_, other.outer_, state_bytes);
    std::memcpy(work_, other.work_, state_bytes);
    other.wipe();
}

Hmac& Hmac::operator=(Hmac&& other) noexcept {
    if (this != &other) {
        alg_ = other.alg_;
        std::memcpy(inner_, other.inner_, state_bytes);
        std::memcpy(outer_, other.outer_, state_bytes);
        std::memcpy(work_, other.work_, state_bytes);
        other.wipe();
    }
    return *this;
}

Hmac::~Hmac() { wipe(); }

// The keyed states are as secret as the key.
void Hmac::wipe() noexcept {
    OPENSSL_cleanse(inner_, state_bytes);
    OPENSSL_cleanse(outer_, state_bytes);
    OPENSSL_cleanse(work_, state_bytes);
}

void Hmac::update(ByteView data) {
    if (data.empty()) return;
    sha_update(alg_, work_, data.data(), data.size());
}

// RFC 2104 §2: H(K0 ^ opad, H(K0 ^ ipad, text)).
void Hmac::finish(std::span<std::uint8_t> out) {
    std::uint8_t inner_hash[64];
    const std::size_t n = hash_length(alg_);
    check(out.size() >= n);
    sha_final(alg_, work_, inner_hash);
    std::memcpy(work_, outer_, state_bytes);
    sha_update(alg_, work_, inner_hash, n);
    sha_final(alg_, work_, out.data());
    OPENSSL_cleanse(inner_hash, sizeof inner_hash);
    reset();
}

void Hmac::reset() { std::memcpy(work_, inner_, state_bytes); }

Bytes hmac(HashAlg alg, ByteView key, ByteView data) {
    Hmac mac(alg, key);
    mac.update(data);
    Bytes out(hash_length(alg));
    mac.finish(out);
    return out;
}

}  // namespace tlspp::crypto
