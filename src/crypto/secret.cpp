#include "crypto/secret.hpp"

#include <openssl/crypto.h>

namespace tlspp::crypto {

SecretBytes& SecretBytes::operator=(const SecretBytes& other) {
    if (this != &other) {
        wipe();
        bytes_ = other.bytes_;
    }
    return *this;
}

SecretBytes& SecretBytes::operator=(SecretBytes&& other) noexcept {
    if (this != &other) {
        wipe();
        bytes_ = std::move(other.bytes_);
    }
    return *this;
}

void SecretBytes::resize(std::size_t n) {
    if (n < bytes_.size()) OPENSSL_cleanse(bytes_.data() + n, bytes_.size() - n);
    // Growing may reallocate: wipe the old storage first by copying through a fresh vector.
    if (n > bytes_.capacity()) {
        std::vector<std::uint8_t> grown(n);
        std::copy(bytes_.begin(), bytes_.end(), grown.begin());
        wipe();
        bytes_ = std::move(grown);
        return;
    }
    bytes_.resize(n);
}

void cleanse(std::span<std::uint8_t> bytes) {
    if (!bytes.empty()) OPENSSL_cleanse(bytes.data(), bytes.size());
}

void SecretBytes::wipe() {
    if (!bytes_.empty()) OPENSSL_cleanse(bytes_.data(), bytes_.size());
    bytes_.clear();
}

bool equal_constant_time(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b) {
    if (a.size() != b.size()) return false;
    return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace tlspp::crypto
