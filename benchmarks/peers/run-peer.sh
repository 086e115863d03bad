# Sourced by the peers' start.sh, not run: run_peer PEER_DIR MAIN_CLASS ARGS... execs the peer's JVM
# with the JDK and flags of <perf dir>/peers/common.sh (the same as every JVM peer and as Aurora in the
# load scripts); the perf dir is $PERF_DIR, else ../shared/perf next to the repository root.
run_peer() {
  local here="$1" main="$2" root perf_dir
  shift 2
  root="$(cd "$here/../../.." && pwd)"
  perf_dir="${PERF_DIR:-$root/../shared/perf}"
  [ -f "$perf_dir/peers/common.sh" ] || { echo "start.sh: $perf_dir/peers/common.sh not found (set PERF_DIR)" >&2; exit 1; }
  # shellcheck source=/dev/null
  source "$perf_dir/peers/common.sh"
  if [ ! -d "$here/target/lib" ] || [ ! -d "$here/target/classes" ]; then
    echo "$here is not built; run: mvn -B -q -f $here/pom.xml package" >&2
    exit 1
  fi
  # exec: the server keeps the start.sh PID, so the caller measures and stops exactly that process.
  # PERF_JVM_FLAGS is a space-separated flag list by design (common.sh); leave it unquoted.
  # shellcheck disable=SC2086
  exec "$JAVA_HOME/bin/java" $PERF_JVM_FLAGS -cp "$here/target/classes:$here/target/lib/*" "$main" "$@"
}
