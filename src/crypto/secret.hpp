// crypto/secret.hpp: bytes that are wiped (OPENSSL_cleanse) when destroyed.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <vector>

namespace tlspp::crypto {

class SecretBytes {
public:
    SecretBytes() = default;
    explicit SecretBytes(std::size_t n) : bytes_(n) {}
    explicit SecretBytes(std::span<const std::uint8_t> b) : bytes_(b.begin(), b.end()) {}
    SecretBytes(const SecretBytes&) = default;
    SecretBytes& operator=(const SecretBytes& other);
    SecretBytes(SecretBytes&& other) noexcept : bytes_(std::move(other.bytes_)) {}
    SecretBytes& operator=(SecretBytes&& other) noexcept;
    ~SecretBytes() { wipe(); }

    std::uint8_t* data() { return bytes_.data(); }
    const std::uint8_t* data() const { return bytes_.data(); }
    std::size_t size() const { return bytes_.size(); }
    bool empty() const { return bytes_.empty(); }
    std::uint8_t& operator[](std::size_t i) { return bytes_[i]; }
    std::uint8_t operator[](std::size_t i) const { return bytes_[i]; }
    std::span<const std::uint8_t> view() const { return bytes_; }
    std::span<std::uint8_t> span() { return bytes_; }
    operator std::span<const std::uint8_t>() const { return bytes_; }
    void resize(std::size_t n);
    void wipe();

private:
    std::vector<std::uint8_t> bytes_;
};

// cleanse overwrites `bytes` with zeros in a way the compiler cannot drop
// (OPENSSL_cleanse).
void cleanse(std::span<std::uint8_t> bytes);

// SecretArray is a fixed-size secret kept inline (on the stack, say), so a
// short-lived secret costs no allocation; wiped when destroyed.
template <std::size_t N>
class SecretArray {
public:
    SecretArray() = default;
    SecretArray(const SecretArray&) = delete;
    SecretArray& operator=(const SecretArray&) = delete;
    ~SecretArray() { cleanse(bytes_); }

    std::span<std::uint8_t> span() { return bytes_; }
    std::span<std::uint8_t> first(std::size_t n) { return std::span<std::uint8_t>(bytes_).first(n); }

private:
    std::array<std::uint8_t, N> bytes_{};
};

// equal_constant_time compares without an early exit (Finished, MACs).
bool equal_constant_time(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b);

}  // namespace tlspp::crypto
