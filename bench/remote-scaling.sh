#!/usr/bin/env bash
# Remote partitioning on one machine, as far as it can show it: the same export of N generated
# articles (both formats) by one worker pinned to core 0, then by two workers pinned to cores 0 and 1
# (taskset), each worker with one consumer. The manager (embedded Artemis broker, PostgreSQL
# repository) is not pinned: it only sends the partitions and polls the repository.
# The workers are started first (the run waits for them: --workers), so the times are rendering.
# Prints, for each: the run's own time (the manager's "Run N COMPLETED in X s"), the manager's wall
# time, and the ratio of the two runs' times.
#
# Usage: bench/remote-scaling.sh [N] [--keep]     (N defaults to 600)
# Needs: taskset (util-linux), PostgreSQL (started the way .ci/run starts it: .ci/postgres.sh).
# Environment: BUILD_DIR  Maven build folder holding article-exporter.jar (default: target)
#              PARTITIONS the runs' partitions, the same in both (default 16: small ones, so that the
#                         last one to finish leaves the other core idle only briefly)
# Exit status: 0, or 1 when a run fails.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
count=600
partitions=${PARTITIONS:-16}
keep=false
for arg in "$@"; do
  case "$arg" in
    --keep) keep=true ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *[!0-9]*|'') echo "usage: bench/remote-scaling.sh [N] [--keep]" >&2; exit 2 ;;
    *) count=$arg ;;
  esac
done
command -v taskset >/dev/null || { echo "needs taskset (util-linux)" >&2; exit 1; }
[ "$(nproc)" -ge 2 ] || { echo "needs at least 2 cores" >&2; exit 1; }

. "$root/.mvn/jdk.sh"
java="$JAVA_HOME/bin/java"
build_dir=${BUILD_DIR:-target}
export ARTICLE_EXPORTER_TARGET="$root/$build_dir"
exporter="$root/bin/article-exporter"
bench_jar="$root/$build_dir/bench/benchmarks.jar"
if [ ! -f "$bench_jar" ]; then
  (cd "$root" && ./mvnw -q -Pbench -Dbuild.dir="$build_dir/bench" -Dmaven.test.skip=true -Dspring-javaformat.validate.skip=true -Dspring-boot.aot.skip=true \
    -Dspring-boot.repackage.skip=true package >&2)
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/article-exporter-remote.XXXXXX")
workers=()
stop_all() {
  for p in "${workers[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  stop_test_postgres 2>/dev/null || true
  if $keep; then echo "Kept: $work" >&2; else rm -rf "$work"; fi
}
trap stop_all EXIT
. "$root/.ci/postgres.sh"
start_test_postgres >&2
base_url=$ARTICLE_EXPORTER_TEST_POSTGRES_URL

"$java" -cp "$bench_jar" dev.articleexporter.bench.GenerateCommand --count "$count" --output "$work/input" \
  --seed 42 --per-file 20 --slides 17 >&2

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# one_run NAME CORES...: one export with one worker per listed core; sets run_s and wall_s
one_run() {
  local name=$1; shift
  local schema="bench_${name}_$$"
  psql_url="${base_url}&currentSchema=$schema"
  PGPASSWORD=$CI_PG_PASSWORD "$(_ci_pg_bindir)/psql" -h 127.0.0.1 -p "$CI_PG_PORT" -U "$CI_PG_USER" -d "$CI_PG_DB" -qc "CREATE SCHEMA $schema" >&2
  local port; port=$(free_port)
  workers=()
  logs=()
  local i=0
  for core in "$@"; do
    taskset -c "$core" "$exporter" worker --broker "tcp://127.0.0.1:$port" --db "$psql_url" --consumers 1 \
      --worker-id "$name-core$core" >"$work/$name-worker$i.log" 2>&1 &
    workers+=($!)
    logs+=("$work/$name-worker$i.log")
    i=$((i + 1))
  done
  # The workers start first and are measured warm: the run's time is rendering, not JVM start-up.
  for log in "${logs[@]}"; do
    for _ in $(seq 1 600); do grep -qs "taking partitions" "$log" && break; sleep 0.1; done
  done
  local start; start=$(date +%s%N)
  "$exporter" export --input "$work/input" --output "$work/out-$name" --db "$psql_url" \
    --broker "embedded://127.0.0.1:$port" --workers "$#" --partitions "$partitions" >"$work/$name-manager.log" 2>&1 || {
    cat "$work/$name-manager.log" >&2; exit 1; }
  wall_s=$(( ($(date +%s%N) - start) / 1000000 ))
  # "Run 1 COMPLETED in 48.2 s: …" or "in 1 min 05 s: …", as seconds
  run_s=$(sed -n 's/^Run [0-9]* COMPLETED in \([^:]*\):.*/\1/p' "$work/$name-manager.log" | python3 -c '
import re, sys
t = sys.stdin.read()
h = re.search(r"(\d+) h", t); m = re.search(r"(\d+) min", t); s = re.search(r"([\d.]+) s", t)
print((int(h.group(1)) * 3600 if h else 0) + (int(m.group(1)) * 60 if m else 0) + (float(s.group(1)) if s else 0))')
  for p in "${workers[@]}"; do kill "$p" 2>/dev/null || true; done
  wait "${workers[@]}" 2>/dev/null || true
  echo "$name: $(grep -E '^Run [0-9]+ ' "$work/$name-manager.log")  (manager wall $(printf '%d.%03d' $((wall_s / 1000)) $((wall_s % 1000))) s)"
}

one_run one 0
one=$run_s
one_run two 0 1
two=$run_s
python3 -c "print('ratio (one worker / two workers, run times): %.2fx' % ($one / $two))"
