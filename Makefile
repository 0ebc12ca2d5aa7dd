# tlspp: the two entry points are `make demo` and `make check`; the rest are
# their steps. Everything runs from a fresh Debian 12 machine: `deps` installs
# only what is missing.

SHELL := /bin/bash
.DEFAULT_GOAL := build

DEB_PACKAGES := cmake ninja-build g++ pkg-config libssl-dev openssl libgtest-dev libgmock-dev \
                libbenchmark-dev gnutls-bin curl ca-certificates clang libclang-rt-14-dev chromium \
                tshark tcpdump python3 valgrind
# sudo only when we are not root (containers usually are, laptops are not).
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)

.PHONY: deps build test interop check demo clean

# Optional parts (benchmarks, fuzzing, sanitizers) each add their targets in mk/.
include $(wildcard mk/*.mk)

deps:
	@missing=""; \
	for p in $(DEB_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' "$$p" 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "deps: installing$$missing"; \
	  $(SUDO) apt-get update && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing; \
	else \
	  echo "deps: all present"; \
	fi

build:
	cmake --preset release
	cmake --build --preset release -j2

test: build
	ctest --preset release

interop: build
	tests/interop/run.sh

check: deps
	$(MAKE) build
	ctest --preset release
	$(MAKE) interop
	$(MAKE) explain-check
	$(MAKE) sanitize
	$(MAKE) fuzz-smoke

demo: deps
	$(MAKE) build
	tests/demo.sh

clean:
	rm -rf build
