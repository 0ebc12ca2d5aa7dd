# The whole unit and loopback suite under AddressSanitizer (with LeakSanitizer,
# on by default on Linux) and UndefinedBehaviorSanitizer, in build/asan.
# A sanitizer report fails the test that triggered it.

ASAN_TEST_ENV := ASAN_OPTIONS=detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1 \
                 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

.PHONY: sanitize

sanitize:
	cmake --preset asan
	cmake --build --preset asan -j2
	$(ASAN_TEST_ENV) ctest --preset asan
