#!/usr/bin/env bash
# HTTPS under load: Aurora (benchmarks/src/main/java/dev/aurora/benchmarks/TlsLoadApp.java, JSSE on a
# blocking SSLSocket per virtual thread) beside Netty with SslHandler on the JDK's TLS
# (benchmarks/peers/netty-tls, SslProvider.JDK), same certificate, protocols and suites, same run.
#
#   benchmarks/tls-load.sh                                  # build, 2 rounds x 2 servers x 4 recipes (~6 min)
#   benchmarks/tls-load.sh --rounds 4                       # more rounds: tighter medians
#   benchmarks/tls-load.sh --skip-build --rounds 1 --duration 3 --warmup 1   # a quick smoke run
#
# Options: --rounds N (default 2), --duration S (measured wrk seconds, default 10), --warmup S
# (default 5), --connections N (default 64), --clients N (openssl s_time processes of the full
# recipe, default 8), --recipes LIST (default plaintext,json,resumed,full), --port N (first port
# tried, default 18443), --skip-build, --label TEXT.
#
# Recipes (wrk and openssl s_time both use the system's OpenSSL 3):
#   plaintext   wrk -t1 -c64 -d10s --latency https://127.0.0.1:PORT/plaintext, keep-alive (each
#               of the 64 connections makes one handshake, then only requests)
#   json        the same on /json
#   resumed     the same on /plaintext with `Connection: close` on every request
#               (connection-close.lua): a new TCP connection per request, and a *resumed* TLS 1.3
#               handshake (wrk 4.1 offers the server's session ticket again: PSK with (EC)DHE, no
#               certificate, no signature), so req/s = returning clients' connections per second
#   full        N parallel `openssl s_time -new -www /plaintext -time S`: each connection a full
#               handshake (certificate, ECDSA signature, X25519) and one HTTP/1.0 request; the
#               figure is connections per second (the sum over the processes / wall time); no
#               latency percentiles
#
# Steps: builds the benchmarks jar (./mvnw -q -B -Pbenchmarks -pl benchmarks -am -DskipTests package,
# JAVA_HOME unset) and the Netty peer (./mvnw -q -B -f benchmarks/peers/netty-tls/pom.xml package,
# JAVA_HOME = the harness JDK); writes a throwaway EC P-256 certificate for localhost/127.0.0.1 with
# openssl into a temporary directory (removed at exit). Per round, in the order aurora, netty: starts
# the server afresh pinned to CPU 0 (taskset -c 0) with the harness's JDK and JVM flags (sources
# <perf dir>/peers/common.sh: JAVA_HOME, PERF_JVM_FLAGS), checks /plaintext, /json, `Connection:
# close` and the negotiated protocol, suite and key exchange (openssl s_client), then per recipe a
# discarded wrk warm-up and the measured run, wrk and this script pinned to CPU 1; stops the server
# (SIGTERM, SIGKILL after 10 s). Reports per round and the median over the rounds of req/s, p50,
# p99 and max latency, the server's CPU use and what else ran on CPU 0, and the Aurora/Netty ratios.
# Summary: benchmarks/results/tls-<UTC time>.md; wrk outputs, server logs, checks in
# benchmarks/results/tls-<UTC time>/ (not committed).
#
# Environment: PERF_DIR (default ../shared/perf next to the repository root), PERF_RESULTS (default
# benchmarks/results), PERF_JAVA_HOME (the JDK of both servers; default common.sh's Temurin 25, else
# the newest JDK >= 21 found as bench-lib.sh's find_java finds it).
# Needs wrk, curl, openssl, taskset, ss: apt-get install -y wrk curl openssl util-linux iproute2
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
perf_dir="${PERF_DIR:-$root/../shared/perf}"
[ -f "$perf_dir/peers/common.sh" ] || { echo "tls-load.sh: $perf_dir/peers/common.sh not found (set PERF_DIR)" >&2; exit 1; }
export PERF_DIR="$perf_dir"

rounds=2 duration=10 warmup=5 conns=64 clients=8 first_port=18443 skip_build=0 label=""
recipes="plaintext,json,resumed,full"
servers=(aurora netty)
server_cpu=0 load_cpu=1
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="${2:?}"; shift 2;;
    --duration) duration="${2:?}"; shift 2;;
    --warmup) warmup="${2:?}"; shift 2;;
    --connections) conns="${2:?}"; shift 2;;
    --clients) clients="${2:?}"; shift 2;;
    --recipes) recipes="${2:?}"; shift 2;;
    --port) first_port="${2:?}"; shift 2;;
    --skip-build) skip_build=1; shift;;
    --label) label="${2:?}"; shift 2;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0;;
    *) echo "tls-load.sh: unknown argument $1 (see --help)" >&2; exit 2;;
  esac
done
IFS=, read -r -a recipe_list <<<"$recipes"
for r in "${recipe_list[@]}"; do
  case "$r" in plaintext|json|resumed|full) ;; *) echo "tls-load.sh: unknown recipe $r" >&2; exit 2;; esac
done

# shellcheck source=bench-lib.sh
source "$here/bench-lib.sh"
require_tools tls-load.sh wrk curl openssl taskset ss

# Both servers must run on the same JDK (the same JSSE): common.sh's unless it is missing or < 21.
harness_jdk tls-load.sh

jar="$(bench_jar tls-load.sh "$skip_build")"
peer="$here/peers/netty-tls"
build_peer tls-load.sh "$peer" "$skip_build"

ts="$(date -u +%Y%m%dT%H%M%SZ)"
loadavg0="$(cut -d' ' -f1-3 /proc/loadavg)"
results="${PERF_RESULTS:-$here/results}"
raw="$results/tls-$ts"
md="$results/tls-$ts.md"
mkdir -p "$raw"

certs="$(mktemp -d)"
server_pid=""
stop_server() {
  [ -n "$server_pid" ] || return 0
  stop_pid tls-load.sh "$server_pid"
  server_pid=""
}
cleanup() { stop_server; rm -rf "$certs"; }
trap cleanup EXIT
trap 'cleanup; exit 130' INT TERM

# A throwaway key: EC P-256 as SelfSignedCertificate (aurora-test) makes by default; PKCS#8 PEM.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj /CN=localhost \
  -addext subjectAltName=DNS:localhost,IP:127.0.0.1 -keyout "$certs/key.pem" -out "$certs/cert.pem" 2>"$raw/openssl-req.log"
cert="$certs/cert.pem" key="$certs/key.pem"

# This script (curl, wrk, openssl) stays off the servers' CPU.
taskset -cp "$load_cpu" $$ >/dev/null

start_server() { # NAME PORT LOG: launches the server pinned to the server CPU; sets server_pid
  case "$1" in
    # PERF_JVM_FLAGS is a space-separated flag list by design (common.sh); leave it unquoted.
    # shellcheck disable=SC2086
    aurora) taskset -c "$server_cpu" "$JAVA_HOME/bin/java" $PERF_JVM_FLAGS -cp "$jar" \
              dev.aurora.benchmarks.TlsLoadApp "$2" "$cert" "$key" >"$3" 2>&1 </dev/null &;;
    # start.sh execs the JVM, so $! is the server's PID here too.
    netty) taskset -c "$server_cpu" "$peer/start.sh" "$2" "$cert" "$key" >"$3" 2>&1 </dev/null &;;
  esac
  server_pid=$!
}

answer() { # PORT PATH [curl args]: the body (https, certificate not checked: it is our own)
  local port="$1" path="$2"
  shift 2
  curl -sk --max-time 5 "$@" "https://127.0.0.1:$port$path" 2>/dev/null || true
}

wait_up() { # NAME PORT LOG
  local deadline=$(( $(date +%s) + 60 ))
  until [ "$(answer "$2" /plaintext)" = "Hello, World!" ]; do
    kill -0 "$server_pid" 2>/dev/null || { echo "tls-load.sh: $1 exited; see $3" >&2; exit 1; }
    [ "$(date +%s)" -lt "$deadline" ] || { echo "tls-load.sh: $1 not answering after 60 s; see $3" >&2; exit 1; }
    sleep 0.05
  done
}

check_server() { # NAME PORT OUT: contract, Connection: close and TLS parameters; fails the run if wrong
  local name="$1" port="$2" out="$3" json tls
  json="$(answer "$port" /json)"
  [ "$json" = '{"message":"Hello, World!"}' ] || { echo "tls-load.sh: $name: /json answered $json" >&2; exit 1; }
  # Without `Connection: close` in the answer wrk would send its next request on a closing connection.
  answer "$port" /plaintext -o /dev/null -D - -H 'Connection: close' | tr -d '\r' >"$out.head"
  grep -qi '^connection: *close' "$out.head" \
    || { echo "tls-load.sh: $name: no Connection: close in the answer to one; see $out.head" >&2; exit 1; }
  openssl s_client -connect "127.0.0.1:$port" -servername localhost </dev/null >"$out" 2>&1 || true
  tls="$(sed -n 's/^New, \(TLSv[0-9.]*\), Cipher is \(.*\)$/\1 \2/p' "$out" | head -n1)"
  tls="$tls $(sed -n 's/^Server Temp Key: \([^,]*\),.*/\1/p' "$out" | head -n1)"
  [ -n "${tls// /}" ] || { echo "tls-load.sh: $name: no TLS session with openssl s_client; see $out" >&2; exit 1; }
  echo "$tls"
}

s_time_figures() { # OUT SECONDS-OF-WALL-TIME: "conn/s NA NA NA errors" from the s_time outputs OUT.*
  cat "$1".* | awk -v wall="$2" '/connections in [0-9.]+ real seconds/ { n += $1 } /ERROR|rror/ { e++ }
    END { if (n > 0) printf "%.2f NA NA NA %d\n", n / wall, e }'
}

run_recipe() { # RECIPE PORT SECONDS OUT: runs the load on the load CPU; output files OUT or OUT.*
  local r="$1" port="$2" seconds="$3" out="$4" i pids=()
  case "$r" in
    full)
      rm -f "$out".*
      for ((i = 1; i <= clients; i++)); do
        taskset -c "$load_cpu" openssl s_time -connect "127.0.0.1:$port" -new -www /plaintext -time "$seconds" \
          >"$out.$i" 2>&1 </dev/null &
        pids+=($!)
      done
      wait "${pids[@]}" || true;;
    json) taskset -c "$load_cpu" wrk -t1 -c"$conns" -d"${seconds}s" --latency "https://127.0.0.1:$port/json" >"$out" 2>&1 || true;;
    resumed) taskset -c "$load_cpu" wrk -t1 -c"$conns" -d"${seconds}s" --latency -s "$here/connection-close.lua" \
               "https://127.0.0.1:$port/plaintext" >"$out" 2>&1 || true;;
    *) taskset -c "$load_cpu" wrk -t1 -c"$conns" -d"${seconds}s" --latency "https://127.0.0.1:$port/plaintext" >"$out" 2>&1 || true;;
  esac
}

rows="$raw/rows.tsv"
: >"$rows"
declare -A tls_of
for ((round = 1; round <= rounds; round++)); do
  for name in "${servers[@]}"; do
    port="$(free_port "$first_port")"
    log="$raw/$round-$name.server.log"
    echo "tls-load.sh: round $round/$rounds: $name on https://127.0.0.1:$port (taskset -c $server_cpu)" >&2
    start_server "$name" "$port" "$log"
    wait_up "$name" "$port" "$log"
    tls="$(check_server "$name" "$port" "$raw/$round-$name.s_client.txt")"
    tls_of[$name]="$tls"
    for r in "${recipe_list[@]}"; do
      run_recipe "$r" "$port" "$warmup" "$raw/$round-$name-$r.warmup.txt"
      out="$raw/$round-$name-$r.wrk.txt"
      c0="$(cpu_ticks "$server_pid")"; b0="$(cpu_busy_ticks "$server_cpu")"; w0="$(date +%s%N)"
      run_recipe "$r" "$port" "$duration" "$out"
      c1="$(cpu_ticks "$server_pid")"; b1="$(cpu_busy_ticks "$server_cpu")"; w1="$(date +%s%N)"
      # The server's share of its CPU, and what else kept that CPU busy (other processes on a
      # shared machine): a large "other" share means the row says little about the server.
      read -r cpu other < <(cpu_shares $((c1 - c0)) $((b1 - b0)) $((w1 - w0)))
      if [ "$r" = full ]; then
        figures="$(s_time_figures "$out" "$(awk -v ns=$((w1 - w0)) 'BEGIN { print ns / 1e9 }')")"
      else
        figures="$(wrk_figures "$out")"
      fi
      if [ -z "$figures" ]; then
        echo "tls-load.sh: $name $r: wrk gave no result; see $out" >&2
        continue
      fi
      read -r rps p50 p99 max errors <<<"$figures"
      printf 'tls-load.sh:   %-9s %-10s %10s req/s  p50 %7s ms  p99 %7s ms  max %7s ms  CPU %3s %%  other on CPU %s %3s %%  errors %s\n' \
        "$name" "$r" "$rps" "$p50" "$p99" "$max" "$cpu" "$server_cpu" "$other" "$errors" >&2
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$name" "$r" "$rps" "$p50" "$p99" "$max" "$cpu" "$other" "$errors" >>"$rows"
      sleep 1
    done
    stop_server
  done
done
trap - EXIT INT TERM
cleanup

values() { # SERVER RECIPE FIELD: the values of that column over the rounds, one a line (field 11:
  # req/s per second of server CPU, req/s * 100 / CPU %, which a neighbour taking the CPU moves less)
  awk -F'\t' -v s="$1" -v r="$2" -v f="$3" '$2 == s && $3 == r {
    if (f == 11) { if ($8 > 0) printf "%.0f\n", $4 * 100 / $8 } else print $f }' "$rows"
}
span() { # stdin numbers -> "min-max" in thousands notation
  sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { print lo, hi }' | {
    read -r lo hi; echo "$(thousands "$lo")-$(thousands "$hi")"; }
}

{
  echo "# HTTPS load run $ts${label:+ ($label)}"
  echo
  echo "- servers: Aurora \`dev.aurora.benchmarks.TlsLoadApp\` from \`benchmarks/target/benchmarks.jar\` (commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)$([ -z "$(git -C "$root" status --porcelain -- aurora benchmarks 2>/dev/null)" ] || echo ', with local changes')); Netty $(sed -n 's:.*<netty.version>\(.*\)</netty.version>.*:\1:p' "$peer/pom.xml") \`perf.NettyTlsPeer\` (\`benchmarks/peers/netty-tls\`, SslHandler, SslProvider.JDK)"
  echo "- TLS negotiated with \`openssl s_client\` ($(openssl version | cut -d' ' -f1-2)): aurora ${tls_of[aurora]:-?}; netty ${tls_of[netty]:-?}; certificate EC P-256 self-signed, ECDSA"
  echo "- host: $(nproc --all) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')), kernel $(uname -r); loadavg at start $loadavg0, at end $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- jdk: $("$JAVA_HOME/bin/java" -version 2>&1 | sed -n 2p); flags: \`$PERF_JVM_FLAGS\`"
  echo "- server \`taskset -c $server_cpu\`, wrk \`taskset -c $load_cpu\` ($(wrk --version 2>&1 | head -n1 | cut -d' ' -f1-2)): \`wrk -t1 -c$conns -d${duration}s --latency https://127.0.0.1:PORT/...\` after a ${warmup} s warm-up run of the same recipe; resumed: the same with \`-s benchmarks/connection-close.lua\`; full: $clients x \`openssl s_time -new -www /plaintext -time $duration\` in parallel (after a ${warmup} s warm-up the same way); $rounds rounds, order ${servers[*]} in each, a fresh JVM per server and round"
  echo "- command: \`benchmarks/tls-load.sh --rounds $rounds --duration $duration --warmup $warmup --connections $conns --clients $clients --recipes $recipes\`"
  echo
  echo "Median over the rounds (req/s min-max in brackets). req per CPU-s = req/s * 100 / CPU %, the requests (connections for resumed, full) per second of server CPU. CPU % = the server's share of CPU $server_cpu; other % = the rest of CPU $server_cpu's busy time (other processes)."
  echo
  echo "| server | recipe | req/s | req per CPU-s | p50 ms | p99 ms | max ms | CPU % | other % | errors |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  for r in "${recipe_list[@]}"; do
    for name in "${servers[@]}"; do
      rps="$(values "$name" "$r" 4 | median)"
      [ "$rps" != NA ] || { echo "| $name | $r | n/a | | | | | | | |"; continue; }
      echo "| $name | $r | $(thousands "$rps") ($(values "$name" "$r" 4 | span)) | $(thousands "$(values "$name" "$r" 11 | median)") | $(values "$name" "$r" 5 | median) | $(values "$name" "$r" 6 | median) | $(values "$name" "$r" 7 | median) | $(values "$name" "$r" 8 | median) | $(values "$name" "$r" 9 | median) | $(values "$name" "$r" 10 | median) |"
    done
  done
  echo
  echo "Aurora/Netty: ratio of the medians (req/s above 1.00 = Aurora faster; latency below 1.00 = Aurora faster), and the per-round req/s ratios."
  echo
  echo "| recipe | req/s | req per CPU-s | p50 | p99 | max | req/s per round |"
  echo "|---|---:|---:|---:|---:|---:|---|"
  for r in "${recipe_list[@]}"; do
    per_round=""
    for ((round = 1; round <= rounds; round++)); do
      a="$(awk -F'\t' -v n="$round" -v r="$r" '$1 == n && $2 == "aurora" && $3 == r { print $4 }' "$rows")"
      b="$(awk -F'\t' -v n="$round" -v r="$r" '$1 == n && $2 == "netty" && $3 == r { print $4 }' "$rows")"
      per_round="$per_round $(ratio "${a:-NA}" "${b:-NA}")"
    done
    cells=""
    for f in 4 11 5 6 7; do
      cells="$cells | $(ratio "$(values aurora "$r" "$f" | median)" "$(values netty "$r" "$f" | median)")"
    done
    echo "| $r$cells |${per_round} |"
  done
  echo
  echo "Per round:"
  echo
  echo "| round | server | recipe | req/s | p50 ms | p99 ms | max ms | CPU % | other % | errors |"
  echo "|---:|---|---|---:|---:|---:|---:|---:|---:|---:|"
  awk -F'\t' '{ printf "| %s | %s | %s | %.0f | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10 }' "$rows"
} >"$md"

echo
cat "$md"
echo
echo "tls-load.sh: written to $md" >&2
