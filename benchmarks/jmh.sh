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

# shellcheck source=bench-lib.sh
source "$here/bench-lib.sh"

if [[ ! -f "$jar" || "${JMH_BUILD:-0}" == 1 ]]; then
  # benchmarks/ is not in the default reactor: the -Pbenchmarks profile of the parent pom adds it.
  echo "jmh.sh: building $jar: ./mvnw -q -B -Pbenchmarks -pl benchmarks -am -DskipTests package" >&2
  (cd "$here/.." && env -u JAVA_HOME ./mvnw -q -B -Pbenchmarks -pl benchmarks -am -DskipTests package) || {
    echo "jmh.sh: build failed" >&2; exit 1; }
fi
if ! java="$(find_java "${JMH_JAVA_HOME:-}" "${JAVA_HOME:-}")"; then
  echo "jmh.sh: no JDK >= 21 found (set JMH_JAVA_HOME, or install one under /usr/lib/jvm)" >&2
  exit 1
fi
echo "jmh.sh: $java" >&2
exec "$java" -jar "$jar" "$@"
