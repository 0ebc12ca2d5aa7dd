// tlspp/random.hpp: the sources of randomness and time a connection uses.
// Injected through the config so tests can be deterministic.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <span>

namespace tlspp {

// RandomSource fills buffers with cryptographically secure random bytes.
class RandomSource {
public:
    virtual ~RandomSource() = default;
    virtual void fill(std::span<std::uint8_t> out) = 0;
};

// Clock says what time it is (for certificate validity and session lifetimes).
class Clock {
public:
    virtual ~Clock() = default;
    virtual std::chrono::system_clock::time_point now() = 0;
};

// system_random is libcrypto's RAND_bytes; system_clock is the system's clock.
std::shared_ptr<RandomSource> system_random();
std::shared_ptr<Clock> system_clock();

}  // namespace tlspp
