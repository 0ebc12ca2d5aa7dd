# `make bench`: build and run the benchmark (tlspp beside libssl). Not part of
# `make check`. Its own Release build directory, so it never disturbs build/release.
BENCH_DIR ?= build/bench
BENCH_ARGS ?=

.PHONY: bench bench-build bench-instructions

bench-build: deps
	cmake -S . -B $(BENCH_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release -DTLSPP_BUILD_TESTS=OFF
	cmake --build $(BENCH_DIR) --target tlspp_bench -j2

bench: bench-build
	$(BENCH_DIR)/tlspp_bench $(BENCH_ARGS)

# The handshake rows in instructions executed (callgrind): the same on a busy
# machine as on a quiet one. About a minute; valgrind is in DEB_PACKAGES.
bench-instructions: bench-build
	$(BENCH_DIR)/tlspp_bench --instructions=$(or $(N),10)
