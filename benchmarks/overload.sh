#!/usr/bin/env bash
# Admitted latency under overload: OverloadApp (GET /work: a 5 ms query on a database that serves 8 at
# once, plus a little CPU) pinned to CPU 0,
# OverloadDriver (closed-loop keep-alive clients recording latency by status) pinned to CPU 1.
# For each server setting it runs an overload phase (many connections) and then a light phase (2
# connections) on the same server, to show the latency of the requests that were admitted and how
# fast the server recovers once the load drops.
#
#   benchmarks/overload.sh                          # build, then the default settings (~2 min)
#   benchmarks/overload.sh --duration 5 --skip-build
#   benchmarks/overload.sh --settings "0;8;16,64,100" --connections 512
#
# Options: --duration S (overload phase, default 10; the light phase is half of it), --connections N
# (overload phase, default 256), --settings LIST (';'-separated server settings, each
# MAX_CONCURRENT[,MAX_QUEUED[,QUEUE_TIMEOUT_MS]]; 0 = no limit; default "0;8;8,64,100"),
# --port N (default 18290), --skip-build.
#
# Prints a markdown table (per setting and phase: 200s per second, p50/p99/max of the 200s,
# 503s, errors) and writes it to benchmarks/results/overload-<UTC time>.md with the raw output.
# Uses the shared perf harness's JDK and JVM flags (<perf dir>/peers/common.sh). Needs taskset, ss.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
perf_dir="${PERF_DIR:-$root/../shared/perf}"
[ -f "$perf_dir/peers/common.sh" ] || { echo "overload.sh: $perf_dir/peers/common.sh not found (set PERF_DIR)" >&2; exit 1; }

duration=10 conns=256 first_port=18290 skip_build=0 settings="0;8;8,64,100"
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration="${2:?}"; shift 2;;
    --connections) conns="${2:?}"; shift 2;;
    --settings) settings="${2:?}"; shift 2;;
    --port) first_port="${2:?}"; shift 2;;
    --skip-build) skip_build=1; shift;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0;;
    *) echo "overload.sh: unknown argument $1 (see --help)" >&2; exit 2;;
  esac
done

# shellcheck source=bench-lib.sh
source "$here/bench-lib.sh"
jar="$(bench_jar overload.sh "$skip_build")"
# shellcheck source=/dev/null
source "$perf_dir/peers/common.sh"

ts="$(date -u +%Y%m%dT%H%M%SZ)"
results="${PERF_RESULTS:-$here/results}"
raw="$results/overload-$ts"
md="$results/overload-$ts.md"
mkdir -p "$raw"
port="$(free_port "$first_port")"

server_pid=""
stop_server() {
  [ -n "$server_pid" ] || return 0
  kill -TERM "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}
trap stop_server EXIT
taskset -cp 1 $$ >/dev/null

drive() { # connections seconds -> RESULT line
  # shellcheck disable=SC2086
  taskset -c 1 "$JAVA_HOME/bin/java" -Xmx1g -cp "$jar" dev.aurora.benchmarks.OverloadDriver "$port" "$1" "$2" | grep '^RESULT'
}
field() { echo "$1" | tr ' ' '\n' | awk -F= -v k="$2" '$1 == k { print $2 }'; }

rows=()
IFS=';' read -r -a setting_list <<<"$settings"
for s in "${setting_list[@]}"; do
  IFS=, read -r max queued timeout <<<"$s"
  queued="${queued:-0}" timeout="${timeout:-1000}"
  log="$raw/server-${max}-${queued}-${timeout}.log"
  # shellcheck disable=SC2086
  taskset -c 0 "$JAVA_HOME/bin/java" $PERF_JVM_FLAGS -cp "$jar" dev.aurora.benchmarks.OverloadApp \
    "$port" "$max" "$queued" "$timeout" >"$log" 2>&1 </dev/null &
  server_pid=$!
  until grep -q "listening" "$log" 2>/dev/null; do sleep 0.05; done
  drive 2 3 >/dev/null   # warm-up
  label="max $max, queue $queued"
  [ "$queued" = 0 ] || label="$label (${timeout} ms)"
  [ "$max" = 0 ] && label="no limit"
  for phase in overload light; do
    if [ "$phase" = overload ]; then c="$conns" d="$duration"; else c=2 d=$(( (duration + 1) / 2 )); fi
    r="$(drive "$c" "$d")"
    echo "$label $phase: $r" | tee -a "$raw/results.txt" >&2
    rows+=("| $label | $phase, $c connections | $(field "$r" ok_per_s) | $(field "$r" p50_ms) | $(field "$r" p99_ms) | $(field "$r" max_ms) | $(field "$r" refused) | $(field "$r" errors) |")
  done
  stop_server
done

{
  echo "# Overload: admitted latency ($ts)"
  echo
  echo "OverloadApp on CPU 0 ($(basename "$JAVA_HOME"), $PERF_JVM_FLAGS), OverloadDriver on CPU 1; GET /work: a 5 ms query on a pool of 8, plus ~0.05 ms of CPU."
  echo
  echo "| server | phase | 200/s | p50 ms (200s) | p99 ms (200s) | max ms (200s) | 503s | errors |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
} | tee "$md"
