#!/usr/bin/env bash
# tests/explain/chromium_check.sh TLSPP_BINARY [OUT_DIR]
# Renders the HTML sequence diagram of `tlspp explain` in headless Chromium
# and checks that the page's script ran without an error (it marks <body
# data-ready="N"> with the number of messages; window.onerror would stop it)
# and that every message of the handshake appears in the rendered DOM.
# Also keeps a screenshot (OUT_DIR/explain-diagram.png, for docs/).
# And the drawing's geometry, measured in the page (geometry_probe.js).
# Exit: 0 pass, 1 fail, 77 skipped (no chromium).
set -euo pipefail
tlspp=${1:?usage: chromium_check.sh TLSPP_BINARY [OUT_DIR]}
out=${2:-$(mktemp -d)}
mkdir -p "$out"
# A file:// URL must be absolute: `make check` passes a relative directory.
out=$(cd "$out" && pwd)
browser=$(command -v chromium || command -v chromium-browser || true)
if [[ -z $browser ]]; then echo "chromium_check: SKIP (no chromium; Debian package chromium)"; exit 77; fi

html="$out/explain-diagram.html"
json="$out/explain.jsonl"
rm -f "$out"/explain-diagram*.html   # pages of an earlier run would be counted
"$tlspp" explain --diagram "$html" > /dev/null
"$tlspp" explain --explain=json > "$json"

flags=(--headless --no-sandbox --disable-gpu --no-first-run --disable-dev-shm-usage
       --user-data-dir="$out/profile" --virtual-time-budget=3000)
log="$out/chromium.log"
: > "$log"
fail=0
# `tlspp explain` runs several demonstrations and writes one diagram each
# (explain-diagram.html, explain-diagram-2.html, ...): load every one.
ready_total=0
doms=()
# geometry_probe PAGE: a copy of PAGE with geometry_probe.js run after its own script.
geometry_probe() {
  local page=$1 probe="${1%.html}.probe.html"
  python3 - "$page" "$probe" "$(dirname "$0")/geometry_probe.js" <<'PY'
import sys
page, probe, js = sys.argv[1:4]
html = open(page, encoding="utf-8").read()
script = "<script>\n" + open(js, encoding="utf-8").read() + "</script>\n"
open(probe, "w", encoding="utf-8").write(html.replace("</body>", script + "</body>"))
PY
  echo "$probe"
}
for page in "$out"/explain-diagram*.html; do
  [[ $page == *.probe.html ]] && continue
  dom="${page%.html}.dom"
  doms+=("$dom")
  "$browser" "${flags[@]}" --enable-logging=stderr --v=0 --dump-dom "file://$page" > "$dom" 2>> "$log" || {
    echo "chromium_check: FAIL: chromium exited with an error on $page"; tail -20 "$log"; exit 1; }
  ready=$(grep -o 'data-ready="[0-9]*"' "$dom" | head -1 | grep -o '[0-9]\+' || true)
  probe=$(geometry_probe "$page")
  "$browser" "${flags[@]}" --dump-dom "file://$probe" > "${probe%.html}.dom" 2>> "$log" || {
    echo "chromium_check: FAIL: chromium exited with an error on $probe"; exit 1; }
  geometry=$(grep -o 'data-geometry="[^"]*"' "${probe%.html}.dom" | head -1 || true)
  if [[ $geometry != 'data-geometry="ok"' ]]; then
    echo "chromium_check: FAIL: diagram geometry in $page: ${geometry:-the probe did not run}"; fail=1
  fi
  if [[ -z $ready ]]; then
    echo "chromium_check: FAIL: the page script did not finish in $page (no data-ready on <body>)"; fail=1
  else
    ready_total=$((ready_total + ready))
  fi
done
"$browser" "${flags[@]}" --window-size=1500,1300 --screenshot="$out/explain-diagram.png" "file://$html" \
  > /dev/null 2>> "$log" || true

# The console messages Chromium logs for uncaught script errors.
if grep -E "Uncaught|SyntaxError|ReferenceError|TypeError" "$log"; then
  echo "chromium_check: FAIL: JavaScript error"; fail=1
fi
# Messages as the client saw them: its own perspective is what the diagrams draw.
expected=$(grep '"type":"message"' "$json" | grep -c '"observer":"client"')
if [[ $ready_total -ne $expected ]]; then
  echo "chromium_check: FAIL: the pages know $ready_total messages, the handshakes had $expected"; fail=1
fi
for name in $(sed -n 's/.*"type":"message".*"name":"\([A-Za-z]*\)","handshake_type".*/\1/p' "$json" | sort -u); do
  if ! grep -q "$name" "${doms[@]}"; then echo "chromium_check: FAIL: message $name in no page"; fail=1; fi
done
[[ $fail -eq 0 ]] && echo "chromium_check: OK (${#doms[@]} pages, $expected messages; screenshot $out/explain-diagram.png)"
exit $fail
