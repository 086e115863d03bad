# Shared by the benchmark scripts (load.sh, framework-load.sh, tls-load.sh, websocket-load.sh,
# overload.sh, upload-heap.sh, jmh.sh);
# source it, do not run it.

# require_tools NAME TOOL...: exits 1, naming the Debian packages to install, if a TOOL is not on
# PATH. NAME prefixes the message.
require_tools() {
  local name="$1" tool missing=() packages=()
  shift
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 && continue
    missing+=("$tool")
    case "$tool" in
      taskset) packages+=(util-linux);;
      ss) packages+=(iproute2);;
      *) packages+=("$tool");;
    esac
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "$name: missing ${missing[*]}; install with: apt-get install -y ${packages[*]}" >&2
    exit 1
  fi
}

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

# ms VALUE: a wrk latency value (123.45us, 1.23ms, 1.02s) in milliseconds.
ms() {
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) printf "%.2f", substr(v, 1, length(v) - 2) / 1000
    else if (v ~ /ms$/) printf "%.2f", substr(v, 1, length(v) - 2)
    else if (v ~ /s$/) printf "%.0f", substr(v, 1, length(v) - 1) * 1000
    else printf "%s", v }'
}

# thousands NUMBER: 74033.12 -> 74,033
thousands() {
  awk -v v="$1" 'BEGIN { s = sprintf("%.0f", v); o = ""
    while (length(s) > 3) { o = "," substr(s, length(s) - 2) o; s = substr(s, 1, length(s) - 3) }
    print s o }'
}

# cpu_ticks PID: user + system clock ticks of the process so far (all its threads).
cpu_ticks() {
  sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | awk '{ print $12 + $13 }'
}

# stop_pid NAME PID: SIGTERM, up to 10 s for the process to end, then SIGKILL; reaps it.
stop_pid() {
  local name="$1" pid="$2" i
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 100; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then
    echo "$name: server did not stop within 10 s after SIGTERM; SIGKILL" >&2
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}

# wrk_figures FILE: "req/s p50 p99 max errors" from a `wrk --latency` output (latencies in ms,
# errors = socket errors + non-2xx/3xx answers); nothing when wrk gave no result.
wrk_figures() {
  local out="$1" rps
  rps="$(awk '/^Requests\/sec:/ { print $2 }' "$out")"
  [ -n "$rps" ] || return 0
  echo "$rps" \
    "$(ms "$(awk '/^ +50% / { print $2 }' "$out")")" \
    "$(ms "$(awk '/^ +99% / { print $2 }' "$out")")" \
    "$(ms "$(awk '/^ +Latency / { print $4 }' "$out")")" \
    "$(awk '/Socket errors:/ { gsub(/,/, ""); s = $4 + $6 + $8 + $10 } /Non-2xx or 3xx/ { n = $NF }
            END { printf "%d", s + n }' "$out")"
}

# cpu_busy_ticks CPU: clock ticks CPU has spent on anything but idle and iowait since boot.
cpu_busy_ticks() {
  awk -v c="cpu$1" '$1 == c { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat
}

# harness_jdk NAME: sources $PERF_DIR/peers/common.sh (JAVA_HOME, PERF_JVM_FLAGS), so that Aurora and
# the peers run on the harness's JDK with its flags; when common.sh's JDK is missing or < 21, the
# newest JDK >= 21 that find_java finds. Exports PERF_JAVA_HOME for the peers' start.sh.
harness_jdk() {
  local java
  # shellcheck source=/dev/null
  source "$PERF_DIR/peers/common.sh"
  if [ ! -x "$JAVA_HOME/bin/java" ] || (( $(java_major "$JAVA_HOME/bin/java") < 21 )); then
    java="$(find_java)" || { echo "$1: no JDK >= 21 found (set PERF_JAVA_HOME)" >&2; return 1; }
    export PERF_JAVA_HOME="${java%/bin/java}"
    # shellcheck source=/dev/null
    source "$PERF_DIR/peers/common.sh"
  fi
  export PERF_JAVA_HOME="$JAVA_HOME"
}

# build_peer NAME PEER_DIR SKIP_BUILD: builds a standalone peer module (benchmarks/peers/...) with the
# harness JDK unless SKIP_BUILD is 1, and checks it is built.
build_peer() {
  local name="$1" peer="$2" skip="$3" here root
  here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
  root="$(cd "$here/.." && pwd)"
  if [ "$skip" != 1 ]; then
    echo "$name: building $peer" >&2
    (cd "$root" && ./mvnw -q -B -ntp -f "$peer/pom.xml" package) >&2
  fi
  [ -d "$peer/target/lib" ] || { echo "$name: $peer is not built; run without --skip-build" >&2; return 1; }
}

# cpu_shares SERVER_TICKS BUSY_TICKS NANOS: "server% other%" of one CPU over NANOS: the server's
# share, and the rest of that CPU's busy time (other processes on a shared machine).
cpu_shares() {
  awk -v c="$1" -v b="$2" -v hz="$(getconf CLK_TCK)" -v ns="$3" \
    'BEGIN { s = ns / 1e9 * hz; printf "%.0f %.0f\n", 100 * c / s, 100 * (b - c) / s }'
}

# median: stdin numbers -> the median (mean of the middle two for an even count); NA if none.
median() {
  grep -E '^-?[0-9.]+$' | sort -g | awk '{ a[NR] = $1 } END { if (NR == 0) print "NA"; else if (NR % 2) print a[(NR + 1) / 2];
                                                            else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

# ratio A B: A / B to two decimals; NA when either is NA or B is 0.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "NA" || b == "NA" || b == 0) print "NA"; else printf "%.2f", a / b }'; }
