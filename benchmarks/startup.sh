#!/usr/bin/env bash
# Start-up of a command-line tool that embeds a server (issue 19): time from launch to the first
# response, whole-process wall time and peak RSS, for the JDK's com.sun.net.httpserver on virtual
# threads, avaje-jex 3.4, Aurora minimal (one text route, slf4j-nop) and Aurora as examples/hello
# (its aurora.toml, routes and its Logback Configurator; the request is GET /json). Each launcher
# (benchmarks/startup/) starts its server on port 0, makes one request to itself over a plain
# Socket, prints the times, stops the server and returns from main.
#
#   benchmarks/startup.sh                         # build, then every phase, 10 rounds each (~10 min)
#   benchmarks/startup.sh --rounds 3 --phases plain,exit --skip-build
#
# Phases (--phases, comma-separated; default plain,aot,exit,diagnose):
#   plain     N rounds, the launchers in an order that rotates every round; medians, and ratios to the
#             JDK server both of the medians and paired (median of the per-round ratios).
#   aot       the same with a JDK 25 AOT cache per launcher (JEP 483/514): one training run with
#             -XX:AOTCacheOutput, then runs with -XX:AOTCache and -XX:AOTMode=on (fails rather than
#             run without the cache).
#   exit      N rounds with and without -XX:UserThreadWaitAttemptsAtExit=0: how long the process
#             lives after main has returned (wall time minus main-return time).
#   diagnose  classes loaded per launcher by origin and package (-Xlog:class+load), and N rounds of
#             variants that price the parts: an empty main, Aurora minimal without an SLF4J provider,
#             the hello launcher with slf4j-nop, with Logback defaults, with the configuration as
#             logback.xml, as is.
#
# Times: the script reads bash's $EPOCHREALTIME (a builtin, no fork) just before it starts
# `/usr/bin/time -v java ...` and passes it as -Dlaunch.epoch.us; the launcher subtracts it from
# System.currentTimeMillis(). Wall time is $EPOCHREALTIME after the process has been reaped minus
# that start; peak RSS is /usr/bin/time's "Maximum resident set size" of the JVM. JVM flags are the
# defaults (what a command-line tool gets) plus the phase's own.
#
# Builds Aurora (./mvnw install -pl aurora -am) and benchmarks/startup (its own Maven project, not in
# the reactor), then copies aurora/target's jar over the one Maven put in each launcher's lib, so the
# runs use this checkout's Aurora even if another build has replaced the jar in ~/.m2.
# --skip-build reuses the last build. Runs on the newest JDK >= 21 (STARTUP_JAVA_HOME or JAVA_HOME
# first); the aot phase and the exit flag need 25. Summary: benchmarks/results/startup-<UTC time>.md
# and .tsv; each run's output, /usr/bin/time report and class-load log in
# benchmarks/results/startup-<UTC time>/ (not committed). Needs /usr/bin/time (apt-get install time).
set -euo pipefail
export LC_ALL=C # $EPOCHREALTIME uses the locale's decimal separator

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
sdir="$here/startup"

rounds=10 phases="plain,aot,exit,diagnose" skip_build=0
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="${2:?}"; shift 2;;
    --phases) phases="${2:?}"; shift 2;;
    --skip-build) skip_build=1; shift;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0;;
    *) echo "startup.sh: unknown argument $1 (see --help)" >&2; exit 2;;
  esac
done
[ -x /usr/bin/time ] || { echo "startup.sh: /usr/bin/time missing (apt-get install -y time)" >&2; exit 1; }

# shellcheck source=bench-lib.sh
source "$here/bench-lib.sh"
java="$(find_java "${STARTUP_JAVA_HOME:-}" "${JAVA_HOME:-}")" || { echo "startup.sh: no JDK >= 21 found" >&2; exit 1; }
java_home="$(cd "$(dirname "$java")/.." && pwd)"
major="$(java_major "$java")"

if [ "$skip_build" != 1 ]; then
  echo "startup.sh: building aurora and benchmarks/startup" >&2
  # JAVA_HOME must stay unset for the reactor (toolchains pick its JDK); the standalone launcher
  # project has no toolchain, so it gets this JDK as JAVA_HOME.
  (cd "$root" && env -u JAVA_HOME ./mvnw -q -B -ntp install -pl aurora -am -DskipTests) >&2
  # The hello launcher logs as the example does: its HelloLogging, compiled beside the launcher
  # (examples/hello is a module and is not installed, so it cannot be a dependency).
  mkdir -p "$root/benchmarks/startup/aurora-hello/target/example-sources/dev/aurora/examples/hello"
  cp "$root/examples/hello/src/main/java/dev/aurora/examples/hello/HelloLogging.java" \
    "$root/benchmarks/startup/aurora-hello/target/example-sources/dev/aurora/examples/hello/"
  # copy-dependencies adds to target/lib and never removes: an old version left there would sit on
  # the class path beside the new one.
  rm -rf "$sdir"/*/target/lib
  (cd "$root" && JAVA_HOME="$java_home" ./mvnw -q -B -ntp -f benchmarks/startup/pom.xml package) >&2
  for m in aurora-minimal aurora-hello; do
    cp "$root"/aurora/target/aurora-0.1.0-SNAPSHOT.jar "$sdir/$m/target/lib/"
  done
fi

# Class path of a module: its jar, then its lib jars in name order (an AOT cache needs the same
# class path in training and use, so no wildcard whose order the launcher decides).
module_cp() {
  local jar="$1" lib="$2" cp f
  cp="$jar"
  for f in "$lib"/*.jar; do cp="$cp:$f"; done
  echo "$cp"
}
# module_cp with some lib jars left out (grep -v pattern) and others added.
variant_cp() {
  local jar="$1" lib="$2" drop="$3" add="$4" cp f
  cp="$jar"
  for f in "$lib"/*.jar; do
    if [ -n "$drop" ] && [[ "$(basename "$f")" =~ $drop ]]; then continue; fi
    cp="$cp:$f"
  done
  [ -z "$add" ] || cp="$cp:$add"
  echo "$cp"
}

declare -A cls cps
cls[jdk]=dev.aurora.startup.jdk.JdkLauncher
cls[jex]=dev.aurora.startup.jex.JexLauncher
cls[aurora-minimal]=dev.aurora.startup.minimal.AuroraMinimalLauncher
cls[aurora-hello]=dev.aurora.startup.hello.AuroraHelloLauncher
for m in jdk jex aurora-minimal aurora-hello; do
  [ -s "$sdir/$m/target/$m.jar" ] || { echo "startup.sh: $sdir/$m/target/$m.jar missing; build failed?" >&2; exit 1; }
  cps[$m]="$(module_cp "$sdir/$m/target/$m.jar" "$sdir/$m/target/lib")"
done
servers=(jdk jex aurora-minimal aurora-hello)

# Diagnosis variants: the floor (an empty main on the JDK launcher's class path), Aurora minimal
# without slf4j-nop, and the hello launcher with slf4j-nop instead of Logback, with Logback's
# defaults (no configuration), with the example's configuration as logback.xml, and as measured
# above (the example's Configurator in code).
nop_jar="$(ls "$sdir"/aurora-minimal/target/lib/slf4j-nop-*.jar)"
hello_noconfig="$sdir/aurora-hello/target/aurora-hello-noconfig.jar"
cls[floor]=dev.aurora.startup.Floor
cps[floor]="${cps[jdk]}"
cls[minimal-no-provider]="${cls[aurora-minimal]}"
cps[minimal-no-provider]="$(variant_cp "$sdir/aurora-minimal/target/aurora-minimal.jar" "$sdir/aurora-minimal/target/lib" '^slf4j-nop' '')"
cls[hello-nop]="${cls[aurora-hello]}"
cps[hello-nop]="$(variant_cp "$hello_noconfig" "$sdir/aurora-hello/target/lib" '^logback-' "$nop_jar")"
cls[hello-logback-defaults]="${cls[aurora-hello]}"
cps[hello-logback-defaults]="$(module_cp "$hello_noconfig" "$sdir/aurora-hello/target/lib")"
# The same configuration as the example's Configurator, read by Logback's XML configurator (Joran).
cls[hello-logback-xml]="${cls[aurora-hello]}"
cps[hello-logback-xml]="$(module_cp "$hello_noconfig" "$sdir/aurora-hello/target/lib"):$sdir/aurora-hello/xml"
variants=(floor aurora-minimal minimal-no-provider hello-nop hello-logback-defaults hello-logback-xml aurora-hello)

ts="$(date -u +%Y%m%dT%H%M%SZ)"
results="${PERF_RESULTS:-$here/results}"
raw="$results/startup-$ts"
md="$results/startup-$ts.md"
tsv="$results/startup-$ts.tsv"
mkdir -p "$raw/aot"
printf 'phase\tround\tserver\tfirst_response_ms\tmain_return_ms\twall_ms\tpeak_rss_kib\n' >"$tsv"

# run PHASE ROUND NAME [JVM FLAGS...]: one launch; appends a line to the TSV.
run() {
  local phase="$1" round="$2" name="$3" t0 t1 first ret rss log
  shift 3
  log="$raw/$phase-$name-$round"
  t0="$EPOCHREALTIME"
  if ! /usr/bin/time -v -o "$log.time" "$java" "$@" -Dhello.config="$root/examples/hello/aurora.toml" \
      -Dlaunch.epoch.us="${t0/./}" -cp "${cps[$name]}" "${cls[$name]}" >"$log.out" 2>"$log.err"; then
    echo "startup.sh: $name failed in $phase round $round; $log.err:" >&2
    cat "$log.err" >&2
    exit 1
  fi
  t1="$EPOCHREALTIME"
  first="$(sed -n 's/^first-response-ms=//p' "$log.out")"
  ret="$(sed -n 's/^main-return-ms=//p' "$log.out")"
  rss="$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$log.time")"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$phase" "$round" "$name" "$first" "$ret" \
    "$(( (${t1/./} - ${t0/./}) / 1000 ))" "$rss" >>"$tsv"
}

# rotated ROUND NAME...: the names, starting at position ROUND mod count.
rotated() {
  local r="$1" i n
  shift
  n=$#
  local -a names=("$@")
  for ((i = 0; i < n; i++)); do echo "${names[$(((r + i) % n))]}"; done
}

# median_of PHASE NAME COLUMN: median of a TSV column (4 first response, 5 main return, 6 wall, 7 RSS,
# 8 = 6 - 5, the time after main returned) over the phase's runs of NAME.
median_of() {
  awk -F'\t' -v p="$1" -v n="$2" -v c="$3" '$1 == p && $3 == n { print (c == 8 ? $6 - $5 : $c) }' "$tsv" |
    sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
# paired PHASE NAME COLUMN BASE: median over rounds of NAME's value / BASE's value in the same round.
paired() {
  awk -F'\t' -v p="$1" -v n="$2" -v c="$3" -v b="$4" '$1 == p && $3 == n { x[$2] = $c } $1 == p && $3 == b { y[$2] = $c }
    END { for (r in x) if ((r in y) && y[r] > 0) printf "%.4f\n", x[r] / y[r] }' "$tsv" |
    sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) printf "%.2f\n", v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 > 0 && a != "-") printf "%.2f", a / b; else printf "-" }'; }
mib() { awk -v k="$1" 'BEGIN { if (k == "-") print "-"; else printf "%.1f", k / 1024 }'; }

# table PHASE BASE NAME...: medians and ratios to BASE.
table() {
  local phase="$1" base="$2" name f w r bf bw br
  shift 2
  bf="$(median_of "$phase" "$base" 4)" bw="$(median_of "$phase" "$base" 6)" br="$(median_of "$phase" "$base" 7)"
  echo "| launcher | first response ms | / $base | paired | wall ms | / $base | paired | peak RSS MiB | / $base |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  for name in "$@"; do
    f="$(median_of "$phase" "$name" 4)" w="$(median_of "$phase" "$name" 6)" r="$(median_of "$phase" "$name" 7)"
    echo "| $name | $f | $(ratio "$f" "$bf") | $(paired "$phase" "$name" 4 "$base") | $w | $(ratio "$w" "$bw") | $(paired "$phase" "$name" 6 "$base") | $(mib "$r") | $(ratio "$r" "$br") |"
  done
}

has_phase() { [[ ",$phases," == *",$1,"* ]]; }

# classes LOG: class-load counts of one -Xlog:class+load:...:uptime log, by origin and by package
# group, with the uptime of each group's first load. Generated classes (lambdas, proxies) are named
# after the class that made them, so they count in its group as well as under "generated".
classes() {
  awk '
    / source: / {
      total++
      t = substr($1, 2, length($1) - 3) * 1000
      name = $2
      src = $0; sub(/^.* source: /, "", src)
      if (src ~ /^shared objects file/) o = "CDS/AOT archive"
      else if (src ~ /^jrt:/) o = "JDK, not archived (jrt:/)"
      else if (src ~ /\.jar$/) { o = src; sub(/^.*\//, "", o) }
      else o = "generated (lambdas, proxies, invoke)"
      origin[o]++
      g = "other JDK"
      if (name ~ /^dev\.aurora\.startup\./) g = "launcher + client"
      else if (name ~ /^dev\.aurora\./) g = "dev.aurora"
      else if (name ~ /^com\.fasterxml\.jackson\./) g = "com.fasterxml.jackson"
      else if (name ~ /^ch\.qos\.logback\./) g = "ch.qos.logback"
      else if (name ~ /^org\.slf4j\./) g = "org.slf4j"
      else if (name ~ /^io\.micrometer\./) g = "io.micrometer"
      else if (name ~ /^io\.avaje\./) g = "io.avaje"
      else if (name ~ /^(java\.lang\.invoke|jdk\.internal\.invoke|java\.lang\.runtime|jdk\.internal\.constant|java\.lang\.constant|jdk\.internal\.classfile|java\.lang\.classfile)\./) g = "java.lang.invoke, constant, classfile"
      else if (name ~ /^(java\.lang\.reflect|jdk\.internal\.reflect|jdk\.proxy)/) g = "reflection, proxies"
      else if (name ~ /^(sun\.nio|java\.nio|sun\.net|java\.net)\./) g = "java.net, java.nio, sun.nio, sun.net"
      else if (name ~ /^(com\.sun\.net\.httpserver|sun\.net\.httpserver)\./) g = "com.sun.net.httpserver"
      else if (name ~ /^(java\.util\.concurrent|jdk\.internal\.vm|java\.lang\.Virtual|java\.lang\.Thread|jdk\.internal\.misc\.Carrier)/) g = "java.util.concurrent, virtual threads"
      else if (name ~ /^(java\.util\.logging|sun\.util\.logging|jdk\.internal\.logger|java\.lang\.System\$Logger)/) g = "java.util.logging, System.Logger"
      else if (name ~ /^(java\.time|sun\.util\.calendar|java\.text|sun\.util\.locale|sun\.text)\./) g = "java.time, java.text, locale"
      else if (name ~ /^(javax\.xml|com\.sun\.org\.apache|jdk\.xml|org\.xml|jdk\.internal\.org\.xml)\./) g = "XML (JAXP)"
      else if (name ~ /^(java\.lang\.management|sun\.management|javax\.management|com\.sun\.management|jdk\.internal\.platform)\./) g = "management"
      else if (name ~ /^(java\.util\.regex)\./) g = "java.util.regex"
      group[g]++
      if (!(g in first)) first[g] = t
    }
    END {
      printf "total %d\n", total
      for (o in origin) printf "origin\t%s\t%d\n", o, origin[o]
      for (g in group) printf "group\t%s\t%d (%d ms)\n", g, group[g], first[g]
    }' "$1"
}

# marks PHASE NAME...: medians of the launchers' own marks over the phase's runs.
marks_table() {
  local phase="$1" name key
  shift
  echo "| launcher | main entered | config read | app built | server started | first response | main returns | process gone |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  for name in "$@"; do
    printf '| %s |' "$name"
    for key in mark-main mark-configured mark-created mark-started first-response main-return; do
      printf ' %s |' "$(cat "$raw/$phase-$name"-*.out | sed -n "s/^$key-ms=//p" | sort -n |
        awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }')"
    done
    printf ' %s |\n' "$(median_of "$phase" "$name" 6)"
  done
}

{
  echo "# Start-up, $ts"
  echo
  echo "\`benchmarks/startup.sh --rounds $rounds --phases $phases\`; $("$java" -version 2>&1 | sed -n 2p)"
  echo "($java); $(nproc) CPUs, load average at start $(cut -d' ' -f1-3 /proc/loadavg). Medians of $rounds runs."
} >"$md"

if has_phase plain; then
  echo "startup.sh: plain, $rounds rounds" >&2
  for ((r = 0; r < rounds; r++)); do
    for name in $(rotated "$r" "${servers[@]}"); do run plain "$r" "$name"; done
  done
  {
    echo; echo "## Default JVM flags"; echo; table plain jdk "${servers[@]}"
    echo; echo "Where the time goes, ms since launch (medians of the same runs; the launchers' marks):"; echo
    marks_table plain "${servers[@]}"
  } >>"$md"
fi

if has_phase aot; then
  if (( major < 25 )); then
    echo "startup.sh: aot needs JDK 25 ($java is $major); skipped" >&2
  else
    echo "startup.sh: aot, one training run per launcher, then $rounds rounds" >&2
    for name in "${servers[@]}"; do
      rm -f "$raw/aot/$name.aot"
      run aot-training 0 "$name" -XX:AOTCacheOutput="$raw/aot/$name.aot"
    done
    for ((r = 0; r < rounds; r++)); do
      for name in $(rotated "$r" "${servers[@]}"); do
        run aot "$r" "$name" -XX:AOTMode=on -XX:AOTCache="$raw/aot/$name.aot"
      done
    done
    {
      echo; echo "## With an AOT cache per launcher (-XX:AOTCache, trained by one run of the same launcher)"; echo
      table aot jdk "${servers[@]}"
      echo
      echo "Against the JDK server without a cache (the issue's target), first response:"
      echo
      bf="$(median_of plain jdk 4)"
      for name in "${servers[@]}"; do
        echo "- $name with its cache: $(median_of aot "$name" 4) ms, $(ratio "$(median_of aot "$name" 4)" "$bf") x the plain JDK server's $bf ms"
      done
      echo
      echo "Cache sizes: $(cd "$raw/aot" && for f in *.aot; do printf '%s %s MiB; ' "${f%.aot}" "$(mib $(( $(stat -c %s "$f") / 1024 )))"; done)"
    } >>"$md"
  fi
fi

if has_phase exit; then
  echo "startup.sh: exit, $rounds rounds with and without -XX:UserThreadWaitAttemptsAtExit=0" >&2
  exit_flags=()
  (( major >= 25 )) && exit_flags=(-XX:UserThreadWaitAttemptsAtExit=0)
  for ((r = 0; r < rounds; r++)); do
    for name in $(rotated "$r" "${servers[@]}"); do
      # Alternate which of the pair goes first, so neither always runs on a warmer page cache.
      if (( r % 2 )); then
        run exit-nowait "$r" "$name" "${exit_flags[@]}"; run exit-default "$r" "$name"
      else
        run exit-default "$r" "$name"; run exit-nowait "$r" "$name" "${exit_flags[@]}"
      fi
    done
  done
  {
    echo; echo "## Exit: time from main's return to the process's end"; echo
    echo "| launcher | after main, default ms | wall ms | after main, -XX:UserThreadWaitAttemptsAtExit=0 ms | wall ms |"
    echo "|---|---:|---:|---:|---:|"
    for name in "${servers[@]}"; do
      echo "| $name | $(median_of exit-default "$name" 8) | $(median_of exit-default "$name" 6) | $(median_of exit-nowait "$name" 8) | $(median_of exit-nowait "$name" 6) |"
    done
  } >>"$md"
fi

if has_phase diagnose; then
  echo "startup.sh: diagnose, class-load logs, then $rounds rounds of ${#variants[@]} variants" >&2
  {
    echo; echo "## Diagnosis: classes loaded (one run each, -Xlog:class+load; group: count (uptime of the first, ms))"; echo
  } >>"$md"
  logged=(floor "${servers[@]}" hello-nop hello-logback-defaults)
  for name in "${logged[@]}"; do
    run classload 0 "$name" -Xlog:class+load=info:file="$raw/classload-$name.log":uptime
    classes "$raw/classload-$name.log" >"$raw/classload-$name.txt"
  done
  {
    echo "| | $(printf '%s | ' "${logged[@]}")"
    echo "|---$(printf '|---:%.0s' "${logged[@]}")|"
    echo "| total | $(for n in "${logged[@]}"; do printf '%s | ' "$(sed -n 's/^total //p' "$raw/classload-$n.txt")"; done)"
    for kind in origin group; do
      awk -F'\t' -v k="$kind" '$1 == k { print $2 }' "$raw"/classload-*.txt | sort -u | while read -r key; do
        printf '| %s: %s | ' "$kind" "$key"
        for n in "${logged[@]}"; do
          printf '%s | ' "$(awk -F'\t' -v k="$kind" -v key="$key" '$1 == k && $2 == key { print $3 }' "$raw/classload-$n.txt" | head -n1)"
        done
        echo
      done
    done
  } >>"$md"
  # Does Aurora minimal start at all without Jackson on the class path?
  cps[minimal-no-jackson]="$(variant_cp "$sdir/aurora-minimal/target/aurora-minimal.jar" "$sdir/aurora-minimal/target/lib" '^jackson-' '')"
  cls[minimal-no-jackson]="${cls[aurora-minimal]}"
  t0="$EPOCHREALTIME"
  if "$java" -Dlaunch.epoch.us="${t0/./}" -cp "${cps[minimal-no-jackson]}" "${cls[minimal-no-jackson]}" \
      >"$raw/minimal-no-jackson.out" 2>"$raw/minimal-no-jackson.err"; then
    no_jackson="starts and answers: $(tr '\n' ' ' <"$raw/minimal-no-jackson.out")"
  else
    no_jackson="fails: $(grep -m1 -E 'Exception|Error' "$raw/minimal-no-jackson.err" || head -n1 "$raw/minimal-no-jackson.err")"
  fi
  for ((r = 0; r < rounds; r++)); do
    for name in $(rotated "$r" "${variants[@]}"); do run variants "$r" "$name"; done
  done
  {
    echo
    echo "Aurora minimal without the Jackson jars on the class path: $no_jackson"
    echo
    echo "## Diagnosis: variants ($rounds rounds, rotating order, default flags)"
    echo
    echo "floor: an empty main; minimal-no-provider: Aurora minimal without slf4j-nop; hello-nop: the hello"
    echo "launcher with slf4j-nop for Logback; hello-logback-defaults: with Logback but no configuration;"
    echo "hello-logback-xml: the example's configuration as logback.xml (Joran); aurora-hello: as a Configurator in code."
    echo
    table variants aurora-minimal "${variants[@]}"
    echo
    marks_table variants "${variants[@]}"
  } >>"$md"
fi

cat "$md"
echo "startup.sh: wrote $md and $tsv; raw runs in $raw" >&2
