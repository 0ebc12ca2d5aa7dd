# tests/interop/explain.sh: the handshake explainer against real peers (issue 4
# item 5). `tlspp client --explain` and `--explain=json` against OpenSSL's
# s_server and GnuTLS's gnutls-serv, and `tlspp server --explain` under
# openssl s_client. Each case checks that the timeline shows every message of
# the full handshake, in order and in the right direction, that the JSON lines
# parse, and that the session then goes on as without --explain (the client
# relays the page to stdout; the server serves --www or --echo).
# Sourced by run.sh; `bash explain.sh` runs it alone.
#
# The explainer runs on tlspp only, so with TLSPP_STANDIN=openssl the suite
# has nothing to check and records no cases.

# A full TLS 1.2 ECDHE handshake, as "from:name" (c: client → server, s: server
# → client). Both sides support session tickets by default (RFC 5077), so the
# server sends NewSessionTicket just before its ChangeCipherSpec.
EXPLAIN_FULL_FLOW="c:ClientHello s:ServerHello s:Certificate s:ServerKeyExchange s:ServerHelloDone c:ClientKeyExchange c:ChangeCipherSpec c:Finished s:NewSessionTicket s:ChangeCipherSpec s:Finished"
# gnutls-serv asks for a client certificate by default (optional): it sends
# CertificateRequest, and tlspp, having none, answers with an empty Certificate.
EXPLAIN_CERT_REQUEST_FLOW="c:ClientHello s:ServerHello s:Certificate s:ServerKeyExchange s:CertificateRequest s:ServerHelloDone c:Certificate c:ClientKeyExchange c:ChangeCipherSpec c:Finished s:NewSessionTicket s:ChangeCipherSpec s:Finished"

# explain_check FILE text|json [FLOW]: the messages of the timeline in FILE, in
# order, must be FLOW (default EXPLAIN_FULL_FLOW), then the "handshake complete" event. For
# json, every line up to that event must be a JSON object (json.loads), and
# the events' seq must count 0, 1, 2... What follows the timeline (the
# relayed data) is not looked at here.
explain_check() {
  local file=$1 format=$2 flow=${3:-$EXPLAIN_FULL_FLOW}
  command -v python3 >/dev/null || { echo "python3 is missing (needed to parse the JSON lines)" >&2; return 1; }
  python3 - "$file" "$format" "$flow" <<'PY'
import json, re, sys
path, fmt, want = sys.argv[1], sys.argv[2], sys.argv[3].split()
got, done = [], False
with open(path, encoding="utf-8", errors="replace") as f:
    lines = f.read().split("\n")
if fmt == "json":
    seq = 0
    for n, line in enumerate(lines, 1):
        try:
            e = json.loads(line)
        except ValueError as err:
            sys.exit(f"line {n} is not JSON ({err}): {line[:80]!r}")
        if not isinstance(e, dict) or e.get("seq") != seq or e.get("v") != 1:
            sys.exit(f"line {n}: not event {seq} of schema v1: {line[:80]!r}")
        seq += 1
        if e["type"] == "message":
            got.append(("c" if e["from"] == "client" else "s") + ":" + e["name"])
        if e["type"] == "done":
            done = True
            break
else:
    arrow = re.compile(r"(──▶|◀──) (\w+)  \(")
    for line in lines:
        m = arrow.search(line)
        if m:
            got.append(("c" if m.group(1) == "──▶" else "s") + ":" + m.group(2))
        if "handshake complete" in line:
            done = True
            break
if got != want:
    sys.exit("messages: " + " ".join(got) + " (expected " + " ".join(want) + ")")
if not done:
    sys.exit("no 'handshake complete' after the messages")
PY
}

# explain_args text|json: the tlspp options for that format.
explain_args() { [ "$1" = json ] && echo "--explain=json" || echo "--explain"; }

# (e1) openssl s_server -www ← tlspp client --explain[=json], then the page.
case_explain_openssl_server() {
  local suite=$1 format=$2 kind=${SUITE_CERT[$1]}
  start_bg "$CASE_DIR/server.log" openssl s_server -accept 127.0.0.1:0 -www -tls1_2 \
    -cert "$CERTS/$kind.pem" -key "$CERTS/$kind.key" -cipher "${SUITE_OSSL[$suite]}"
  wait_for_line "$CASE_DIR/server.log" '^ACCEPT ' "$LAST_PID" || return 1
  local port; port=$(port_from_line "$CASE_DIR/server.log" '^ACCEPT ')
  printf '%s' "$HTTP_GET" | timeout "$CLIENT_TIMEOUT" "$TLSPP" client "localhost:$port" --ca "$CERTS/ca.pem" \
    --timeout 5 --ciphers "${SUITE_IANA[$suite]}" $(explain_args "$format") >"$CASE_DIR/out" 2>"$CASE_DIR/client.err" ||
    { echo "client exit $?: $(tail -n 1 "$CASE_DIR/client.err")" >&2; return 1; }
  explain_check "$CASE_DIR/out" "$format" || return 1
  # The relay goes on after the timeline: the page names the suite.
  expect_in "$CASE_DIR/out" "Cipher is ${SUITE_OSSL[$suite]}" "openssl page after the timeline" &&
    expect_in "$CASE_DIR/client.err" "verification:.*OK" "client summary"
}

# (e2) gnutls-serv --http ← tlspp client --explain[=json]. Runs inside the
# namespace (see gnutls.sh); the functions reach it through export -f.
explain_gnutls_server_inner() {
  local suite=$1 format=$2 kind=${SUITE_CERT[$1]}
  start_bg "$CASE_DIR/server.log" gnutls-serv --http -p "$GNUTLS_NETNS_PORT" \
    --x509certfile "$CERTS/$kind.pem" --x509keyfile "$CERTS/$kind.key" \
    --priority "$(gnutls_priority "$suite" "$(client_groups "$suite" x25519)")"
  wait_for_line "$CASE_DIR/server.log" 'listening on IPv4.*done' "$LAST_PID" || return 1
  printf '%s' "$HTTP_GET" | timeout "$CLIENT_TIMEOUT" "$TLSPP" client "localhost:$GNUTLS_NETNS_PORT" \
    --ca "$CERTS/ca.pem" --timeout 5 --ciphers "${SUITE_IANA[$suite]}" $(explain_args "$format") \
    >"$CASE_DIR/out" 2>"$CASE_DIR/client.err" ||
    { echo "client exit $?: $(tail -n 1 "$CASE_DIR/client.err")" >&2; return 1; }
  explain_check "$CASE_DIR/out" "$format" "$EXPLAIN_CERT_REQUEST_FLOW" || return 1
  expect_in "$CASE_DIR/out" "Ciphersuite</TD><TD>${SUITE_GNUTLS_NAME[$suite]}<" "gnutls page after the timeline"
}
export -f explain_gnutls_server_inner explain_check explain_args
export EXPLAIN_FULL_FLOW EXPLAIN_CERT_REQUEST_FLOW

case_explain_gnutls_server() {
  in_netns explain_gnutls_server_inner "$@"
}

# (e3) tlspp server --explain[=json] --www ← openssl s_client (--echo ← tlspp client), twice:
# both timelines are printed one after the other, and both clients are served.
case_explain_tlspp_server() {
  local suite=$1 format=$2 mode=$3 kind=${SUITE_CERT[$1]} i
  local log="$CASE_DIR/server.log"
  start_bg "$log" "$TLSPP" server --host 127.0.0.1 --port 0 --cert "$CERTS/$kind.pem" --key "$CERTS/$kind.key" \
    "--$mode" --ciphers "${SUITE_IANA[$suite]}" --tls1_2 --timeout 5 $(explain_args "$format")
  local pid=$LAST_PID
  wait_for_line "$log" '^listening on ' "$pid" || return 1
  local port; port=$(port_from_line "$log" '^listening on ')
  local input=$HTTP_GET
  [ "$mode" = echo ] && input="hello through the explained server"
  for i in 1 2; do
    if [ "$mode" = www ]; then
      printf '%s' "$input" | timeout "$CLIENT_TIMEOUT" openssl s_client -quiet -connect "127.0.0.1:$port" \
        -servername localhost -verify_hostname localhost -CAfile "$CERTS/ca.pem" -verify_return_error -tls1_2 \
        -cipher "${SUITE_OSSL[$suite]}" >"$CASE_DIR/out$i" 2>"$CASE_DIR/client$i.err"
    else
      # s_client -quiet waits for the server to close, and an echo server
      # waits for the client: tlspp client closes after 1 s of quiet instead.
      printf '%s\n' "$input" | timeout "$CLIENT_TIMEOUT" "$TLSPP" client "localhost:$port" --ca "$CERTS/ca.pem" \
        --timeout 1 >"$CASE_DIR/out$i" 2>"$CASE_DIR/client$i.err"
    fi || { echo "client $i exit $?: $(tail -n 1 "$CASE_DIR/client$i.err")" >&2; return 1; }
    if [ "$mode" = www ]; then
      expect_tlspp_page "$CASE_DIR/out$i" "$suite" || return 1
    else
      expect_in "$CASE_DIR/out$i" "^$input\$" "echo" || return 1
    fi
  done
  # Both timelines are complete in the log before the server is stopped.
  stop_pid "$pid"
  local timeline="$CASE_DIR/timeline"
  if [ "$format" = json ]; then
    # The log is JSON lines (seq from 0 per connection), the 'listening on'
    # line and the server's notes on stderr; split it at each seq 0.
    grep '^{' "$log" | awk -v dir="$CASE_DIR" '/^\{"v":1,"seq":0,/ { n++ } { print > (dir "/timeline" n) }'
  else
    awk -v dir="$CASE_DIR" '/^connection [0-9]+ from 127\.0\.0\.1:/ { n++ } n { print > (dir "/timeline" n) }' "$log"
  fi
  for i in 1 2; do
    [ -s "$timeline$i" ] || { echo "no timeline for connection $i in server.log" >&2; return 1; }
    explain_check "$timeline$i" "$format" || { echo "connection $i" >&2; return 1; }
  done
  [ -e "${timeline}3" ] && { echo "more than two timelines in server.log" >&2; return 1; }
  return 0
}

# (e4) Peer text is escaped (issue 11 item 4): openssl s_server serves a
# certificate with a SAN holding ESC [2J (clear screen) and selects the ALPN
# protocol "x\xff\xfe". tlspp client --explain=json: every line up to the
# "done" event must be strict UTF-8 JSON; --explain (text) and the summary on
# stderr must hold no raw control byte and no invalid UTF-8, and show both
# values escaped.
case_explain_hostile_peer_text() {
  local format=$1 alpn=$'x\xff\xfe'
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$CASE_DIR/hostile.key" 2>/dev/null &&
    openssl req -new -key "$CASE_DIR/hostile.key" -subj "/O=tlspp test/CN=localhost" -out "$CASE_DIR/hostile.csr" &&
    printf '%s\n' "basicConstraints=critical,CA:FALSE" "keyUsage=critical,digitalSignature" \
      "extendedKeyUsage=serverAuth" "subjectAltName=DNS:localhost,DNS:"$'\x1b'"[2J" >"$CASE_DIR/hostile.ext" &&
    openssl x509 -req -in "$CASE_DIR/hostile.csr" -CA "$CERTS/ca.pem" -CAkey "$CERTS/ca.key" -CAcreateserial \
      -CAserial "$CASE_DIR/ca.srl" -days 2 -sha256 -extfile "$CASE_DIR/hostile.ext" -out "$CASE_DIR/hostile.pem" \
      2>/dev/null || { echo "cannot make the hostile certificate" >&2; return 1; }
  start_bg "$CASE_DIR/server.log" openssl s_server -accept 127.0.0.1:0 -www -tls1_2 \
    -cert "$CASE_DIR/hostile.pem" -key "$CASE_DIR/hostile.key" -alpn "$alpn"
  wait_for_line "$CASE_DIR/server.log" '^ACCEPT ' "$LAST_PID" || return 1
  local port; port=$(port_from_line "$CASE_DIR/server.log" '^ACCEPT ')
  printf '%s' "$HTTP_GET" | timeout "$CLIENT_TIMEOUT" "$TLSPP" client "localhost:$port" --ca "$CERTS/ca.pem" \
    --timeout 5 --alpn "$alpn" $(explain_args "$format") >"$CASE_DIR/out" 2>"$CASE_DIR/client.err" ||
    { echo "client exit $?: $(tail -n 1 "$CASE_DIR/client.err")" >&2; return 1; }
  python3 - "$CASE_DIR/out" "$CASE_DIR/client.err" "$format" <<'PY'
import json, re, sys
out, err, fmt = open(sys.argv[1], "rb").read(), open(sys.argv[2], "rb").read(), sys.argv[3]
raw = re.compile(rb"[\x00-\x09\x0b-\x1f\x7f]")
def clean(name, data):
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        sys.exit(f"{name}: invalid UTF-8 ({e})")
    m = raw.search(data)
    if m:
        sys.exit(f"{name}: raw control byte {m.group()!r} at {m.start()}")
    return text
timeline = []
for n, line in enumerate(out.split(b"\n"), 1):
    timeline.append(line)
    if fmt == "json":
        try:
            e = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as e:
            sys.exit(f"line {n} is not UTF-8 JSON ({e}): {line[:80]!r}")
        if e.get("type") == "done":
            break
    elif b"handshake complete" in line:
        break
else:
    sys.exit("the timeline does not end")
text = clean("timeline", b"\n".join(timeline))
summary = clean("summary (stderr)", err)
want = ("x\\\\xff\\\\xfe", "\\\\x1b[2J") if fmt == "json" else ("x\\xff\\xfe", "\\x1b[2J")
for w in want:
    if w not in text:
        sys.exit(f"timeline: {w!r} is missing")
for w in (r"ALPN: +x\\xff\\xfe$", r"names: .*DNS:\\x1b\[2J"):
    if not re.search(w, summary, re.M):
        sys.exit(f"summary: nothing matches {w!r}")
PY
}

explain_suite() {
  if [ "$TLSPP_STANDIN" = openssl ]; then
    echo "explain: skipped (the explainer is tlspp's own; nothing to stand in for)"
    return 0
  fi
  local s f
  for s in c02f c02b; do
    for f in text json; do
      run_case "explain.openssl-server.tlspp-client.$s.$f" case_explain_openssl_server "$s" "$f"
      run_case "explain.gnutls-server.tlspp-client.$s.$f" case_explain_gnutls_server "$s" "$f"
    done
  done
  run_case "explain.tlspp-server.openssl-client.c02f.text.www" case_explain_tlspp_server c02f text www
  run_case "explain.tlspp-server.openssl-client.c02b.json.www" case_explain_tlspp_server c02b json www
  run_case "explain.tlspp-server.tlspp-client.c02f.text.echo" case_explain_tlspp_server c02f text echo
  run_case "explain.openssl-server.tlspp-client.hostile-peer-text.text" case_explain_hostile_peer_text text
  run_case "explain.openssl-server.tlspp-client.hostile-peer-text.json" case_explain_hostile_peer_text json
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  exec bash "$(dirname "$0")/run.sh" explain
fi
