#!/usr/bin/env bash
# End-to-end benchmark of article-exporter: generates N sample-sized articles (17 slides, seed 42,
# files of 20) and times real exports, each in a fresh output folder and database:
#   both formats, pdf only, epub only, and a re-run of "both" over the same input, output and database.
# For each: wall time, articles/s, ms/article, time from process start to the first output file,
# the steady per-article cost after it, peak RSS; then output bytes per article.
#
# Usage: bench/benchmark.sh [N] [--keep]        (N defaults to 3000)
# Environment: JAVA_OPTS  extra JVM options for the exports (default: none, i.e. the JVM's defaults)
#              BUILD_DIR  Maven build folder holding article-exporter.jar (default: target); the corpus
#                         generator is built into BUILD_DIR/bench/benchmarks.jar (./mvnw -Pbench)
# Exit status: 0, or 1 when the build, the corpus or an export fails.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
count=3000
keep=false
for arg in "$@"; do
  case "$arg" in
    --keep) keep=true ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *[!0-9]*|'') echo "usage: bench/benchmark.sh [N] [--keep]" >&2; exit 2 ;;
    *) count=$arg ;;
  esac
done
[ "$count" -ge 1 ] || { echo "N must be at least 1" >&2; exit 2; }

. "$root/.mvn/jdk.sh"
java="$JAVA_HOME/bin/java"
build_dir=${BUILD_DIR:-target}
jar="$root/$build_dir/article-exporter.jar"
java_opts=${JAVA_OPTS:-}
if [ ! -x /usr/bin/time ]; then
  echo "needs /usr/bin/time (GNU time; Debian/Ubuntu: apt-get install time)" >&2
  exit 1
fi
if [ ! -f "$jar" ]; then
  echo "Building $jar ..." >&2
  (cd "$root" && ./mvnw -q -Dbuild.dir="$build_dir" -Dmaven.test.skip=true -Dspring-javaformat.validate.skip=true package >&2)
fi
# The corpus generator (src/bench/java) is not in the application's jar: the bench profile builds it into
# benchmarks.jar, in a build folder of its own so that the exports measured run the jar users run.
bench_jar="$root/$build_dir/bench/benchmarks.jar"
if [ ! -f "$bench_jar" ] || [ -n "$(find "$root/src/bench" "$root/pom.xml" -newer "$bench_jar" -print 2>/dev/null | head -n 1)" ]; then
  echo "Building $bench_jar ..." >&2
  (cd "$root" && ./mvnw -q -Pbench -Dbuild.dir="$build_dir/bench" -Dmaven.test.skip=true -Dspring-javaformat.validate.skip=true -Dspring-boot.aot.skip=true \
    -Dspring-boot.repackage.skip=true package >&2)
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/article-exporter-bench.XXXXXX")
cleanup() { if $keep; then echo "Kept: $work" >&2; else rm -rf "$work"; fi; }
trap cleanup EXIT

load1() { cut -d ' ' -f 1 /proc/loadavg; }
now_ns() { date +%s%N; }

# ---- corpus -------------------------------------------------------------------------------------
corpus="$work/input"
generate=(--count "$count" --output "$corpus" --seed 42 --per-file 20 --slides 17)
"$java" -cp "$bench_jar" dev.articleexporter.bench.GenerateCommand "${generate[@]}" >&2

# Exports run the way users run them: through bin/article-exporter, which keeps a JVM class cache
# (AOT cache on JDK 25+, CDS on 21-24) learnt from an export. One small export first, so the
# measured runs start with the cache, as every run but the first after a build does.
exporter="$root/bin/article-exporter"
export ARTICLE_EXPORTER_TARGET="$root/$build_dir" # the launcher runs the jar of BUILD_DIR, not target's
mkdir -p "$work/warm-in"
cp "$(ls "$corpus"/*.json | head -n 1)" "$work/warm-in/"
JAVA_OPTS="$java_opts" "$exporter" export --input "$work/warm-in" --output "$work/warm-out" --db "$work/warm-db/x" >/dev/null 2>&1
# After a build that export recorded the class cache, which is then built in the background: wait for it,
# so that no measured export competes with it for the cores.
app="$ARTICLE_EXPORTER_TARGET/app" # where bin/article-exporter keeps it
for _ in $(seq 1 120); do
  compgen -G "$app/article-exporter.aotconf.*" >/dev/null || break
  sleep 0.5
done

# ---- one export ---------------------------------------------------------------------------------
# run_export NAME FORMATS OUTPUT DB: sets wall, rss_kb, first (s, or "-"), summary, load_after.
run_export() {
  local name=$1 formats=$2 out=$3 db=$4
  local log="$work/$name.log" timing="$work/$name.time" marker="$work/$name.start"
  mkdir -p "$out"
  touch "$marker"
  sleep 0.01 # file times have coarse resolution on some file systems: new files must be newer
  local start end status
  first="-"
  start=$(now_ns)
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
  JAVA_OPTS="$java_opts" /usr/bin/time -f '%e %M' -o "$timing" "$exporter" export --input "$corpus" --output "$out" \
    --db "$db" --formats "$formats" >"$log" 2>&1 &
  local pid=$!
  # Poll every 10 ms for the first finished file (written as a hidden .part file, then renamed).
  while kill -0 "$pid" 2>/dev/null; do
    if [ -n "$(find "$out" -maxdepth 1 \( -name '*.pdf' -o -name '*.epub' \) -newer "$marker" -print -quit)" ]; then
      end=$(now_ns)
      first=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
      break
    fi
    sleep 0.01
  done
  status=0
  wait "$pid" || status=$?
  if [ "$status" -ne 0 ]; then
    echo "error: export '$name' exited with $status; its output:" >&2
    tail -n 30 "$log" >&2
    exit 1
  fi
  read -r wall rss_kb <"$timing"
  summary=$(grep -m 1 -E '^Run [0-9]+ ' "$log" || true)
  load_after=$(load1)
  local exported unchanged
  exported=$(sed -n 's/.* \([0-9][0-9]*\) exported.*/\1/p' <<<"$summary")
  unchanged=$(sed -n 's/.* \([0-9][0-9]*\) unchanged.*/\1/p' <<<"$summary")
  if [ $(( ${exported:-0} + ${unchanged:-0} )) -ne "$count" ]; then
    echo "error: export '$name' exported ${exported:-?} (${unchanged:-0} unchanged) of $count articles: $summary" >&2
    exit 1
  fi
}

rows=()
# row LABEL: one line of the results table from the last run_export.
row() {
  local label=$1
  rows+=("$(awk -v l="$label" -v n="$count" -v w="$wall" -v f="$first" -v r="$rss_kb" -v la="$load_after" -v s="$summary" '
    BEGIN {
      steady = (f == "-") ? "-" : sprintf("%.2f", (w - f) * 1000 / n)
      job = s; sub(/^Run [0-9]+ [A-Z]+ in /, "", job); sub(/ s:.*/, "", job)
      printf "%-30s %7.2f %7.1f %8.2f %8s %8s %10s %8.0f %6s",
        l, w, n / w, w * 1000 / n, (f == "-" ? "-" : f), steady, job, r / 1024, la
    }')")
}

# ---- the file system ----------------------------------------------------------------------------
# Creating a file costs far more on some file systems at some times: ext4 without a journal, for about
# five minutes after many files were deleted nearby (a previous benchmark's cleanup, say), scans past
# every recently deleted inode at each new file (seen here: 0.06 ms a file, then 0.9 ms). An export
# creates two files per article, so this is measured and reported (1,000 files of 4 KB, written by the
# shell itself), and while it is over 0.3 ms the benchmark waits, up to 6 minutes, re-measuring every
# 30 s: it measures the exporter, not the file system's recovery. The probe files are kept until the end.
probes=0
probe_disk() {
  probes=$((probes + 1))
  local dir="$work/fs-probe-$probes" start i
  mkdir -p "$dir"
  start=$(now_ns)
  for i in $(seq 1 1000); do printf '%s' "$blob" >"$dir/f$i"; done
  probe_ms=$(awk -v a="$start" -v b="$(now_ns)" 'BEGIN { printf "%.3f", (b - a) / 1e6 / 1000 }')
}
blob=$(head -c 4096 /dev/zero | tr '\0' x)
probe_disk
waited=0
while awk -v p="$probe_ms" 'BEGIN { exit !(p > 0.3) }' && [ "$waited" -lt 360 ]; do
  echo "Creating a file takes $probe_ms ms on this disk now (usually after many deletions); waiting 30 s ..." >&2
  sleep 30
  waited=$((waited + 30))
  probe_disk
done

load_before=$(load1)
run_export both pdf,epub "$work/out-both" "$work/db-both/exporter"
row "both formats (pdf+epub)"
both_out="$work/out-both"
run_export pdf pdf "$work/out-pdf" "$work/db-pdf/exporter"
row "pdf only"
run_export epub epub "$work/out-epub" "$work/db-epub/exporter"
row "epub only"
run_export rerun pdf,epub "$both_out" "$work/db-both/exporter"
row "re-run of both, unchanged"
rerun_summary=$summary

bytes() { find "$both_out" -maxdepth 1 -name "*.$1" -printf '%s\n' | awk -v n="$count" '{ s += $1 } END { printf "%.1f", s / n / 1024 }'; }
pdf_kb=$(bytes pdf)
epub_kb=$(bytes epub)

# ---- report -------------------------------------------------------------------------------------
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$(git -C "$root" status --porcelain --untracked-files=no 2>/dev/null | head -n 1)
echo
echo "article-exporter benchmark: $count articles of 17 slides (seed 42, files of 20), commit $commit${dirty:+ (with local changes)}"
echo "machine: $(nproc) cores, $(uname -m), ${cpu:-unknown CPU}, $(free -g 2>/dev/null | awk '/^Mem:/ { print $2 " GB RAM" }')"
echo "java:    $("$java" -version 2>&1 | head -n 1); JAVA_OPTS: ${java_opts:-(none)}"
echo "load:    $load_before before the first export (1-minute load average; $(nproc) cores)"
echo "disk:    $probe_ms ms to create and write a file of 4 KB, from the shell ($(df -PT "$work" | awk 'NR == 2 { print $2 }') at $work)$([ "$waited" -gt 0 ] && echo "; waited $waited s for it")"
echo
printf '%-30s %7s %7s %8s %8s %8s %10s %8s %6s\n' "export" "wall s" "art/s" "ms/art" "first s" "steady" "in-run s" "RSS MB" "load"
for r in "${rows[@]}"; do echo "$r"; done
echo
echo "output: PDF $pdf_kb KB/article, EPUB $epub_kb KB/article (sizes of the files of 'both formats')"
echo "re-run: $rerun_summary"
echo
echo "wall s:   process start to exit (/usr/bin/time), JVM and Spring start-up included"
echo "art/s:    N / wall;  ms/art: wall / N, start-up included"
echo "first s:  process start to the first finished output file (polled every 10 ms)"
echo "steady:   (wall - first) / N in ms: the per-article cost once running"
echo "in-run s: the time the export's own summary line reports;  RSS MB: peak resident set size"
echo "load:     1-minute load average right after the export"
