# tests/interop/weak.sh: the security level (issue 11) against real peers:
# openssl s_server serving a weak chain is refused by the tlspp client (and
# let through at --security-level 1 where that level allows it), and a tlspp
# server with --verify-client require refuses a weak client certificate from
# openssl s_client. Sourced by run.sh; `bash weak.sh` runs it alone. Needs
# the real tlspp (the openssl stand-in has no --security-level).

# make_weak_pki DIR: certificates from the interop CA ($CERTS/ca.pem) that
# break security level 2: a P-256 leaf signed with SHA-1, an RSA-1024 leaf,
# and a P-256 client certificate signed with SHA-1. Reuses DIR if complete.
make_weak_pki() {
  local dir=$1 name
  [ -s "$dir/sha1.pem" ] && [ -s "$dir/rsa1024.pem" ] && [ -s "$dir/client-sha1.pem" ] && return 0
  mkdir -p "$dir"
  timeout 60 openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$dir/sha1.key" 2>/dev/null &&
    timeout 60 openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$dir/client-sha1.key" 2>/dev/null &&
    timeout 60 openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:1024 -out "$dir/rsa1024.key" 2>/dev/null ||
    return 1
  printf '%s\n' "basicConstraints=critical,CA:FALSE" "keyUsage=critical,digitalSignature,keyEncipherment" \
    "extendedKeyUsage=serverAuth" "subjectAltName=DNS:localhost,IP:127.0.0.1" >"$dir/server.ext"
  printf '%s\n' "basicConstraints=critical,CA:FALSE" "keyUsage=critical,digitalSignature" \
    "extendedKeyUsage=clientAuth" >"$dir/client.ext"
  for name in sha1:sha1:server rsa1024:sha256:server client-sha1:sha1:client; do
    IFS=: read -r stem md ext <<<"$name"
    timeout 60 openssl req -new -key "$dir/$stem.key" -subj "/O=tlspp test/CN=${stem/client-sha1/client}" \
      -out "$dir/$stem.csr" 2>/dev/null || return 1
    timeout 60 openssl x509 -req -in "$dir/$stem.csr" -CA "$CERTS/ca.pem" -CAkey "$CERTS/ca.key" -CAcreateserial \
      -days 30 "-$md" -extfile "$dir/$ext.ext" -out "$dir/$stem.pem" 2>/dev/null || return 1
  done
}

# start_weak_s_server STEM: openssl s_server at security level 0 (OpenSSL 3
# itself refuses to load a SHA-1-signed certificate at its default level 1).
start_weak_s_server() {
  start_bg "$CASE_DIR/server.log" openssl s_server -accept 127.0.0.1:0 -www -tls1_2 -cert "$WEAK/$1.pem" \
    -key "$WEAK/$1.key" -cipher 'DEFAULT:@SECLEVEL=0'
  wait_for_line "$CASE_DIR/server.log" '^ACCEPT ' "$LAST_PID" || return 1
  SERVER_PORT=$(port_from_line "$CASE_DIR/server.log" '^ACCEPT ')
}

# case_weak_client_refuses STEM DETAIL: the tlspp client fails with
# certificate_too_weak, naming the certificate and why.
case_weak_client_refuses() {
  make_weak_pki "$WEAK" || { echo "cannot make the weak certificates" >&2; return 1; }
  start_weak_s_server "$1" || return 1
  printf '%s' "$HTTP_GET" | timeout "$CLIENT_TIMEOUT" "$TLSPP" client "localhost:$SERVER_PORT" --ca "$CERTS/ca.pem" \
    --timeout 5 >"$CASE_DIR/out" 2>"$CASE_DIR/client.err" && { echo "tlspp accepted the $1 chain" >&2; return 1; }
  expect_in "$CASE_DIR/client.err" "bad_certificate \(certificate_too_weak\).*$2" "tlspp client"
}

# case_weak_client_level1 STEM: --security-level 1 lets a SHA-1 chain through.
case_weak_client_level1() {
  make_weak_pki "$WEAK" || { echo "cannot make the weak certificates" >&2; return 1; }
  start_weak_s_server "$1" || return 1
  printf '%s' "$HTTP_GET" | timeout "$CLIENT_TIMEOUT" "$TLSPP" client "localhost:$SERVER_PORT" --ca "$CERTS/ca.pem" \
    --security-level 1 --timeout 5 >"$CASE_DIR/out" 2>"$CASE_DIR/client.err" ||
    { echo "client exit $?: $(tail -n 1 "$CASE_DIR/client.err")" >&2; return 1; }
  expect_in "$CASE_DIR/out" "Cipher is" "openssl page"
}

# case_weak_server_refuses_client: tlspp --verify-client require refuses a
# SHA-1-signed client certificate from openssl s_client with bad_certificate.
case_weak_server_refuses_client() {
  make_weak_pki "$WEAK" || { echo "cannot make the weak certificates" >&2; return 1; }
  start_mtls_server require || return 1
  printf '%s' "$HTTP_GET" | timeout "$CLIENT_TIMEOUT" openssl s_client -quiet -connect "127.0.0.1:$SERVER_PORT" \
    -tls1_2 -CAfile "$CERTS/ca.pem" -cert "$WEAK/client-sha1.pem" -key "$WEAK/client-sha1.key" \
    -cipher 'DEFAULT:@SECLEVEL=0' >"$CASE_DIR/out" 2>"$CASE_DIR/client.err" &&
    grep -q "subject:" "$CASE_DIR/out" && { echo "server accepted the SHA-1 client certificate" >&2; return 1; }
  sleep 0.2
  expect_in "$CASE_DIR/server.log" "failed: .*certificate_too_weak.*leaf: signature algorithm ecdsa-with-SHA1" \
    "server log" && expect_in "$CASE_DIR/client.err" "alert bad certificate" "s_client"
}

weak_suite() {
  export WEAK="$CERTS/weak"
  run_case "weak.openssl-server.sha1-leaf" case_weak_client_refuses sha1 "leaf: signature algorithm ecdsa-with-SHA1"
  run_case "weak.openssl-server.rsa1024" case_weak_client_refuses rsa1024 "leaf: RSA key of 1024 bits is too small"
  run_case "weak.openssl-server.sha1-at-level-1" case_weak_client_level1 sha1
  run_case "weak.openssl-client.sha1-client-cert" case_weak_server_refuses_client
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  exec bash "$(dirname "$0")/run.sh" weak
fi
