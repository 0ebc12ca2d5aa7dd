// msg/test_support.hpp: assertions shared by the src/msg *_test.cpp files.
#pragma once

#include <gtest/gtest.h>

#include <cstddef>
#include <set>
#include <string>

#include "support/hex.hpp"
#include "tlspp/result.hpp"
#include "wire/writer.hpp"

namespace tlspp::msg::testing {

using test::hex;
using test::repeat;

// fails_with checks a failed decode's reason and alert. Both are asserted:
// the alert independently of alert_for(), so a wrong mapping shows up here.
template <class R>
::testing::AssertionResult fails_with(const R& result, Reason reason, Alert alert = Alert::decode_error) {
    if (result) return ::testing::AssertionFailure() << "decoded successfully";
    const Error& e = result.error();
    if (e.reason != reason || e.alert != alert)
        return ::testing::AssertionFailure()
               << "got " << name(e.reason) << "/" << name(e.alert) << ", want " << name(reason) << "/"
               << name(alert) << " (detail: " << e.detail << ")";
    return ::testing::AssertionSuccess() << e.detail;
}

// body encodes a message body (no handshake header).
template <class M>
std::vector<std::uint8_t> body(const M& m) {
    std::vector<std::uint8_t> out;
    wire::Writer w(out);
    encode(w, m);
    return out;
}

// expect_every_truncation_fails decodes every proper prefix of `valid`,
// each copied into its own buffer so a sanitizer build catches any read past
// the end. Each must fail as truncated, except the prefix lengths listed in
// `also_valid` (e.g. a hello cut right before its optional extensions).
template <class Decode>
void expect_every_truncation_fails(const std::vector<std::uint8_t>& valid, Decode decode,
                                   const std::set<std::size_t>& also_valid = {}) {
    ASSERT_TRUE(decode(std::span<const std::uint8_t>(valid))) << "the full encoding must decode";
    for (std::size_t n = 0; n < valid.size(); ++n) {
        std::vector<std::uint8_t> prefix(valid.begin(), valid.begin() + static_cast<std::ptrdiff_t>(n));
        auto result = decode(std::span<const std::uint8_t>(prefix));
        if (also_valid.count(n)) {
            EXPECT_TRUE(result) << "prefix of " << n << " bytes";
            continue;
        }
        EXPECT_TRUE(fails_with(result, Reason::truncated)) << "prefix of " << n << " bytes";
    }
}

// with_trailing_byte returns `valid` with one more byte.
inline std::vector<std::uint8_t> with_trailing_byte(std::vector<std::uint8_t> valid) {
    valid.push_back(0x00);
    return valid;
}

}  // namespace tlspp::msg::testing
