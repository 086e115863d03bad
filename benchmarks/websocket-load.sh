#!/usr/bin/env bash
# WebSocket echo and idle memory: Aurora (WebSocketLoadApp serve: app.ws("/echo") on a virtual thread
# per connection) beside Netty's WebSocket server (benchmarks/peers/netty-websocket:
# WebSocketServerProtocolHandler on epoll), same client, same run.
#
#   benchmarks/websocket-load.sh                          # build, 3 rounds x 2 servers (~3 min)
#   benchmarks/websocket-load.sh --rounds 5               # more rounds: tighter medians
#   benchmarks/websocket-load.sh --skip-build --rounds 1 --duration 3 --warmup 1 --idle 500   # smoke run
#
# Options: --rounds N (default 3), --duration S (measured echo seconds, default 10), --warmup S
# (default 5), --connections N (echo connections, default 64), --idle N (idle WebSockets held for
# the memory figure, default 2000), --port N (first port tried, default 18900), --skip-build,
# --label TEXT.
#
# The client is dev.aurora.benchmarks.WebSocketLoadClient (benchmarks jar), the same for both
# servers: blocking sockets that do the handshake and the frames themselves.
#   echo   N connections, a platform thread each, doing round trips one after the other (a masked
#          32-byte text frame out, its echo back) for the duration: round trips/s and the latency
#          of every round trip (p50, p99, max)
#   idle   N WebSockets opened and one echo on each, then held: live heap after a full GC
#          (`jcmd PID GC.class_histogram`, its Total line: live objects only) before they opened
#          and while they are held, the difference over N; the same for VmRSS (which also sees
#          Netty's direct buffers and native memory, and is noisier)
#
# Steps: builds the benchmarks jar (./mvnw -q -B -Pbenchmarks -pl benchmarks -am -DskipTests package,
# JAVA_HOME unset) and the Netty peer (./mvnw -q -B -f benchmarks/peers/netty-websocket/pom.xml
# package, JAVA_HOME = the harness JDK). Per round, in the order aurora, netty (A B A B ...): starts
# the server afresh pinned to CPU 0 (taskset -c 0) with the harness's JDK and JVM flags (sources
# <perf dir>/peers/common.sh: JAVA_HOME, PERF_JVM_FLAGS), a discarded warm-up echo run, the measured
# echo run, then the idle measure, the client and this script pinned to CPU 1; stops the server.
# Reports per round and the median over the rounds, the server's CPU use and what else ran on CPU 0
# (the machine's noise), and the Aurora/Netty ratios. Summary: benchmarks/results/websocket-<UTC
# time>.md; client outputs and server logs in benchmarks/results/websocket-<UTC time>/ (not committed).
#
# Environment: PERF_DIR (default ../shared/perf next to the repository root), PERF_RESULTS (default
# benchmarks/results), PERF_JAVA_HOME (the JDK of both servers and the client; default common.sh's
# Temurin 25, else the newest JDK >= 21 that bench-lib.sh's find_java finds).
# Needs curl, taskset, ss: apt-get install -y curl util-linux iproute2
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
perf_dir="${PERF_DIR:-$root/../shared/perf}"
[ -f "$perf_dir/peers/common.sh" ] || { echo "websocket-load.sh: $perf_dir/peers/common.sh not found (set PERF_DIR)" >&2; exit 1; }
export PERF_DIR="$perf_dir"

rounds=3 duration=10 warmup=5 conns=64 idle=2000 first_port=18900 skip_build=0 label=""
servers=(aurora netty)
server_cpu=0 load_cpu=1
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="${2:?}"; shift 2;;
    --duration) duration="${2:?}"; shift 2;;
    --warmup) warmup="${2:?}"; shift 2;;
    --connections) conns="${2:?}"; shift 2;;
    --idle) idle="${2:?}"; shift 2;;
    --port) first_port="${2:?}"; shift 2;;
    --skip-build) skip_build=1; shift;;
    --label) label="${2:?}"; shift 2;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0;;
    *) echo "websocket-load.sh: unknown argument $1 (see --help)" >&2; exit 2;;
  esac
done

# shellcheck source=bench-lib.sh
source "$here/bench-lib.sh"
require_tools websocket-load.sh curl taskset ss
if (( $(ulimit -n) < 2 * idle + 1000 )); then
  ulimit -n $((2 * idle + 1000)) 2>/dev/null \
    || { echo "websocket-load.sh: --idle $idle needs $((2 * idle + 1000)) open files; raise ulimit -n" >&2; exit 1; }
fi

# Both servers and the client run on the same JDK: common.sh's unless it is missing or < 21.
harness_jdk websocket-load.sh

jar="$(bench_jar websocket-load.sh "$skip_build")"
peer="$here/peers/netty-websocket"
build_peer websocket-load.sh "$peer" "$skip_build"

ts="$(date -u +%Y%m%dT%H%M%SZ)"
loadavg0="$(cut -d' ' -f1-3 /proc/loadavg)"
results="${PERF_RESULTS:-$here/results}"
raw="$results/websocket-$ts"
md="$results/websocket-$ts.md"
mkdir -p "$raw"

server_pid="" holder_pid="" fifo="$raw/hold.fifo"
stop_server() {
  [ -n "$server_pid" ] || return 0
  stop_pid websocket-load.sh "$server_pid"
  server_pid=""
}
release_idle() { # ends the idle client: its standard input closes
  [ -n "$holder_pid" ] || return 0
  exec 3>&- || true
  wait "$holder_pid" 2>/dev/null || true
  holder_pid=""
}
cleanup() { release_idle; stop_server; rm -f "$fifo"; }
trap cleanup EXIT
trap 'cleanup; exit 130' INT TERM

# This script (curl, jcmd, the client) stays off the servers' CPU.
taskset -cp "$load_cpu" $$ >/dev/null
client=("$JAVA_HOME/bin/java" -cp "$jar" dev.aurora.benchmarks.WebSocketLoadClient)

start_server() { # NAME PORT LOG: launches the server pinned to the server CPU; sets server_pid
  case "$1" in
    # PERF_JVM_FLAGS is a space-separated flag list by design (common.sh); leave it unquoted.
    # shellcheck disable=SC2086
    aurora) taskset -c "$server_cpu" "$JAVA_HOME/bin/java" $PERF_JVM_FLAGS -cp "$jar" \
              dev.aurora.benchmarks.WebSocketLoadApp serve "$2" >"$3" 2>&1 </dev/null &;;
    # start.sh execs the JVM, so $! is the server's PID here too.
    netty) taskset -c "$server_cpu" "$peer/start.sh" "$2" >"$3" 2>&1 </dev/null &;;
  esac
  server_pid=$!
}

wait_up() { # NAME PORT LOG
  local deadline=$(( $(date +%s) + 60 ))
  until [ "$(curl -s --max-time 5 "http://127.0.0.1:$2/plaintext" 2>/dev/null || true)" = "Hello, World!" ]; do
    kill -0 "$server_pid" 2>/dev/null || { echo "websocket-load.sh: $1 exited; see $3" >&2; exit 1; }
    [ "$(date +%s)" -lt "$deadline" ] || { echo "websocket-load.sh: $1 not answering after 60 s; see $3" >&2; exit 1; }
    sleep 0.05
  done
}

live_heap() { # PID: bytes of live objects after the full GC that GC.class_histogram makes
  "$JAVA_HOME/bin/jcmd" "$1" GC.class_histogram 2>/dev/null | awk '$1 == "Total" { print $3 }'
}
rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }

measure_idle() { # PORT OUT: "heap-bytes-per-ws rss-bytes-per-ws" with $idle WebSockets held
  local port="$1" out="$2" heap0 rss0 heap1 rss1 deadline
  heap0="$(live_heap "$server_pid")"; rss0="$(rss_kb "$server_pid")"
  rm -f "$fifo"; mkfifo "$fifo"
  taskset -c "$load_cpu" "${client[@]}" idle "$port" "$idle" <"$fifo" >"$out" 2>&1 &
  holder_pid=$!
  exec 3>"$fifo"
  deadline=$(( $(date +%s) + 180 ))
  until grep -q '^READY' "$out"; do
    kill -0 "$holder_pid" 2>/dev/null || { echo "websocket-load.sh: idle client failed; see $out" >&2; exit 1; }
    [ "$(date +%s)" -lt "$deadline" ] || { echo "websocket-load.sh: idle client not ready after 180 s" >&2; exit 1; }
    sleep 0.1
  done
  heap1="$(live_heap "$server_pid")"; rss1="$(rss_kb "$server_pid")"
  release_idle
  awk -v h0="$heap0" -v h1="$heap1" -v r0="$rss0" -v r1="$rss1" -v n="$idle" \
    'BEGIN { printf "%.0f %.0f\n", (h1 - h0) / n, (r1 - r0) * 1024 / n }'
}

rows="$raw/rows.tsv"
: >"$rows"
for ((round = 1; round <= rounds; round++)); do
  for name in "${servers[@]}"; do
    port="$(free_port "$first_port")"
    log="$raw/$round-$name.server.log"
    echo "websocket-load.sh: round $round/$rounds: $name on ws://127.0.0.1:$port/echo (taskset -c $server_cpu)" >&2
    start_server "$name" "$port" "$log"
    wait_up "$name" "$port" "$log"
    taskset -c "$load_cpu" "${client[@]}" echo "$port" "$conns" "$warmup" >"$raw/$round-$name.warmup.txt" 2>&1
    out="$raw/$round-$name.echo.txt"
    c0="$(cpu_ticks "$server_pid")"; b0="$(cpu_busy_ticks "$server_cpu")"; w0="$(date +%s%N)"
    taskset -c "$load_cpu" "${client[@]}" echo "$port" "$conns" "$duration" >"$out" 2>&1 || true
    c1="$(cpu_ticks "$server_pid")"; b1="$(cpu_busy_ticks "$server_cpu")"; w1="$(date +%s%N)"
    # The server's share of its CPU, and what else kept that CPU busy (other processes on a shared
    # machine): a large "other" share means the row says little about the server.
    read -r cpu other < <(cpu_shares $((c1 - c0)) $((b1 - b0)) $((w1 - w0)))
    read -r rtps p50 p99 max errors < <(tail -n1 "$out")
    read -r heap rss < <(measure_idle "$port" "$raw/$round-$name.idle.txt")
    printf 'websocket-load.sh:   %-7s %8s round trips/s  p50 %6s ms  p99 %7s ms  max %7s ms  CPU %3s %%  other on CPU %s %3s %%  errors %s  idle: heap %s B, RSS %s B per WebSocket\n' \
      "$name" "$rtps" "$p50" "$p99" "$max" "$cpu" "$server_cpu" "$other" "$errors" "$heap" "$rss" >&2
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$name" "$rtps" "$p50" "$p99" "$max" "$cpu" "$other" "$errors" "$heap" "$rss" >>"$rows"
    stop_server
  done
done
trap - EXIT INT TERM
cleanup

values() { # SERVER FIELD: that column over the rounds, one a line (field 12: round trips per second
  # of server CPU, round trips/s * 100 / CPU %, which a neighbour taking the CPU moves less)
  awk -F'\t' -v s="$1" -v f="$2" '$2 == s { if (f == 12) { if ($7 > 0) printf "%.0f\n", $3 * 100 / $7 } else print $f }' "$rows"
}
span() { sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%.0f-%.0f", lo, hi }'; }

{
  echo "# WebSocket load run $ts${label:+ ($label)}"
  echo
  echo "- servers: Aurora \`dev.aurora.benchmarks.WebSocketLoadApp serve\` from \`benchmarks/target/benchmarks.jar\` (commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)$([ -z "$(git -C "$root" status --porcelain -- aurora benchmarks 2>/dev/null)" ] || echo ', with local changes'); keepalive pings off); Netty $(sed -n 's:.*<netty.version>\(.*\)</netty.version>.*:\1:p' "$peer/pom.xml") \`perf.NettyWebSocketPeer\` (\`benchmarks/peers/netty-websocket\`, WebSocketServerProtocolHandler, epoll)"
  echo "- host: $(nproc --all) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')), kernel $(uname -r); loadavg at start $loadavg0, at end $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- jdk: $("$JAVA_HOME/bin/java" -version 2>&1 | sed -n 2p); server flags: \`$PERF_JVM_FLAGS\`"
  echo "- server \`taskset -c $server_cpu\`, client \`taskset -c $load_cpu\`: \`WebSocketLoadClient echo PORT $conns $duration\` ($conns connections, a blocking round trip at a time each, 32-byte text) after a ${warmup} s warm-up run; then \`WebSocketLoadClient idle PORT $idle\` ($idle WebSockets, one echo each, held) with the live heap (\`jcmd PID GC.class_histogram\`, Total) and VmRSS read before and while they are held; $rounds rounds, order ${servers[*]} in each, a fresh JVM per server and round"
  echo "- command: \`benchmarks/websocket-load.sh --rounds $rounds --duration $duration --warmup $warmup --connections $conns --idle $idle\`"
  echo
  echo "Median over the rounds (round trips/s min-max in brackets). Per CPU-s = round trips/s * 100 / CPU %, the round trips per second of server CPU. CPU % = the server's share of CPU $server_cpu; other % = the rest of CPU $server_cpu's busy time (other processes: the noise)."
  echo
  echo "| server | round trips/s | per CPU-s | p50 ms | p99 ms | max ms | CPU % | other % | errors | heap per idle WebSocket | RSS per idle WebSocket |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  for name in "${servers[@]}"; do
    echo "| $name | $(thousands "$(values "$name" 3 | median)") ($(values "$name" 3 | span)) | $(thousands "$(values "$name" 12 | median)") | $(values "$name" 4 | median) | $(values "$name" 5 | median) | $(values "$name" 6 | median) | $(values "$name" 7 | median) | $(values "$name" 8 | median) | $(values "$name" 9 | median) | $(thousands "$(values "$name" 10 | median)") B | $(thousands "$(values "$name" 11 | median)") B |"
  done
  echo
  echo "Aurora/Netty: ratio of the medians (round trips/s above 1.00 = Aurora faster; latency and memory below 1.00 = Aurora better), and the per-round round-trip ratios."
  echo
  echo "| round trips/s | per CPU-s | p50 | p99 | max | heap per idle WebSocket | RSS per idle WebSocket | round trips/s per round |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---|"
  per_round=""
  for ((round = 1; round <= rounds; round++)); do
    a="$(awk -F'\t' -v n="$round" '$1 == n && $2 == "aurora" { print $3 }' "$rows")"
    b="$(awk -F'\t' -v n="$round" '$1 == n && $2 == "netty" { print $3 }' "$rows")"
    per_round="$per_round $(ratio "${a:-NA}" "${b:-NA}")"
  done
  cells=""
  for f in 3 12 4 5 6 10 11; do
    cells="$cells | $(ratio "$(values aurora "$f" | median)" "$(values netty "$f" | median)")"
  done
  echo "${cells# } |${per_round} |"
  echo
  echo "Per round:"
  echo
  echo "| round | server | round trips/s | p50 ms | p99 ms | max ms | CPU % | other % | errors | heap B / idle WS | RSS B / idle WS |"
  echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11 }' "$rows"
} >"$md"

echo
cat "$md"
echo
echo "websocket-load.sh: written to $md" >&2
