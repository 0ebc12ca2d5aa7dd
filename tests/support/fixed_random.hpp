// Deterministic randomness and time for tests. NOT random: splitmix64 from a seed.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>

#include "tlspp/random.hpp"

namespace tlspp::test {

class FixedRandom : public RandomSource {
public:
    explicit FixedRandom(std::uint64_t seed = 1) : state_(seed) {}
    void fill(std::span<std::uint8_t> out) override;

private:
    std::uint64_t state_;
};

class FixedClock : public Clock {
public:
    explicit FixedClock(std::chrono::system_clock::time_point t) : t_(t) {}
    std::chrono::system_clock::time_point now() override { return t_; }
    void advance(std::chrono::seconds s) { t_ += s; }

private:
    std::chrono::system_clock::time_point t_;
};

}  // namespace tlspp::test
