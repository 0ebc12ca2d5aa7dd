# tests/interop/openssl.sh: tlspp against OpenSSL's s_server and s_client,
# TLS 1.2, every suite × group. Sourced by run.sh; `bash openssl.sh` runs it alone.

# group_regex G: how the tlspp summary/page may spell group G.
group_regex() {
  case $1 in
    x25519) echo 'x25519' ;;
    P-256) echo 'secp256r1|P-256' ;;
    P-384) echo 'secp384r1|P-384' ;;
    ffdhe*) echo "$1" ;;
  esac
}

# (a) openssl s_server -www ← tlspp client: the page OpenSSL serves names the suite.
case_openssl_server_tlspp_client() {
  local suite=$1 group=$2 kind=${SUITE_CERT[$1]}
  local group_args=(-groups "$group")
  # OpenSSL 3.0's TLS 1.2 server picks DHE parameters by the certificate's
  # strength (RFC 3526 MODP 2048 for RSA-2048), not by RFC 7919 groups, and
  # refuses DHE altogether when -groups names only FFDHE groups.
  is_dhe "$suite" && group_args=()
  start_bg "$CASE_DIR/server.log" openssl s_server -accept 127.0.0.1:0 -www -tls1_2 \
    -cert "$CERTS/$kind.pem" -key "$CERTS/$kind.key" -cipher "${SUITE_OSSL[$suite]}" "${group_args[@]}"
  wait_for_line "$CASE_DIR/server.log" '^ACCEPT ' "$LAST_PID" || return 1
  local port; port=$(port_from_line "$CASE_DIR/server.log" '^ACCEPT ')
  printf '%s' "$HTTP_GET" | tlspp_client "$port" $(enable_suite_args "$suite") >"$CASE_DIR/out" 2>"$CASE_DIR/client.err" ||
    { echo "client exit $?: $(tail -n 1 "$CASE_DIR/client.err")" >&2; return 1; }
  expect_in "$CASE_DIR/out" "Cipher is ${SUITE_OSSL[$suite]}" "openssl page" || return 1
  [ "$TLSPP_STANDIN" = openssl ] && return 0
  { is_dhe "$suite" || expect_in "$CASE_DIR/client.err" "group:.*($(group_regex "$group"))" "client summary"; } &&
    expect_in "$CASE_DIR/client.err" "verification:.*OK" "client summary"
}

# (b) tlspp server --www ← openssl s_client forcing the suite and group.
case_tlspp_server_openssl_client() {
  local suite=$1 group=$2
  start_tlspp_server "${SUITE_CERT[$suite]}" $(enable_suite_args "$suite") --group "$group" || return 1
  printf '%s' "$HTTP_GET" | timeout "$CLIENT_TIMEOUT" openssl s_client -quiet -connect "127.0.0.1:$SERVER_PORT" \
    -servername localhost -verify_hostname localhost -CAfile "$CERTS/ca.pem" -verify_return_error \
    -tls1_2 -cipher "${SUITE_OSSL[$suite]}" -groups "$(client_groups "$suite" "$group")" >"$CASE_DIR/out" 2>"$CASE_DIR/client.err" ||
    { echo "s_client exit $?: $(tail -n 1 "$CASE_DIR/client.err")" >&2; return 1; }
  expect_tlspp_page "$CASE_DIR/out" "$suite" || return 1
  [ "$TLSPP_STANDIN" = openssl ] && return 0
  expect_in "$CASE_DIR/out" "($(group_regex "$group"))" "tlspp page" &&
    expect_in "$CASE_DIR/out" "server name \(SNI\): *localhost" "tlspp page"
}

# RFC 5246 §7.2.1: a client's close_notify after the handshake gets the
# server's close_notify and the end of the TCP stream at once, well before the
# server's 10 s idle timeout. The client is Python's ssl module (OpenSSL 3):
# unwrap() sends close_notify and waits for the server's.
case_tlspp_server_closes_after_close_notify() {
  start_tlspp_server ecdsa || return 1
  timeout "$CLIENT_TIMEOUT" python3 - "$SERVER_PORT" "$CERTS/ca.pem" >"$CASE_DIR/out" 2>"$CASE_DIR/client.err" <<'PY' ||
import socket, ssl, sys, time
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
ctx.load_verify_locations(sys.argv[2])
ctx.maximum_version = ssl.TLSVersion.TLSv1_2
tls = ctx.wrap_socket(socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=5), server_hostname="localhost")
start = time.monotonic()
raw = tls.unwrap()
end = raw.recv(1)
print("close_notify answered; end of stream %r after %.2f s" % (end, time.monotonic() - start))
sys.exit(0 if end == b"" and time.monotonic() - start < 2 else 1)
PY
    { echo "client exit $?: $(tail -n 1 "$CASE_DIR/client.err") $(cat "$CASE_DIR/out")" >&2; return 1; }
  expect_in "$CASE_DIR/out" "end of stream b''" "client"
}

# Negative: the client must refuse a server its CA list does not vouch for,
# and a certificate for another name; exit status 1 with the reason.
case_tlspp_client_rejects() {
  local what=$1 extra=()
  case $what in
    untrusted) extra=(--ca "$CERTS/other-ca.pem") ;;
    wrong-name) extra=(--servername not-localhost.example) ;;
  esac
  start_bg "$CASE_DIR/server.log" openssl s_server -accept 127.0.0.1:0 -www -tls1_2 \
    -cert "$CERTS/rsa.pem" -key "$CERTS/rsa.key"
  wait_for_line "$CASE_DIR/server.log" '^ACCEPT ' "$LAST_PID" || return 1
  local port status=0; port=$(port_from_line "$CASE_DIR/server.log" '^ACCEPT ')
  printf '%s' "$HTTP_GET" | tlspp_client "$port" "${extra[@]}" >"$CASE_DIR/out" 2>"$CASE_DIR/client.err" || status=$?
  [ $status -ne 0 ] || { echo "client accepted the server (exit 0)" >&2; return 1; }
  [ "$TLSPP_STANDIN" = openssl ] && return 0
  [ $status -eq 1 ] || { echo "exit status $status, expected 1" >&2; return 1; }
  case $what in
    untrusted) expect_in "$CASE_DIR/client.err" '^tlspp: .*(unknown_ca|certificate_untrusted)' "client" ;;
    wrong-name) expect_in "$CASE_DIR/client.err" '^tlspp: .*certificate_name_mismatch' "client" ;;
  esac
}

openssl_suite() {
  local s g
  for s in "${SUITES[@]}"; do
    for g in $(groups_for "$s"); do
      run_case_async "openssl-server.$(tlspp_name)-client.$s.$g" case_openssl_server_tlspp_client "$s" "$g"
      run_case_async "$(tlspp_name)-server.openssl-client.$s.$g" case_tlspp_server_openssl_client "$s" "$g"
    done
  done
  run_case_async "$(tlspp_name)-server.closes-after-close-notify" case_tlspp_server_closes_after_close_notify
  run_case_async "$(tlspp_name)-client.rejects-untrusted" case_tlspp_client_rejects untrusted
  run_case_async "$(tlspp_name)-client.rejects-wrong-name" case_tlspp_client_rejects wrong-name
  wait_cases
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  exec bash "$(dirname "$0")/run.sh" openssl
fi
