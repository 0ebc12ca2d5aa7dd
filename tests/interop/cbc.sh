# tests/interop/cbc.sh: the legacy CBC-HMAC suites (off by default in tlspp,
# enabled by naming them) against OpenSSL and GnuTLS, both directions, with
# Encrypt-then-MAC (RFC 7366) and without it (the peer declines it:
# OpenSSL's -no_etm, GnuTLS's %NO_ETM). Sourced by run.sh; `bash cbc.sh`
# runs it alone. Each case checks the suite on the other side's page or
# summary and whether Encrypt-then-MAC was agreed.

# hex → IANA name, OpenSSL name, GnuTLS priority items, certificate kind
declare -A CBC_IANA=(
  [002f]=TLS_RSA_WITH_AES_128_CBC_SHA [0035]=TLS_RSA_WITH_AES_256_CBC_SHA
  [003c]=TLS_RSA_WITH_AES_128_CBC_SHA256 [003d]=TLS_RSA_WITH_AES_256_CBC_SHA256
  [c013]=TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA [c014]=TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA
  [c027]=TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256 [c028]=TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384
  [c009]=TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA [c00a]=TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA
  [c023]=TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256 [c024]=TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384
  [0033]=TLS_DHE_RSA_WITH_AES_128_CBC_SHA [0039]=TLS_DHE_RSA_WITH_AES_256_CBC_SHA
  [0067]=TLS_DHE_RSA_WITH_AES_128_CBC_SHA256 [006b]=TLS_DHE_RSA_WITH_AES_256_CBC_SHA256)
declare -A CBC_OSSL=(
  [002f]=AES128-SHA [0035]=AES256-SHA [003c]=AES128-SHA256 [003d]=AES256-SHA256
  [c013]=ECDHE-RSA-AES128-SHA [c014]=ECDHE-RSA-AES256-SHA [c027]=ECDHE-RSA-AES128-SHA256
  [c028]=ECDHE-RSA-AES256-SHA384 [c009]=ECDHE-ECDSA-AES128-SHA [c00a]=ECDHE-ECDSA-AES256-SHA
  [c023]=ECDHE-ECDSA-AES128-SHA256 [c024]=ECDHE-ECDSA-AES256-SHA384
  [0033]=DHE-RSA-AES128-SHA [0039]=DHE-RSA-AES256-SHA [0067]=DHE-RSA-AES128-SHA256 [006b]=DHE-RSA-AES256-SHA256)
declare -A CBC_GNUTLS=(
  [002f]=+RSA:+AES-128-CBC:+SHA1 [0035]=+RSA:+AES-256-CBC:+SHA1
  [003c]=+RSA:+AES-128-CBC:+SHA256 [003d]=+RSA:+AES-256-CBC:+SHA256
  [c013]=+ECDHE-RSA:+AES-128-CBC:+SHA1 [c014]=+ECDHE-RSA:+AES-256-CBC:+SHA1
  [c027]=+ECDHE-RSA:+AES-128-CBC:+SHA256 [c028]=+ECDHE-RSA:+AES-256-CBC:+SHA384
  [c009]=+ECDHE-ECDSA:+AES-128-CBC:+SHA1 [c00a]=+ECDHE-ECDSA:+AES-256-CBC:+SHA1
  [c023]=+ECDHE-ECDSA:+AES-128-CBC:+SHA256 [c024]=+ECDHE-ECDSA:+AES-256-CBC:+SHA384
  [0033]=+DHE-RSA:+AES-128-CBC:+SHA1 [0039]=+DHE-RSA:+AES-256-CBC:+SHA1
  [0067]=+DHE-RSA:+AES-128-CBC:+SHA256 [006b]=+DHE-RSA:+AES-256-CBC:+SHA256)
CBC_SUITES=(002f 0035 003c 003d c013 c014 c027 c028 c009 c00a c023 c024 0033 0039 0067 006b)

cbc_cert() { case $1 in c009|c00a|c023|c024) echo ecdsa ;; *) echo rsa ;; esac; }

# cbc_gnutls_priority HEX ETM: exactly this suite; %NO_ETM declines RFC 7366.
cbc_gnutls_priority() {
  local p="NONE:+VERS-TLS1.2:${CBC_GNUTLS[$1]}:+SIGN-ALL:+COMP-NULL:+CTYPE-X509:+GROUP-X25519:+GROUP-SECP256R1:+GROUP-FFDHE2048"
  [ "$2" = etm ] || p+=":%NO_ETM"
  echo "$p"
}

# expect_etm FILE ETM: the tlspp page or summary says whether EtM was agreed.
expect_etm() {
  local want=no
  [ "$2" = etm ] && want=yes
  expect_in "$1" "encrypt-then-MAC: *$want" "encrypt-then-MAC row"
}

start_cbc_tlspp_server() {
  local hex=$1 kind; kind=$(cbc_cert "$1")
  start_bg "$CASE_DIR/server.log" "$TLSPP" server --host 127.0.0.1 --port 0 --cert "$CERTS/$kind.pem" \
    --key "$CERTS/$kind.key" --www --ciphers "${CBC_IANA[$hex]}"
  SERVER_PID=$LAST_PID
  wait_for_line "$CASE_DIR/server.log" '^listening on ' "$SERVER_PID" || return 1
  SERVER_PORT=$(port_from_line "$CASE_DIR/server.log" '^listening on ')
}

# openssl s_server -www ← tlspp client
case_cbc_openssl_server() {
  local hex=$1 etm=$2 kind extra=(); kind=$(cbc_cert "$1")
  [ "$etm" = etm ] || extra=(-no_etm)
  start_bg "$CASE_DIR/server.log" openssl s_server -accept 127.0.0.1:0 -www -tls1_2 \
    -cert "$CERTS/$kind.pem" -key "$CERTS/$kind.key" -cipher "${CBC_OSSL[$hex]}" "${extra[@]}"
  wait_for_line "$CASE_DIR/server.log" '^ACCEPT ' "$LAST_PID" || return 1
  local port; port=$(port_from_line "$CASE_DIR/server.log" '^ACCEPT ')
  printf '%s' "$HTTP_GET" | timeout "$CLIENT_TIMEOUT" "$TLSPP" client "localhost:$port" --ca "$CERTS/ca.pem" \
    --ciphers "${CBC_IANA[$hex]}" --timeout 5 >"$CASE_DIR/out" 2>"$CASE_DIR/client.err" ||
    { echo "client exit $?: $(tail -n 1 "$CASE_DIR/client.err")" >&2; return 1; }
  expect_in "$CASE_DIR/out" "Cipher is ${CBC_OSSL[$hex]}" "openssl page" && expect_etm "$CASE_DIR/client.err" "$etm"
}

# tlspp server --www ← openssl s_client
case_cbc_openssl_client() {
  local hex=$1 etm=$2 extra=()
  [ "$etm" = etm ] || extra=(-no_etm)
  start_cbc_tlspp_server "$hex" || return 1
  printf '%s' "$HTTP_GET" | timeout "$CLIENT_TIMEOUT" openssl s_client -quiet -connect "127.0.0.1:$SERVER_PORT" \
    -tls1_2 -cipher "${CBC_OSSL[$hex]}" -CAfile "$CERTS/ca.pem" -verify_return_error "${extra[@]}" \
    >"$CASE_DIR/out" 2>"$CASE_DIR/client.err" ||
    { echo "s_client failed: $(tail -n 1 "$CASE_DIR/client.err")" >&2; return 1; }
  expect_in "$CASE_DIR/out" "${CBC_IANA[$hex]}" "tlspp page" && expect_etm "$CASE_DIR/out" "$etm"
}

# tlspp server --www ← gnutls-cli
case_cbc_gnutls_client() {
  local hex=$1 etm=$2
  start_cbc_tlspp_server "$hex" || return 1
  printf '%s' "$HTTP_GET" | timeout "$CLIENT_TIMEOUT" gnutls-cli --priority "$(cbc_gnutls_priority "$hex" "$etm")" \
    --x509cafile "$CERTS/ca.pem" -p "$SERVER_PORT" localhost >"$CASE_DIR/out" 2>"$CASE_DIR/client.err" ||
    { echo "gnutls-cli exit $?: $(grep -E '^\*|rror' "$CASE_DIR/client.err" | tail -n 1)" >&2; return 1; }
  expect_in "$CASE_DIR/out" "${CBC_IANA[$hex]}" "tlspp page" && expect_etm "$CASE_DIR/out" "$etm"
}

# gnutls-serv --http ← tlspp client, inside a private network namespace
# (gnutls-serv binds every interface; see gnutls.sh).
cbc_gnutls_server_inner() {
  local hex=$1 etm=$2 kind; kind=$(cbc_cert "$1")
  start_bg "$CASE_DIR/server.log" gnutls-serv --http -p "$GNUTLS_NETNS_PORT" \
    --x509certfile "$CERTS/$kind.pem" --x509keyfile "$CERTS/$kind.key" --priority "$(cbc_gnutls_priority "$hex" "$etm")"
  wait_for_line "$CASE_DIR/server.log" 'listening on IPv4.*done' "$LAST_PID" || return 1
  printf '%s' "$HTTP_GET" | timeout "$CLIENT_TIMEOUT" "$TLSPP" client "localhost:$GNUTLS_NETNS_PORT" \
    --ca "$CERTS/ca.pem" --ciphers "${CBC_IANA[$hex]}" --timeout 5 >"$CASE_DIR/out" 2>"$CASE_DIR/client.err" ||
    { echo "client exit $?: $(tail -n 1 "$CASE_DIR/client.err")" >&2; return 1; }
  expect_in "$CASE_DIR/client.err" "${CBC_IANA[$hex]}" "client summary" && expect_etm "$CASE_DIR/client.err" "$etm"
}

case_cbc_gnutls_server() {
  in_netns cbc_gnutls_server_inner "$@"
}

# Resumption keeps Encrypt-then-MAC (RFC 7366 §3.1): tlspp client --reconnect
# against openssl s_server, and gnutls-cli --resume against tlspp server.
case_cbc_resume_openssl_server() {
  local hex=c027
  start_bg "$CASE_DIR/server.log" openssl s_server -accept 127.0.0.1:0 -www -tls1_2 \
    -cert "$CERTS/rsa.pem" -key "$CERTS/rsa.key" -cipher "${CBC_OSSL[$hex]}" "$@"
  wait_for_line "$CASE_DIR/server.log" '^ACCEPT ' "$LAST_PID" || return 1
  local port; port=$(port_from_line "$CASE_DIR/server.log" '^ACCEPT ')
  printf '%s' "$HTTP_GET" | timeout "$CLIENT_TIMEOUT" "$TLSPP" client "localhost:$port" --ca "$CERTS/ca.pem" \
    --ciphers "${CBC_IANA[$hex]}" --timeout 5 --reconnect 3 >"$CASE_DIR/out" 2>"$CASE_DIR/client.err" ||
    { echo "client exit $?: $(tail -n 1 "$CASE_DIR/client.err")" >&2; return 1; }
  expect_in "$CASE_DIR/client.err" "^resumed 3 of 3$" "tlspp client" &&
    expect_in "$CASE_DIR/out" "Reused, TLSv1.2" "openssl page (last connection)" &&
    expect_etm "$CASE_DIR/client.err" etm
}

case_cbc_resume_gnutls_client() {
  local hex=c023
  start_cbc_tlspp_server "$hex" || return 1
  # gnutls-cli closes at the end of stdin: keep it open until the page is in.
  { printf '%s' "$HTTP_GET"; sleep 2; } | timeout "$CLIENT_TIMEOUT" gnutls-cli --priority "$(cbc_gnutls_priority "$hex" etm)" \
    --x509cafile "$CERTS/ca.pem" -p "$SERVER_PORT" --resume localhost >"$CASE_DIR/out" 2>"$CASE_DIR/client.err" ||
    { echo "gnutls-cli exit $?: $(grep -E '^\*|rror' "$CASE_DIR/client.err" | tail -n 1)" >&2; return 1; }
  expect_in "$CASE_DIR/out" "This is a resumed session" "gnutls-cli" &&
    expect_in "$CASE_DIR/out" "resumed: *yes" "tlspp page (second connection)" && expect_etm "$CASE_DIR/out" etm
}

# tlspp's own switch (--no-etm) against peers that offer or accept
# Encrypt-then-MAC: the connection falls back to MAC-then-encrypt.
case_cbc_tlspp_client_no_etm() {
  local hex=c013
  start_bg "$CASE_DIR/server.log" openssl s_server -accept 127.0.0.1:0 -www -tls1_2 \
    -cert "$CERTS/rsa.pem" -key "$CERTS/rsa.key" -cipher "${CBC_OSSL[$hex]}"
  wait_for_line "$CASE_DIR/server.log" '^ACCEPT ' "$LAST_PID" || return 1
  local port; port=$(port_from_line "$CASE_DIR/server.log" '^ACCEPT ')
  printf '%s' "$HTTP_GET" | timeout "$CLIENT_TIMEOUT" "$TLSPP" client "localhost:$port" --ca "$CERTS/ca.pem" \
    --ciphers "${CBC_IANA[$hex]}" --no-etm --timeout 5 >"$CASE_DIR/out" 2>"$CASE_DIR/client.err" ||
    { echo "client exit $?: $(tail -n 1 "$CASE_DIR/client.err")" >&2; return 1; }
  expect_in "$CASE_DIR/out" "Cipher is ${CBC_OSSL[$hex]}" "openssl page" && expect_etm "$CASE_DIR/client.err" no-etm
}

case_cbc_tlspp_server_no_etm() {
  local hex=c013
  start_bg "$CASE_DIR/server.log" "$TLSPP" server --host 127.0.0.1 --port 0 --cert "$CERTS/rsa.pem" \
    --key "$CERTS/rsa.key" --www --ciphers "${CBC_IANA[$hex]}" --no-etm
  SERVER_PID=$LAST_PID
  wait_for_line "$CASE_DIR/server.log" '^listening on ' "$SERVER_PID" || return 1
  SERVER_PORT=$(port_from_line "$CASE_DIR/server.log" '^listening on ')
  printf '%s' "$HTTP_GET" | timeout "$CLIENT_TIMEOUT" gnutls-cli --priority "$(cbc_gnutls_priority "$hex" etm)" \
    --x509cafile "$CERTS/ca.pem" -p "$SERVER_PORT" localhost >"$CASE_DIR/out" 2>"$CASE_DIR/client.err" ||
    { echo "gnutls-cli exit $?: $(grep -E '^\*|rror' "$CASE_DIR/client.err" | tail -n 1)" >&2; return 1; }
  expect_in "$CASE_DIR/out" "${CBC_IANA[$hex]}" "tlspp page" && expect_etm "$CASE_DIR/out" no-etm
}

cbc_suite() {
  local s etm
  if [ "$TLSPP_STANDIN" = openssl ]; then
    echo "cbc: skipped with the openssl stand-in (the cases check tlspp's encrypt-then-MAC row)"
    return 0
  fi
  for s in "${CBC_SUITES[@]}"; do
    for etm in etm no-etm; do
      run_case "cbc.openssl-server.tlspp-client.$s.$etm" case_cbc_openssl_server "$s" "$etm"
      run_case "cbc.tlspp-server.openssl-client.$s.$etm" case_cbc_openssl_client "$s" "$etm"
      run_case "cbc.tlspp-server.gnutls-client.$s.$etm" case_cbc_gnutls_client "$s" "$etm"
      run_case "cbc.gnutls-server.tlspp-client.$s.$etm" case_cbc_gnutls_server "$s" "$etm"
    done
  done
  run_case "cbc.resume.openssl-server.ticket" case_cbc_resume_openssl_server
  run_case "cbc.resume.openssl-server.session-id" case_cbc_resume_openssl_server -no_ticket
  run_case "cbc.resume.gnutls-client" case_cbc_resume_gnutls_client
  run_case "cbc.no-etm.tlspp-client.openssl-server" case_cbc_tlspp_client_no_etm
  run_case "cbc.no-etm.tlspp-server.gnutls-client" case_cbc_tlspp_server_no_etm
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  exec bash "$(dirname "$0")/run.sh" cbc
fi
