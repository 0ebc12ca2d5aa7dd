// crypto/aead.hpp: AES-GCM and ChaCha20-Poly1305, sealing and opening in place.
#pragma once

#include <cstdint>
#include <span>

#include "tlspp/result.hpp"

struct evp_cipher_ctx_st;  // OpenSSL's EVP_CIPHER_CTX

namespace tlspp::crypto {

enum class AeadAlg { aes_128_gcm, aes_256_gcm, chacha20_poly1305 };

std::size_t aead_key_length(AeadAlg alg);     // 16, 32, 32
constexpr std::size_t aead_nonce_length = 12;
constexpr std::size_t aead_tag_length = 16;

// AeadUse says which operations a key serves. Each needs its own cipher
// context (≈ 1.1 KB of libcrypto heap), so a key that only seals (a record
// layer's write side) or only opens (its read side) should say so.
enum class AeadUse { seal_and_open, seal_only, open_only };

// AeadKey is a key set up once and used for many records: the expensive key
// schedule runs in create(), each seal/open only sets the nonce.
class AeadKey {
public:
    // create fails with internal_error if the key has the wrong length.
    // seal() on an open_only key aborts (a bug in the caller); open() on a
    // seal_only key returns false.
    static Result<AeadKey> create(AeadAlg alg, std::span<const std::uint8_t> key,
                                  AeadUse use = AeadUse::seal_and_open);
    AeadKey(AeadKey&& other) noexcept;
    AeadKey& operator=(AeadKey&& other) noexcept;
    AeadKey(const AeadKey&) = delete;
    AeadKey& operator=(const AeadKey&) = delete;
    ~AeadKey();

    // seal encrypts `data` in place and writes the 16-byte tag.
    void seal(std::span<const std::uint8_t, aead_nonce_length> nonce, std::span<const std::uint8_t> aad,
              std::span<std::uint8_t> data, std::span<std::uint8_t, aead_tag_length> tag);
    // This seal encrypts `plaintext` into `out` (the same size, not
    // overlapping it), so a record can be sealed straight from the caller's
    // buffer without copying the plaintext in first.
    void seal(std::span<const std::uint8_t, aead_nonce_length> nonce, std::span<const std::uint8_t> aad,
              std::span<const std::uint8_t> plaintext, std::span<std::uint8_t> out,
              std::span<std::uint8_t, aead_tag_length> tag);
    // open decrypts `data` in place; false if the tag does not authenticate
    // (the contents of `data` are then unspecified).
    [[nodiscard]] bool open(std::span<const std::uint8_t, aead_nonce_length> nonce,
                            std::span<const std::uint8_t> aad, std::span<std::uint8_t> data,
                            std::span<const std::uint8_t, aead_tag_length> tag);
    AeadAlg alg() const { return alg_; }
    bool can_seal() const { return enc_ != nullptr; }
    bool can_open() const { return dec_ != nullptr; }

private:
    AeadKey(AeadAlg alg, evp_cipher_ctx_st* enc, evp_cipher_ctx_st* dec) : alg_(alg), enc_(enc), dec_(dec) {}
    AeadAlg alg_;
    evp_cipher_ctx_st* enc_ = nullptr;
    evp_cipher_ctx_st* dec_ = nullptr;
};

}  // namespace tlspp::crypto
