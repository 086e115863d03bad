#!/usr/bin/env bash
# Side-by-side load test: Aurora's hello example against Helidon SE, Netty and nginx, with the shared
# perf harness (<perf dir>/run.sh; see its README.md and CONTRACT.md).
#
#   benchmarks/load.sh                                 # the default comparison (~5 min)
#   benchmarks/load.sh --duration 5 --warmup 2         # extra arguments go to run.sh (later ones win)
#   benchmarks/load.sh --modes pinned,unpinned --label "run 2"
#   LOAD_SKIP_BUILD=1 benchmarks/load.sh ...           # reuse the last build of examples/hello
#   LOAD_LATENCY=0 benchmarks/load.sh                  # throughput recipes only
#
# Steps: builds examples/hello (and aurora) with ./mvnw from the repository root and writes its runtime
# class path to benchmarks/target/hello-classpath.txt (read by aurora-start.sh); then runs
#   run.sh --peer aurora=benchmarks/aurora-start.sh --only aurora,helidon-se,netty,nginx
#          --modes pinned --recipes plaintext,pipelined,json,echo [your arguments]
# run.sh builds missing JVM peers itself (<perf dir>/build.sh). Then the latency report: latency.sh
# (p50, p99, p99.9 and max at 64 and 1,000 connections, plaintext and json, beside Netty and Helidon
# SE; LOAD_LATENCY_ARGS, default "--rounds 1", are its arguments).
#
# Environment:
#   PERF_DIR      the harness (default: ../shared/perf next to the repository root)
#   PERF_RESULTS  where results go (default: benchmarks/results; run.sh writes <UTC time>.md/.tsv and
#                 a <UTC time>/ directory of raw wrk outputs, server logs and contract checks there)
# Needs wrk, curl, taskset, ss and nginx-light: apt-get install -y wrk nginx-light
#
# Routing and middleware under load (a route among 200, 5 middleware vs none) are not among the
# harness's fixed recipes: benchmarks/framework-load.sh measures them the same way (see README.md).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
export PERF_DIR="${PERF_DIR:-$root/../shared/perf}"
PERF_DIR="$(cd "$PERF_DIR" 2>/dev/null && pwd)" || { echo "load.sh: perf harness directory not found (set PERF_DIR)" >&2; exit 1; }
[ -x "$PERF_DIR/run.sh" ] || { echo "load.sh: $PERF_DIR/run.sh not found or not executable (set PERF_DIR)" >&2; exit 1; }

# shellcheck source=bench-lib.sh
source "$here/bench-lib.sh"
require_tools load.sh wrk curl taskset ss
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] \
  || echo "load.sh: warning: nginx not found (apt-get install -y nginx-light); the nginx peer will fail to start" >&2

if [ "${LOAD_SKIP_BUILD:-0}" != 1 ]; then
  echo "load.sh: building examples/hello" >&2
  # JAVA_HOME must stay unset for ./mvnw: the build picks its JDK (>= 21) through toolchains.
  (cd "$root" && env -u JAVA_HOME ./mvnw -q -B -pl examples/hello -am -DskipTests package \
      org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
      -DincludeScope=runtime -Dmdep.outputFile="$here/target/hello-classpath.txt")
fi
[ -s "$here/target/hello-classpath.txt" ] || { echo "load.sh: $here/target/hello-classpath.txt missing; build failed?" >&2; exit 1; }

export PERF_RESULTS="${PERF_RESULTS:-$here/results}"
mkdir -p "$PERF_RESULTS"
echo "load.sh: harness $PERF_DIR, results in $PERF_RESULTS" >&2
"$PERF_DIR/run.sh" \
  --peer "aurora=$here/aurora-start.sh" \
  --only aurora,helidon-se,netty,nginx \
  --modes pinned \
  --recipes plaintext,pipelined,json,echo \
  "$@"
if [ "${LOAD_LATENCY:-1}" != 0 ]; then
  # shellcheck disable=SC2086 # a space-separated argument list by design
  LOAD_SKIP_BUILD=1 "$here/latency.sh" ${LOAD_LATENCY_ARGS:---rounds 1}
fi
