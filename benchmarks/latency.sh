#!/usr/bin/env bash
# Tail latency of Aurora's hello example beside Netty and Helidon SE: p50, p99, p99.9 and max at 64
# and 1,000 connections, plaintext and json, several rounds, medians and ratios to Netty.
#
#   benchmarks/latency.sh                                  # 3 rounds x 3 peers x 2 recipes x 2 counts, ~13 min
#   benchmarks/latency.sh --rounds 1 --duration 3 --warmup 1 --connections 64
#   benchmarks/latency.sh --peer aurora-x=/path/start.sh   # another build or server (SCRIPT PORT)
#   LOAD_SKIP_BUILD=1 benchmarks/latency.sh ...            # reuse the last build of examples/hello
#
# Builds examples/hello like load.sh, then runs latency.py (all options: --help). Peers other than
# aurora are the shared harness's (<perf dir>/peers/NAME/start.sh; build them once with
# <perf dir>/build.sh). Summary: benchmarks/results/latency-<UTC time>.md; raw wrk outputs and
# server logs in benchmarks/results/latency-<UTC time>/ (not committed).
# Needs wrk, taskset and python3: apt-get install -y wrk util-linux python3
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
for tool in wrk taskset python3; do
  command -v "$tool" >/dev/null 2>&1 || { echo "latency.sh: $tool missing (apt-get install -y wrk util-linux python3)" >&2; exit 1; }
done
if [ "${LOAD_SKIP_BUILD:-0}" != 1 ]; then
  echo "latency.sh: building examples/hello" >&2
  (cd "$root" && env -u JAVA_HOME ./mvnw -q -B -pl examples/hello -am -DskipTests package \
      org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
      -DincludeScope=runtime -Dmdep.outputFile="$here/target/hello-classpath.txt")
fi
exec python3 "$here/latency.py" "$@"
