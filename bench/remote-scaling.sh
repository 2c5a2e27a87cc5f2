#!/usr/bin/env bash
# Remote partitioning on one machine, as far as it can show it: the same export of N generated
# articles (both formats) by one worker pinned to core 0, then by two workers pinned to cores 0 and 1
# (taskset), each worker with one consumer. The manager (embedded Artemis broker, PostgreSQL
# repository) is not pinned: it only sends the partitions and polls the repository.
# Prints, for each: the run's own time (the manager's "Run N COMPLETED in X s"), the manager's wall
# time, and the ratio of the two runs' times.
#
# Usage: bench/remote-scaling.sh [N] [--keep]     (N defaults to 600; partitions: 8 in both runs)
# Needs: taskset (util-linux), PostgreSQL (started the way .ci/run starts it: .ci/postgres.sh).
# Environment: BUILD_DIR  Maven build folder holding article-exporter.jar (default: target)
# Exit status: 0, or 1 when a run fails.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
count=600
keep=false
for arg in "$@"; do
  case "$arg" in
    --keep) keep=true ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
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
  local i=0
  for core in "$@"; do
    taskset -c "$core" "$exporter" worker --broker "tcp://127.0.0.1:$port" --db "$psql_url" --consumers 1 \
      --worker-id "$name-core$core" >"$work/$name-worker$i.log" 2>&1 &
    workers+=($!)
    i=$((i + 1))
  done
  local start; start=$(date +%s%N)
  "$exporter" export --input "$work/input" --output "$work/out-$name" --db "$psql_url" \
    --broker "embedded://127.0.0.1:$port" --workers "$#" --partitions 8 >"$work/$name-manager.log" 2>&1 || {
    cat "$work/$name-manager.log" >&2; exit 1; }
  wall_s=$(( ($(date +%s%N) - start) / 1000000 ))
  run_s=$(grep -oE '^Run [0-9]+ COMPLETED in [0-9.]+ s' "$work/$name-manager.log" | awk '{print $5}')
  for p in "${workers[@]}"; do kill "$p" 2>/dev/null || true; done
  wait "${workers[@]}" 2>/dev/null || true
  echo "$name: $(grep -E '^Run [0-9]+ ' "$work/$name-manager.log")  (manager wall $(printf '%d.%03d' $((wall_s / 1000)) $((wall_s % 1000))) s)"
}

one_run one 0
one=$run_s
one_run two 0 1
two=$run_s
python3 -c "print('ratio (one worker / two workers, run times): %.2fx' % ($one / $two))"
