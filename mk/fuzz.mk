# Fuzzing (docs/fuzzing.md). The fuzz tree is built with clang, libFuzzer,
# ASan and UBSan, and the library's checks off (src/fuzz/mode.hpp).
#
#   make fuzz                  build every target in build/fuzz
#   make fuzz-smoke            the regressions, then each target for FUZZ_SMOKE_SECONDS (make check runs this)
#   make fuzz-long             each target for FUZZ_LONG_SECONDS, FUZZ_JOBS at a time
#   make fuzz-run FUZZ_TARGET=server FUZZ_SECONDS=600    one target
#   make fuzz-corpus           regenerate tests/fuzz/corpus from loopback handshakes

FUZZ_TARGETS := deframer message client_hello client server chain ticket
FUZZ_DIR := build/fuzz
FUZZ_SMOKE_SECONDS ?= 25
FUZZ_LONG_SECONDS ?= 1800
FUZZ_JOBS ?= 2
# Findings go to $(FUZZ_DIR)/artifacts/<target>/; the working corpus, which
# grows, to $(FUZZ_DIR)/corpus/<target>/ (the seeds in git stay small).
FUZZ_FLAGS ?= -rss_limit_mb=2048 -timeout=10 -max_len=20000 -print_final_stats=1
FUZZ_ENV := ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

.PHONY: fuzz fuzz-smoke fuzz-long fuzz-run fuzz-run-built fuzz-corpus fuzz-regressions

$(FUZZ_DIR)/build.ninja:
	CC=clang CXX=clang++ cmake -S . -B $(FUZZ_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DTLSPP_FUZZING=ON -DTLSPP_SANITIZE=ON -DTLSPP_BUILD_TESTS=OFF

fuzz: $(FUZZ_DIR)/build.ninja
	cmake --build $(FUZZ_DIR) -j2 --target $(addprefix fuzz_,$(FUZZ_TARGETS)) fuzz_make_corpus

fuzz-corpus: fuzz
	rm -rf tests/fuzz/corpus
	$(FUZZ_DIR)/fuzz_make_corpus tests/fuzz/corpus

# Every saved reproducer must run clean (a crash here is an unfixed finding).
fuzz-regressions: fuzz
	@for t in $(FUZZ_TARGETS); do \
	  d=tests/fuzz/regressions/$$t; \
	  [ -n "$$(ls -A $$d 2>/dev/null)" ] || continue; \
	  echo "fuzz-regressions: $$t"; \
	  $(FUZZ_ENV) $(FUZZ_DIR)/fuzz_$$t $$d/* >$(FUZZ_DIR)/regressions-$$t.log 2>&1 \
	    || { tail -40 $(FUZZ_DIR)/regressions-$$t.log; exit 1; }; \
	done

# fuzz-run: one target, FUZZ_SECONDS long, from the git seeds plus the working corpus.
# (fuzz-run-built is the same without the build step, for parallel runs.)
fuzz-run: fuzz
	@$(MAKE) --no-print-directory fuzz-run-built FUZZ_TARGET=$(FUZZ_TARGET) FUZZ_SECONDS=$(FUZZ_SECONDS)

fuzz-run-built:
	@t=$(FUZZ_TARGET); [ -n "$$t" ] || { echo "fuzz-run: set FUZZ_TARGET"; exit 2; }; \
	mkdir -p $(FUZZ_DIR)/corpus/$$t $(FUZZ_DIR)/artifacts/$$t; \
	echo "fuzz-run: $$t for $(FUZZ_SECONDS) s (log: $(FUZZ_DIR)/fuzz-$$t.log)"; \
	$(FUZZ_ENV) $(FUZZ_DIR)/fuzz_$$t $(FUZZ_FLAGS) -max_total_time=$(FUZZ_SECONDS) \
	  -artifact_prefix=$(FUZZ_DIR)/artifacts/$$t/ \
	  $(FUZZ_DIR)/corpus/$$t tests/fuzz/corpus/$$t >$(FUZZ_DIR)/fuzz-$$t.log 2>&1; rc=$$?; \
	grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb)|^#[0-9]+[[:space:]]+DONE' $(FUZZ_DIR)/fuzz-$$t.log | sed "s/^/  $$t: /"; \
	if [ $$rc -ne 0 ]; then grep -A40 -E '^==[0-9]+==ERROR|runtime error|deadly signal' $(FUZZ_DIR)/fuzz-$$t.log | head -60; \
	  echo "fuzz-run: $$t FAILED; reproducer in $(FUZZ_DIR)/artifacts/$$t/"; exit 1; fi

fuzz-smoke: fuzz-regressions
	@fail=0; for t in $(FUZZ_TARGETS); do \
	  $(MAKE) --no-print-directory fuzz-run-built FUZZ_TARGET=$$t FUZZ_SECONDS=$(FUZZ_SMOKE_SECONDS) || fail=1; \
	done; exit $$fail

fuzz-long: fuzz
	@printf '%s\n' $(FUZZ_TARGETS) | xargs -P $(FUZZ_JOBS) -I{} \
	  $(MAKE) --no-print-directory fuzz-run-built FUZZ_TARGET={} FUZZ_SECONDS=$(FUZZ_LONG_SECONDS)
