#!/usr/bin/env bash
# Runs the JMH uber jar (benchmarks/target/benchmarks.jar) on a JDK >= 21, passing every argument to JMH.
#
#   benchmarks/jmh.sh RequestParse -prof gc          # one benchmark class, with allocation figures
#   benchmarks/jmh.sh -l                             # list benchmarks
#   benchmarks/jmh.sh -h                             # JMH options (-wi -w -i -r -f -p ...)
#
# JDK choice, first match wins: $JMH_JAVA_HOME, $JAVA_HOME (if its java is >= 21), else the newest
# JDK >= 21 under /usr/lib/jvm (then ~/.sdkman/candidates/java, /opt/java). JAVA_HOME is not needed.
# Builds the jar when it is missing, or always with JMH_BUILD=1 (from the repo root, JAVA_HOME unset;
# benchmarks/ is only in the reactor with the -Pbenchmarks profile):
#   ./mvnw -q -B -Pbenchmarks -pl benchmarks -am -DskipTests package
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$here/target/benchmarks.jar"

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

find_java() {
  local candidate major best="" best_major=0
  for candidate in "${JMH_JAVA_HOME:-}" "${JAVA_HOME:-}"; do
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

if [[ ! -f "$jar" || "${JMH_BUILD:-0}" == 1 ]]; then
  # benchmarks/ is not in the default reactor: the -Pbenchmarks profile of the parent pom adds it.
  echo "jmh.sh: building $jar: ./mvnw -q -B -Pbenchmarks -pl benchmarks -am -DskipTests package" >&2
  (cd "$here/.." && env -u JAVA_HOME ./mvnw -q -B -Pbenchmarks -pl benchmarks -am -DskipTests package) || {
    echo "jmh.sh: build failed" >&2; exit 1; }
fi
if ! java="$(find_java)"; then
  echo "jmh.sh: no JDK >= 21 found (set JMH_JAVA_HOME, or install one under /usr/lib/jvm)" >&2
  exit 1
fi
echo "jmh.sh: $java" >&2
exec "$java" -jar "$jar" "$@"
