# The handshake explainer's browser check (issue 4): the HTML sequence diagram
# of `tlspp explain` rendered in headless Chromium (Debian package chromium,
# in DEB_PACKAGES) must load without a script error and show every message.
# `make check` runs it; the page, DOM dump and screenshot stay in EXPLAIN_CHECK_DIR.
# It also measures the diagram's geometry (geometry_probe.js) and checks that
# `tlspp explain --lang zh` leaves no English outside protocol identifiers
# (zh_check.sh, also a ctest case) (issue 16).
EXPLAIN_CHECK_DIR ?= build/explain-check

.PHONY: explain-check

explain-check: build
	@rm -rf $(EXPLAIN_CHECK_DIR)/profile
	@tests/explain/chromium_check.sh build/release/tlspp $(EXPLAIN_CHECK_DIR); rc=$$?; \
	if [ $$rc -eq 77 ]; then echo "explain-check: chromium is missing; 'make deps' installs it"; exit 1; fi; \
	test $$rc -eq 0 || exit $$rc; \
	tests/explain/zh_check.sh build/release/tlspp $(EXPLAIN_CHECK_DIR)/zh
