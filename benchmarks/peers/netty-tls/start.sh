#!/usr/bin/env bash
# Runs the Netty HTTPS peer in the foreground on 127.0.0.1:PORT:  start.sh PORT CERT.pem KEY.pem
# JDK and JVM flags come from <perf dir>/peers/common.sh (the same as every JVM peer and as Aurora in
# tls-load.sh); the perf dir is $PERF_DIR, else ../shared/perf next to the repository root.
# Build first: mvn -B -q -f benchmarks/peers/netty-tls/pom.xml package (tls-load.sh does it).
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 PORT CERT.pem KEY.pem" >&2; exit 2; }
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
perf_dir="${PERF_DIR:-$root/../shared/perf}"
[ -f "$perf_dir/peers/common.sh" ] || { echo "start.sh: $perf_dir/peers/common.sh not found (set PERF_DIR)" >&2; exit 1; }
# shellcheck source=/dev/null
source "$perf_dir/peers/common.sh"
if [ ! -d "$here/target/lib" ] || [ ! -d "$here/target/classes" ]; then
  echo "$here is not built; run: mvn -B -q -f $here/pom.xml package" >&2
  exit 1
fi
# exec: the server keeps this script's PID, so the caller measures and stops exactly that process.
# PERF_JVM_FLAGS is a space-separated flag list by design (common.sh); leave it unquoted.
# shellcheck disable=SC2086
exec "$JAVA_HOME/bin/java" $PERF_JVM_FLAGS -cp "$here/target/classes:$here/target/lib/*" perf.NettyTlsPeer "$@"
