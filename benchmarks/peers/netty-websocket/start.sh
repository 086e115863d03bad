#!/usr/bin/env bash
# Runs the Netty WebSocket echo peer in the foreground on 127.0.0.1:PORT:  start.sh PORT
# JDK and JVM flags come from <perf dir>/peers/common.sh (the same as every JVM peer and as Aurora in
# websocket-load.sh); the perf dir is $PERF_DIR, else ../shared/perf next to the repository root.
# Build first: mvn -B -q -f benchmarks/peers/netty-websocket/pom.xml package (websocket-load.sh does it).
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 PORT" >&2; exit 2; }
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../run-peer.sh
source "$here/../run-peer.sh"
run_peer "$here" perf.NettyWebSocketPeer "$@"
