// libFuzzer target: tlspp::fuzz::ticket (src/fuzz/entry.hpp). See docs/fuzzing.md.
#include "fuzz/entry.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    tlspp::fuzz::ticket({data, size});
    return 0;
}
