#!/usr/bin/env bash
# tests/interop/run.sh: tlspp against OpenSSL, GnuTLS and curl, both directions (and
# Wireshark's tshark decrypting a capture with tlspp's key logs).
#
#   tests/interop/run.sh [openssl] [gnutls] [curl] [explain] [features] [weak] [resumption] [cbc] [keylog] [load] [tls13]    (default: all)
#
# Environment: TLSPP (the binary, default build/release/tlspp),
# TLSPP_STANDIN=openssl (check the harness itself with openssl in tlspp's
# place), WORK (scratch directory, default build/interop).
# Prints one line per case, a summary table, and as its very last line
# "N passed, M failed". Exits non-zero if any case failed.
set -uo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$INTEROP_DIR/openssl.sh"
source "$INTEROP_DIR/gnutls.sh"
source "$INTEROP_DIR/curl.sh"
source "$INTEROP_DIR/explain.sh"
source "$INTEROP_DIR/features.sh"
source "$INTEROP_DIR/weak.sh"
source "$INTEROP_DIR/resumption.sh"
source "$INTEROP_DIR/cbc.sh"
source "$INTEROP_DIR/keylog_tshark.sh"
source "$INTEROP_DIR/load.sh"
source "$INTEROP_DIR/tls13.sh"

suites=("$@")
[ ${#suites[@]} -gt 0 ] || suites=(openssl gnutls curl tls13 explain features weak resumption cbc keylog load)

# abort MESSAGE: a failure before any case ran still ends with the summary line.
abort() {
  echo "interop: $1" >&2
  echo "0 passed, 1 failed"
  exit 1
}

for tool in openssl gnutls-serv gnutls-cli curl unshare ip timeout; do
  command -v "$tool" >/dev/null || abort "$tool is missing (run 'make deps')"
done
if [ "$TLSPP_STANDIN" != openssl ] && [ ! -x "$TLSPP" ]; then
  abort "no tlspp binary at $TLSPP (run 'make build', or TLSPP_STANDIN=openssl to test the harness)"
fi
in_netns true || abort "cannot create a network namespace (unshare -n) for gnutls-serv"

mkdir -p "$WORK"
: >"$RESULTS"
make_pki "$CERTS" || abort "could not create test certificates in $CERTS"
trap cleanup_started EXIT

for s in "${suites[@]}"; do
  case $s in
    openssl | gnutls | curl | tls13 | explain | features | weak | resumption | cbc | keylog | load) echo "== $s =="; "${s}_suite" ;;
    *) abort "unknown suite '$s' (expected openssl, gnutls, curl, tls13, explain, features, weak, resumption, cbc, keylog or load)" ;;
  esac
done

# The table groups cases by pairing (the name without suite and group).
echo
echo "== summary =="
awk -F'\t' '
  { split($1, p, "."); key = p[1] "." p[2]; if (!(key in seen)) { seen[key] = 1; order[++n] = key }
    if ($2 == "PASS") pass[key]++; else fail[key]++ }
  END {
    printf "%-46s %7s %7s\n", "pairing", "passed", "failed"
    for (i = 1; i <= n; i++) printf "%-46s %7d %7d\n", order[i], pass[order[i]], fail[order[i]]
  }' "$RESULTS"
if grep -q $'\tFAIL\t' "$RESULTS"; then
  echo
  echo "failures (logs in $WORK/cases/<name>/):"
  awk -F'\t' '$2 == "FAIL" { printf "  %s: %s\n", $1, $4 }' "$RESULTS"
fi
passed=$(grep -c $'\tPASS\t' "$RESULTS")
failed=$(grep -c $'\tFAIL\t' "$RESULTS")
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
