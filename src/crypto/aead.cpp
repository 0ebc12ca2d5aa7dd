// crypto/aead.cpp: AES-GCM and ChaCha20-Poly1305 through libcrypto's EVP_CIPHER.
//
// Records are sealed and opened on the bulk-data path, so all the expensive
// work happens once in create(): the EVP_CIPHER is fetched once per process,
// and each AeadKey holds a context per use it was created for (sealing,
// opening, or both) that already carries the expanded key. seal() and open() then only install the 12-byte nonce
// with EVP_CipherInit_ex(ctx, NULL, NULL, NULL, nonce, enc), which neither
// allocates nor re-runs the key schedule.
#include "crypto/aead.hpp"

#include <openssl/err.h>
#include <openssl/evp.h>

#include <climits>
#include <cstdlib>
#include <string>
#include <utility>

namespace tlspp::crypto {

namespace {

// libcrypto fails these calls only on misuse or allocation failure, neither of
// which a caller could recover from; seal() has no error path to report it.
void check(bool ok) {
    if (!ok) std::abort();
}

const char* cipher_name(AeadAlg alg) {
    switch (alg) {
    case AeadAlg::aes_128_gcm: return "AES-128-GCM";
    case AeadAlg::aes_256_gcm: return "AES-256-GCM";
    case AeadAlg::chacha20_poly1305: return "ChaCha20-Poly1305";
    }
    return "AES-128-GCM";
}

EVP_CIPHER* fetch_cipher(AeadAlg alg) {
    EVP_CIPHER* c = EVP_CIPHER_fetch(nullptr, cipher_name(alg), nullptr);
    check(c != nullptr);
    return c;
}

const EVP_CIPHER* cipher_for(AeadAlg alg) {
    static EVP_CIPHER* const aes128 = fetch_cipher(AeadAlg::aes_128_gcm);
    static EVP_CIPHER* const aes256 = fetch_cipher(AeadAlg::aes_256_gcm);
    static EVP_CIPHER* const chacha = fetch_cipher(AeadAlg::chacha20_poly1305);
    switch (alg) {
    case AeadAlg::aes_128_gcm: return aes128;
    case AeadAlg::aes_256_gcm: return aes256;
    case AeadAlg::chacha20_poly1305: return chacha;
    }
    return aes128;
}

// The EVP update functions take an int length; feed larger buffers in pieces.
constexpr std::size_t max_chunk = std::size_t{1} << 30;

EVP_CIPHER_CTX* keyed_context(AeadAlg alg, std::span<const std::uint8_t> key, int enc) {
    EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
    if (ctx == nullptr) return nullptr;
    // Both ciphers default to a 12-byte IV, the length TLS uses (RFC 5288 §3, RFC 7905 §2).
    if (EVP_CipherInit_ex(ctx, cipher_for(alg), nullptr, key.data(), nullptr, enc) != 1) {
        EVP_CIPHER_CTX_free(ctx);
        return nullptr;
    }
    return ctx;
}

void add_aad(EVP_CIPHER_CTX* ctx, std::span<const std::uint8_t> aad) {
    if (aad.empty()) return;
    int n = 0;
    check(aad.size() <= max_chunk);
    check(EVP_CipherUpdate(ctx, nullptr, &n, aad.data(), static_cast<int>(aad.size())) == 1);
}

// crypt runs the cipher over `in` into `out` (the same size; the same
// memory, or not overlapping at all).
void crypt(EVP_CIPHER_CTX* ctx, std::span<const std::uint8_t> in, std::span<std::uint8_t> out) {
    check(in.size() == out.size());
    while (!in.empty()) {
        std::size_t piece = in.size() < max_chunk ? in.size() : max_chunk;
        int n = 0;
        check(EVP_CipherUpdate(ctx, out.data(), &n, in.data(), static_cast<int>(piece)) == 1);
        in = in.subspan(piece);
        out = out.subspan(piece);
    }
}

}  // namespace

std::size_t aead_key_length(AeadAlg alg) {
    switch (alg) {
    case AeadAlg::aes_128_gcm: return 16;
    case AeadAlg::aes_256_gcm: return 32;
    case AeadAlg::chacha20_poly1305: return 32;
    }
    return 16;
}

Result<AeadKey> AeadKey::create(AeadAlg alg, std::span<const std::uint8_t> key, AeadUse use) {
    if (key.size() != aead_key_length(alg))
        return make_error(Reason::internal_error, std::string("AEAD ") + cipher_name(alg) + ": key is " +
                                                      std::to_string(key.size()) + " bytes, expected " +
                                                      std::to_string(aead_key_length(alg)));
    const bool seals = use != AeadUse::open_only;
    const bool opens = use != AeadUse::seal_only;
    EVP_CIPHER_CTX* enc = seals ? keyed_context(alg, key, 1) : nullptr;
    EVP_CIPHER_CTX* dec = opens ? keyed_context(alg, key, 0) : nullptr;
    if ((seals && enc == nullptr) || (opens && dec == nullptr)) {
        EVP_CIPHER_CTX_free(enc);
        EVP_CIPHER_CTX_free(dec);
        ERR_clear_error();
        return make_error(Reason::internal_error, std::string("AEAD ") + cipher_name(alg) + ": key setup failed");
    }
    return AeadKey(alg, enc, dec);
}

AeadKey::AeadKey(AeadKey&& other) noexcept
    : alg_(other.alg_), enc_(std::exchange(other.enc_, nullptr)), dec_(std::exchange(other.dec_, nullptr)) {}

AeadKey& AeadKey::operator=(AeadKey&& other) noexcept {
    if (this != &other) {
        EVP_CIPHER_CTX_free(enc_);
        EVP_CIPHER_CTX_free(dec_);
        alg_ = other.alg_;
        enc_ = std::exchange(other.enc_, nullptr);
        dec_ = std::exchange(other.dec_, nullptr);
    }
    return *this;
}

// EVP_CIPHER_CTX_free wipes the expanded key schedule.
AeadKey::~AeadKey() {
    EVP_CIPHER_CTX_free(enc_);
    EVP_CIPHER_CTX_free(dec_);
}

void AeadKey::seal(std::span<const std::uint8_t, aead_nonce_length> nonce, std::span<const std::uint8_t> aad,
                   std::span<std::uint8_t> data, std::span<std::uint8_t, aead_tag_length> tag) {
    seal(nonce, aad, data, data, tag);
}

void AeadKey::seal(std::span<const std::uint8_t, aead_nonce_length> nonce, std::span<const std::uint8_t> aad,
                   std::span<const std::uint8_t> plaintext, std::span<std::uint8_t> out,
                   std::span<std::uint8_t, aead_tag_length> tag) {
    check(enc_ != nullptr);   // an open_only key: a bug in the caller
    check(EVP_CipherInit_ex(enc_, nullptr, nullptr, nullptr, nonce.data(), 1) == 1);
    add_aad(enc_, aad);
    crypt(enc_, plaintext, out);
    std::uint8_t none[16];  // AEAD modes output nothing at finalisation
    int n = 0;
    check(EVP_CipherFinal_ex(enc_, none, &n) == 1);
    check(EVP_CIPHER_CTX_ctrl(enc_, EVP_CTRL_AEAD_GET_TAG, static_cast<int>(aead_tag_length), tag.data()) == 1);
}

bool AeadKey::open(std::span<const std::uint8_t, aead_nonce_length> nonce, std::span<const std::uint8_t> aad,
                   std::span<std::uint8_t> data, std::span<const std::uint8_t, aead_tag_length> tag) {
    // Every failure leaves libcrypto's error queue empty: a peer's forged
    // record must not leave an error for the next libcrypto caller on this
    // thread to mistake for its own.
    auto fail = [] {
        ERR_clear_error();
        return false;
    };
    if (dec_ == nullptr) return fail();   // a seal_only key
    if (EVP_CipherInit_ex(dec_, nullptr, nullptr, nullptr, nonce.data(), 0) != 1) return fail();
    add_aad(dec_, aad);
    crypt(dec_, data, data);
    // The tag is only read by EVP_CTRL_AEAD_SET_TAG; the const_cast is the API's, not a write.
    if (EVP_CIPHER_CTX_ctrl(dec_, EVP_CTRL_AEAD_SET_TAG, static_cast<int>(aead_tag_length),
                            const_cast<std::uint8_t*>(tag.data())) != 1)
        return fail();
    std::uint8_t none[16];
    int n = 0;
    if (EVP_CipherFinal_ex(dec_, none, &n) != 1) return fail();
    return true;
}

}  // namespace tlspp::crypto
