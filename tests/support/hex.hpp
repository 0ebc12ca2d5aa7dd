// Test helpers: hex strings to bytes and back, and repetition.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tlspp::test {

// hex turns "0303 1a2b" into bytes; spaces and newlines are ignored. Odd
// length or a non-hex character aborts the test binary (a bug in the test).
std::vector<std::uint8_t> hex(std::string_view text);
std::string to_hex(std::span<const std::uint8_t> bytes);
std::string repeat(std::string_view piece, std::size_t times);

}  // namespace tlspp::test
