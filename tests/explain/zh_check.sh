#!/usr/bin/env bash
# tests/explain/zh_check.sh TLSPP_BINARY [OUT_DIR]
# Issue 16 item 2: `tlspp explain --lang zh` runs every demonstration; its
# timeline and each HTML diagram must hold no English outside the protocol
# identifiers (english_runs.py says which words count as such).
# Exit: 0 pass, 1 fail.
set -euo pipefail
tlspp=${1:?usage: zh_check.sh TLSPP_BINARY [OUT_DIR]}
out=${2:-$(mktemp -d)}
mkdir -p "$out"
here=$(cd "$(dirname "$0")" && pwd)
rm -f "$out"/zh-diagram*.html
"$tlspp" explain --lang zh > "$out/zh.txt"
"$tlspp" explain --lang zh --show-secrets --diagram "$out/zh-diagram.html" > "$out/zh-secrets.txt" 2> /dev/null
pages=("$out"/zh-diagram*.html)
[[ ${#pages[@]} -ge 4 ]] || { echo "zh_check: FAIL: expected a diagram per demonstration, got ${#pages[@]}"; exit 1; }
# The TLS 1.3 timelines (src/explain/timelines13_test.hpp) as their goldens hold them.
if python3 "$here/english_runs.py" "$out/zh.txt" "$out/zh-secrets.txt" "$here"/golden/tls13.zh.txt \
    "$here"/golden/hrr.zh.txt --html "${pages[@]}"; then
  echo "zh_check: OK (timelines, the TLS 1.3 goldens and ${#pages[@]} diagrams)"
else
  echo "zh_check: FAIL: English left in the Chinese output (above)"; exit 1
fi
