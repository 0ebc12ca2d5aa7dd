// crypto/random.cpp: the production RandomSource (libcrypto's DRBG) and Clock.
#include "tlspp/random.hpp"

#include <openssl/rand.h>

#include <climits>
#include <cstdio>
#include <cstdlib>

namespace tlspp {

namespace {

class SystemRandom final : public RandomSource {
public:
    void fill(std::span<std::uint8_t> out) override {
        while (!out.empty()) {
            const std::size_t n = out.size() < INT_MAX ? out.size() : INT_MAX;
            // A failed RAND_bytes leaves the buffer predictable. Randoms, keys
            // and nonces built from it would be guessable, so there is no
            // error to return that a caller could safely ignore: stop here.
            if (RAND_bytes(out.data(), static_cast<int>(n)) != 1) {
                std::fputs("tlspp: RAND_bytes failed; aborting rather than using predictable bytes\n", stderr);
                std::abort();
            }
            out = out.subspan(n);
        }
    }
};

class SystemClock final : public Clock {
public:
    std::chrono::system_clock::time_point now() override { return std::chrono::system_clock::now(); }
};

}  // namespace

std::shared_ptr<RandomSource> system_random() {
    // Stateless, so one instance serves every config.
    static const auto instance = std::make_shared<SystemRandom>();
    return instance;
}

std::shared_ptr<Clock> system_clock() {
    static const auto instance = std::make_shared<SystemClock>();
    return instance;
}

}  // namespace tlspp
