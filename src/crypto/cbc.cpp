// crypto/cbc.cpp: AES-CBC through libcrypto's EVP_CIPHER, keyed once.
//
// As in crypto/aead.cpp, the EVP_CIPHER is fetched once per process and the
// context keeps the expanded key: EVP_CipherInit_ex(ctx, NULL, NULL, NULL,
// iv, -1) then sets only the IV (OpenSSL's generic cipher init skips the key
// schedule when no key is given) and neither allocates nor re-keys.
#include "crypto/cbc.hpp"

#include <openssl/err.h>
#include <openssl/evp.h>

#include <climits>
#include <cstdlib>
#include <string>
#include <utility>

namespace tlspp::crypto {

namespace {

// libcrypto fails these calls only on misuse or allocation failure, neither of
// which a caller could recover from; crypt() has no error path to report it.
void check(bool ok) {
    if (!ok) std::abort();
}

EVP_CIPHER* fetch_cipher(const char* name) {
    EVP_CIPHER* c = EVP_CIPHER_fetch(nullptr, name, nullptr);
    check(c != nullptr);
    return c;
}

const EVP_CIPHER* cipher_for(std::size_t key_length) {
    static EVP_CIPHER* const aes128 = fetch_cipher("AES-128-CBC");
    static EVP_CIPHER* const aes256 = fetch_cipher("AES-256-CBC");
    return key_length == 16 ? aes128 : aes256;
}

// The EVP update functions take an int length; a record is far below this,
// but crypt() accepts any span, so feed larger buffers in block-aligned pieces.
constexpr std::size_t max_chunk = std::size_t{1} << 30;

}  // namespace

Result<CbcKey> CbcKey::create(std::span<const std::uint8_t> key, CbcDirection direction) {
    if (key.size() != 16 && key.size() != 32)
        return make_error(Reason::internal_error,
                          "AES-CBC: key is " + std::to_string(key.size()) + " bytes, expected 16 or 32");
    EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
    if (ctx == nullptr) return make_error(Reason::internal_error, "AES-CBC: out of memory");
    const int enc = direction == CbcDirection::encrypt ? 1 : 0;
    // TLS pads records itself (RFC 5246 §6.2.3.2), so PKCS#7 padding is off:
    // every call then processes exactly the blocks it is given.
    if (EVP_CipherInit_ex(ctx, cipher_for(key.size()), nullptr, key.data(), nullptr, enc) != 1 ||
        EVP_CIPHER_CTX_set_padding(ctx, 0) != 1) {
        EVP_CIPHER_CTX_free(ctx);
        ERR_clear_error();   // nothing of this failure is left for the next libcrypto caller
        return make_error(Reason::internal_error, "AES-CBC: key setup failed");
    }
    return CbcKey(ctx, direction);
}

CbcKey::CbcKey(CbcKey&& other) noexcept
    : ctx_(std::exchange(other.ctx_, nullptr)), direction_(other.direction_) {}

CbcKey& CbcKey::operator=(CbcKey&& other) noexcept {
    if (this != &other) {
        EVP_CIPHER_CTX_free(ctx_);
        ctx_ = std::exchange(other.ctx_, nullptr);
        direction_ = other.direction_;
    }
    return *this;
}

// EVP_CIPHER_CTX_free wipes the expanded key schedule.
CbcKey::~CbcKey() { EVP_CIPHER_CTX_free(ctx_); }

void CbcKey::crypt(std::span<const std::uint8_t, cbc_block_length> iv, std::span<std::uint8_t> data) {
    check(ctx_ != nullptr && data.size() % cbc_block_length == 0);
    check(EVP_CipherInit_ex(ctx_, nullptr, nullptr, nullptr, iv.data(), -1) == 1);
    while (!data.empty()) {
        const std::size_t piece = data.size() < max_chunk ? data.size() : max_chunk;
        int n = 0;
        check(EVP_CipherUpdate(ctx_, data.data(), &n, data.data(), static_cast<int>(piece)) == 1);
        check(static_cast<std::size_t>(n) == piece);
        data = data.subspan(piece);
    }
}

}  // namespace tlspp::crypto
