# tests/interop/tls13.sh: TLS 1.3 against OpenSSL, GnuTLS and curl, both
# directions: every TLS 1.3 suite × group (x25519 is tlspp's key share;
# P-256 and P-384 make the server ask again with a HelloRetryRequest), each
# certificate kind, client authentication, KeyUpdate, and version
# negotiation with TLS 1.2-only peers. Sourced by run.sh; `bash tls13.sh`
# runs it alone.

SUITES13=(TLS_AES_128_GCM_SHA256 TLS_AES_256_GCM_SHA384 TLS_CHACHA20_POLY1305_SHA256)
declare -A GNUTLS13_CIPHER=([TLS_AES_128_GCM_SHA256]=+AES-128-GCM [TLS_AES_256_GCM_SHA384]=+AES-256-GCM
                            [TLS_CHACHA20_POLY1305_SHA256]=+CHACHA20-POLY1305)
# How gnutls-serv's page names the session: "(TLS1.3-X.509)-(ECDHE-X25519)-(RSA-PSS-RSAE-SHA256)-(AES-128-GCM)".
declare -A GNUTLS13_NAME=([TLS_AES_128_GCM_SHA256]='\(AES-128-GCM\)' [TLS_AES_256_GCM_SHA384]='\(AES-256-GCM\)'
                          [TLS_CHACHA20_POLY1305_SHA256]='\(CHACHA20-POLY1305\)')

# gnutls13_priority SUITE GROUP: TLS 1.3 only, this suite, this group.
gnutls13_priority() {
  echo "NONE:+VERS-TLS1.3:${GNUTLS13_CIPHER[$1]}:+AEAD:+SIGN-ALL:+COMP-NULL:+CTYPE-X509:${GROUP_GNUTLS[$2]}"
}

# tlspp13_client PORT ARGS...: the tlspp client, TLS 1.3 arguments appended.
tlspp13_client() {
  local port=$1; shift
  timeout "$CLIENT_TIMEOUT" "$TLSPP" client "localhost:$port" --ca "$CERTS/ca.pem" --timeout 5 "$@"
}

# start_tlspp13_server KIND ARGS...: tlspp server --www with extra arguments.
start_tlspp13_server() {
  local kind=$1; shift
  start_bg "$CASE_DIR/server.log" "$TLSPP" server --host 127.0.0.1 --port 0 --cert "$CERTS/$kind.pem" \
    --key "$CERTS/$kind.key" "$@"
  SERVER_PID=$LAST_PID
  wait_for_line "$CASE_DIR/server.log" '^listening on ' "$SERVER_PID" || return 1
  SERVER_PORT=$(port_from_line "$CASE_DIR/server.log" '^listening on ')
}

# start_openssl13_server ARGS...: openssl s_server on 127.0.0.1; sets OSSL_PORT.
start_openssl13_server() {
  start_bg "$CASE_DIR/server.log" openssl s_server -accept 127.0.0.1:0 "$@"
  wait_for_line "$CASE_DIR/server.log" '^ACCEPT ' "$LAST_PID" || return 1
  OSSL_PORT=$(port_from_line "$CASE_DIR/server.log" '^ACCEPT ')
}

client_failed() { echo "$1 exit $2: $(tail -n 1 "$CASE_DIR/client.err")" >&2; return 1; }

# (a) openssl s_server -www -tls1_3 ← tlspp client.
case13_openssl_server() {
  local suite=$1 group=$2 kind=$3
  start_openssl13_server -www -tls1_3 -cert "$CERTS/$kind.pem" -key "$CERTS/$kind.key" -ciphersuites "$suite" \
    -groups "$group" || return 1
  printf '%s' "$HTTP_GET" | tlspp13_client "$OSSL_PORT" --groups "x25519:P-256:P-384" >"$CASE_DIR/out" \
    2>"$CASE_DIR/client.err" || client_failed client $? || return 1
  expect_in "$CASE_DIR/out" "New, TLSv1.3, Cipher is $suite" "openssl page" &&
    expect_in "$CASE_DIR/client.err" "protocol: *TLS 1\.3" "client summary" &&
    expect_in "$CASE_DIR/client.err" "group:.*($(group_regex "$group"))" "client summary" &&
    expect_in "$CASE_DIR/client.err" "verification:.*OK" "client summary"
}

# (b) tlspp server --www ← openssl s_client -tls1_3.
case13_openssl_client() {
  local suite=$1 group=$2 kind=$3
  start_tlspp13_server "$kind" --www || return 1
  printf '%s' "$HTTP_GET" | timeout "$CLIENT_TIMEOUT" openssl s_client -quiet -connect "127.0.0.1:$SERVER_PORT" \
    -servername localhost -verify_hostname localhost -CAfile "$CERTS/ca.pem" -verify_return_error \
    -tls1_3 -ciphersuites "$suite" -groups "$group" >"$CASE_DIR/out" 2>"$CASE_DIR/client.err" ||
    client_failed s_client $? || return 1
  expect_in "$CASE_DIR/out" "protocol: *TLS 1\.3" "tlspp page" &&
    expect_in "$CASE_DIR/out" "$suite" "tlspp page" &&
    expect_in "$CASE_DIR/out" "($(group_regex "$group"))" "tlspp page"
}

# (c) gnutls-serv (in its namespace) ← tlspp client, and tlspp server ← gnutls-cli.
case13_gnutls_server_inner() {
  local suite=$1 group=$2
  start_bg "$CASE_DIR/server.log" gnutls-serv --http -p "$GNUTLS_NETNS_PORT" --x509certfile "$CERTS/rsa.pem" \
    --x509keyfile "$CERTS/rsa.key" --priority "$(gnutls13_priority "$suite" "$group")"
  wait_for_line "$CASE_DIR/server.log" 'listening on IPv4.*done' "$LAST_PID" || return 1
  printf '%s' "$HTTP_GET" | tlspp13_client "$GNUTLS_NETNS_PORT" --groups "x25519:P-256:P-384" >"$CASE_DIR/out" \
    2>"$CASE_DIR/client.err" || client_failed client $? || return 1
  expect_in "$CASE_DIR/out" "TLS1\.3" "gnutls page" && expect_in "$CASE_DIR/out" "${GNUTLS13_NAME[$suite]}" "gnutls page"
}
case13_gnutls_server() { in_netns case13_gnutls_server_inner "$@"; }

case13_gnutls_client() {
  local suite=$1 group=$2
  start_tlspp13_server rsa --www || return 1
  printf '%s' "$HTTP_GET" | timeout "$CLIENT_TIMEOUT" gnutls-cli --priority "$(gnutls13_priority "$suite" "$group")" \
    --x509cafile "$CERTS/ca.pem" -p "$SERVER_PORT" localhost >"$CASE_DIR/out" 2>"$CASE_DIR/client.err" ||
    { echo "gnutls-cli exit $?: $(grep -E '^\*|rror' "$CASE_DIR/client.err" | tail -n 1)" >&2; return 1; }
  expect_in "$CASE_DIR/out" "protocol: *TLS 1\.3" "tlspp page" && expect_in "$CASE_DIR/out" "$suite" "tlspp page"
}

# (d) curl with its defaults negotiates TLS 1.3 with tlspp server.
case13_curl_defaults() {
  start_tlspp13_server "$1" --www || return 1
  timeout "$CLIENT_TIMEOUT" curl -sS --max-time 15 --cacert "$CERTS/ca.pem" -o "$CASE_DIR/out" \
    "https://localhost:$SERVER_PORT/" 2>"$CASE_DIR/client.err" || client_failed curl $? || return 1
  expect_in "$CASE_DIR/out" "protocol: *TLS 1\.3" "tlspp page"
}

# (e) client authentication: openssl s_server -Verify ← tlspp client with a
# certificate; tlspp server --verify-client ← openssl s_client -cert.
case13_client_auth_openssl_server() {
  start_openssl13_server -www -tls1_3 -cert "$CERTS/rsa.pem" -key "$CERTS/rsa.key" -Verify 1 \
    -CAfile "$CERTS/ca.pem" || return 1
  printf '%s' "$HTTP_GET" | tlspp13_client "$OSSL_PORT" --cert "$CERTS/client.pem" --key "$CERTS/client.key" \
    >"$CASE_DIR/out" 2>"$CASE_DIR/client.err" || client_failed client $? || return 1
  expect_in "$CASE_DIR/out" "New, TLSv1.3" "openssl page" && expect_in "$CASE_DIR/out" "CN ?= ?client" "openssl page"
}

case13_client_auth_openssl_client() {
  start_tlspp13_server ecdsa --www --client-ca "$CERTS/ca.pem" --verify-client require || return 1
  printf '%s' "$HTTP_GET" | timeout "$CLIENT_TIMEOUT" openssl s_client -quiet -connect "127.0.0.1:$SERVER_PORT" \
    -servername localhost -CAfile "$CERTS/ca.pem" -verify_return_error -tls1_3 -cert "$CERTS/client.pem" \
    -key "$CERTS/client.key" >"$CASE_DIR/out" 2>"$CASE_DIR/client.err" || client_failed s_client $? || return 1
  expect_in "$CASE_DIR/out" "protocol: *TLS 1\.3" "tlspp page" && expect_in "$CASE_DIR/out" "CN=client" "tlspp page"
}

# (f) KeyUpdate: s_server's "K" command (update_requested) in the middle of
# the connection; the tlspp client must answer with its own KeyUpdate and
# keep reading the data that follows under the new keys.
case13_key_update_openssl_server() {
  start_bg "$CASE_DIR/server.log" bash -c "(sleep 2; echo K; sleep 1; echo after-key-update; sleep 3) |
    exec openssl s_server -accept 127.0.0.1:0 -tls1_3 -cert '$CERTS/rsa.pem' -key '$CERTS/rsa.key' -msg"
  wait_for_line "$CASE_DIR/server.log" '^ACCEPT ' "$LAST_PID" || return 1
  OSSL_PORT=$(port_from_line "$CASE_DIR/server.log" '^ACCEPT ')
  (sleep 5; printf 'from-client\n') | tlspp13_client "$OSSL_PORT" >"$CASE_DIR/out" 2>"$CASE_DIR/client.err"
  expect_in "$CASE_DIR/out" "after-key-update" "client output" &&
    expect_in "$CASE_DIR/server.log" "KeyUpdate" "server trace" &&
    expect_in "$CASE_DIR/server.log" "from-client" "server output"
}

# (g) version negotiation with TLS 1.2-only peers, and refusal when the
# versions do not meet (protocol_version).
case13_version() {
  local what=$1
  case $what in
    client-default-vs-tls12-server)
      start_openssl13_server -www -tls1_2 -cert "$CERTS/rsa.pem" -key "$CERTS/rsa.key" || return 1
      printf '%s' "$HTTP_GET" | tlspp13_client "$OSSL_PORT" >"$CASE_DIR/out" 2>"$CASE_DIR/client.err" ||
        client_failed client $? || return 1
      expect_in "$CASE_DIR/out" "New, TLSv1.2" "openssl page" ;;
    client-tls13-vs-tls12-server)
      start_openssl13_server -www -tls1_2 -cert "$CERTS/rsa.pem" -key "$CERTS/rsa.key" || return 1
      if printf '%s' "$HTTP_GET" | tlspp13_client "$OSSL_PORT" --tls1_3 >"$CASE_DIR/out" 2>"$CASE_DIR/client.err"; then
        echo "the client connected without TLS 1.3" >&2; return 1
      fi
      expect_in "$CASE_DIR/client.err" "protocol_version" "client error" ;;
    server-default-vs-tls12-client)
      start_tlspp13_server rsa --www || return 1
      printf '%s' "$HTTP_GET" | timeout "$CLIENT_TIMEOUT" openssl s_client -quiet -connect "127.0.0.1:$SERVER_PORT" \
        -CAfile "$CERTS/ca.pem" -tls1_2 >"$CASE_DIR/out" 2>"$CASE_DIR/client.err" || client_failed s_client $? || return 1
      expect_in "$CASE_DIR/out" "protocol: *TLS 1\.2" "tlspp page" ;;
    server-tls12-vs-tls13-client)
      start_tlspp13_server rsa --www --tls1_2 || return 1
      if printf '%s' "$HTTP_GET" | timeout "$CLIENT_TIMEOUT" openssl s_client -quiet -connect "127.0.0.1:$SERVER_PORT" \
        -CAfile "$CERTS/ca.pem" -tls1_3 >"$CASE_DIR/out" 2>"$CASE_DIR/client.err"; then
        echo "s_client connected without TLS 1.3" >&2; return 1
      fi
      expect_in "$CASE_DIR/client.err" "protocol version" "s_client error" ;;
  esac
}

tls13_suite() {
  local s g k
  for s in "${SUITES13[@]}"; do
    for g in "${GROUPS_[@]}"; do
      run_case_async "openssl-server.$(tlspp_name)-client.tls13.$s.$g" case13_openssl_server "$s" "$g" rsa
      run_case_async "$(tlspp_name)-server.openssl-client.tls13.$s.$g" case13_openssl_client "$s" "$g" rsa
      run_case_async "gnutls-server.$(tlspp_name)-client.tls13.$s.$g" case13_gnutls_server "$s" "$g"
      run_case_async "$(tlspp_name)-server.gnutls-client.tls13.$s.$g" case13_gnutls_client "$s" "$g"
    done
  done
  for k in ecdsa; do
    run_case_async "openssl-server.$(tlspp_name)-client.tls13.$k" case13_openssl_server TLS_AES_128_GCM_SHA256 x25519 "$k"
    run_case_async "$(tlspp_name)-server.openssl-client.tls13.$k" case13_openssl_client TLS_AES_128_GCM_SHA256 x25519 "$k"
  done
  run_case_async "openssl-server.$(tlspp_name)-client.tls13.client-auth" case13_client_auth_openssl_server
  run_case_async "$(tlspp_name)-server.openssl-client.tls13.client-auth" case13_client_auth_openssl_client
  run_case_async "openssl-server.$(tlspp_name)-client.tls13.key-update" case13_key_update_openssl_server
  for s in client-default-vs-tls12-server client-tls13-vs-tls12-server server-default-vs-tls12-client \
           server-tls12-vs-tls13-client; do
    run_case_async "$(tlspp_name).tls13.version.$s" case13_version "$s"
  done
  wait_cases
  # curl cases one at a time: run in the background, a curl case has been
  # seen to outlive its client until the server's timeout (tests/interop/curl.sh).
  for k in rsa ecdsa; do
    run_case "curl.$(tlspp_name)-server.tls13.defaults-$k" case13_curl_defaults "$k"
  done
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  exec bash "$(dirname "$0")/run.sh" tls13
fi
