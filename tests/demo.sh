#!/usr/bin/env bash
# tests/demo.sh (`make demo`): a throwaway CA and a localhost certificate,
# `tlspp server --www` on a free port, and `tlspp client` fetching its page;
# then `tlspp explain`, the explained handshake (issue 4).
# Needs no input; the server is stopped by its PID however the script ends.
set -euo pipefail
cd "$(dirname "$0")/.."

TLSPP=${TLSPP:-build/release/tlspp}
DEMO=build/demo
# make_pki (CA + RSA and P-256 certificates for localhost) is shared with the interop tests.
source tests/interop/lib.sh

[ -x "$TLSPP" ] || { echo "demo: no $TLSPP; run 'make build' first" >&2; exit 1; }
echo "demo: creating a throwaway CA and a certificate for localhost in $DEMO/"
make_pki "$DEMO"

SERVER_PID=""
stop_server() {
  if [ -n "$SERVER_PID" ]; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
}
trap stop_server EXIT

timeout 120 "$TLSPP" server --www --port 0 --cert "$DEMO/rsa.pem" --key "$DEMO/rsa.key" >"$DEMO/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 100); do
  grep -q '^listening on ' "$DEMO/server.log" && break
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "demo: the server did not start:" >&2; cat "$DEMO/server.log" >&2; exit 1; }
  sleep 0.1
done
grep -q '^listening on ' "$DEMO/server.log" || { echo "demo: the server did not report its port" >&2; exit 1; }
PORT=$(sed -nE 's/^listening on .*:([0-9]+)$/\1/p' "$DEMO/server.log" | head -n 1)
echo "demo: $(head -n 1 "$DEMO/server.log") (pid $SERVER_PID)"
echo
echo "\$ printf 'GET / HTTP/1.0\\r\\n\\r\\n' | tlspp client localhost:$PORT --ca $DEMO/ca.pem"
# The session summary arrives on stderr, the page on stdout; show both in order.
printf 'GET / HTTP/1.0\r\n\r\n' | timeout 30 "$TLSPP" client "localhost:$PORT" --ca "$DEMO/ca.pem" --timeout 5 2>&1
echo
echo "demo: server log:"
sed 's/^/  /' "$DEMO/server.log"

# The server has served its page; the demo ends with the explained handshake.
stop_server
SERVER_PID=""
echo
echo "\$ tlspp explain"
timeout 60 "$TLSPP" explain
