# tests/interop/keylog_tshark.sh: the key logs that tlspp writes (--keylog
# FILE, or $SSLKEYLOGFILE; the NSS key log format, CLIENT_RANDOM lines) let
# Wireshark decrypt a captured tlspp session. Sourced by run.sh;
# `bash keylog_tshark.sh` runs it alone.
#
# Each case runs inside a private network namespace (in_netns), where lo
# carries nothing but the case's own traffic: tcpdump captures lo while a
# tlspp client fetches the --www page from a tlspp server, both writing key
# logs. Then tshark, reading the capture:
#   - without a key log sees TLS application data but no HTTP (so the
#     positive checks below cannot pass by accident);
#   - with the client's key log, and separately with the server's, shows the
#     HTTP request line and the response, whose page names the suite and the
#     client's address and port as the server saw them (this connection's).
# The key logs must each hold the CLIENT_RANDOM line of this connection: the
# ClientHello random that tshark reads in the capture, and the same master
# secret on both sides.

# The suites, by OpenSSL name (the --www page shows it in parentheses). ECDSA
# suites would take the ecdsa certificate; the rest take the rsa one.
KEYLOG_SUITES=(ECDHE-RSA-AES128-GCM-SHA256 ECDHE-RSA-CHACHA20-POLY1305 ECDHE-RSA-AES128-SHA)
KEYLOG_CAPTURE_WAIT=5   # seconds to wait for both FINs to reach the capture

# keylog_tshark_fields PCAP PORT [KEYLOG]: the HTTP that tshark finds, one
# packet a line: method, URI, version, status code, body (with \n escaped).
keylog_tshark_fields() {
  local keys=()
  [ -n "${3:-}" ] && keys=(-o "tls.keylog_file:$3")
  timeout "$CLIENT_TIMEOUT" tshark -n -r "$1" -d "tcp.port==$2,tls" "${keys[@]}" -Y http -T fields \
    -e http.request.method -e http.request.uri -e http.request.version -e http.response.code -e http.file_data \
    2>/dev/null
}

# keylog_check_decrypted FILE WHICH SUITE CLIENT_ADDR: FILE (from
# keylog_tshark_fields) has this connection's request and response.
keylog_check_decrypted() {
  local file=$1 which=$2 suite=$3 client=$4
  [ -s "$file" ] || { echo "tshark with the $which key log shows no HTTP" >&2; return 1; }
  expect_in "$file" $'^GET\t/\tHTTP/1\\.0\t' "tshark request line ($which key log)" &&
    expect_in "$file" $'^\t\t\t200\t.*<h1>tlspp server</h1>' "tshark response ($which key log)" &&
    expect_in "$file" "request: +GET / HTTP/1\\.0" "page in tshark ($which key log)" &&
    expect_in "$file" "cipher suite: +TLS_[A-Z0-9_]+ \\(0x[0-9a-f]{4}, $suite\\)" "suite in tshark ($which key log)" &&
    expect_in "$file" "client: +$client" "this connection in tshark ($which key log)"
}

# keylog_case_inner SUITE HOW: runs inside the namespace. HOW says how each
# side is given its key log: "server-flag" (server --keylog, client
# $SSLKEYLOGFILE) or "client-flag" (the other way round).
keylog_case_inner() {
  local suite=$1 how=$2 kind=rsa
  case $suite in ECDHE-ECDSA-*) kind=ecdsa ;; esac
  local pcap="$CASE_DIR/capture.pcap" ckeys="$CASE_DIR/client.keys" skeys="$CASE_DIR/server.keys"

  # tcpdump runs as root (-Z root) so that it may write in CASE_DIR; -U and
  # --immediate-mode put each packet in the file as it arrives.
  start_bg "$CASE_DIR/tcpdump.log" tcpdump -n -i lo -U --immediate-mode -Z root -w "$pcap" tcp
  local capture_pid=$LAST_PID
  wait_for_line "$CASE_DIR/tcpdump.log" '^tcpdump: listening on lo' "$capture_pid" || return 1

  # TLS 1.2 suites and CLIENT_RANDOM lines: both sides kept to TLS 1.2.
  local server_args=(server --host 127.0.0.1 --port 0 --cert "$CERTS/$kind.pem" --key "$CERTS/$kind.key" --www
                     --ciphers "$suite" --tls1_2)
  local client_args=(client "localhost:PORT" --ca "$CERTS/ca.pem" --timeout 5 --ciphers "$suite")
  local server_env=(env -u SSLKEYLOGFILE) client_env=(env -u SSLKEYLOGFILE)
  if [ "$how" = server-flag ]; then
    server_args+=(--keylog "$skeys"); client_env=(env "SSLKEYLOGFILE=$ckeys")
  else
    server_env=(env "SSLKEYLOGFILE=$skeys"); client_args+=(--keylog "$ckeys")
  fi
  start_bg "$CASE_DIR/server.log" "${server_env[@]}" "$TLSPP" "${server_args[@]}"
  SERVER_PID=$LAST_PID
  wait_for_line "$CASE_DIR/server.log" '^listening on ' "$SERVER_PID" || return 1
  SERVER_PORT=$(port_from_line "$CASE_DIR/server.log" '^listening on ')
  [ -n "$SERVER_PORT" ] || { echo "no port in: $(head -n 2 "$CASE_DIR/server.log")" >&2; return 1; }
  client_args[1]="localhost:$SERVER_PORT"

  printf '%s' "$HTTP_GET" | timeout "$CLIENT_TIMEOUT" "${client_env[@]}" "$TLSPP" "${client_args[@]}" \
    >"$CASE_DIR/out" 2>"$CASE_DIR/client.err" ||
    { echo "client exit $?: $(tail -n 1 "$CASE_DIR/client.err")" >&2; return 1; }
  expect_in "$CASE_DIR/out" "^HTTP/1\\.0 200 " "tlspp client" &&
    expect_in "$CASE_DIR/out" "\\(0x[0-9a-f]{4}, $suite\\)" "tlspp page" || return 1
  # The client's port as the server saw it ties tshark's page to this connection.
  local client_addr
  client_addr=$(sed -nE 's/^client: +([0-9.]+:[0-9]+)$/\1/p' "$CASE_DIR/out")
  [ -n "$client_addr" ] || { echo "no 'client:' line in the page" >&2; return 1; }

  # Both FINs in the file before tcpdump stops (a stopped tcpdump drops
  # what it has not yet written).
  local i fins=0
  for i in $(seq $((KEYLOG_CAPTURE_WAIT * 10))); do
    fins=$(timeout 10 tcpdump -n -r "$pcap" 'tcp[tcpflags] & tcp-fin != 0' 2>/dev/null | wc -l)
    [ "$fins" -ge 2 ] && break
    sleep 0.1
  done
  stop_pid "$capture_pid"
  stop_pid "$SERVER_PID"
  [ -s "$pcap" ] || { echo "tcpdump wrote no capture: $(tail -n 2 "$CASE_DIR/tcpdump.log" | tr '\n' ' ')" >&2; return 1; }

  # The key logs: this connection's client random (from the capture), with
  # the same 48-byte master secret in both.
  local random
  random=$(timeout "$CLIENT_TIMEOUT" tshark -n -r "$pcap" -d "tcp.port==$SERVER_PORT,tls" \
    -Y 'tls.handshake.type == 1' -T fields -e tls.handshake.random 2>/dev/null | head -n 1 | tr -d ':')
  [[ $random =~ ^[0-9a-f]{64}$ ]] || { echo "tshark found no ClientHello random in the capture ('$random')" >&2; return 1; }
  local side file line=""
  for side in client server; do
    [ $side = client ] && file=$ckeys || file=$skeys
    [ -s "$file" ] || { echo "the $side wrote no key log ($how)" >&2; return 1; }
    expect_in "$file" "^CLIENT_RANDOM $random [0-9a-f]{96}\$" "$side key log" || return 1
  done
  [ "$(grep "^CLIENT_RANDOM $random " "$ckeys" | sort -u)" = "$(grep "^CLIENT_RANDOM $random " "$skeys" | sort -u)" ] ||
    { echo "the client's and the server's key logs give different master secrets" >&2; return 1; }

  # Without a key log: TLS application data, and no HTTP.
  local records
  records=$(timeout "$CLIENT_TIMEOUT" tshark -n -r "$pcap" -d "tcp.port==$SERVER_PORT,tls" -Y tls.app_data \
    2>/dev/null | wc -l)
  [ "$records" -ge 2 ] || { echo "tshark sees $records TLS application data packets in the capture (want >= 2)" >&2; return 1; }
  keylog_tshark_fields "$pcap" "$SERVER_PORT" >"$CASE_DIR/tshark-nokeys.txt"
  [ ! -s "$CASE_DIR/tshark-nokeys.txt" ] ||
    { echo "tshark shows HTTP without a key log: the traffic is not encrypted" >&2; return 1; }

  # With each side's key log: the request and this connection's page.
  keylog_tshark_fields "$pcap" "$SERVER_PORT" "$ckeys" >"$CASE_DIR/tshark-client-keys.txt"
  keylog_check_decrypted "$CASE_DIR/tshark-client-keys.txt" client "$suite" "$client_addr" || return 1
  keylog_tshark_fields "$pcap" "$SERVER_PORT" "$skeys" >"$CASE_DIR/tshark-server-keys.txt"
  keylog_check_decrypted "$CASE_DIR/tshark-server-keys.txt" server "$suite" "$client_addr"
}

case_keylog_tshark() {
  # in_netns knows the functions of openssl.sh, gnutls.sh and curl.sh only.
  in_netns bash -c 'source "$INTEROP_DIR/lib.sh"; source "$INTEROP_DIR/keylog_tshark.sh"
    trap cleanup_started EXIT; keylog_case_inner "$@"' _ "$@"
}

keylog_suite() {
  if [ "$TLSPP_STANDIN" = openssl ]; then
    echo "keylog: skipped with TLSPP_STANDIN=openssl (the case checks tlspp's own key logs)"
    return 0
  fi
  local tool missing=""
  for tool in tshark tcpdump; do command -v "$tool" >/dev/null || missing+=" $tool"; done
  if [ -n "$missing" ]; then
    # A failed case, not a skip: a machine without them must not pass silently.
    run_case "keylog.tools" bash -c "echo 'missing:$missing (run make deps)' >&2; exit 1"
    return 0
  fi
  local suite i=0 how
  for suite in "${KEYLOG_SUITES[@]}"; do
    # Alternate which side takes --keylog and which $SSLKEYLOGFILE.
    if [ $((i % 2)) -eq 0 ]; then how=server-flag; else how=client-flag; fi
    run_case "keylog.tshark.$suite.$how" case_keylog_tshark "$suite" "$how"
    i=$((i + 1))
  done
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  exec bash "$(dirname "$0")/run.sh" keylog
fi
