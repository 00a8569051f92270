#!/usr/bin/env bash
# Reproducible benchmark: generates one business date of synthetic data (fixed seed), runs the nightly job
# on it against H2 and against PostgreSQL, and prints per-step items/s, end-to-end seconds (JVM start
# included) and peak memory (RSS of the process, and the heap).
#
#   jobs/benchmark.sh [ORDER_LINES] [h2|postgres|both]     default: 1000000 both
#
# PostgreSQL: BENCH_POSTGRES_URL (default jdbc:postgresql://127.0.0.1:5432/test), BENCH_POSTGRES_USER
# (default postgres); a schema recon_bench is dropped and recreated. Extra JVM options: BENCH_JAVA_OPTS
# (e.g. -Xmx512m). Work files go to BENCH_DIR (default target/benchmark). BENCH_PARTITIONS sets
# recon.partitions (default: one per core). BENCH_WORKERS=N (PostgreSQL only) starts N `recon worker`
# processes on this machine and runs the job with --workers remote over the local RabbitMQ.
# BENCH_REQUEST_PERCENT (default 25) is the share of orders with a cancellation request: 25 gives the scale
# issue's night, about 100,000 requests and 110,000 refunds per 1,000,000 order lines. BENCH_SETTLE_SECONDS
# (default 30) is the wait after deleting an earlier run's files in BENCH_DIR (see below). After the PostgreSQL
# run: `cases list --format csv` timed at the night's size and at BENCH_CASES (default 100,000) cases, and with
# BENCH_NEXT_LINES=N the next date with N new order lines on that store (the incremental night), and with
# BENCH_RERUN=1 a rerun of the first date (its cases step replays the cases).
# The grown store: BENCH_DAYS=N (default 1) generates N business dates of ORDER_LINES each, ending on the
# benchmark's date, and runs them in order (`run --catch-up`), so that BENCH_NEXT_LINES measures the next night on
# a store of N x ORDER_LINES lines over several dates; the next night's reconcile rate is printed beside the first
# night's.
set -euo pipefail
cd "$(dirname "$0")/.."

lines="${1:-1000000}"
stores="${2:-both}"
dir="${BENCH_DIR:-target/benchmark}"
pg_url="${BENCH_POSTGRES_URL:-jdbc:postgresql://127.0.0.1:5432/test}"
pg_user="${BENCH_POSTGRES_USER:-postgres}"
date=2026-11-20
days="${BENCH_DAYS:-1}"
first=$(date -d "$date - $((days - 1)) days" +%F)
catch_up=(); [ "$days" -gt 1 ] && catch_up=(--catch-up)

[ -f target/recon.jar ] || ./mvnw -q -B -DskipTests package
# recon starts as operators start it, through jobs/recon (with its start-up archive); make the archive now, so
# that its one-time training run is not timed. RECON_CDS=off measures the plain `java -jar` start.
export RECON_JAVA_OPTS="${BENCH_JAVA_OPTS:-}"
jobs/recon --version >/dev/null
if [ -d "$dir" ]; then
  # An earlier run's tens of thousands of receipts: creating files soon after deleting that many is several
  # times slower on ext4 (here 67,094 files took 35 s straight after such a deletion, 5-10 s otherwise and again
  # 20 s later), which would land on this run's receipts step. Delete, then give the file system time.
  rm -rf "$dir" && sync
  echo "deleted the earlier run's files in $dir; waiting ${BENCH_SETTLE_SECONDS:-30} s (BENCH_SETTLE_SECONDS)"
  sleep "${BENCH_SETTLE_SECONDS:-30}"
fi
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"   # absolute: the H2 URL below needs it, whether BENCH_DIR was relative or not
# The CPU model too: "2 cores" of different machines ran the same commit 2.5 times apart (README, "Benchmark").
cpu="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
echo "machine: $(nproc) cores (${cpu:-unknown CPU}), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $("${JAVA:-java}" -version 2>&1 | head -n 1)"

elapsed() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }

start=$(date +%s.%N)
java -jar target/recon.jar generate --out "$dir/inbox" --from "$first" --days "$days" --order-lines "$lines" \
  --seed 7 --request-percent "${BENCH_REQUEST_PERCENT:-25}"
echo "generate: $(elapsed "$start") s for $days x $lines order lines ($first to $date)"

# Runs recon, samples its peak RSS from /proc, prints the wall time.
measure() {
  local name=$1; shift
  local t0 peak=0 pid
  sync   # the generated inbox and any earlier run's files reach the disk now, not during the timed run
  t0=$(date +%s.%N)
  jobs/recon run --date "$date" "${catch_up[@]}" --inbox "$dir/inbox" \
    --archive "$dir/archive-$name" --timings ${BENCH_PARTITIONS:+--recon.partitions=$BENCH_PARTITIONS} "$@" \
    > "$dir/$name.log" 2>&1 &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    rss=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    [ -n "$rss" ] && [ "$rss" -gt "$peak" ] && peak=$rss
    sleep 0.2
  done
  wait "$pid" && status=0 || status=$?
  echo
  wall=$(elapsed "$t0")
  echo "== $name: exit $status, $wall s end to end, peak RSS $((peak / 1024)) MB"
  # The scale issue's 20 s target is for everything except the PDFs: the wall time less those two steps.
  awk -v wall="$wall" '$1 == "receipts" || $1 == "report" { pdf += $2 }
    END { printf "== %s s end to end without the PDF steps (receipts and report: %.1f s)\n", wall - pdf, pdf }' \
    "$dir/$name.log"
  sed -n '/^input/,$p' "$dir/$name.log"
}

if [ "$stores" = h2 ] || [ "$stores" = both ]; then
  measure h2 "--spring.datasource.url=jdbc:h2:file:$dir/h2/store;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;AUTO_SERVER=TRUE;LOCK_TIMEOUT=60000"
fi
if [ "$stores" = postgres ] || [ "$stores" = both ]; then
  psql_url="${pg_url#jdbc:}"
  psql "${psql_url}" -U "$pg_user" -qc "DROP SCHEMA IF EXISTS recon_bench CASCADE; CREATE SCHEMA recon_bench;" 2>/dev/null
  # Flush what earlier runs left in the WAL now, so that their checkpoint does not run during this one (it
  # made back-to-back runs differ by seconds). Needs a superuser or pg_checkpoint; skipped otherwise.
  psql "${psql_url}" -U "$pg_user" -qc "CHECKPOINT" 2>/dev/null || true
  sep='?'; [[ "$pg_url" == *\?* ]] && sep='&'
  store=("--spring.datasource.url=${pg_url}${sep}currentSchema=recon_bench&reWriteBatchedInserts=true"
    "--spring.datasource.username=$pg_user" --spring.flyway.schemas=recon_bench --spring.flyway.default-schema=recon_bench)
  if [ -n "${BENCH_WORKERS:-}" ]; then
    queue="recon.bench.$$"
    workers=()
    trap 'kill "${workers[@]}" 2>/dev/null || true' EXIT
    for i in $(seq 1 "$BENCH_WORKERS"); do
      jobs/recon worker "${store[@]}" "--recon.workers.queue=$queue" \
        > "$dir/worker-$i.log" 2>&1 &
      workers+=($!)
    done
    until grep -q "recon worker: running" "$dir"/worker-*.log 2>/dev/null \
        && [ "$(grep -l "recon worker: running" "$dir"/worker-*.log | wc -l)" -eq "$BENCH_WORKERS" ]; do sleep 0.5; done
    measure "postgres-$BENCH_WORKERS-workers" "${store[@]}" --workers remote "--recon.workers.queue=$queue" \
      --recon.workers.poll-interval=200ms
    echo "partitions run by each worker:"
    for i in $(seq 1 "$BENCH_WORKERS"); do echo "  worker $i: $(grep -c 'partition.* COMPLETED' "$dir/worker-$i.log")"; done
  else
    measure postgres "${store[@]}"
  fi
fi

# Cases (README "Working the cases"): the night's `cases` step is in the step table above. Here: listing the
# store's cases as CSV, whole process (JVM start included), and the same with the listing grown to
# BENCH_CASES (default 100,000) cases by copies of the night's (PostgreSQL only; the copies are never acted on).
if [ "$stores" = postgres ] || [ "$stores" = both ]; then
  if [ -z "${BENCH_WORKERS:-}" ]; then
    list_cases() {
      local t0
      t0=$(date +%s.%N)
      jobs/recon cases list --all --format csv "${store[@]}" > "$dir/cases.csv"
      echo "== cases list --all --format csv: $(($(wc -l < "$dir/cases.csv") - 1)) cases in $(elapsed "$t0") s (whole process)"
    }
    list_cases
    want="${BENCH_CASES:-100000}"
    psql "${psql_url}" -U "$pg_user" -qc "SET search_path TO recon_bench;
      INSERT INTO recon_case (case_id, kind, key_type, key_request_id, key_txn_id, type, request_id, order_id, txn_id,
        priority, amount, currency, detail, state, assignee, opened_on, last_flagged_on, closed_on, reopened_on,
        reopen_count, due_on, waiting_since, accepted_type, accepted_amount, last_event_no)
      SELECT c.case_id + n.i * m.top, c.kind, c.key_type, c.key_request_id || '#' || n.i, c.key_txn_id, c.type,
        c.request_id, c.order_id, c.txn_id, c.priority, c.amount, c.currency, c.detail, c.state, c.assignee,
        c.opened_on, c.last_flagged_on, c.closed_on, c.reopened_on, c.reopen_count, c.due_on, c.waiting_since,
        c.accepted_type, c.accepted_amount, c.last_event_no
      FROM recon_case c, (SELECT MAX(case_id) AS top FROM recon_case) m,
        generate_series(1, (SELECT CEIL($want::numeric / GREATEST(COUNT(*), 1)) - 1 FROM recon_case)::int) AS n(i)
      WHERE c.case_id + n.i * m.top <= $want;
      ANALYZE recon_case;" 2>/dev/null
    list_cases
    # the copies go again: they have no history, and a rerun must not see them
    psql "${psql_url}" -U "$pg_user" -qc "SET search_path TO recon_bench;
      DELETE FROM recon_case WHERE case_id >= (SELECT next_case_id FROM recon_case_clock);" 2>/dev/null
    if [ -n "${BENCH_NEXT_LINES:-}" ]; then
      # BENCH_NEXT_LINES=N: the next business date with N new order lines on the same store: every request still
      # open is evaluated again, and its flags move the cases that stand (the incremental night)
      next=$(date -d "$date + 1 day" +%F)
      java -jar target/recon.jar generate --out "$dir/inbox" --from "$next" --order-lines "$BENCH_NEXT_LINES" \
        --seed 8 --request-percent "${BENCH_REQUEST_PERCENT:-25}" > /dev/null
      t0=$(date +%s.%N)
      jobs/recon run --date "$next" --inbox "$dir/inbox" --archive "$dir/archive-postgres" --timings "${store[@]}" \
        > "$dir/next.log" 2>&1 || true
      echo "== next night $next ($BENCH_NEXT_LINES new order lines on a store of $days x $lines): $(elapsed "$t0") s end to end"
      grep -E '^(select-candidates|reconcile|unassigned-refunds|cases|escalations|duration) ' "$dir/next.log" \
        || tail -5 "$dir/next.log"
      # the first night's reconcile rate (the first date of the store, on an empty store) beside the next one's
      awk -v next_log="$dir/next.log" 'function rate(file,   line, f) { while ((getline line < file) > 0) {
            split(line, f, " "); if (f[1] == "reconcile") { close(file); return f[4] } } close(file); return 0 }
          BEGIN { a = rate(ARGV[1]); b = rate(next_log); ARGV[1] = "";
            if (a > 0 && b > 0) printf "== reconcile rate: first night %s/s, next night %s/s (first / next = %.2f)\n", a, b, a / b }' \
        "$dir/postgres.log"
    fi
    if [ -n "${BENCH_RERUN:-}" ]; then
      # BENCH_RERUN=1: rerun the date (a new bundle revision); its cases step replays the cases from the date
      t0=$(date +%s.%N)
      jobs/recon rerun --date "$date" --inbox "$dir/inbox" --archive "$dir/archive-postgres" --timings "${store[@]}" \
        > "$dir/rerun.log" 2>&1 || true
      echo "== rerun of $date: $(elapsed "$t0") s end to end; its cases step (the replay):"
      grep -E '^cases ' "$dir/rerun.log" || tail -5 "$dir/rerun.log"
    fi
  fi
fi
