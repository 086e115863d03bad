#!/usr/bin/env bash
# Heap allocation and GC of the hello example under wrk load: bytes allocated per request and young
# collections per recipe, from a JFR recording that covers exactly the measured run.
#
#   benchmarks/gc-load.sh                        # plaintext and json, 10 s each after a 5 s warm-up
#   GC_DURATION=20 benchmarks/gc-load.sh json    # recipes: plaintext, json, param
#   LOAD_SKIP_BUILD=1 benchmarks/gc-load.sh      # reuse the last build (see load.sh)
#
# Same JDK and JVM flags as the load comparison (<perf dir>/peers/common.sh). Server pinned to CPU 0,
# wrk -t1 -c64 to CPU 1. For each recipe: warm-up wrk run; JFR.start with only
# jdk.ThreadAllocationStatistics (emitted at the start and end of the recording) and
# jdk.GarbageCollection; measured wrk run; JFR.stop. Allocated bytes = the growth of every thread's
# allocation counter over the recording (virtual threads allocate on their carrier's counter);
# per request = that / the requests wrk completed. Needs wrk, curl, taskset, python3.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
perf_dir="${PERF_DIR:-$root/../shared/perf}"
# shellcheck source=/dev/null
source "$perf_dir/peers/common.sh"
duration="${GC_DURATION:-10}"
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

taskset -c 0 "$here/aurora-start.sh" "$port" > "$out/server.log" 2>&1 &
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
  echo "- jdk: $("$JAVA_HOME/bin/java" -version 2>&1 | sed -n 2p)"
  echo "- jvm_flags: $PERF_JVM_FLAGS"
  echo "- load: wrk -t1 -c64 -d${duration}s (after a 5 s warm-up), server taskset -c 0, wrk taskset -c 1"
  echo
  echo "| recipe | requests | req/s | allocated MB | bytes/request | young GCs | GC pause ms |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
} > "$summary"

for recipe in "${recipes[@]}"; do
  url="http://127.0.0.1:$port$(path_of "$recipe")"
  taskset -c 1 wrk -t1 -c64 -d5s "$url" > "$out/$recipe-warmup.txt"
  "$JAVA_HOME/bin/jcmd" "$pid" JFR.start name=alloc settings="$out/alloc.jfc" > /dev/null
  taskset -c 1 wrk -t1 -c64 -d"${duration}s" "$url" > "$out/$recipe-wrk.txt"
  "$JAVA_HOME/bin/jcmd" "$pid" JFR.stop name=alloc filename="$out/$recipe.jfr" > /dev/null
  "$JAVA_HOME/bin/jfr" print --json --events jdk.ThreadAllocationStatistics,jdk.GarbageCollection \
      "$out/$recipe.jfr" > "$out/$recipe.json"
  python3 - "$recipe" "$out/$recipe.json" "$out/$recipe-wrk.txt" >> "$summary" <<'PY'
import json, re, sys
recipe, events_file, wrk_file = sys.argv[1:4]
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
print(f"| {recipe} | {requests:,} | {rps:,.0f} | {allocated / 1e6:,.1f} | {allocated / requests:,.0f} | {gcs} | {pause_ns / 1e6:,.1f} |")
PY
done
cat "$summary"
echo "gc-load.sh: table in $summary, raw files in $out/" >&2
