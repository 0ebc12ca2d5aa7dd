// libFuzzer target: tlspp::fuzz::message (src/fuzz/entry.hpp). See docs/fuzzing.md.
#include "fuzz/entry.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    tlspp::fuzz::message({data, size});
    return 0;
}
