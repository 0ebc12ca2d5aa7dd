# tests/interop/gnutls.sh: tlspp against GnuTLS's gnutls-serv and gnutls-cli,
# TLS 1.2, every suite × group, with priority strings that allow exactly one
# suite and one group. Sourced by run.sh; `bash gnutls.sh` runs it alone.
#
# gnutls-serv always binds every interface, so it runs with its client inside
# a private network namespace (in_netns) where only lo exists; there the port
# is fixed, since nothing else can hold it.
GNUTLS_NETNS_PORT=4433

# (c1) gnutls-serv --http ← tlspp client. Runs inside the namespace.
gnutls_server_tlspp_client_inner() {
  local suite=$1 group=$2 kind=${SUITE_CERT[$1]}
  start_bg "$CASE_DIR/server.log" gnutls-serv --http -p "$GNUTLS_NETNS_PORT" \
    --x509certfile "$CERTS/$kind.pem" --x509keyfile "$CERTS/$kind.key" --priority "$(gnutls_priority "$suite" "$group")"
  wait_for_line "$CASE_DIR/server.log" 'listening on IPv4.*done' "$LAST_PID" || return 1
  printf '%s' "$HTTP_GET" | tlspp_client "$GNUTLS_NETNS_PORT" --suite "$suite" \
    --group "$(client_groups "$suite" "$group")" >"$CASE_DIR/out" 2>"$CASE_DIR/client.err" ||
    { echo "client exit $?: $(tail -n 1 "$CASE_DIR/client.err")" >&2; return 1; }
  expect_in "$CASE_DIR/out" "Ciphersuite</TD><TD>${SUITE_GNUTLS_NAME[$suite]}<" "gnutls page"
}

case_gnutls_server_tlspp_client() {
  in_netns gnutls_server_tlspp_client_inner "$@"
}

# (c2) tlspp server --www ← gnutls-cli. gnutls-cli binds nothing, so it runs
# outside the namespace against the server on 127.0.0.1.
case_tlspp_server_gnutls_client() {
  local suite=$1 group=$2
  start_tlspp_server "${SUITE_CERT[$suite]}" $(enable_suite_args "$suite") --group "$group" || return 1
  printf '%s' "$HTTP_GET" | timeout "$CLIENT_TIMEOUT" gnutls-cli \
    --priority "$(gnutls_priority "$suite" "$(client_groups "$suite" "$group")")" \
    --x509cafile "$CERTS/ca.pem" -p "$SERVER_PORT" localhost >"$CASE_DIR/out" 2>"$CASE_DIR/client.err" ||
    { echo "gnutls-cli exit $?: $(grep -E '^\*|rror' "$CASE_DIR/client.err" | tail -n 1)" >&2; return 1; }
  expect_tlspp_page "$CASE_DIR/out" "$suite"
}

gnutls_suite() {
  local s g
  for s in "${SUITES[@]}"; do
    for g in $(groups_for "$s"); do
      run_case_async "gnutls-server.$(tlspp_name)-client.$s.$g" case_gnutls_server_tlspp_client "$s" "$g"
      run_case_async "$(tlspp_name)-server.gnutls-client.$s.$g" case_tlspp_server_gnutls_client "$s" "$g"
    done
  done
  wait_cases
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  exec bash "$(dirname "$0")/run.sh" gnutls
fi
