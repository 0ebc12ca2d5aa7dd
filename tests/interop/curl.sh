# tests/interop/curl.sh: curl (OpenSSL backend) against tlspp server --www:
# defaults with TLS 1.2 as the maximum, then each suite × group forced with
# --ciphers and --curves. Sourced by run.sh; `bash curl.sh` runs it alone.

# curl_get PORT ARGS...: fetches https://localhost:PORT/ into $CASE_DIR/out.
curl_get() {
  local port=$1; shift
  timeout "$CLIENT_TIMEOUT" curl -sS --max-time 15 --tls-max 1.2 --cacert "$CERTS/ca.pem" "$@" \
    -o "$CASE_DIR/out" "https://localhost:$port/" 2>"$CASE_DIR/client.err" ||
    { echo "curl exit $?: $(tail -n 1 "$CASE_DIR/client.err")" >&2; return 1; }
}

# (d1) curl with its defaults: TLS 1.2 must be negotiated and a page served.
case_curl_defaults() {
  local kind=$1
  start_tlspp_server "$kind" || return 1
  curl_get "$SERVER_PORT" || return 1
  if [ "$TLSPP_STANDIN" = openssl ]; then
    expect_in "$CASE_DIR/out" "New, TLSv1.2, Cipher is" "page"
  else
    expect_in "$CASE_DIR/out" "protocol: *TLS 1\.2" "page"
  fi
}

# (d2) curl forcing one suite and one group.
case_curl_suite() {
  local suite=$1 group=$2
  start_tlspp_server "${SUITE_CERT[$suite]}" $(enable_suite_args "$suite") --group "$group" || return 1
  curl_get "$SERVER_PORT" --ciphers "${SUITE_OSSL[$suite]}" --curves "$(client_groups "$suite" "$group")" || return 1
  expect_tlspp_page "$CASE_DIR/out" "$suite"
}

# (d3) several curl fetches at once: the server serves clients concurrently.
case_curl_concurrent() {
  start_tlspp_server rsa || return 1
  local pids=() i failed=0
  for i in 1 2 3 4 5 6 7 8; do
    timeout "$CLIENT_TIMEOUT" curl -sS --max-time 15 --tls-max 1.2 --cacert "$CERTS/ca.pem" \
      -o "$CASE_DIR/out.$i" "https://localhost:$SERVER_PORT/" 2>"$CASE_DIR/client.$i.err" &
    pids+=($!)
  done
  for i in "${pids[@]}"; do wait "$i" || failed=$((failed + 1)); done
  [ $failed -eq 0 ] || { echo "$failed of 8 concurrent fetches failed: $(cat "$CASE_DIR"/client.*.err | tail -n 1)" >&2; return 1; }
  for i in 1 2 3 4 5 6 7 8; do
    expect_in "$CASE_DIR/out.$i" "Cipher|cipher suite" "page $i" || return 1
  done
}

# One case at a time: run two at a time, the forced-suite cases outlived
# their client until the server's 120 s timeout (cause not found yet).
curl_suite() {
  local s g
  run_case "curl.$(tlspp_name)-server.defaults-rsa" case_curl_defaults rsa
  run_case "curl.$(tlspp_name)-server.defaults-ecdsa" case_curl_defaults ecdsa
  run_case "curl.$(tlspp_name)-server.concurrent" case_curl_concurrent
  for s in "${SUITES[@]}"; do
    for g in $(groups_for "$s"); do
      run_case "curl.$(tlspp_name)-server.$s.$g" case_curl_suite "$s" "$g"
    done
  done
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  exec bash "$(dirname "$0")/run.sh" curl
fi
