#!/usr/bin/env bash
# A 1 GiB multipart upload (curl -F) to a server on a small heap: UploadHeapApp hashes the file part
# with SHA-256 without holding it, through ctx.formStream() (/stream: straight from the connection)
# and through ctx.form() (/form: the file waits in a temporary file, then is hashed from there).
# Reports per route the heap in use when the handler starts (after a System.gc()) and its peak
# (sampled every 5 ms), the most heap in use after any collection during the upload (what it keeps
# alive), collections, bytes allocated, upload time and throughput, and whether the hash and size
# the server saw match the file's.
#
#   benchmarks/upload-heap.sh                                   # build, then 1 GiB through both routes on -Xmx32m
#   benchmarks/upload-heap.sh --skip-build --size 64 --routes stream
#   benchmarks/upload-heap.sh --jvm-flags "-Xmx64m -XX:+UseG1GC"
#
# Options: --size MIB (file size, default 1024), --routes LIST (comma-separated, stream and/or form;
# default stream,form), --jvm-flags FLAGS (the server's, default "-Xmx32m -XX:+UseSerialGC"),
# --port N (first port tried, default 18390), --skip-build.
#
# The file is generated from /dev/urandom in a temporary directory (with the spool directory of
# /form) and deleted at the end; that directory needs --size MiB twice over. Writes the table to
# benchmarks/results/upload-<UTC time>.md; the server's log and GC log (-Xlog:gc) go to
# benchmarks/results/upload-<UTC time>/ (not committed). The server runs on the newest JDK >= 21
# (UPLOAD_JAVA_HOME or JAVA_HOME first), as jmh.sh finds it. Needs curl, sha256sum, ss.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

size_mib=1024 routes="stream,form" jvm_flags="-Xmx32m -XX:+UseSerialGC" first_port=18390 skip_build=0
while [ $# -gt 0 ]; do
  case "$1" in
    --size) size_mib="${2:?}"; shift 2;;
    --routes) routes="${2:?}"; shift 2;;
    --jvm-flags) jvm_flags="${2:?}"; shift 2;;
    --port) first_port="${2:?}"; shift 2;;
    --skip-build) skip_build=1; shift;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0;;
    *) echo "upload-heap.sh: unknown argument $1 (see --help)" >&2; exit 2;;
  esac
done

# shellcheck source=bench-lib.sh
source "$here/bench-lib.sh"
jar="$(bench_jar upload-heap.sh "$skip_build")"
java="$(find_java "${UPLOAD_JAVA_HOME:-}" "${JAVA_HOME:-}")" || { echo "upload-heap.sh: no JDK >= 21 found" >&2; exit 1; }

ts="$(date -u +%Y%m%dT%H%M%SZ)"
results="${PERF_RESULTS:-$here/results}"
raw="$results/upload-$ts"
md="$results/upload-$ts.md"
mkdir -p "$raw"
work="$(mktemp -d "${TMPDIR:-/tmp}/aurora-upload.XXXXXX")"
mkdir "$work/spool"

server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

free_mib="$(df -Pm "$work" | awk 'NR == 2 { print $4 }')"
if (( free_mib < 2 * size_mib + 512 )); then
  echo "upload-heap.sh: $work has $free_mib MiB free, needs $((2 * size_mib + 512))" >&2
  exit 1
fi

file="$work/upload.bin"
echo "upload-heap.sh: writing $size_mib MiB of /dev/urandom to $file" >&2
head -c "$((size_mib << 20))" /dev/urandom >"$file"
sha="$(sha256sum "$file" | cut -d' ' -f1)"
head -c "$((16 << 20))" /dev/urandom >"$work/warm-up.bin"

port="$(free_port "$first_port")"
log="$raw/server.log"
# shellcheck disable=SC2086
"$java" $jvm_flags "-Xlog:gc:file=$raw/gc.log" -cp "$jar" dev.aurora.benchmarks.UploadHeapApp "$port" "$work/spool" \
  >"$log" 2>&1 </dev/null &
server_pid=$!
for _ in $(seq 200); do
  grep -q listening "$log" 2>/dev/null && break
  kill -0 "$server_pid" 2>/dev/null || { echo "upload-heap.sh: server died:" >&2; cat "$log" >&2; exit 1; }
  sleep 0.05
done
grep -q listening "$log" || { echo "upload-heap.sh: server did not start" >&2; exit 1; }

upload() { # route file -> the server's answer line, then curl's "time_total size_upload"
  curl -sS --fail --max-time 1800 -F title=big -F "file=@$2;type=application/octet-stream" \
    -w '%{time_total} %{size_upload}\n' "http://127.0.0.1:$port/$1"
}
field() { echo "$1" | tr ' ' '\n' | awk -F= -v k="$2" '$1 == k { print $2 }'; }
mib() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }

rows=() failed=0
IFS=, read -r -a route_list <<<"$routes"
for route in "${route_list[@]}"; do
  upload "$route" "$work/warm-up.bin" >/dev/null   # JIT warm-up; the figures are reset per request
  out="$(upload "$route" "$file")"
  answer="$(echo "$out" | head -n1)"
  read -r seconds sent <<<"$(echo "$out" | tail -n1)"
  echo "$route: $answer time=${seconds}s" | tee -a "$raw/results.txt" >&2
  match=yes
  [ "$(field "$answer" sha256)" = "$sha" ] && [ "$(field "$answer" size)" = "$((size_mib << 20))" ] || { match=NO; failed=1; }
  left="$(find "$work/spool" -type f | wc -l)"
  [ "$left" = 0 ] || failed=1
  after_gc="$(mib "$(field "$answer" max_after_gc)")"
  [ "$(field "$answer" gcs)" != 0 ] || after_gc="no GC"
  rows+=("| $route | $(mib "$(field "$answer" heap_at_start)") | $(mib "$(field "$answer" peak_heap)") | $after_gc | $(mib "$(field "$answer" heap_max)") \
| $(field "$answer" gcs) | $(mib "$(field "$answer" allocated)") | $seconds | $(awk -v b="$sent" -v s="$seconds" 'BEGIN { printf "%.0f", b / 1048576 / s }') \
| $match | $left |")
done

{
  echo "# Upload heap: $size_mib MiB through curl -F ($ts)"
  echo
  echo "UploadHeapApp on $("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.runtime\.version = //p'), \`$jvm_flags\`; curl $(curl --version | head -n1 | cut -d' ' -f2); one upload at a time after a 16 MiB warm-up upload per route; file SHA-256 $sha."
  echo
  echo "| route | heap at start MiB | peak heap MiB | max heap after GC MiB | heap max MiB | GCs | allocated MiB | time s | MiB/s | SHA-256 and size match | temp files left |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|"
  printf '%s\n' "${rows[@]}"
} | tee "$md"
exit "$failed"
