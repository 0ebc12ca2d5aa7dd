# `make bench`: build and run the benchmark (tlspp beside libssl). Not part of
# `make check`. Its own Release build directory, so it never disturbs build/release.
BENCH_DIR ?= build/bench
BENCH_ARGS ?=

.PHONY: bench bench-build

bench-build:
	cmake -S . -B $(BENCH_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release -DTLSPP_BUILD_TESTS=OFF
	cmake --build $(BENCH_DIR) --target tlspp_bench -j2

bench: bench-build
	$(BENCH_DIR)/tlspp_bench $(BENCH_ARGS)
