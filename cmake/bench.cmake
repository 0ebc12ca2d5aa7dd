# Benchmarks (issue 6): tlspp beside OpenSSL's libssl, run by `make bench`.
# Only the benchmark links libssl, as a baseline; the library never does.
find_package(benchmark QUIET)
find_package(OpenSSL 3.0 COMPONENTS SSL Crypto)
if(NOT benchmark_FOUND OR NOT OPENSSL_SSL_LIBRARY OR TLSPP_SOURCE_FILTER)
  message(STATUS "tlspp_bench: skipped (needs Google Benchmark and libssl, and the whole tree)")
  return()
endif()

add_executable(tlspp_bench
  ${PROJECT_SOURCE_DIR}/bench/main.cpp
  ${PROJECT_SOURCE_DIR}/bench/alloc_count.cpp
  ${PROJECT_SOURCE_DIR}/bench/pairs.cpp
  ${PROJECT_SOURCE_DIR}/bench/floor.cpp
  ${PROJECT_SOURCE_DIR}/bench/hs_floor.cpp
  ${PROJECT_SOURCE_DIR}/bench/table.cpp
  ${PROJECT_SOURCE_DIR}/bench/workloads.cpp
  ${PROJECT_SOURCE_DIR}/bench/instructions.cpp
  ${PROJECT_SOURCE_DIR}/tests/support/test_pki.cpp)
target_include_directories(tlspp_bench PRIVATE ${PROJECT_SOURCE_DIR}/bench ${PROJECT_SOURCE_DIR}/tests)
target_link_libraries(tlspp_bench PRIVATE tlspp_static OpenSSL::SSL OpenSSL::Crypto benchmark::benchmark)
# Export symbols so --alloc-sites can name the functions in its call stacks.
set_target_properties(tlspp_bench PROPERTIES ENABLE_EXPORTS ON)

# make check runs every workload once, so the benchmark cannot rot unnoticed
# (its figures are for `make bench`, never for tests). Not in the sanitizer
# tree: the workloads keep their shared contexts (SSL_CTX, configs) for the
# life of the process, which LeakSanitizer would report.
if(TLSPP_BUILD_TESTS AND NOT TLSPP_SANITIZE)
  add_test(NAME bench_workloads_run COMMAND tlspp_bench --loop=all:1)
endif()
