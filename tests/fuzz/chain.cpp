// libFuzzer target: tlspp::fuzz::chain (src/fuzz/entry.hpp). See docs/fuzzing.md.
#include "fuzz/entry.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    tlspp::fuzz::chain({data, size});
    return 0;
}
