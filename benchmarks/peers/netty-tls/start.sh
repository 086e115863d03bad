#!/usr/bin/env bash
# Runs the Netty HTTPS peer in the foreground on 127.0.0.1:PORT:  start.sh PORT CERT.pem KEY.pem
# JDK and JVM flags come from <perf dir>/peers/common.sh (the same as every JVM peer and as Aurora in
# tls-load.sh); the perf dir is $PERF_DIR, else ../shared/perf next to the repository root.
# Build first: mvn -B -q -f benchmarks/peers/netty-tls/pom.xml package (tls-load.sh does it).
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 PORT CERT.pem KEY.pem" >&2; exit 2; }
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../run-peer.sh
source "$here/../run-peer.sh"
run_peer "$here" perf.NettyTlsPeer "$@"
