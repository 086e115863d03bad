#!/usr/bin/env bash
# Perf-harness start script for Aurora's hello example (examples/hello, dev.aurora.examples.hello.HelloApp).
# Contract: <perf dir>/CONTRACT.md. Run as `aurora-start.sh PORT`: serves 127.0.0.1:PORT in the
# foreground; `exec` makes the server JVM the PID the harness records.
#
# Same JDK and JVM flags as every JVM peer: sources <perf dir>/peers/common.sh (JAVA_HOME = Temurin 25,
# PERF_JVM_FLAGS). The perf dir is $PERF_DIR, else ../shared/perf next to the repository root.
#
# Needs the hello example built and its runtime class path written by load.sh:
#   ./mvnw -q -pl examples/hello -am -DskipTests package \
#     org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
#     -DincludeScope=runtime -Dmdep.outputFile="$PWD/benchmarks/target/hello-classpath.txt"
set -euo pipefail

[ $# -ge 1 ] || { echo "usage: $0 PORT" >&2; exit 2; }
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
perf_dir="${PERF_DIR:-$root/../shared/perf}"
[ -f "$perf_dir/peers/common.sh" ] || { echo "aurora-start.sh: $perf_dir/peers/common.sh not found (set PERF_DIR)" >&2; exit 1; }
# shellcheck source=/dev/null
source "$perf_dir/peers/common.sh"

classes="$root/examples/hello/target/classes"
cp_file="$here/target/hello-classpath.txt"
if [ ! -d "$classes" ] || [ ! -s "$cp_file" ]; then
  echo "aurora-start.sh: hello example not built or $cp_file missing; run benchmarks/load.sh (or the build" >&2
  echo "  command at the top of this script) first" >&2
  exit 1
fi

# PERF_JVM_FLAGS is a space-separated flag list by design (common.sh); leave it unquoted.
# shellcheck disable=SC2086
exec "$JAVA_HOME/bin/java" $PERF_JVM_FLAGS -cp "$classes:$(cat "$cp_file")" \
  dev.aurora.examples.hello.HelloApp "$1" 127.0.0.1
