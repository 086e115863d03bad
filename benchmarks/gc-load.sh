#!/usr/bin/env bash
# Heap allocation and GC of the hello example under wrk load: bytes allocated per request and young
# collections per recipe, measured two independent ways: from a JFR recording that covers exactly
# the measured run, and from eden's growth over a short run that starts right after a full GC.
#
#   benchmarks/gc-load.sh                        # plaintext and json, 10 s each after a 5 s warm-up
#   GC_DURATION=20 benchmarks/gc-load.sh json    # recipes: plaintext, json, param
#   LOAD_SKIP_BUILD=1 benchmarks/gc-load.sh      # reuse the last build (see load.sh)
#   GC_START=../shared/perf/peers/netty/start.sh LOAD_SKIP_BUILD=1 benchmarks/gc-load.sh   # a peer, same method
#
# Same JDK and JVM flags as the load comparison (<perf dir>/peers/common.sh). Server pinned to CPU 0,
# wrk -t1 -c64 to CPU 1. For each recipe: warm-up wrk run; JFR.start with only
# jdk.ThreadAllocationStatistics (emitted at the start and end of the recording) and
# jdk.GarbageCollection; measured wrk run; JFR.stop. Allocated bytes = the growth of every thread's
# allocation counter over the recording (virtual threads allocate on their carrier's counter);
# per request = that / the requests wrk completed. Then the eden method: jcmd GC.run (a full GC
# empties eden), eden's fill and young GC count (jcmd GC.heap_info, jstat), wrk -d${GC_EDEN_SECONDS:-2}s, jstat again;
# allocated = eden's growth, plus one eden capacity per young GC that ran in between (then marked
# "~", an estimate). It counts every byte any thread allocated, TLAB remainders included, without
# JFR's sampling. Needs wrk, curl, taskset, python3.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
perf_dir="${PERF_DIR:-$root/../shared/perf}"
# shellcheck source=/dev/null
source "$perf_dir/peers/common.sh"
duration="${GC_DURATION:-10}"
eden_seconds="${GC_EDEN_SECONDS:-2}"
recipes=("$@")
[ ${#recipes[@]} -gt 0 ] || recipes=(plaintext json)
port="${GC_PORT:-18080}"
# Raw files (wrk outputs, .jfr, .json, server log) in results/gc-<UTC time>/ (not committed, see
# .gitignore); the table in results/gc-<UTC time>.md.
out="$here/results/gc-$(date -u +%Y%m%dT%H%M%SZ)"
summary="$out.md"
mkdir -p "$out"

if [ "${LOAD_SKIP_BUILD:-0}" != 1 ]; then
  (cd "$root" && env -u JAVA_HOME ./mvnw -q -B -pl examples/hello -am -DskipTests package \
      org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
      -DincludeScope=runtime -Dmdep.outputFile="$here/target/hello-classpath.txt")
fi

cat > "$out/alloc.jfc" <<'JFC'
<?xml version="1.0" encoding="UTF-8"?>
<configuration version="2.0" label="allocation per request">
  <event name="jdk.ThreadAllocationStatistics">
    <setting name="enabled">true</setting>
    <setting name="period">everyChunk</setting>
  </event>
  <event name="jdk.GarbageCollection">
    <setting name="enabled">true</setting>
    <setting name="threshold">0 ms</setting>
  </event>
</configuration>
JFC

start_script="${GC_START:-$here/aurora-start.sh}"
taskset -c 0 "$start_script" "$port" > "$out/server.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 200); do
  curl -fs "http://127.0.0.1:$port/plaintext" > /dev/null 2>&1 && break
  sleep 0.05
done

path_of() {
  case "$1" in
    plaintext) echo /plaintext ;;
    json) echo /json ;;
    param) echo /users/12345 ;;
    *) echo "gc-load.sh: unknown recipe $1" >&2; exit 2 ;;
  esac
}

{
  echo "# Allocation under load: $(date -u '+%Y-%m-%d %H:%M') UTC"
  echo
  echo "- server: $start_script"
  echo "- jdk: $("$JAVA_HOME/bin/java" -version 2>&1 | sed -n 2p)"
  echo "- jvm_flags: $PERF_JVM_FLAGS"
  echo "- load: wrk -t1 -c64 -d${duration}s (after a 5 s warm-up), server taskset -c 0, wrk taskset -c 1"
  echo
  echo "| recipe | requests | req/s | allocated MB | bytes/request (JFR) | young GCs | GC pause ms | bytes/request (eden) | eden run requests |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
} > "$summary"

# Prints "EDEN_USED_KB EDEN_CAPACITY_KB YOUNG_GCS" of the server: eden's bounds from jcmd
# GC.heap_info (read at the call; jstat's eden figure is refreshed only at collections, so it
# cannot be used here), the collection count from jstat.
eden() {
  local ygc
  ygc=$("$JAVA_HOME/bin/jstat" -gc "$pid" | python3 -c '
import sys
head, row = [l.split() for l in sys.stdin.read().strip().splitlines()[:2]]
print(dict(zip(head, row))["YGC"])')
  "$JAVA_HOME/bin/jcmd" "$pid" GC.heap_info | python3 -c '
import re, sys
m = re.search(r"eden space \d+K, +\d+% used \[0x([0-9a-f]+),0x([0-9a-f]+),0x([0-9a-f]+)\)", sys.stdin.read())
if not m:
    sys.exit("gc-load.sh: no eden space in GC.heap_info (the eden method needs -XX:+UseParallelGC)")
bottom, top, end = (int(x, 16) for x in m.groups())
print((top - bottom) / 1024, (end - bottom) / 1024, sys.argv[1])' "$ygc"
}

for recipe in "${recipes[@]}"; do
  url="http://127.0.0.1:$port$(path_of "$recipe")"
  taskset -c 1 wrk -t1 -c64 -d5s "$url" > "$out/$recipe-warmup.txt"
  "$JAVA_HOME/bin/jcmd" "$pid" JFR.start name=alloc settings="$out/alloc.jfc" > /dev/null
  taskset -c 1 wrk -t1 -c64 -d"${duration}s" "$url" > "$out/$recipe-wrk.txt"
  "$JAVA_HOME/bin/jcmd" "$pid" JFR.stop name=alloc filename="$out/$recipe.jfr" > /dev/null
  "$JAVA_HOME/bin/jfr" print --json --events jdk.ThreadAllocationStatistics,jdk.GarbageCollection \
      "$out/$recipe.jfr" > "$out/$recipe.json"
  "$JAVA_HOME/bin/jcmd" "$pid" GC.run > /dev/null
  read -r eu0 ec0 ygc0 < <(eden)
  taskset -c 1 wrk -t1 -c64 -d"${eden_seconds}s" "$url" > "$out/$recipe-eden-wrk.txt"
  read -r eu1 ec1 ygc1 < <(eden)
  echo "$eu0 $ec0 $ygc0 $eu1 $ec1 $ygc1" > "$out/$recipe-eden.txt"
  python3 - "$recipe" "$out/$recipe.json" "$out/$recipe-wrk.txt" "$out/$recipe-eden.txt" "$out/$recipe-eden-wrk.txt" >> "$summary" <<'PY'
import json, re, sys
recipe, events_file, wrk_file, eden_file, eden_wrk_file = sys.argv[1:6]
events = json.load(open(events_file))["recording"]["events"]
first, last = {}, {}
gcs, pause_ns = 0, 0
for e in events:
    v = e["values"]
    if e["type"] == "jdk.ThreadAllocationStatistics":
        tid = v["thread"]["javaThreadId"] if v.get("thread") else v.get("javaThreadId")
        first.setdefault(tid, v["allocated"])
        last[tid] = v["allocated"]
    elif e["type"] == "jdk.GarbageCollection":
        gcs += 1
        d = v["sumOfPauses"]
        m = re.match(r"PT([0-9.]+)S", d) if isinstance(d, str) else None
        pause_ns += float(m.group(1)) * 1e9 if m else 0
allocated = sum(last[t] - first[t] for t in last)
wrk = open(wrk_file).read()
requests = int(re.search(r"(\d+) requests in", wrk).group(1))
rps = float(re.search(r"Requests/sec:\s+([0-9.]+)", wrk).group(1))
eu0, ec0, ygc0, eu1, ec1, ygc1 = (float(x) for x in open(eden_file).read().split())
young = int(ygc1 - ygc0)
eden_bytes = ((eu1 - eu0) if young == 0 else (ec0 - eu0) + (young - 1) * ec0 + eu1) * 1024
eden_requests = int(re.search(r"(\d+) requests in", open(eden_wrk_file).read()).group(1))
mark = "" if young == 0 else "~"
print(f"| {recipe} | {requests:,} | {rps:,.0f} | {allocated / 1e6:,.1f} | {allocated / requests:,.0f} | {gcs} | "
      f"{pause_ns / 1e6:,.1f} | {mark}{eden_bytes / eden_requests:,.0f} | {eden_requests:,} |")
PY
done
cat "$summary"
echo "gc-load.sh: table in $summary, raw files in $out/" >&2
