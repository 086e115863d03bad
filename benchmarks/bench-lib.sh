# Shared by the scripts that run the benchmarks module's own servers (framework-load.sh,
# overload.sh); source it, do not run it.

# bench_jar NAME SKIP_BUILD: builds the shaded benchmarks jar unless SKIP_BUILD is 1, checks it
# exists, and prints its path. NAME prefixes the messages.
bench_jar() {
  local name="$1" skip="$2" here root
  here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
  root="$(cd "$here/.." && pwd)"
  if [ "$skip" != 1 ]; then
    echo "$name: building the benchmarks module" >&2
    # JAVA_HOME must stay unset for ./mvnw: the build picks its JDK (>= 21) through toolchains.
    (cd "$root" && env -u JAVA_HOME ./mvnw -q -B -Pbenchmarks -pl benchmarks -am -DskipTests package) >&2
  fi
  [ -s "$here/target/benchmarks.jar" ] || { echo "$name: $here/target/benchmarks.jar missing; build failed?" >&2; return 1; }
  echo "$here/target/benchmarks.jar"
}

# free_port FIRST: the first port from FIRST up that nothing listens on.
free_port() {
  local port="$1"
  while [ -n "$(ss -Htln "sport = :$port" 2>/dev/null)" ]; do port=$((port + 1)); done
  echo "$port"
}
