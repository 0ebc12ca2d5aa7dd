# tests/interop/lib.sh: helpers shared by the interop suites (sourced, not run).
#
# Rules every suite follows:
#   - every process runs under `timeout`, so nothing can hang the run;
#   - background processes are started with start_bg, which records their PID,
#     and only those PIDs are ever killed (stop_pid, and the EXIT trap);
#   - servers bind 127.0.0.1 only, except gnutls-serv, which cannot, and so
#     runs inside a private network namespace (in_netns) with its client.
#
# TLSPP_STANDIN=openssl replaces the tlspp client and server by openssl
# s_client / s_server with the same parameters. That checks the harness
# itself (ports, waits, certificates, priority strings, page checks), so that
# once tlspp works, a failure means a tlspp bug and not a harness bug.

INTEROP_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$INTEROP_DIR/../.." && pwd)
export INTEROP_DIR ROOT
export TLSPP=${TLSPP:-$ROOT/build/release/tlspp}
export TLSPP_STANDIN=${TLSPP_STANDIN:-}
export WORK=${WORK:-$ROOT/build/interop}
export CERTS=${CERTS:-$WORK/certs}
export RESULTS=${RESULTS:-$WORK/results.tsv}
CLIENT_TIMEOUT=${CLIENT_TIMEOUT:-20}     # seconds for any client run
SERVER_TIMEOUT=${SERVER_TIMEOUT:-120}    # upper bound on any server's life
STARTUP_TIMEOUT=${STARTUP_TIMEOUT:-10}   # seconds to wait for "listening"

# ---- the parameter tables --------------------------------------------------
# suite (hex) → IANA name, OpenSSL name, GnuTLS priority items, GnuTLS page name, cert kind
declare -A SUITE_IANA=(
  [c02f]=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256   [c030]=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384
  [cca8]=TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256
  [c02b]=TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 [c02c]=TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384
  [cca9]=TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256
  [009e]=TLS_DHE_RSA_WITH_AES_128_GCM_SHA256 [009f]=TLS_DHE_RSA_WITH_AES_256_GCM_SHA384
  [ccaa]=TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256)
declare -A SUITE_OSSL=(
  [c02f]=ECDHE-RSA-AES128-GCM-SHA256   [c030]=ECDHE-RSA-AES256-GCM-SHA384   [cca8]=ECDHE-RSA-CHACHA20-POLY1305
  [c02b]=ECDHE-ECDSA-AES128-GCM-SHA256 [c02c]=ECDHE-ECDSA-AES256-GCM-SHA384 [cca9]=ECDHE-ECDSA-CHACHA20-POLY1305
  [009e]=DHE-RSA-AES128-GCM-SHA256     [009f]=DHE-RSA-AES256-GCM-SHA384     [ccaa]=DHE-RSA-CHACHA20-POLY1305)
declare -A SUITE_GNUTLS=(
  [c02f]=+ECDHE-RSA:+AES-128-GCM   [c030]=+ECDHE-RSA:+AES-256-GCM   [cca8]=+ECDHE-RSA:+CHACHA20-POLY1305
  [c02b]=+ECDHE-ECDSA:+AES-128-GCM [c02c]=+ECDHE-ECDSA:+AES-256-GCM [cca9]=+ECDHE-ECDSA:+CHACHA20-POLY1305
  [009e]=+DHE-RSA:+AES-128-GCM     [009f]=+DHE-RSA:+AES-256-GCM     [ccaa]=+DHE-RSA:+CHACHA20-POLY1305)
declare -A SUITE_GNUTLS_NAME=(
  [c02f]=ECDHE_RSA_AES_128_GCM_SHA256   [c030]=ECDHE_RSA_AES_256_GCM_SHA384   [cca8]=ECDHE_RSA_CHACHA20_POLY1305
  [c02b]=ECDHE_ECDSA_AES_128_GCM_SHA256 [c02c]=ECDHE_ECDSA_AES_256_GCM_SHA384 [cca9]=ECDHE_ECDSA_CHACHA20_POLY1305
  [009e]=DHE_RSA_AES_128_GCM_SHA256     [009f]=DHE_RSA_AES_256_GCM_SHA384     [ccaa]=DHE_RSA_CHACHA20_POLY1305)
declare -A SUITE_CERT=([c02f]=rsa [c030]=rsa [cca8]=rsa [c02b]=ecdsa [c02c]=ecdsa [cca9]=ecdsa
                        [009e]=rsa [009f]=rsa [ccaa]=rsa)
SUITES=(c02f c030 cca8 c02b c02c cca9 009e 009f ccaa)
# group (tlspp/OpenSSL name) → GnuTLS priority item
declare -A GROUP_GNUTLS=([x25519]=+GROUP-X25519 [P-256]=+GROUP-SECP256R1 [P-384]=+GROUP-SECP384R1
                         [ffdhe2048]=+GROUP-FFDHE2048)
GROUPS_=(x25519 P-256 P-384)
# The DHE suites are tested with ffdhe2048 (OpenSSL 3.0's server ignores the
# group and uses RFC 3526 MODP 2048 for an RSA-2048 certificate; see openssl.sh).
DHE_GROUPS_=(ffdhe2048)

# enable_suite_args SUITE: DHE is off by default in tlspp (design.md
# "Defaults"), so a tlspp client or server is told to enable a DHE suite;
# ECDHE suites are tested with tlspp's defaults.
enable_suite_args() {
  is_dhe "$1" && echo "--suite $1"
}

is_dhe() {
  case $1 in 009e|009f|ccaa) return 0 ;; *) return 1 ;; esac
}

# groups_for SUITE: the groups each suite is tested with.
groups_for() {
  if is_dhe "$1"; then echo "${DHE_GROUPS_[@]}"; else echo "${GROUPS_[@]}"; fi
}

# client_groups SUITE GROUP: the groups a client offers to get GROUP. In TLS
# 1.2 the client's supported_groups also limits the curve of an ECDSA server
# certificate (RFC 8422 §5.1), so with the P-256 certificate a client must
# offer P-256 too; the server is then told to use GROUP only.
client_groups() {
  if [ "${SUITE_CERT[$1]}" = ecdsa ] && [ "$2" != P-256 ]; then echo "$2:P-256"; else echo "$2"; fi
}

# gnutls_priority SUITE GROUPS: TLS 1.2 only, exactly this suite, these
# groups (colon-separated, as client_groups gives them).
gnutls_priority() {
  local g groups=""
  for g in ${2//:/ }; do groups+=":${GROUP_GNUTLS[$g]}"; done
  echo "NONE:+VERS-TLS1.2:${SUITE_GNUTLS[$1]}:+AEAD:+SIGN-ALL:+COMP-NULL:+CTYPE-X509$groups"
}

# ---- processes ---------------------------------------------------------------
STARTED_PIDS=()

# start_bg LOG CMD...: runs CMD under timeout in the background, output to
# LOG; the PID is in $LAST_PID and remembered for cleanup.
start_bg() {
  local log=$1; shift
  timeout "$SERVER_TIMEOUT" "$@" >"$log" 2>&1 &
  LAST_PID=$!
  STARTED_PIDS+=("$LAST_PID")
}

# stop_pid PID: TERM (which timeout passes on to its child), then, after 3 s,
# KILL for the process we started under timeout and for timeout itself. The
# child must be killed by name too: KILL on timeout alone would orphan a child
# that hangs on its way out (seen with LeakSanitizer's exit-time check, which
# can deadlock and then spins at full CPU forever).
stop_pid() {
  local pid=$1 i
  kill -TERM "$pid" 2>/dev/null || return 0
  for i in $(seq 30); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    pkill -KILL -P "$pid" 2>/dev/null || true
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}

cleanup_started() {
  local pid
  for pid in "${STARTED_PIDS[@]}"; do stop_pid "$pid"; done
  STARTED_PIDS=()
}

# wait_for_line LOG REGEX PID: waits until LOG has a line matching REGEX,
# failing early if PID exits, and after STARTUP_TIMEOUT seconds.
wait_for_line() {
  local log=$1 regex=$2 pid=$3 i
  for i in $(seq $((STARTUP_TIMEOUT * 10))); do
    grep -qE "$regex" "$log" 2>/dev/null && return 0
    kill -0 "$pid" 2>/dev/null || { echo "server exited before '$regex': $(tail -n 3 "$log" | tr '\n' ' ')" >&2; return 1; }
    sleep 0.1
  done
  echo "no '$regex' in $log after ${STARTUP_TIMEOUT}s" >&2
  return 1
}

# port_from_line LOG REGEX: the port at the end of the first line matching REGEX
# ("listening on 127.0.0.1:4433", "ACCEPT 127.0.0.1:4433").
port_from_line() {
  grep -m1 -E "$2" "$1" | sed -E 's/.*:([0-9]+)[^0-9]*$/\1/'
}

# in_netns FUNC ARGS...: runs FUNC in a new network namespace with only lo up,
# for servers that cannot be told to bind loopback only. Uses a user namespace
# when not root.
in_netns() {
  local flags=-n
  [ "$(id -u)" -eq 0 ] || flags=-rn
  unshare "$flags" bash -c '
    ip link set lo up || exit 1
    source "$INTEROP_DIR/lib.sh"
    for f in "$INTEROP_DIR"/openssl.sh "$INTEROP_DIR"/gnutls.sh "$INTEROP_DIR"/curl.sh "$INTEROP_DIR"/cbc.sh "$INTEROP_DIR"/features.sh "$INTEROP_DIR"/tls13.sh; do source "$f"; done
    trap cleanup_started EXIT
    "$@"' _ "$@"
}

# ---- certificates ------------------------------------------------------------
# make_pki DIR: a CA, and RSA-2048 and P-256 server certificates for localhost
# and 127.0.0.1, signed by it. Reuses DIR if it is complete.
make_pki() {
  local dir=$1 kind
  [ -s "$dir/ecdsa.pem" ] && [ -s "$dir/rsa.pem" ] && [ -s "$dir/ca.pem" ] && [ -s "$dir/crl.pem" ] && return 0
  mkdir -p "$dir"
  timeout 60 openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 30 \
    -keyout "$dir/ca.key" -out "$dir/ca.pem" -subj "/O=tlspp test/CN=tlspp test CA" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null || return 1
  for kind in rsa ecdsa; do
    if [ $kind = rsa ]; then
      timeout 60 openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$dir/$kind.key" 2>/dev/null
    else
      timeout 60 openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$dir/$kind.key" 2>/dev/null
    fi || return 1
    timeout 60 openssl req -new -key "$dir/$kind.key" -subj "/O=tlspp test/CN=localhost" -out "$dir/$kind.csr" || return 1
    printf '%s\n' "basicConstraints=critical,CA:FALSE" "keyUsage=critical,digitalSignature,keyEncipherment" \
      "extendedKeyUsage=serverAuth" "subjectAltName=DNS:localhost,IP:127.0.0.1" >"$dir/$kind.ext"
    timeout 60 openssl x509 -req -in "$dir/$kind.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" -CAcreateserial \
      -days 30 -sha256 -extfile "$dir/$kind.ext" -out "$dir/$kind.pem" 2>/dev/null || return 1
  done
  # Client certificates (EKU clientAuth) for mutual TLS; "revoked" is listed
  # in crl.pem, a CRL issued by the CA.
  for kind in client revoked; do
    timeout 60 openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$dir/$kind.key" 2>/dev/null || return 1
    timeout 60 openssl req -new -key "$dir/$kind.key" -subj "/O=tlspp test/CN=$kind" -out "$dir/$kind.csr" || return 1
    printf '%s\n' "basicConstraints=critical,CA:FALSE" "keyUsage=critical,digitalSignature" \
      "extendedKeyUsage=clientAuth" >"$dir/$kind.ext"
    timeout 60 openssl x509 -req -in "$dir/$kind.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" -CAcreateserial \
      -days 30 -sha256 -extfile "$dir/$kind.ext" -out "$dir/$kind.pem" 2>/dev/null || return 1
  done
  printf '%s\n' "[ ca ]" "default_ca = test_ca" "[ test_ca ]" "database = $dir/index.txt" \
    "crlnumber = $dir/crlnumber" "default_md = sha256" "default_crl_days = 30" >"$dir/ca.cnf"
  : >"$dir/index.txt"
  echo 01 >"$dir/crlnumber"
  timeout 60 openssl ca -config "$dir/ca.cnf" -keyfile "$dir/ca.key" -cert "$dir/ca.pem" \
    -revoke "$dir/revoked.pem" 2>/dev/null || return 1
  timeout 60 openssl ca -config "$dir/ca.cnf" -keyfile "$dir/ca.key" -cert "$dir/ca.pem" \
    -gencrl -out "$dir/crl.pem" 2>/dev/null || return 1
  # A second, unrelated CA for the "untrusted" negative cases.
  timeout 60 openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 30 \
    -keyout "$dir/other-ca.key" -out "$dir/other-ca.pem" -subj "/CN=unrelated CA" 2>/dev/null || return 1
}

# ---- cases and results --------------------------------------------------------
# run_case NAME FUNC ARGS...: runs FUNC in a subshell with its own log
# directory ($CASE_DIR) and its own cleanup trap; records PASS or FAIL with
# FUNC's last line on stderr as the reason.
run_case() {
  local name=$1; shift
  export CASE_DIR="$WORK/cases/$name"
  rm -rf "$CASE_DIR"; mkdir -p "$CASE_DIR"
  local start=$SECONDS status
  ( trap cleanup_started EXIT; "$@" ) 2>"$CASE_DIR/why.log" && status=PASS || status=FAIL
  local why=""
  [ $status = FAIL ] && why=$(grep -v '^$' "$CASE_DIR/why.log" | tail -n 1 | cut -c1-110)
  printf '%s\t%s\t%s\t%s\n' "$name" "$status" "$((SECONDS - start))s" "$why" >>"$RESULTS"
  printf '%-44s %s %s\n' "$name" "$status" "$why"
}

# INTEROP_JOBS: how many independent cases run at once. The machines this
# runs on have 2 cores; two cases at a time keep the matrix (TLS 1.2 and 1.3,
# both directions, every suite) within the time make check has.
INTEROP_JOBS=${INTEROP_JOBS:-2}

# run_case_async NAME FUNC ARGS...: run_case in the background, with at most
# INTEROP_JOBS cases running; wait_cases waits for the last ones. Only for
# cases that share nothing (each binds its own kernel-chosen port and writes
# only its own CASE_DIR).
run_case_async() {
  while [ "$(jobs -rp | wc -l)" -ge "$INTEROP_JOBS" ]; do wait -n; done
  run_case "$@" &
}
wait_cases() { wait; }

# expect_in FILE REGEX WHAT: fails, saying WHAT, unless FILE matches REGEX.
expect_in() {
  grep -qE "$2" "$1" && return 0
  echo "$3: no '$2' in $(basename "$1") ($(head -c 160 "$1" | tr '\n\r' '  '))" >&2
  return 1
}

HTTP_GET=$'GET / HTTP/1.0\r\n\r\n'

# ---- the tlspp side (or its openssl stand-in) ------------------------------------
# tlspp_client PORT [--suite HEX] [--group G] [--ca FILE] [--servername NAME]:
# connects to localhost:PORT, copies stdin to the server (EOF does not end the
# session), the server's data to stdout; the summary goes to stderr.
tlspp_client() {
  local port=$1; shift
  local suite="" group="" ca="$CERTS/ca.pem" sni=localhost
  while [ $# -gt 0 ]; do
    case $1 in
      --suite) suite=$2; shift 2 ;;
      --group) group=$2; shift 2 ;;
      --ca) ca=$2; shift 2 ;;
      --servername) sni=$2; shift 2 ;;
      *) echo "tlspp_client: unknown option $1" >&2; return 2 ;;
    esac
  done
  if [ "$TLSPP_STANDIN" = openssl ]; then
    local args=(-quiet -connect "127.0.0.1:$port" -servername "$sni" -verify_hostname "$sni"
                -CAfile "$ca" -verify_return_error -tls1_2)
    [ -n "$suite" ] && args+=(-cipher "${SUITE_OSSL[$suite]}")
    [ -n "$group" ] && args+=(-groups "$group")
    timeout "$CLIENT_TIMEOUT" openssl s_client "${args[@]}"
  else
    local args=(client "localhost:$port" --ca "$ca" --timeout 5)
    [ "$sni" != localhost ] && args+=(--servername "$sni")
    [ -n "$suite" ] && args+=(--ciphers "${SUITE_IANA[$suite]}")
    [ -n "$group" ] && args+=(--groups "$group")
    timeout "$CLIENT_TIMEOUT" "$TLSPP" "${args[@]}"
  fi
}

# start_tlspp_server CERT_KIND [--echo] [--suite HEX] [--group G]: starts a
# --www (or --echo) server on 127.0.0.1, port chosen by the kernel; sets
# SERVER_PID and SERVER_PORT.
start_tlspp_server() {
  local kind=$1; shift
  local mode=--www suite="" group=""
  while [ $# -gt 0 ]; do
    case $1 in
      --echo) mode=--echo; shift ;;
      --suite) suite=$2; shift 2 ;;
      --group) group=$2; shift 2 ;;
      *) echo "start_tlspp_server: unknown option $1" >&2; return 2 ;;
    esac
  done
  local log="$CASE_DIR/server.log" ready
  if [ "$TLSPP_STANDIN" = openssl ]; then
    local args=(-accept 127.0.0.1:0 -cert "$CERTS/$kind.pem" -key "$CERTS/$kind.key" -tls1_2)
    [ $mode = --www ] && args+=(-www) || args+=(-rev)
    [ -n "$suite" ] && args+=(-cipher "${SUITE_OSSL[$suite]}")
    [ -n "$group" ] && args+=(-groups "$group")
    ready='^ACCEPT '
    start_bg "$log" openssl s_server "${args[@]}"
  else
    local args=(server --host 127.0.0.1 --port 0 --cert "$CERTS/$kind.pem" --key "$CERTS/$kind.key" $mode)
    [ -n "$suite" ] && args+=(--ciphers "${SUITE_IANA[$suite]}")
    [ -n "$group" ] && args+=(--groups "$group")
    ready='^listening on '
    start_bg "$log" "$TLSPP" "${args[@]}"
  fi
  SERVER_PID=$LAST_PID
  wait_for_line "$log" "$ready" "$SERVER_PID" || return 1
  SERVER_PORT=$(port_from_line "$log" "$ready")
  [ -n "$SERVER_PORT" ] || { echo "no port in: $(head -n 2 "$log")" >&2; return 1; }
}

# expect_tlspp_page FILE HEX: the --www page names the negotiated suite. The
# openssl stand-in's page says "Cipher is <OpenSSL name>" instead.
expect_tlspp_page() {
  if [ "$TLSPP_STANDIN" = openssl ]; then
    expect_in "$1" "Cipher is ${SUITE_OSSL[$2]}" "page"
  else
    expect_in "$1" "${SUITE_IANA[$2]}" "page"
  fi
}

# tlspp_name: what to call the tlspp side in case names and the summary.
tlspp_name() { [ "$TLSPP_STANDIN" = openssl ] && echo "tlspp(openssl-standin)" || echo tlspp; }
