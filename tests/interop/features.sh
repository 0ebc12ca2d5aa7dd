# tests/interop/features.sh: the rest of TLS 1.2 against OpenSSL, GnuTLS and
# curl: mutual TLS (with a CRL), RSA key transport, SSLKEYLOGFILE lines that
# match the peer's, and TLS 1.2 signature schemes that name a hash, not a
# curve. Sourced by run.sh; `bash features.sh` runs it alone.
# Each case needs the real tlspp (the openssl stand-in has none of these flags).

# start_mtls_server MODE [--crl]: tlspp --www asking for client certificates.
start_mtls_server() {
  local mode=$1 extra=()
  [ "${2:-}" = --crl ] && extra=(--crl "$CERTS/crl.pem")
  start_bg "$CASE_DIR/server.log" "$TLSPP" server --host 127.0.0.1 --port 0 --cert "$CERTS/ecdsa.pem" \
    --key "$CERTS/ecdsa.key" --www --verify-client "$mode" --client-ca "$CERTS/ca.pem" "${extra[@]}"
  SERVER_PID=$LAST_PID
  wait_for_line "$CASE_DIR/server.log" '^listening on ' "$SERVER_PID" || return 1
  SERVER_PORT=$(port_from_line "$CASE_DIR/server.log" '^listening on ')
}

# openssl s_client with a client certificate (or none) against it.
s_client_with() {
  local who=$1 args=()
  [ "$who" != none ] && args=(-cert "$CERTS/$who.pem" -key "$CERTS/$who.key")
  printf '%s' "$HTTP_GET" | timeout "$CLIENT_TIMEOUT" openssl s_client -quiet -connect "127.0.0.1:$SERVER_PORT" \
    -tls1_2 -CAfile "$CERTS/ca.pem" "${args[@]}" >"$CASE_DIR/out" 2>"$CASE_DIR/client.err"
}

case_mtls_openssl_client() {
  start_mtls_server require --crl || return 1
  s_client_with client || { echo "s_client failed: $(tail -n 1 "$CASE_DIR/client.err")" >&2; return 1; }
  expect_in "$CASE_DIR/out" "subject: CN=client" "tlspp page (client certificate)"
}

# A required certificate that is missing, or revoked, ends the handshake
# with the alert RFC 5246 names; the server says why.
case_mtls_rejects() {
  local who=$1 reason=$2
  start_mtls_server require --crl || return 1
  s_client_with "$who" && grep -q "subject:" "$CASE_DIR/out" && { echo "server accepted $who" >&2; return 1; }
  sleep 0.2
  expect_in "$CASE_DIR/server.log" "failed: .*($reason)" "server log"
}

case_mtls_optional_without_certificate() {
  start_mtls_server optional || return 1
  s_client_with none || { echo "s_client failed: $(tail -n 1 "$CASE_DIR/client.err")" >&2; return 1; }
  expect_in "$CASE_DIR/out" "client certificate: *\(none\)" "tlspp page"
}

# tlspp client --cert against openssl s_server -Verify: OpenSSL's page shows
# the client certificate it verified. Optional: the server's certificate kind
# (default rsa) and more s_server arguments.
case_mtls_tlspp_client() {
  local kind=${1:-rsa}
  start_bg "$CASE_DIR/server.log" openssl s_server -accept 127.0.0.1:0 -www -tls1_2 -cert "$CERTS/$kind.pem" \
    -key "$CERTS/$kind.key" -Verify 1 -CAfile "$CERTS/ca.pem" -verify_return_error "${@:2}"
  wait_for_line "$CASE_DIR/server.log" '^ACCEPT ' "$LAST_PID" || return 1
  local port; port=$(port_from_line "$CASE_DIR/server.log" '^ACCEPT ')
  printf '%s' "$HTTP_GET" | timeout "$CLIENT_TIMEOUT" "$TLSPP" client "localhost:$port" --ca "$CERTS/ca.pem" \
    --cert "$CERTS/client.pem" --key "$CERTS/client.key" --timeout 5 >"$CASE_DIR/out" 2>"$CASE_DIR/client.err" ||
    { echo "client exit $?: $(tail -n 1 "$CASE_DIR/client.err")" >&2; return 1; }
  expect_in "$CASE_DIR/out" "Client certificate" "openssl page" &&
    expect_in "$CASE_DIR/out" "CN *= *client" "openssl page"
}

# tlspp client --cert against gnutls-serv --require-client-cert, in a private
# network namespace: GnuTLS's page shows the client certificate it verified.
mtls_gnutls_server_inner() {
  start_bg "$CASE_DIR/server.log" gnutls-serv --http -p "$GNUTLS_NETNS_PORT" --x509certfile "$CERTS/rsa.pem" \
    --x509keyfile "$CERTS/rsa.key" --x509cafile "$CERTS/ca.pem" --require-client-cert --verify-client-cert
  wait_for_line "$CASE_DIR/server.log" 'listening on IPv4.*done' "$LAST_PID" || return 1
  printf '%s' "$HTTP_GET" | timeout "$CLIENT_TIMEOUT" "$TLSPP" client "localhost:$GNUTLS_NETNS_PORT" \
    --ca "$CERTS/ca.pem" --cert "$CERTS/client.pem" --key "$CERTS/client.key" --timeout 5 \
    >"$CASE_DIR/out" 2>"$CASE_DIR/client.err" ||
    { echo "client exit $?: $(tail -n 1 "$CASE_DIR/client.err")" >&2; return 1; }
  expect_in "$CASE_DIR/out" "CN=client" "gnutls page (peer certificate)"
}

case_mtls_gnutls_server() {
  in_netns mtls_gnutls_server_inner
}

# gnutls-cli with a client certificate against tlspp server.
case_mtls_gnutls_client() {
  start_mtls_server require || return 1
  printf '%s' "$HTTP_GET" | timeout "$CLIENT_TIMEOUT" gnutls-cli --priority "NORMAL:-VERS-ALL:+VERS-TLS1.2" \
    --x509cafile "$CERTS/ca.pem" --x509certfile "$CERTS/client.pem" --x509keyfile "$CERTS/client.key" \
    -p "$SERVER_PORT" localhost >"$CASE_DIR/out" 2>"$CASE_DIR/client.err" ||
    { echo "gnutls-cli exit $?: $(grep -E '^\*|rror' "$CASE_DIR/client.err" | tail -n 1)" >&2; return 1; }
  expect_in "$CASE_DIR/out" "subject: CN=client" "tlspp page"
}

# RSA key transport (off by default: named in --ciphers on both sides).
case_rsa_openssl_server() {
  local ossl=$1 iana=$2
  start_bg "$CASE_DIR/server.log" openssl s_server -accept 127.0.0.1:0 -www -tls1_2 -cert "$CERTS/rsa.pem" \
    -key "$CERTS/rsa.key" -cipher "$ossl"
  wait_for_line "$CASE_DIR/server.log" '^ACCEPT ' "$LAST_PID" || return 1
  local port; port=$(port_from_line "$CASE_DIR/server.log" '^ACCEPT ')
  printf '%s' "$HTTP_GET" | timeout "$CLIENT_TIMEOUT" "$TLSPP" client "localhost:$port" --ca "$CERTS/ca.pem" \
    --ciphers "$iana" --timeout 5 >"$CASE_DIR/out" 2>"$CASE_DIR/client.err" ||
    { echo "client exit $?: $(tail -n 1 "$CASE_DIR/client.err")" >&2; return 1; }
  expect_in "$CASE_DIR/out" "Cipher is $ossl" "openssl page"
}

start_rsa_tlspp_server() {
  start_bg "$CASE_DIR/server.log" "$TLSPP" server --host 127.0.0.1 --port 0 --cert "$CERTS/rsa.pem" \
    --key "$CERTS/rsa.key" --www --ciphers "$1"
  SERVER_PID=$LAST_PID
  wait_for_line "$CASE_DIR/server.log" '^listening on ' "$SERVER_PID" || return 1
  SERVER_PORT=$(port_from_line "$CASE_DIR/server.log" '^listening on ')
}

case_rsa_openssl_client() {
  local ossl=$1 iana=$2
  start_rsa_tlspp_server "$iana" || return 1
  printf '%s' "$HTTP_GET" | timeout "$CLIENT_TIMEOUT" openssl s_client -quiet -connect "127.0.0.1:$SERVER_PORT" \
    -tls1_2 -cipher "$ossl" -CAfile "$CERTS/ca.pem" >"$CASE_DIR/out" 2>"$CASE_DIR/client.err" ||
    { echo "s_client failed: $(tail -n 1 "$CASE_DIR/client.err")" >&2; return 1; }
  expect_in "$CASE_DIR/out" "$iana" "tlspp page"
}

case_rsa_gnutls_client() {
  local cipher=$1 iana=$2
  start_rsa_tlspp_server "$iana" || return 1
  printf '%s' "$HTTP_GET" | timeout "$CLIENT_TIMEOUT" gnutls-cli \
    --priority "NONE:+VERS-TLS1.2:+RSA:+$cipher:+AEAD:+SIGN-ALL:+COMP-NULL:+CTYPE-X509" \
    --x509cafile "$CERTS/ca.pem" -p "$SERVER_PORT" localhost >"$CASE_DIR/out" 2>"$CASE_DIR/client.err" ||
    { echo "gnutls-cli exit $?: $(grep -E '^\*|rror' "$CASE_DIR/client.err" | tail -n 1)" >&2; return 1; }
  expect_in "$CASE_DIR/out" "$iana" "tlspp page"
}

# gnutls-serv --http ← tlspp client, RSA key transport, inside a private
# network namespace (gnutls-serv binds every interface; see gnutls.sh).
rsa_gnutls_server_inner() {
  local cipher=$1 iana=$2
  start_bg "$CASE_DIR/server.log" gnutls-serv --http -p "$GNUTLS_NETNS_PORT" \
    --x509certfile "$CERTS/rsa.pem" --x509keyfile "$CERTS/rsa.key" \
    --priority "NONE:+VERS-TLS1.2:+RSA:+$cipher:+AEAD:+SIGN-ALL:+COMP-NULL:+CTYPE-X509"
  wait_for_line "$CASE_DIR/server.log" 'listening on IPv4.*done' "$LAST_PID" || return 1
  printf '%s' "$HTTP_GET" | timeout "$CLIENT_TIMEOUT" "$TLSPP" client "localhost:$GNUTLS_NETNS_PORT" \
    --ca "$CERTS/ca.pem" --ciphers "$iana" --timeout 5 >"$CASE_DIR/out" 2>"$CASE_DIR/client.err" ||
    { echo "client exit $?: $(tail -n 1 "$CASE_DIR/client.err")" >&2; return 1; }
  expect_in "$CASE_DIR/client.err" "$iana" "client summary" &&
    expect_in "$CASE_DIR/out" "Ciphersuite</TD><TD>RSA_${cipher//-/_}" "gnutls page"
}

case_rsa_gnutls_server() {
  in_netns rsa_gnutls_server_inner "$@"
}

case_rsa_curl() {
  local ossl=$1 iana=$2
  start_rsa_tlspp_server "$iana" || return 1
  timeout "$CLIENT_TIMEOUT" curl -sS --tls-max 1.2 --ciphers "$ossl" --cacert "$CERTS/ca.pem" \
    "https://localhost:$SERVER_PORT/" >"$CASE_DIR/out" 2>"$CASE_DIR/client.err" ||
    { echo "curl failed: $(tail -n 1 "$CASE_DIR/client.err")" >&2; return 1; }
  expect_in "$CASE_DIR/out" "$iana" "tlspp page"
}

# The key log: tlspp's CLIENT_RANDOM line equals the one OpenSSL writes for
# the same connection, so Wireshark decrypts a capture with either.
case_keylog_tlspp_server() {
  start_bg "$CASE_DIR/server.log" "$TLSPP" server --host 127.0.0.1 --port 0 --cert "$CERTS/ecdsa.pem" \
    --key "$CERTS/ecdsa.key" --www --keylog "$CASE_DIR/tlspp.keys"
  wait_for_line "$CASE_DIR/server.log" '^listening on ' "$LAST_PID" || return 1
  local port; port=$(port_from_line "$CASE_DIR/server.log" '^listening on ')
  printf '%s' "$HTTP_GET" | timeout "$CLIENT_TIMEOUT" openssl s_client -quiet -connect "127.0.0.1:$port" -tls1_2 \
    -CAfile "$CERTS/ca.pem" -keylogfile "$CASE_DIR/openssl.keys" >"$CASE_DIR/out" 2>"$CASE_DIR/client.err" || return 1
  same_client_random_lines "$CASE_DIR/tlspp.keys" "$CASE_DIR/openssl.keys"
}

case_keylog_tlspp_client() {
  start_bg "$CASE_DIR/server.log" openssl s_server -accept 127.0.0.1:0 -www -tls1_2 -cert "$CERTS/rsa.pem" \
    -key "$CERTS/rsa.key" -keylogfile "$CASE_DIR/openssl.keys"
  wait_for_line "$CASE_DIR/server.log" '^ACCEPT ' "$LAST_PID" || return 1
  local port; port=$(port_from_line "$CASE_DIR/server.log" '^ACCEPT ')
  printf '%s' "$HTTP_GET" | SSLKEYLOGFILE="$CASE_DIR/tlspp.keys" timeout "$CLIENT_TIMEOUT" "$TLSPP" client \
    "localhost:$port" --ca "$CERTS/ca.pem" --timeout 5 >"$CASE_DIR/out" 2>"$CASE_DIR/client.err" || return 1
  sleep 0.2
  same_client_random_lines "$CASE_DIR/tlspp.keys" "$CASE_DIR/openssl.keys"
}

same_client_random_lines() {
  local ours theirs
  ours=$(grep '^CLIENT_RANDOM ' "$1" 2>/dev/null)
  theirs=$(grep '^CLIENT_RANDOM ' "$2" 2>/dev/null)
  [ -n "$ours" ] || { echo "tlspp wrote no CLIENT_RANDOM line" >&2; return 1; }
  [ "$ours" = "$theirs" ] || { echo "key logs differ: tlspp '$ours' openssl '$theirs'" >&2; return 1; }
}

# ---- issue 11: host-name and legacy-peer policy ----------------------------
# tlspp client --servername '' against a real server: refused before the
# handshake (bad_config), never "verification: OK".
case_empty_servername_refused() {
  start_tlspp_server ecdsa || return 1
  printf '%s' "$HTTP_GET" | timeout "$CLIENT_TIMEOUT" "$TLSPP" client "localhost:$SERVER_PORT" --servername '' \
    --ca "$CERTS/ca.pem" --timeout 5 >"$CASE_DIR/out" 2>"$CASE_DIR/client.err" &&
    { echo "tlspp client connected with an empty server name" >&2; return 1; }
  expect_in "$CASE_DIR/client.err" "\(bad_config\): the server name is empty" "client error" || return 1
  grep -q "verification:" "$CASE_DIR/client.err" && { echo "a verification verdict was printed" >&2; return 1; }
  return 0
}

# gnutls-serv without RFC 5746 (%DISABLE_SAFE_RENEGOTIATION drops
# renegotiation_info) and without RFC 7627 (%NO_SESSION_HASH) ← tlspp client: refused with
# handshake_failure by default; with --allow-legacy-server it connects and
# the summary warns that extended_master_secret is missing.
legacy_gnutls_server_inner() {
  local allow=$1
  start_bg "$CASE_DIR/server.log" gnutls-serv --http -p "$GNUTLS_NETNS_PORT" \
    --x509certfile "$CERTS/ecdsa.pem" --x509keyfile "$CERTS/ecdsa.key" \
    --priority "NORMAL:-VERS-ALL:+VERS-TLS1.2:%DISABLE_SAFE_RENEGOTIATION:%NO_SESSION_HASH"
  wait_for_line "$CASE_DIR/server.log" 'listening on IPv4.*done' "$LAST_PID" || return 1
  local extra=()
  [ "$allow" = allow ] && extra=(--allow-legacy-server)
  printf '%s' "$HTTP_GET" | timeout "$CLIENT_TIMEOUT" "$TLSPP" client "localhost:$GNUTLS_NETNS_PORT" \
    --ca "$CERTS/ca.pem" --timeout 5 "${extra[@]}" >"$CASE_DIR/out" 2>"$CASE_DIR/client.err"
  local rc=$?
  if [ "$allow" = allow ]; then
    [ $rc -eq 0 ] || { echo "client exit $rc: $(tail -n 1 "$CASE_DIR/client.err")" >&2; return 1; }
    expect_in "$CASE_DIR/client.err" "secure renegotiation: +no" "client summary" &&
      expect_in "$CASE_DIR/client.err" "extended master secret: +no \(WARNING" "client summary" &&
      expect_in "$CASE_DIR/out" "Ciphersuite</TD>" "gnutls page"
  else
    [ $rc -ne 0 ] || { echo "tlspp client connected to a server without renegotiation_info" >&2; return 1; }
    expect_in "$CASE_DIR/client.err" "handshake_failure \(insecure_renegotiation\)" "client error"
  fi
}
export -f legacy_gnutls_server_inner

case_legacy_gnutls_server() {
  in_netns legacy_gnutls_server_inner "$@"
}

# openssl s_client -servername with an empty label ← tlspp server: the
# handshake fails with unrecognized_name (s_client cannot send a NUL byte or
# more than 255 bytes; the unit tests cover those).
case_sni_empty_label_openssl_client() {
  local name=$1
  start_tlspp_server ecdsa || return 1
  printf '%s' "$HTTP_GET" | timeout "$CLIENT_TIMEOUT" openssl s_client -connect "127.0.0.1:$SERVER_PORT" -tls1_2 \
    -servername "$name" -CAfile "$CERTS/ca.pem" >"$CASE_DIR/out" 2>"$CASE_DIR/client.err" </dev/null
  expect_in "$CASE_DIR/client.err" "unrecognized name.*SSL alert number 112" "s_client" || return 1
  sleep 0.2
  expect_in "$CASE_DIR/server.log" "failed: unrecognized_name \(unrecognized_server_name\)" "server log"
}

# ---- signature schemes (RFC 5246 §7.4.1.4.1): in TLS 1.2 an ECDSA scheme
# names a hash, so a P-256 key signs with SHA-512 or SHA-224 when that is all
# the peer accepts (OpenSSL's ECDSA+SHA512 is ecdsa_secp521r1_sha512, 0x0603).

# sigalgs_scheme HASH: the scheme OpenSSL's ECDSA+HASH means in TLS 1.2.
sigalgs_scheme() {
  case $1 in
    SHA512) echo 'ecdsa_secp521r1_sha512$' ;;
    SHA384) echo 'ecdsa_secp384r1_sha384$' ;;
    SHA224) echo 'ecdsa_sha224$' ;;
  esac
}

# tlspp server (P-256) ← openssl s_client -sigalgs ECDSA+HASH: OpenSSL
# reports the digest the server's ServerKeyExchange was signed with.
case_sigalgs_openssl_client() {
  local hash=$1
  start_tlspp_server ecdsa || return 1
  printf '%s' "$HTTP_GET" | timeout "$CLIENT_TIMEOUT" openssl s_client -connect "127.0.0.1:$SERVER_PORT" -tls1_2 \
    -CAfile "$CERTS/ca.pem" -verify_return_error -sigalgs "ECDSA+$hash" >"$CASE_DIR/out" 2>"$CASE_DIR/client.err" ||
    { echo "s_client failed: $(tail -n 1 "$CASE_DIR/client.err")" >&2; return 1; }
  expect_in "$CASE_DIR/out" "Peer signing digest: $hash" "s_client" &&
    expect_in "$CASE_DIR/out" "Peer signature type: ECDSA" "s_client"
}

# openssl s_server (P-256) -sigalgs ECDSA+HASH ← tlspp client: the client
# accepts the signature and names its scheme.
case_sigalgs_openssl_server() {
  local hash=$1
  start_bg "$CASE_DIR/server.log" openssl s_server -accept 127.0.0.1:0 -www -tls1_2 \
    -cert "$CERTS/ecdsa.pem" -key "$CERTS/ecdsa.key" -sigalgs "ECDSA+$hash"
  wait_for_line "$CASE_DIR/server.log" '^ACCEPT ' "$LAST_PID" || return 1
  local port; port=$(port_from_line "$CASE_DIR/server.log" '^ACCEPT ')
  printf '%s' "$HTTP_GET" | tlspp_client "$port" >"$CASE_DIR/out" 2>"$CASE_DIR/client.err" ||
    { echo "client exit $?: $(tail -n 1 "$CASE_DIR/client.err")" >&2; return 1; }
  expect_in "$CASE_DIR/client.err" "peer signature: *$(sigalgs_scheme "$hash")" "client summary"
}

# mTLS, CertificateVerify: tlspp server asking for a certificate ←
# openssl s_client whose P-256 client key may only sign with ECDSA+HASH;
# tlspp's page names the scheme it verified.
case_sigalgs_mtls_openssl_client() {
  local hash=$1
  start_mtls_server require || return 1
  printf '%s' "$HTTP_GET" | timeout "$CLIENT_TIMEOUT" openssl s_client -quiet -connect "127.0.0.1:$SERVER_PORT" \
    -tls1_2 -CAfile "$CERTS/ca.pem" -cert "$CERTS/client.pem" -key "$CERTS/client.key" \
    -client_sigalgs "ECDSA+$hash" >"$CASE_DIR/out" 2>"$CASE_DIR/client.err" ||
    { echo "s_client failed: $(tail -n 1 "$CASE_DIR/client.err")" >&2; return 1; }
  expect_in "$CASE_DIR/out" "subject: CN=client" "tlspp page (client certificate)" &&
    expect_in "$CASE_DIR/out" "peer signature: *$(sigalgs_scheme "$hash")" "tlspp page"
}

# mTLS the other way: openssl s_server asking only for ECDSA+HASH
# (-client_sigalgs) ← tlspp client with its P-256 certificate.
case_sigalgs_mtls_openssl_server() {
  case_mtls_tlspp_client ecdsa -client_sigalgs "ECDSA+$1"
}

features_suite() {
  run_case "mtls.openssl-client" case_mtls_openssl_client
  run_case "mtls.rejects-missing" case_mtls_rejects none certificate_required
  run_case "mtls.rejects-revoked" case_mtls_rejects revoked certificate_revoked
  run_case "mtls.optional-none" case_mtls_optional_without_certificate
  run_case "mtls.tlspp-client" case_mtls_tlspp_client
  run_case "mtls.gnutls-client" case_mtls_gnutls_client
  run_case "mtls.gnutls-server" case_mtls_gnutls_server
  run_case "rsa-kx.openssl-server.aes128" case_rsa_openssl_server AES128-GCM-SHA256 TLS_RSA_WITH_AES_128_GCM_SHA256
  run_case "rsa-kx.openssl-server.aes256" case_rsa_openssl_server AES256-GCM-SHA384 TLS_RSA_WITH_AES_256_GCM_SHA384
  run_case "rsa-kx.openssl-client.aes128" case_rsa_openssl_client AES128-GCM-SHA256 TLS_RSA_WITH_AES_128_GCM_SHA256
  run_case "rsa-kx.openssl-client.aes256" case_rsa_openssl_client AES256-GCM-SHA384 TLS_RSA_WITH_AES_256_GCM_SHA384
  run_case "rsa-kx.gnutls-client.aes128" case_rsa_gnutls_client AES-128-GCM TLS_RSA_WITH_AES_128_GCM_SHA256
  run_case "rsa-kx.gnutls-client.aes256" case_rsa_gnutls_client AES-256-GCM TLS_RSA_WITH_AES_256_GCM_SHA384
  run_case "rsa-kx.gnutls-server.aes128" case_rsa_gnutls_server AES-128-GCM TLS_RSA_WITH_AES_128_GCM_SHA256
  run_case "rsa-kx.gnutls-server.aes256" case_rsa_gnutls_server AES-256-GCM TLS_RSA_WITH_AES_256_GCM_SHA384
  run_case "rsa-kx.curl.aes128" case_rsa_curl AES128-GCM-SHA256 TLS_RSA_WITH_AES_128_GCM_SHA256
  run_case "keylog.tlspp-server" case_keylog_tlspp_server
  run_case "keylog.tlspp-client" case_keylog_tlspp_client
  run_case "policy.empty-servername.tlspp-client" case_empty_servername_refused
  run_case "policy.legacy-server.gnutls-server.refused" case_legacy_gnutls_server refuse
  run_case "policy.legacy-server.gnutls-server.allowed" case_legacy_gnutls_server allow
  run_case "policy.sni-double-dot.openssl-client" case_sni_empty_label_openssl_client local..host
  run_case "policy.sni-trailing-dot.openssl-client" case_sni_empty_label_openssl_client localhost.
  local hash
  for hash in SHA512 SHA224; do
    run_case "sigalgs.openssl-client.ecdsa-$hash" case_sigalgs_openssl_client "$hash"
    run_case "sigalgs.openssl-server.ecdsa-$hash" case_sigalgs_openssl_server "$hash"
    run_case "sigalgs.mtls.openssl-client.ecdsa-$hash" case_sigalgs_mtls_openssl_client "$hash"
    run_case "sigalgs.mtls.openssl-server.ecdsa-$hash" case_sigalgs_mtls_openssl_server "$hash"
  done
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  exec bash "$(dirname "$0")/run.sh" features
fi
