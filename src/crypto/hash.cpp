// crypto/hash.cpp: SHA-2 (and SHA-1) through libcrypto's EVP_MD, and HMAC on top of it.
//
// Hashes run on hot paths (the transcript, every HMAC in the PRF), so each
// EVP_MD is fetched once per process: in OpenSSL 3.0, EVP_sha256() and friends
// are "implicit fetch" objects that look the provider up again on every
// EVP_DigestInit_ex, while an explicitly fetched EVP_MD does not.
//
// libcrypto fails these calls only when it cannot allocate. Like a failed
// operator new, that is not a protocol error a caller could handle, so we
// abort rather than return a wrong digest.
#include "crypto/hash.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <cstdlib>
#include <cstring>
#include <utility>

namespace tlspp::crypto {

namespace {

void check(bool ok) {
    if (!ok) std::abort();
}

const char* md_name(HashAlg alg) {
    switch (alg) {
    case HashAlg::sha1: return "SHA1";
    case HashAlg::sha256: return "SHA256";
    case HashAlg::sha384: return "SHA384";
    case HashAlg::sha512: return "SHA512";
    }
    return "SHA256";
}

EVP_MD* fetch_md(HashAlg alg) {
    EVP_MD* md = EVP_MD_fetch(nullptr, md_name(alg), nullptr);
    check(md != nullptr);
    return md;
}

// The fetched digests live for the whole process (function-local statics are
// initialised once, thread-safely).
const EVP_MD* md_for(HashAlg alg) {
    static EVP_MD* const sha1 = fetch_md(HashAlg::sha1);
    static EVP_MD* const sha256 = fetch_md(HashAlg::sha256);
    static EVP_MD* const sha384 = fetch_md(HashAlg::sha384);
    static EVP_MD* const sha512 = fetch_md(HashAlg::sha512);
    switch (alg) {
    case HashAlg::sha1: return sha1;
    case HashAlg::sha256: return sha256;
    case HashAlg::sha384: return sha384;
    case HashAlg::sha512: return sha512;
    }
    return sha256;
}

}  // namespace

std::size_t hash_length(HashAlg alg) {
    switch (alg) {
    case HashAlg::sha1: return 20;
    case HashAlg::sha256: return 32;
    case HashAlg::sha384: return 48;
    case HashAlg::sha512: return 64;
    }
    return 32;
}

// ---- Hash ----

Hash::Hash(HashAlg alg) : alg_(alg), ctx_(EVP_MD_CTX_new()) {
    check(ctx_ != nullptr);
    check(EVP_DigestInit_ex(ctx_, md_for(alg), nullptr) == 1);
}

Hash::Hash(const Hash& other) : alg_(other.alg_), ctx_(EVP_MD_CTX_new()) {
    check(ctx_ != nullptr);
    check(EVP_MD_CTX_copy_ex(ctx_, other.ctx_) == 1);
}

Hash& Hash::operator=(const Hash& other) {
    if (this == &other) return *this;
    // A moved-from Hash has no context; give it one to copy into.
    if (ctx_ == nullptr) {
        ctx_ = EVP_MD_CTX_new();
        check(ctx_ != nullptr);
    }
    // EVP_MD_CTX_copy_ex reuses this context's state buffer when the digest matches.
    check(EVP_MD_CTX_copy_ex(ctx_, other.ctx_) == 1);
    alg_ = other.alg_;
    return *this;
}

Hash::Hash(Hash&& other) noexcept : alg_(other.alg_), ctx_(std::exchange(other.ctx_, nullptr)) {}

Hash& Hash::operator=(Hash&& other) noexcept {
    if (this != &other) {
        EVP_MD_CTX_free(ctx_);
        alg_ = other.alg_;
        ctx_ = std::exchange(other.ctx_, nullptr);
    }
    return *this;
}

Hash::~Hash() { EVP_MD_CTX_free(ctx_); }

void Hash::update(ByteView data) {
    if (data.empty()) return;
    check(EVP_DigestUpdate(ctx_, data.data(), data.size()) == 1);
}

Bytes Hash::digest() const {
    // Finalising consumes a context, so finish a snapshot and keep ours running.
    EVP_MD_CTX* snapshot = EVP_MD_CTX_new();
    check(snapshot != nullptr);
    check(EVP_MD_CTX_copy_ex(snapshot, ctx_) == 1);
    Bytes out(hash_length(alg_));
    unsigned int n = 0;
    check(EVP_DigestFinal_ex(snapshot, out.data(), &n) == 1);
    EVP_MD_CTX_free(snapshot);
    out.resize(n);
    return out;
}

Bytes digest(HashAlg alg, ByteView data) {
    Bytes out(hash_length(alg));
    unsigned int n = 0;
    check(EVP_Digest(data.data(), data.size(), out.data(), &n, md_for(alg), nullptr) == 1);
    out.resize(n);
    return out;
}

// ---- Hmac ----
//
// HMAC is built here from the digest (RFC 2104 §2) rather than with EVP_MAC:
// the keyed inner and outer states are hashed once, and each MAC starts from
// copies of them. In OpenSSL 3.0 no EVP route is allocation-free: every
// EVP_MD_CTX copy or re-init duplicates the provider context, so each MAC
// costs two small allocations either way. This way skips EVP_MAC's parameter
// handling (about 10% faster per short MAC when measured) and keys with about
// half the allocations, which adds up over the PRF's many short HMACs.

Hmac::Hmac(HashAlg alg, ByteView key)
    : alg_(alg), inner_(EVP_MD_CTX_new()), outer_(EVP_MD_CTX_new()), work_(EVP_MD_CTX_new()) {
    check(inner_ != nullptr && outer_ != nullptr && work_ != nullptr);
    const EVP_MD* md = md_for(alg);
    const std::size_t block = static_cast<std::size_t>(EVP_MD_get_block_size(md));

    // RFC 2104 §2: a key longer than the block is hashed first; K0 is the key
    // padded with zeros to the block size.
    std::uint8_t k0[128] = {};
    check(block <= sizeof k0);
    if (key.size() > block) {
        unsigned int n = 0;
        check(EVP_Digest(key.data(), key.size(), k0, &n, md, nullptr) == 1);
    } else if (!key.empty()) {
        std::memcpy(k0, key.data(), key.size());
    }
    std::uint8_t pad[128];
    for (std::size_t i = 0; i < block; ++i) pad[i] = k0[i] ^ 0x36;
    check(EVP_DigestInit_ex(inner_, md, nullptr) == 1 && EVP_DigestUpdate(inner_, pad, block) == 1);
    for (std::size_t i = 0; i < block; ++i) pad[i] = k0[i] ^ 0x5c;
    check(EVP_DigestInit_ex(outer_, md, nullptr) == 1 && EVP_DigestUpdate(outer_, pad, block) == 1);
    OPENSSL_cleanse(k0, sizeof k0);
    OPENSSL_cleanse(pad, sizeof pad);
    reset();
}

Hmac::Hmac(Hmac&& other) noexcept
    : alg_(other.alg_),
      inner_(std::exchange(other.inner_, nullptr)),
      outer_(std::exchange(other.outer_, nullptr)),
      work_(std::exchange(other.work_, nullptr)) {}

Hmac& Hmac::operator=(Hmac&& other) noexcept {
    if (this != &other) {
        free_contexts();
        alg_ = other.alg_;
        inner_ = std::exchange(other.inner_, nullptr);
        outer_ = std::exchange(other.outer_, nullptr);
        work_ = std::exchange(other.work_, nullptr);
    }
    return *this;
}

Hmac::~Hmac() { free_contexts(); }

// EVP_MD_CTX_free wipes the keyed states.
void Hmac::free_contexts() noexcept {
    EVP_MD_CTX_free(inner_);
    EVP_MD_CTX_free(outer_);
    EVP_MD_CTX_free(work_);
}

void Hmac::update(ByteView data) {
    if (data.empty()) return;
    check(EVP_DigestUpdate(work_, data.data(), data.size()) == 1);
}

// RFC 2104 §2: H(K0 ^ opad, H(K0 ^ ipad, text)).
void Hmac::finish(std::span<std::uint8_t> out) {
    std::uint8_t inner_hash[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    check(out.size() >= hash_length(alg_));
    check(EVP_DigestFinal_ex(work_, inner_hash, &n) == 1);
    check(EVP_MD_CTX_copy_ex(work_, outer_) == 1);
    check(EVP_DigestUpdate(work_, inner_hash, n) == 1);
    check(EVP_DigestFinal_ex(work_, out.data(), &n) == 1);
    OPENSSL_cleanse(inner_hash, sizeof inner_hash);
    reset();
}

void Hmac::reset() { check(EVP_MD_CTX_copy_ex(work_, inner_) == 1); }

Bytes hmac(HashAlg alg, ByteView key, ByteView data) {
    Hmac mac(alg, key);
    mac.update(data);
    Bytes out(hash_length(alg));
    mac.finish(out);
    return out;
}

}  // namespace tlspp::crypto
