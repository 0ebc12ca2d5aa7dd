// crypto/cbc.hpp: AES-CBC without padding, in place, for TLS 1.2 CBC records
// (RFC 5246 §6.2.3.2). The record layer does its own padding and checks it in
// constant time, so libcrypto's PKCS#7 padding is switched off.
#pragma once

#include <cstdint>
#include <span>

#include "tlspp/result.hpp"

struct evp_cipher_ctx_st;  // OpenSSL's EVP_CIPHER_CTX

namespace tlspp::crypto {

constexpr std::size_t cbc_block_length = 16;

enum class CbcDirection { encrypt, decrypt };

// CbcKey is an AES-128-CBC or AES-256-CBC key for one direction, with its key
// schedule expanded once in create(); crypt() only installs the IV, so a
// record costs neither a key schedule nor an allocation.
class CbcKey {
public:
    // create takes a 16-byte (AES-128) or 32-byte (AES-256) key; any other
    // length fails with internal_error.
    static Result<CbcKey> create(std::span<const std::uint8_t> key, CbcDirection direction);
    CbcKey(CbcKey&& other) noexcept;
    CbcKey& operator=(CbcKey&& other) noexcept;
    CbcKey(const CbcKey&) = delete;
    CbcKey& operator=(const CbcKey&) = delete;
    ~CbcKey();

    // crypt encrypts or decrypts `data` in place under `iv`. `data` must be a
    // whole number of blocks; anything else is a bug in the caller and aborts.
    void crypt(std::span<const std::uint8_t, cbc_block_length> iv, std::span<std::uint8_t> data);
    CbcDirection direction() const { return direction_; }

private:
    CbcKey(evp_cipher_ctx_st* ctx, CbcDirection direction) : ctx_(ctx), direction_(direction) {}
    evp_cipher_ctx_st* ctx_ = nullptr;
    CbcDirection direction_;
};

}  // namespace tlspp::crypto
