# Shared by the benchmark scripts (framework-load.sh, overload.sh, upload-heap.sh, jmh.sh);
# source it, do not run it.

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

# Major version of a java executable ("21", "25", ...), or 0 if it does not run.
java_major() {
  local v
  v="$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n1)" || true
  case "$v" in
    1.*) echo "${v#1.}" | cut -d. -f1 ;;
    "") echo 0 ;;
    *) echo "${v%%.*}" ;;
  esac
}

# find_java [HOME...]: the java of the first HOME whose java is >= 21, else of the newest JDK >= 21
# under /usr/lib/jvm (then ~/.sdkman/candidates/java, /opt/java); fails if there is none.
find_java() {
  local candidate major best="" best_major=0
  for candidate in "$@"; do
    if [[ -n "$candidate" && -x "$candidate/bin/java" ]]; then
      major="$(java_major "$candidate/bin/java")"
      if (( major >= 21 )); then
        echo "$candidate/bin/java"
        return 0
      fi
    fi
  done
  for candidate in /usr/lib/jvm/*/ "$HOME"/.sdkman/candidates/java/*/ /opt/java/*/; do
    candidate="${candidate%/}"
    [[ -x "$candidate/bin/java" && ! -L "$candidate" ]] || continue
    major="$(java_major "$candidate/bin/java")"
    if (( major >= 21 && major > best_major )); then
      best="$candidate/bin/java"
      best_major="$major"
    fi
  done
  if [[ -n "$best" ]]; then
    echo "$best"
    return 0
  fi
  return 1
}
