# The whole unit and loopback suite under AddressSanitizer (with LeakSanitizer,
# on by default on Linux) and UndefinedBehaviorSanitizer, in build/asan; then
# the interop suites with the sanitized `tlspp` binary in tlspp's place.
# A sanitizer report fails the test that triggered it; for interop, where a
# server's exit status is not the case's verdict, every case log is also
# searched for a report afterwards.
#
# The load suite is left out: it measures the server's descriptors and
# memory, which ASan's shadow memory and quarantine would swamp.

ASAN_TEST_ENV := ASAN_OPTIONS=detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1 \
                 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
SANITIZE_INTEROP_SUITES ?= openssl gnutls curl tls13 explain features resumption cbc keylog
SANITIZE_INTEROP_WORK := build/interop-asan

.PHONY: sanitize sanitize-interop

sanitize:
	cmake --preset asan
	cmake --build --preset asan -j2
	$(ASAN_TEST_ENV) ctest --preset asan
	$(MAKE) --no-print-directory sanitize-interop

sanitize-interop:
	rm -rf $(SANITIZE_INTEROP_WORK)/cases
	$(ASAN_TEST_ENV) TLSPP=$(CURDIR)/build/asan/tlspp WORK=$(CURDIR)/$(SANITIZE_INTEROP_WORK) \
	  tests/interop/run.sh $(SANITIZE_INTEROP_SUITES)
	@if grep -rlE 'ERROR: (Address|Leak)Sanitizer|runtime error:' $(SANITIZE_INTEROP_WORK)/cases; then \
	  echo "sanitize-interop: sanitizer reports in the case logs above"; exit 1; \
	else echo "sanitize-interop: no sanitizer report in $$(ls $(SANITIZE_INTEROP_WORK)/cases | wc -l) case logs"; fi
