// libFuzzer target: tlspp::fuzz::client_hello (src/fuzz/entry.hpp). See docs/fuzzing.md.
#include "fuzz/entry.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    tlspp::fuzz::client_hello({data, size});
    return 0;
}
