# tests/interop/resumption.sh: TLS 1.2 session resumption (RFC 5246 §7.3 by
# session ID, RFC 5077 tickets) against OpenSSL and GnuTLS, both directions,
# each case asserting that the later connections really were abbreviated.
# Sourced by run.sh; `bash resumption.sh` runs it alone. Each case needs the
# real tlspp (the openssl stand-in has no --reconnect/--sess-in/--sess-out).

# start_openssl_www [ARGS...]: openssl s_server -www (TLS 1.2, RSA) on
# 127.0.0.1; sets SERVER_PID and SERVER_PORT.
start_openssl_www() {
  start_bg "$CASE_DIR/server.log" openssl s_server -accept 127.0.0.1:0 -www -tls1_2 -cert "$CERTS/rsa.pem" \
    -key "$CERTS/rsa.key" "$@"
  SERVER_PID=$LAST_PID
  wait_for_line "$CASE_DIR/server.log" '^ACCEPT ' "$SERVER_PID" || return 1
  SERVER_PORT=$(port_from_line "$CASE_DIR/server.log" '^ACCEPT ')
}

# start_tlspp_www [ARGS...]: tlspp server --www (ECDSA) with its default
# session cache and ticket keys, less what ARGS turn off.
start_tlspp_www() {
  start_bg "$CASE_DIR/server.log" "$TLSPP" server --host 127.0.0.1 --port 0 --cert "$CERTS/ecdsa.pem" \
    --key "$CERTS/ecdsa.key" --www "$@"
  SERVER_PID=$LAST_PID
  wait_for_line "$CASE_DIR/server.log" '^listening on ' "$SERVER_PID" || return 1
  SERVER_PORT=$(port_from_line "$CASE_DIR/server.log" '^listening on ')
}

# tlspp client --reconnect 3 ← openssl s_server (tickets, or session IDs with -no_ticket).
case_resume_openssl_server() {
  start_openssl_www "$@" || return 1
  printf '%s' "$HTTP_GET" | timeout "$CLIENT_TIMEOUT" "$TLSPP" client "localhost:$SERVER_PORT" \
    --ca "$CERTS/ca.pem" --timeout 5 --reconnect 3 >"$CASE_DIR/out" 2>"$CASE_DIR/client.err" ||
    { echo "client exit $?: $(tail -n 1 "$CASE_DIR/client.err")" >&2; return 1; }
  expect_in "$CASE_DIR/client.err" "^resumed 3 of 3$" "tlspp client" &&
    expect_in "$CASE_DIR/out" "Reused, TLSv1.2" "openssl page (last connection)"
}

# tlspp client --sess-out, then --sess-in in a new process ← openssl s_server.
case_sess_files_openssl_server() {
  start_openssl_www "$@" || return 1
  local sess="$CASE_DIR/session.pem"
  printf '%s' "$HTTP_GET" | timeout "$CLIENT_TIMEOUT" "$TLSPP" client "localhost:$SERVER_PORT" \
    --ca "$CERTS/ca.pem" --timeout 5 --sess-out "$sess" >"$CASE_DIR/out1" 2>"$CASE_DIR/client1.err" ||
    { echo "first client exit $?: $(tail -n 1 "$CASE_DIR/client1.err")" >&2; return 1; }
  [ "$(stat -c %a "$sess" 2>/dev/null)" = 600 ] || { echo "--sess-out file is not mode 0600" >&2; return 1; }
  expect_in "$sess" "BEGIN TLSPP SESSION" "session file" || return 1
  printf '%s' "$HTTP_GET" | timeout "$CLIENT_TIMEOUT" "$TLSPP" client "localhost:$SERVER_PORT" \
    --ca "$CERTS/ca.pem" --timeout 5 --sess-in "$sess" >"$CASE_DIR/out2" 2>"$CASE_DIR/client2.err" ||
    { echo "second client exit $?: $(tail -n 1 "$CASE_DIR/client2.err")" >&2; return 1; }
  expect_in "$CASE_DIR/client2.err" "^resumed: +yes" "tlspp client summary" &&
    expect_in "$CASE_DIR/out2" "Reused, TLSv1.2" "openssl page"
}

# openssl s_client -reconnect → tlspp server: five reconnections, all "Reused".
# (-ign_eof: s_client must not close before the page arrives.)
case_resume_openssl_client() {
  start_tlspp_www "$@" || return 1
  local no_ticket=()
  [ "${1:-}" = --no-tickets ] && no_ticket=(-no_ticket)
  printf '%s' "$HTTP_GET" | timeout "$CLIENT_TIMEOUT" openssl s_client -connect "127.0.0.1:$SERVER_PORT" \
    -servername localhost -tls1_2 -CAfile "$CERTS/ca.pem" -ign_eof -reconnect "${no_ticket[@]}" \
    >"$CASE_DIR/out" 2>"$CASE_DIR/client.err" ||
    { echo "s_client exit $?: $(tail -n 1 "$CASE_DIR/client.err")" >&2; return 1; }
  local reused; reused=$(grep -c '^Reused, TLSv1.2' "$CASE_DIR/out")
  [ "$reused" -eq 5 ] || { echo "s_client: $reused of 5 reconnections were resumed" >&2; return 1; }
  expect_in "$CASE_DIR/out" "resumed: +yes" "tlspp page (last connection)"
}

# openssl s_client -sess_out, then -sess_in → tlspp server.
case_sess_files_openssl_client() {
  start_tlspp_www "$@" || return 1
  local no_ticket=() sess="$CASE_DIR/openssl-session.pem"
  [ "${1:-}" = --no-tickets ] && no_ticket=(-no_ticket)
  printf '%s' "$HTTP_GET" | timeout "$CLIENT_TIMEOUT" openssl s_client -connect "127.0.0.1:$SERVER_PORT" \
    -servername localhost -tls1_2 -CAfile "$CERTS/ca.pem" -ign_eof -sess_out "$sess" "${no_ticket[@]}" \
    >"$CASE_DIR/out1" 2>"$CASE_DIR/client1.err" || { echo "first s_client exit $?" >&2; return 1; }
  printf '%s' "$HTTP_GET" | timeout "$CLIENT_TIMEOUT" openssl s_client -connect "127.0.0.1:$SERVER_PORT" \
    -servername localhost -tls1_2 -CAfile "$CERTS/ca.pem" -ign_eof -sess_in "$sess" "${no_ticket[@]}" \
    >"$CASE_DIR/out2" 2>"$CASE_DIR/client2.err" || { echo "second s_client exit $?" >&2; return 1; }
  expect_in "$CASE_DIR/out2" "^Reused, TLSv1.2" "s_client" &&
    expect_in "$CASE_DIR/out2" "resumed: +yes" "tlspp page"
}

# RFC 5246 §7.4.1.2: a resumption offer must list the session's cipher
# suite. openssl s_client offers its saved session under another -cipher;
# tlspp answers illegal_parameter (47), as OpenSSL's own s_server does
# (SSL_R_REQUIRED_CIPHER_MISSING), by ticket and by session ID.
case_sess_suite_missing_openssl_client() {
  start_tlspp_www "$@" || return 1
  local no_ticket=() sess="$CASE_DIR/openssl-session.pem"
  [ "${1:-}" = --no-tickets ] && no_ticket=(-no_ticket)
  printf '%s' "$HTTP_GET" | timeout "$CLIENT_TIMEOUT" openssl s_client -connect "127.0.0.1:$SERVER_PORT" \
    -servername localhost -tls1_2 -CAfile "$CERTS/ca.pem" -ign_eof -sess_out "$sess" "${no_ticket[@]}" \
    -cipher ECDHE-ECDSA-AES128-GCM-SHA256 >"$CASE_DIR/out1" 2>"$CASE_DIR/client1.err" ||
    { echo "first s_client exit $?" >&2; return 1; }
  printf '%s' "$HTTP_GET" | timeout "$CLIENT_TIMEOUT" openssl s_client -connect "127.0.0.1:$SERVER_PORT" \
    -servername localhost -tls1_2 -CAfile "$CERTS/ca.pem" -ign_eof -sess_in "$sess" "${no_ticket[@]}" \
    -cipher ECDHE-ECDSA-AES256-GCM-SHA384 >"$CASE_DIR/out2" 2>"$CASE_DIR/client2.err" &&
    { echo "second s_client succeeded" >&2; return 1; }
  sleep 0.2
  expect_in "$CASE_DIR/client2.err" "alert number 47" "s_client" &&
    expect_in "$CASE_DIR/server.log" "failed: .*session_cipher_suite_not_offered" "server log"
}

# gnutls-cli --resume → tlspp server. gnutls-cli binds nothing, so it runs
# outside a network namespace against the server on 127.0.0.1.
case_resume_gnutls_client() {
  start_tlspp_www "$@" || return 1
  local no_ticket=()
  [ "${1:-}" = --no-tickets ] && no_ticket=(--noticket)
  # gnutls-cli closes at the end of stdin, which would cut the response off:
  # keep stdin open a moment after the request.
  { printf '%s' "$HTTP_GET"; sleep 2; } | timeout "$CLIENT_TIMEOUT" gnutls-cli --resume "${no_ticket[@]}" \
    --priority "NORMAL:-VERS-ALL:+VERS-TLS1.2" --x509cafile "$CERTS/ca.pem" -p "$SERVER_PORT" localhost \
    >"$CASE_DIR/out" 2>"$CASE_DIR/client.err" ||
    { echo "gnutls-cli exit $?: $(grep -E '^\*|rror' "$CASE_DIR/client.err" | tail -n 1)" >&2; return 1; }
  expect_in "$CASE_DIR/out" "This is a resumed session" "gnutls-cli" &&
    expect_in "$CASE_DIR/out" "resumed: +yes" "tlspp page"
}

# tlspp client --reconnect 3 ← gnutls-serv (tickets, or session IDs with
# --noticket). gnutls-serv binds every interface, so it runs with the client
# inside a private network namespace (in_netns), as in gnutls.sh.
resume_gnutls_server_inner() {
  start_bg "$CASE_DIR/server.log" gnutls-serv --http -p "$GNUTLS_NETNS_PORT" --x509certfile "$CERTS/rsa.pem" \
    --x509keyfile "$CERTS/rsa.key" --priority "NORMAL:-VERS-ALL:+VERS-TLS1.2" "$@"
  wait_for_line "$CASE_DIR/server.log" 'listening on IPv4.*done' "$LAST_PID" || return 1
  printf '%s' "$HTTP_GET" | timeout "$CLIENT_TIMEOUT" "$TLSPP" client "localhost:$GNUTLS_NETNS_PORT" \
    --ca "$CERTS/ca.pem" --timeout 5 --reconnect 3 >"$CASE_DIR/out" 2>"$CASE_DIR/client.err" ||
    { echo "client exit $?: $(tail -n 1 "$CASE_DIR/client.err")" >&2; return 1; }
  expect_in "$CASE_DIR/client.err" "^resumed 3 of 3$" "tlspp client"
}

case_resume_gnutls_server() {
  # in_netns knows the functions of openssl.sh, gnutls.sh and curl.sh only.
  in_netns bash -c 'source "$INTEROP_DIR/lib.sh"; source "$INTEROP_DIR/gnutls.sh"
    source "$INTEROP_DIR/resumption.sh"; trap cleanup_started EXIT; resume_gnutls_server_inner "$@"' _ "$@"
}

resumption_suite() {
  if [ "$TLSPP_STANDIN" = openssl ]; then
    echo "resumption: skipped with TLSPP_STANDIN=openssl (the stand-in has no --reconnect)"
    return 0
  fi
  run_case "resume.openssl-server.tlspp-client.ticket" case_resume_openssl_server
  run_case "resume.openssl-server.tlspp-client.id" case_resume_openssl_server -no_ticket
  run_case "resume.openssl-server.tlspp-client.sess-files" case_sess_files_openssl_server
  run_case "resume.openssl-server.tlspp-client.sess-files-id" case_sess_files_openssl_server -no_ticket
  run_case "resume.tlspp-server.openssl-client.ticket" case_resume_openssl_client
  run_case "resume.tlspp-server.openssl-client.id" case_resume_openssl_client --no-tickets
  run_case "resume.tlspp-server.openssl-client.sess-files" case_sess_files_openssl_client
  run_case "resume.tlspp-server.openssl-client.sess-files-id" case_sess_files_openssl_client --no-tickets
  run_case "resume.tlspp-server.openssl-client.suite-missing" case_sess_suite_missing_openssl_client
  run_case "resume.tlspp-server.openssl-client.suite-missing-id" case_sess_suite_missing_openssl_client --no-tickets
  run_case "resume.gnutls-server.tlspp-client.ticket" case_resume_gnutls_server
  run_case "resume.gnutls-server.tlspp-client.id" case_resume_gnutls_server --noticket
  run_case "resume.tlspp-server.gnutls-client.ticket" case_resume_gnutls_client
  run_case "resume.tlspp-server.gnutls-client.id" case_resume_gnutls_client --no-tickets
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  exec bash "$(dirname "$0")/run.sh" resumption
fi
