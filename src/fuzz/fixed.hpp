// fuzz/fixed.hpp: the fixed randomness and time of the fuzz entry points, so
// the same input always takes the same path and a crash reproduces.
#pragma once

#include <chrono>
#include <cstdint>
#include <span>

#include "tlspp/random.hpp"

namespace tlspp::fuzz {

// splitmix64 from a fixed seed: the same bytes on every run.
class FixedRandom final : public RandomSource {
public:
    void fill(std::span<std::uint8_t> out) override {
        for (auto& b : out) {
            std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
            z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
            z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
            b = static_cast<std::uint8_t>(z ^ (z >> 31));
        }
    }

private:
    std::uint64_t state_ = 0x746c73707066757aull;   // "tlsppfuz"
};

// fixed_now is the time every entry point lives at: 2030-01-01 00:00:00 UTC.
inline std::chrono::system_clock::time_point fixed_now() {
    return std::chrono::system_clock::time_point(std::chrono::seconds(1893456000));
}

class FixedClock final : public Clock {
public:
    std::chrono::system_clock::time_point now() override { return fixed_now(); }
};

}  // namespace tlspp::fuzz
