#!/usr/bin/env bash
# Runs ReportTool from a class-data cache, creating it on the first run: a JDK 25 AOT cache
# (JEP 483/514: classes loaded and linked ahead of time) or, on JDK 21-24, an AppCDS archive.
# The cache belongs to one JDK and one class path; after a rebuild it is made again.
#
#   examples/cli-embedded/run-cached.sh [ReportTool options] [DIRECTORY]
#
# CACHE_REQUIRED=1 makes the JVM fail rather than start without the cache (-XX:AOTMode=on, -Xshare:on).
# Java: $JAVA, else $JAVA_HOME/bin/java, else java on PATH, else the newest JDK in /usr/lib/jvm;
# it must be 21 or newer. Build first (from the repository root):
#   ./mvnw -q -pl examples/cli-embedded -am -DskipTests package
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
target="$here/target"
jar="$(ls "$target"/aurora-example-cli-embedded-*.jar 2>/dev/null | grep -v -e '-sources' -e '-javadoc' | head -n1 || true)"
[ -n "$jar" ] && [ -d "$target/lib" ] || {
  echo "run-cached.sh: build first: ./mvnw -q -pl examples/cli-embedded -am -DskipTests package" >&2
  exit 1
}

major_of() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
java=""
for candidate in "${JAVA:-}" "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java || true)" \
  $(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | sort -V -r); do
  [ -n "$candidate" ] && [ -x "$candidate" ] || continue
  major="$(major_of "$candidate")"
  if [ "${major:-0}" -ge 21 ] 2>/dev/null; then java="$candidate"; break; fi
done
[ -n "$java" ] || { echo "run-cached.sh: no Java 21 or newer found (set JAVA)" >&2; exit 1; }

# A fixed order: the cache records the class path and refuses another one.
cp="$jar"
for lib in "$target"/lib/*.jar; do cp="$cp:$lib"; done
main=dev.aurora.examples.cli.ReportTool
# One run of the tool that writes the cache (the JVM's notes go to a log unless it fails).
train() {
  "$java" "$1" -cp "$cp" "$main" --self-test "$here" >/dev/null 2>"$cache.log" || {
    cat "$cache.log" >&2
    echo "run-cached.sh: the training run failed" >&2
    exit 1
  }
}
if [ "$major" -ge 25 ]; then
  cache="$target/report-$major.aot"
  # Training: the tool fetches its own page once, so the request path is in the cache too.
  [ -s "$cache" ] || train -XX:AOTCacheOutput="$cache"
  # The server is stopped before main returns, so nothing needs the JVM's wait for threads in
  # native code at exit (about 300 ms for the JDK's I/O poller): skip it.
  mode=(); [ "${CACHE_REQUIRED:-0}" = 1 ] && mode=(-XX:AOTMode=on)
  exec "$java" -XX:AOTCache="$cache" "${mode[@]}" -XX:UserThreadWaitAttemptsAtExit=0 -cp "$cp" "$main" "$@"
else
  cache="$target/report-$major.jsa"
  [ -s "$cache" ] || train -XX:ArchiveClassesAtExit="$cache"
  flags=()
  [ "$major" -ge 22 ] && flags+=(-XX:UserThreadWaitAttemptsAtExit=0)
  [ "${CACHE_REQUIRED:-0}" = 1 ] && flags+=(-Xshare:on)
  exec "$java" -XX:SharedArchiveFile="$cache" "${flags[@]}" -cp "$cp" "$main" "$@"
fi
