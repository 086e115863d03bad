#!/usr/bin/env bash
# A/B load comparison of two Aurora checkouts ("same speed before and after a refactor"): builds the
# hello example of each, then runs the shared perf harness (<perf dir>/run.sh) with both as peers,
# aurora-before and aurora-after, beside helidon-se and netty, for N rounds, and prints per-recipe
# medians over the rounds and the after/before ratios of req/s, p50, p99 and max latency.
#
#   benchmarks/ab-load.sh /work/before /work/h-bench                    # 3 rounds, ~11 min
#   benchmarks/ab-load.sh --rounds 5 /work/before .                    # more rounds, tighter medians
#   benchmarks/ab-load.sh --rounds 1 --duration 2 --warmup 1 --recipes plaintext --peers '' A B  # smoke
#   benchmarks/ab-load.sh A B -- --connections 128                     # after --: passed to run.sh
#
# Arguments: BEFORE_DIR AFTER_DIR, two Aurora checkouts (repository roots, each with its own ./mvnw);
# they may be the same directory (an A/A run, which shows the noise).
#
# Options:
#   --rounds N        rounds (default 3). Each round is one run.sh invocation; the two Aurora builds
#                     swap places every round (before, after | after, before | before, after ...),
#                     so neither always runs first. Each peer is a fresh JVM in every round.
#   --recipes LIST    harness recipes (default plaintext,pipelined,json; echo also exists)
#   --peers LIST      reference peers run in every round (default helidon-se,netty; '' for none).
#                     Their spread over the rounds is the noise floor to read the ratios against.
#   --modes LIST      pinned and/or unpinned (default pinned: server on CPU 0, wrk on CPU 1)
#   --duration S      measured wrk seconds per recipe (default 10)
#   --warmup S        warm-up wrk seconds per recipe (default 5)
#   --label TEXT      free text for the summary
#   --skip-build      reuse the snapshots of the last build (benchmarks/target/ab/{before,after})
#
# Steps: for each checkout, `./mvnw -q -B -pl examples/hello -am -DskipTests package` plus
# maven-dependency-plugin:build-classpath (runtime scope), run in that checkout with JAVA_HOME
# unset (set AB_MVN_FLAGS, e.g. -o, for extra Maven flags); then the hello classes and the
# checkout's own jars on that class path are copied to benchmarks/target/ab/<side>/, so rebuilding
# a checkout during the run changes nothing; a start script per side there sources
# <perf dir>/peers/common.sh (the JDK and PERF_JVM_FLAGS of every JVM peer) and execs
# dev.aurora.examples.hello.HelloApp PORT 127.0.0.1. Then per round:
#   run.sh --peer aurora-before=... --peer aurora-after=... --only <peers>,aurora-before,aurora-after
#          --modes pinned --recipes plaintext,pipelined,json --duration 10 --warmup 5 [-- args]
# with PERF_RESULTS=benchmarks/results/ab-<UTC time>/ (raw, not committed). The summary goes to
# stdout and benchmarks/results/ab-<UTC time>.md.
#
# Reading it: wrk's one thread tops out near the fastest servers on plaintext/json, so a ratio
# near 1.00 there says "not slower than the load generator allows"; pipelined is the recipe that
# shows the server's own cost. On a shared machine treat a ratio as a difference only if it lies
# outside the per-round spread of both the Aurora rows and the reference peers.
#
# Environment: PERF_DIR (default ../shared/perf next to this repository), AB_MVN_FLAGS.
# Needs wrk, curl, taskset, ss, python3 (apt-get install -y wrk curl util-linux iproute2 python3).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
die() { echo "ab-load.sh: $*" >&2; exit 2; }

rounds=3 recipes="plaintext,pipelined,json" peers="helidon-se,netty" modes="pinned"
duration=10 warmup=5 label="" skip_build=0
pos=() extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="${2:?}"; shift 2;;
    --recipes) recipes="${2:?}"; shift 2;;
    --peers) [ $# -ge 2 ] || die "--peers needs a list ('' for none)"; peers="$2"; shift 2;;
    --modes) modes="${2:?}"; shift 2;;
    --duration) duration="${2:?}"; shift 2;;
    --warmup) warmup="${2:?}"; shift 2;;
    --label) label="${2:?}"; shift 2;;
    --skip-build) skip_build=1; shift;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0;;
    --) shift; extra=("$@"); break;;
    -*) die "unknown option $1 (see --help)";;
    *) pos+=("$1"); shift;;
  esac
done
[ ${#pos[@]} -eq 2 ] || die "want two checkouts: ab-load.sh [options] BEFORE_DIR AFTER_DIR (see --help)"
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || die "--rounds must be a positive number"

export PERF_DIR="${PERF_DIR:-$root/../shared/perf}"
PERF_DIR="$(cd "$PERF_DIR" 2>/dev/null && pwd)" || die "perf harness directory not found (set PERF_DIR)"
[ -x "$PERF_DIR/run.sh" ] && [ -f "$PERF_DIR/peers/common.sh" ] || die "$PERF_DIR/run.sh or peers/common.sh missing (set PERF_DIR)"
command -v python3 >/dev/null || die "needs python3"

declare -A dir=()
sides=(before after)
for i in 0 1; do
  d="$(cd "${pos[$i]}" 2>/dev/null && pwd)" || die "not a directory: ${pos[$i]}"
  [ -x "$d/mvnw" ] && [ -f "$d/examples/hello/pom.xml" ] || die "$d: not an Aurora checkout (no mvnw or examples/hello/pom.xml)"
  dir[${sides[$i]}]="$d"
done

ab="$here/target/ab"
mkdir -p "$ab"

build_side() { # side: build the checkout's hello example, snapshot classes + class path, write start script
  local side="$1" d="${dir[$1]}" snap="$ab/$1" cp_file entry new_cp="" n=0
  cp_file="$ab/$side-classpath.raw.txt"
  echo "ab-load.sh: [$side] building $d/examples/hello" >&2
  # shellcheck disable=SC2086
  (cd "$d" && env -u JAVA_HOME ./mvnw -q -B ${AB_MVN_FLAGS:-} -pl examples/hello -am -DskipTests package \
      org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
      -DincludeScope=runtime -Dmdep.outputFile="$cp_file") || die "[$side] build failed in $d"
  [ -s "$cp_file" ] && [ -d "$d/examples/hello/target/classes" ] || die "[$side] no classes or class path after the build"
  rm -rf "$snap"; mkdir -p "$snap/lib"
  cp -r "$d/examples/hello/target/classes" "$snap/classes"
  IFS=: read -r -a entries <"$cp_file" || true   # the file has no trailing newline
  for entry in "${entries[@]}"; do
    if [[ "$entry" == "$d"/* ]]; then   # the checkout's own modules (aurora jar): snapshot them
      n=$((n + 1)); cp -r "$entry" "$snap/lib/$n-$(basename "$entry")"; entry="$snap/lib/$n-$(basename "$entry")"
    fi
    new_cp="${new_cp:+$new_cp:}$entry"
  done
  echo "$new_cp" >"$snap/classpath.txt"
  {
    echo "commit: $(git -C "$d" rev-parse --short HEAD 2>/dev/null || echo unknown)$([ -z "$(git -C "$d" status --porcelain -- aurora examples 2>/dev/null)" ] || echo ' (with local changes in aurora/ or examples/)')"
    echo "checkout: $d"
    echo "built_utc: $(date -u '+%Y-%m-%d %H:%M:%S')"
  } >"$snap/build.txt"
  cat >"$snap/start.sh" <<EOF
#!/usr/bin/env bash
# Generated by benchmarks/ab-load.sh: Aurora hello example, $side = $d ($(sed -n 's/^commit: //p' "$snap/build.txt"))
set -euo pipefail
[ \$# -ge 1 ] || { echo "usage: \$0 PORT" >&2; exit 2; }
source "$PERF_DIR/peers/common.sh"
cd "$snap"   # no aurora.toml here: both sides run on the defaults plus PORT and host
# shellcheck disable=SC2086
exec "\$JAVA_HOME/bin/java" \$PERF_JVM_FLAGS -cp "$snap/classes:\$(cat "$snap/classpath.txt")" \\
  dev.aurora.examples.hello.HelloApp "\$1" 127.0.0.1
EOF
  chmod +x "$snap/start.sh"
}

if [ "$skip_build" = 1 ]; then
  for s in "${sides[@]}"; do [ -x "$ab/$s/start.sh" ] || die "--skip-build: $ab/$s/start.sh missing; run once without it"; done
else
  build_side before
  if [ "${dir[before]}" = "${dir[after]}" ]; then  # A/A: one build, two identical snapshots
    echo "ab-load.sh: [after] same checkout as before (A/A run): copying the before snapshot" >&2
    rm -rf "$ab/after"; cp -r "$ab/before" "$ab/after"
    sed -i "s#$ab/before#$ab/after#g; s#, before = #, after = #" "$ab/after/start.sh"
  else
    build_side after
  fi
fi

ts="$(date -u +%Y%m%dT%H%M%SZ)"
raw="$here/results/ab-$ts"
summary="$here/results/ab-$ts.md"
mkdir -p "$raw"
only="${peers:+$peers,}aurora-before,aurora-after"
for r in $(seq 1 "$rounds"); do
  if [ $((r % 2)) = 1 ]; then order=(before after); else order=(after before); fi
  echo "ab-load.sh: round $r/$rounds (${order[0]} first), results in $raw" >&2
  mkdir -p "$raw/round-$r"
  PERF_RESULTS="$raw/round-$r" "$PERF_DIR/run.sh" \
    --peer "aurora-${order[0]}=$ab/${order[0]}/start.sh" \
    --peer "aurora-${order[1]}=$ab/${order[1]}/start.sh" \
    --only "$only" --modes "$modes" --recipes "$recipes" \
    --duration "$duration" --warmup "$warmup" \
    --label "ab round $r${label:+: $label}" "${extra[@]}" \
    >"$raw/round-$r.log" 2>&1 || { tail -20 "$raw/round-$r.log" >&2; die "round $r: run.sh failed (log: $raw/round-$r.log)"; }
  grep -E '^(== |   [a-z]+ )' "$raw/round-$r.log" >&2 || true
done

python3 - "$raw" "$summary" "$rounds" "$label" "$duration" "$warmup" "$ab/before/build.txt" "$ab/after/build.txt" <<'PY'
import csv, glob, os, statistics, sys
raw, summary, rounds, label, duration, warmup, bb, ba = sys.argv[1:9]
rows = []
for r in range(1, int(rounds) + 1):
    for tsv in sorted(glob.glob(os.path.join(raw, f"round-{r}", "*.tsv"))):
        with open(tsv) as f:
            for row in csv.DictReader(f, delimiter="\t"):
                row["round"] = r
                rows.append(row)

def num(v):
    try:
        return float(v)
    except (TypeError, ValueError):
        return None

def med(vals):
    vals = [v for v in vals if v is not None]
    return statistics.median(vals) if vals else None

def fmt(v, kind):
    if v is None:
        return "NA"
    if kind == "rps":
        return f"{v:,.0f}"
    if kind == "pct":
        return f"{v:.0f}"
    if kind == "ratio":
        return f"{v:.2f}"
    return f"{v:.2f}" if v < 100 else f"{v:.0f}"

def ratio(a, b):
    return a / b if a is not None and b not in (None, 0) else None

ok = [r for r in rows if r["status"].startswith("ok")]
failed = [r for r in rows if not r["status"].startswith("ok")]
modes = list(dict.fromkeys(r["mode"] for r in rows))
recipes = list(dict.fromkeys(r["recipe"] for r in rows))
peers = list(dict.fromkeys(r["peer"] for r in rows))
peers = [p for p in peers if not p.startswith("aurora-")] + ["aurora-before", "aurora-after"]

def sel(mode, recipe, peer):
    return [r for r in ok if r["mode"] == mode and r["recipe"] == recipe and r["peer"] == peer]

out = []
def builds(path):
    try:
        return dict(l.rstrip("\n").split(": ", 1) for l in open(path) if ": " in l)
    except OSError:
        return {}
b0, b1 = builds(bb), builds(ba)
out.append(f"# A/B load run {os.path.basename(raw)}{' (' + label + ')' if label else ''}")
out.append("")
out.append(f"- before: {b0.get('checkout', '?')} at {b0.get('commit', '?')}; after: {b1.get('checkout', '?')} at {b1.get('commit', '?')}")
out.append(f"- {rounds} round(s) of the shared harness (`run.sh`), the two Aurora builds swapping order every round; "
           f"wrk -t1 -c64, {warmup} s warm-up then {duration} s measured per recipe; raw: `{os.path.relpath(raw, os.path.dirname(summary))}/`")
env = glob.glob(os.path.join(raw, "round-1", "*", "env.txt"))
if env:
    for l in open(env[0]):
        if l.startswith(("host:", "jdk:", "jvm_flags:", "loadavg_at_start:")):
            out.append("- round 1 " + l.strip())
out.append("")
out.append("Medians over the rounds (min-max of req/s in brackets); latency in ms, NA for pipelined (wrk cannot time it).")
out.append("")
out.append("Server CPU % is the server's share of one CPU during the measured run: well under 90 in pinned mode means")
out.append("something else ran on its CPU, and that row measures the machine, not the build.")
out.append("")
out.append("| mode | recipe | peer | rounds | req/s median [min-max] | p50 | p99 | max | server CPU % |")
out.append("|---|---|---|---:|---:|---:|---:|---:|---:|")
for m in modes:
    for rc in recipes:
        for p in peers:
            s = sel(m, rc, p)
            if not s:
                continue
            rps = [num(r["rps"]) for r in s]
            rr = [v for v in rps if v is not None]
            rng = f" [{min(rr):,.0f}-{max(rr):,.0f}]" if len(rr) > 1 else ""
            out.append(f"| {m} | {rc} | {p} | {len(s)} | {fmt(med(rps), 'rps')}{rng} | "
                       f"{fmt(med(num(r['p50_ms']) for r in s), 'ms')} | {fmt(med(num(r['p99_ms']) for r in s), 'ms')} | "
                       f"{fmt(med(num(r['max_ms']) for r in s), 'ms')} | {fmt(med(num(r['server_cpu_pct']) for r in s), 'pct')} |")
out.append("")
out.append("After / before (ratio of the medians; req/s above 1 = after faster, latency below 1 = after faster). "
           "Per-round req/s ratios show the spread; the noise column is max/min of the reference peers' req/s over the rounds.")
out.append("")
out.append("| mode | recipe | req/s | p50 | p99 | max | per-round req/s ratios | noise (peers max/min) |")
out.append("|---|---|---:|---:|---:|---:|---|---|")
for m in modes:
    for rc in recipes:
        b, a = sel(m, rc, "aurora-before"), sel(m, rc, "aurora-after")
        if not b or not a:
            out.append(f"| {m} | {rc} | NA | | | | missing results | |")
            continue
        cols = [fmt(ratio(med(num(r[k]) for r in a), med(num(r[k]) for r in b)), "ratio") for k in ("rps", "p50_ms", "p99_ms", "max_ms")]
        per = []
        for rnd in sorted({r["round"] for r in b} & {r["round"] for r in a}):
            x = ratio(num(next(r for r in a if r["round"] == rnd)["rps"]), num(next(r for r in b if r["round"] == rnd)["rps"]))
            per.append(fmt(x, "ratio"))
        noise = []
        for p in peers:
            if p.startswith("aurora-"):
                continue
            v = [num(r["rps"]) for r in sel(m, rc, p)]
            v = [x for x in v if x]
            if len(v) > 1:
                noise.append(f"{p} {max(v) / min(v):.2f}")
        out.append(f"| {m} | {rc} | {' | '.join(cols)} | {', '.join(per)} | {', '.join(noise) or 'n/a (1 round or no peers)'} |")
if failed:
    out.append("")
    out.append("Not measured: " + "; ".join(f"round {r['round']} {r['mode']} {r['peer']} {r['recipe']}: {r['status']}" for r in failed))
text = "\n".join(out) + "\n"
open(summary, "w").write(text)
print(text)
PY
echo "ab-load.sh: summary in $summary, raw results in $raw/" >&2
