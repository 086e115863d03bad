#!/usr/bin/env bash
# Load test of Aurora's routing and middleware: FrameworkLoadApp (benchmarks/src/main/java/dev/aurora/
# benchmarks/FrameworkLoadApp.java: /plaintext, 200 routes /api/v1/res{0..99}/list and /:id, /mw0,
# /mw5 behind five pass-through middleware) under wrk, the same way the shared perf harness measures
# (its run.sh only knows its fixed recipes, so this is a separate script).
#
#   benchmarks/framework-load.sh                          # build, then all recipes (~2 min)
#   benchmarks/framework-load.sh --duration 5 --warmup 2  # a quick smoke run
#   benchmarks/framework-load.sh --recipes mw0,mw5 --skip-build
#
# Options: --duration S (measured wrk seconds, default 10), --warmup S (default 5), --connections N
# (default 64), --recipes LIST (default plaintext,route-static,route-param,mw0,mw5; run in that order
# in one JVM, a recipe may repeat, e.g. mw0,mw5,mw0,mw5 to see order effects), --port N (first
# port tried, default 18190), --skip-build (reuse benchmarks/target/benchmarks.jar), --label TEXT,
# --metrics (the app binds a Prometheus registry, so every request is also timed; compare with a
# run without it, e.g. --label metrics-on / --label metrics-off).
#
# Steps: builds the benchmarks module (./mvnw -q -Pbenchmarks -pl benchmarks -am -DskipTests package, JAVA_HOME
# unset); starts FrameworkLoadApp from the shaded benchmarks jar pinned to CPU 0 (taskset -c 0) with
# the harness's JDK and JVM flags (sources <perf dir>/peers/common.sh: JAVA_HOME, PERF_JVM_FLAGS);
# waits for GET /plaintext to answer 200; per recipe checks the endpoint with curl, runs a discarded
# wrk warm-up, then the measured `wrk -t1 -c64 -d10s --latency`, both pinned to CPU 1; stops the app
# (SIGTERM, wait; SIGKILL after 10 s). Prints a markdown table (req/s, p50, p99, the server's CPU
# use during the measured run: far below 100 % hints at a neighbour on CPU 0) and writes it to
# benchmarks/results/framework-<UTC time>.md, with the raw wrk outputs and the server log in
# benchmarks/results/framework-<UTC time>/.
#
# Recipes:
#   plaintext     GET /plaintext            (baseline, as in the harness)
#   route-static  GET /api/v1/res57/list    (a static route among 200)
#   route-param   GET /api/v1/res57/42      (a parameter route among 200; answers the parameter)
#   mw0           GET /mw0                  (same handler as mw5, no middleware)
#   mw5           GET /mw5                  (behind five pass-through middleware)
#
# Environment: PERF_DIR (default ../shared/perf next to the repository root), PERF_RESULTS (default
# benchmarks/results). Needs wrk, curl, taskset, ss: apt-get install -y wrk curl util-linux iproute2
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
perf_dir="${PERF_DIR:-$root/../shared/perf}"
[ -f "$perf_dir/peers/common.sh" ] || { echo "framework-load.sh: $perf_dir/peers/common.sh not found (set PERF_DIR)" >&2; exit 1; }

duration=10 warmup=5 conns=64 first_port=18190 skip_build=0 label="" app_mode=""
recipes="plaintext,route-static,route-param,mw0,mw5"
server_cpu=0 load_cpu=1
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration="${2:?}"; shift 2;;
    --warmup) warmup="${2:?}"; shift 2;;
    --connections) conns="${2:?}"; shift 2;;
    --recipes) recipes="${2:?}"; shift 2;;
    --port) first_port="${2:?}"; shift 2;;
    --skip-build) skip_build=1; shift;;
    --label) label="${2:?}"; shift 2;;
    --metrics) app_mode="metrics"; shift;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0;;
    *) echo "framework-load.sh: unknown argument $1 (see --help)" >&2; exit 2;;
  esac
done

# shellcheck source=bench-lib.sh
source "$here/bench-lib.sh"
require_tools framework-load.sh wrk curl taskset ss

recipe_path() {
  case "$1" in
    plaintext) echo /plaintext;;
    route-static) echo /api/v1/res57/list;;
    route-param) echo /api/v1/res57/42;;
    mw0) echo /mw0;;
    mw5) echo /mw5;;
    *) return 1;;
  esac
}
recipe_body() { # the body the recipe's endpoint must answer
  case "$1" in
    route-static) echo list;;
    route-param) echo 42;;
    *) echo "Hello, World!";;
  esac
}
IFS=, read -r -a recipe_list <<<"$recipes"
for r in "${recipe_list[@]}"; do
  recipe_path "$r" >/dev/null || { echo "framework-load.sh: unknown recipe $r" >&2; exit 2; }
done

jar="$(bench_jar framework-load.sh "$skip_build")"

# Same JDK and flags as every JVM peer of the harness (JAVA_HOME, PERF_JVM_FLAGS).
# shellcheck source=/dev/null
source "$perf_dir/peers/common.sh"

ts="$(date -u +%Y%m%dT%H%M%SZ)"
loadavg0="$(cut -d' ' -f1-3 /proc/loadavg)"
results="${PERF_RESULTS:-$here/results}"
raw="$results/framework-$ts"
md="$results/framework-$ts.md"
mkdir -p "$raw"

port="$(free_port "$first_port")"

server_pid=""
stop_server() {
  [ -n "$server_pid" ] || return 0
  stop_pid framework-load.sh "$server_pid"
  server_pid=""
}
trap stop_server EXIT
trap 'stop_server; exit 130' INT TERM

probe() { # 0 when GET /plaintext answers 200
  [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/plaintext" 2>/dev/null)" = 200 ]
}

# This script (curl, wrk launches) stays off the server's CPU, as the harness does.
taskset -cp "$load_cpu" $$ >/dev/null
echo "framework-load.sh: starting FrameworkLoadApp on 127.0.0.1:$port (taskset -c $server_cpu), raw output in $raw" >&2
t0="$(date +%s%N)"
# PERF_JVM_FLAGS is a space-separated flag list by design (common.sh); leave it unquoted.
# The JVM is started directly (no wrapper shell), so $! is the server's PID.
# shellcheck disable=SC2086
taskset -c "$server_cpu" "$JAVA_HOME/bin/java" $PERF_JVM_FLAGS -cp "$jar" \
  dev.aurora.benchmarks.FrameworkLoadApp "$port" $app_mode >"$raw/server.log" 2>&1 </dev/null &
server_pid=$!
deadline=$(( $(date +%s) + 60 ))
until probe; do
  kill -0 "$server_pid" 2>/dev/null || { echo "framework-load.sh: server exited; see $raw/server.log" >&2; exit 1; }
  [ "$(date +%s)" -lt "$deadline" ] || { echo "framework-load.sh: server not answering after 60 s" >&2; exit 1; }
  sleep 0.02
done
startup_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
echo "framework-load.sh: up after ${startup_ms} ms" >&2

rows=()
n=0
for r in "${recipe_list[@]}"; do
  n=$((n + 1))
  path="$(recipe_path "$r")"
  url="http://127.0.0.1:$port$path"
  got="$(curl -s --max-time 5 -w '\n%{http_code}' "$url" || true)"
  if [ "$got" != "$(recipe_body "$r")"$'\n'200 ]; then
    echo "framework-load.sh: $r: $path answered unexpectedly: $(echo "$got" | tr '\n' ' ')" >&2
    rows+=("| $r | \`$path\` | n/a | | | | check failed |")
    continue
  fi
  taskset -c "$load_cpu" wrk -t1 -c"$conns" -d"${warmup}s" --latency "$url" >"$raw/$n-$r.warmup.txt" 2>&1 || true
  c0="$(cpu_ticks "$server_pid")"; w0="$(date +%s%N)"
  taskset -c "$load_cpu" wrk -t1 -c"$conns" -d"${duration}s" --latency "$url" >"$raw/$n-$r.wrk.txt" 2>&1 || true
  c1="$(cpu_ticks "$server_pid")"; w1="$(date +%s%N)"
  # share of one CPU the server used during the measured run: well under 100 % while wrk is
  # saturated means the server was waiting (or something else ran on its CPU)
  cpu="$(awk -v c=$((c1 - c0)) -v hz="$(getconf CLK_TCK)" -v ns=$((w1 - w0)) 'BEGIN { printf "%.0f", 100 * c / hz / (ns / 1e9) }')"
  out="$raw/$n-$r.wrk.txt"
  rps="$(awk '/^Requests\/sec:/ { print $2 }' "$out")"
  if [ -z "$rps" ]; then
    echo "framework-load.sh: $r: wrk gave no result; see $out" >&2
    rows+=("| $r | \`$path\` | n/a | | | | wrk failed |")
    continue
  fi
  p50="$(ms "$(awk '/^ +50% / { print $2 }' "$out")")"
  p99="$(ms "$(awk '/^ +99% / { print $2 }' "$out")")"
  errors="$(awk '/Socket errors:/ { gsub(/,/, ""); s = $4 + $6 + $8 + $10 } /Non-2xx or 3xx/ { n = $NF }
                 END { if (s + n > 0) printf "socket errors %d, non-2xx %d", s, n }' "$out")"
  printf 'framework-load.sh: %-12s %12s req/s  p50 %8s ms  p99 %8s ms  server CPU %s %% %s\n' "$r" "$rps" "$p50" "$p99" "$cpu" "$errors" >&2
  rows+=("| $r | \`$path\` | $(thousands "$rps") | $p50 | $p99 | $cpu | $errors |")
  sleep 1
done

rss_mb=$(( $(awk '/^VmRSS:/ { print $2 }' "/proc/$server_pid/status" 2>/dev/null || echo 0) / 1024 ))
stop_server
trap - EXIT INT TERM

{
  echo "# Framework load run $ts${label:+ ($label)}"
  echo
  echo "- app: \`dev.aurora.benchmarks.FrameworkLoadApp\` from \`benchmarks/target/benchmarks.jar\` (commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)$([ -z "$(git -C "$root" status --porcelain -- aurora benchmarks/src benchmarks/pom.xml 2>/dev/null)" ] || echo ', with local changes'))"
  echo "- host: $(nproc --all) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')), kernel $(uname -r); loadavg at start $loadavg0, at end $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- jdk: $("$JAVA_HOME/bin/java" -version 2>&1 | sed -n 2p); flags: \`$PERF_JVM_FLAGS\`"
  echo "- server \`taskset -c $server_cpu\`, wrk \`taskset -c $load_cpu\`: \`wrk -t1 -c$conns -d${duration}s --latency\` after a ${warmup} s warm-up run, per recipe, one JVM for all recipes in this order"
  echo "- startup ${startup_ms} ms (launch to first 200 on /plaintext); RSS after the last recipe ${rss_mb} MB"
  echo
  echo "| recipe | path | req/s | p50 ms | p99 ms | server CPU % | errors |"
  echo "|---|---|---:|---:|---:|---:|---|"
  printf '%s\n' "${rows[@]}"
} >"$md"

echo
cat "$md"
echo
echo "framework-load.sh: written to $md" >&2
