# Fuzz targets (docs/fuzzing.md). Configure a separate tree with clang:
#
#   CC=clang CXX=clang++ cmake -S . -B build/fuzz -G Ninja -DTLSPP_FUZZING=ON \
#       -DTLSPP_SANITIZE=ON -DTLSPP_BUILD_TESTS=OFF
#
# TLSPP_FUZZING compiles the library in "checks off" mode (src/fuzz/mode.hpp):
# records are plaintext, Finished and signatures always verify. Such a library
# must never be linked into anything but a fuzzer, so in this tree the CLI,
# the shared library and the unit tests are not built.
option(TLSPP_FUZZING "Build libFuzzer targets; the library's checks are OFF (unsafe)" OFF)
if(NOT TLSPP_FUZZING)
  return()
endif()

if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "TLSPP_FUZZING needs clang (libFuzzer): CXX=clang++")
endif()
if(TLSPP_BUILD_TESTS)
  message(FATAL_ERROR "TLSPP_FUZZING turns the library's checks off, so the unit tests would fail: "
                      "configure the fuzz tree with -DTLSPP_BUILD_TESTS=OFF")
endif()

target_compile_definitions(tlspp_objects PUBLIC TLSPP_FUZZING=1)
target_compile_options(tlspp_objects PRIVATE -fsanitize=fuzzer-no-link)
foreach(unsafe tlspp_cli tlspp_shared)
  if(TARGET ${unsafe})
    set_target_properties(${unsafe} PROPERTIES EXCLUDE_FROM_ALL ON)
  endif()
endforeach()

add_library(tlspp_fuzz_entry STATIC
  ${PROJECT_SOURCE_DIR}/src/fuzz/entry.cpp ${PROJECT_SOURCE_DIR}/src/fuzz/identity.cpp
  ${PROJECT_SOURCE_DIR}/src/fuzz/chain.cpp ${PROJECT_SOURCE_DIR}/src/fuzz/chain_pki.cpp
  ${PROJECT_SOURCE_DIR}/src/fuzz/ticket.cpp)
target_include_directories(tlspp_fuzz_entry PUBLIC ${PROJECT_SOURCE_DIR}/src)
target_compile_definitions(tlspp_fuzz_entry PUBLIC TLSPP_FUZZING=1)
target_compile_options(tlspp_fuzz_entry PRIVATE -fsanitize=fuzzer-no-link)
target_link_libraries(tlspp_fuzz_entry PUBLIC tlspp_static)

set(TLSPP_FUZZ_TARGETS deframer message client_hello client server chain ticket)
foreach(t ${TLSPP_FUZZ_TARGETS})
  add_executable(fuzz_${t} ${PROJECT_SOURCE_DIR}/tests/fuzz/${t}.cpp)
  target_compile_options(fuzz_${t} PRIVATE -fsanitize=fuzzer)
  target_link_options(fuzz_${t} PRIVATE -fsanitize=fuzzer)
  target_link_libraries(fuzz_${t} PRIVATE tlspp_fuzz_entry)
endforeach()

# The seed corpus generator: real loopback handshakes with the fuzz configs.
add_executable(fuzz_make_corpus ${PROJECT_SOURCE_DIR}/tests/fuzz/make_corpus.cpp)
target_link_options(fuzz_make_corpus PRIVATE -fsanitize=fuzzer-no-link)
target_link_libraries(fuzz_make_corpus PRIVATE tlspp_fuzz_entry)
