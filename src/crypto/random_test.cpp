#include "tlspp/random.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace tlspp {
namespace {

TEST(SystemRandom, FillsBuffersWithDifferentBytesEachTime) {
    std::vector<std::uint8_t> a(32), b(32), empty;
    system_random()->fill(a);
    system_random()->fill(b);
    system_random()->fill(empty);
    EXPECT_NE(a, b);
    EXPECT_NE(a, std::vector<std::uint8_t>(32, 0));
}

TEST(SystemClock, IsTheSystemsClock) {
    auto before = std::chrono::system_clock::now();
    auto now = system_clock()->now();
    EXPECT_LE(before, now);
    EXPECT_LE(now, std::chrono::system_clock::now());
}

}  // namespace
}  // namespace tlspp
