#!/usr/bin/env bash
# The desk's latency (issue 18): with BENCH_CASES (default 100,000) cases in PostgreSQL, `GET /api/cases` with
# filters (HTTP Basic) and the queue page `/cases` (a logged-in session), each 200 requests from 4 concurrent
# clients; prints the median, 95th percentile and maximum in milliseconds. A benchmark, not a test: nothing fails.
#
#   jobs/desk-benchmark.sh            BENCH_CASES=100000 BENCH_REQUESTS=200 BENCH_CLIENTS=4 BENCH_PORT=18080
#
# PostgreSQL: BENCH_POSTGRES_URL (default jdbc:postgresql://127.0.0.1:5432/test), BENCH_POSTGRES_USER (default
# postgres); a schema recon_deskbench is dropped and recreated. The store gets the sample inbox's four dates,
# then copies of their cases up to BENCH_CASES (as jobs/benchmark.sh grows the listing), spread over opening
# dates, priorities, states and 20 assignees so that every filter selects a realistic share. Work files go to
# BENCH_DIR (default target/desk-benchmark). The desk it starts is stopped at the end (by its process id).
set -euo pipefail
cd "$(dirname "$0")/.."
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"

want="${BENCH_CASES:-100000}"
requests="${BENCH_REQUESTS:-200}"
clients="${BENCH_CLIENTS:-4}"
port="${BENCH_PORT:-18080}"
pg_url="${BENCH_POSTGRES_URL:-jdbc:postgresql://127.0.0.1:5432/test}"
pg_user="${BENCH_POSTGRES_USER:-postgres}"
dir="${BENCH_DIR:-target/desk-benchmark}"
schema=recon_deskbench
psql_url="postgresql://${pg_url#jdbc:postgresql://}"
password="desk benchmark password"

[ -f target/recon.jar ] || ./mvnw -q -B -DskipTests package
rm -rf "$dir" && mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) (other processes on this machine inflate every figure)"
echo "machine: $(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)), $(java -version 2>&1 | head -n 1)"

psql "$psql_url" -U "$pg_user" -qc "DROP SCHEMA IF EXISTS $schema CASCADE; CREATE SCHEMA $schema;" >/dev/null
store=(--spring.datasource.url="$pg_url?currentSchema=$schema" --spring.datasource.username="$pg_user"
       --spring.datasource.password= --spring.flyway.schemas="$schema" --spring.flyway.default-schema="$schema")
for d in 2026-11-20 2026-11-21 2026-11-22 2026-11-23; do
  java -jar target/recon.jar run --date "$d" --inbox sample-data/inbox --archive "$dir/archive" -q "${store[@]}"
done
printf '%s\n' "$password" | java -jar target/recon.jar users add bench --role ADMIN --password-stdin "${store[@]}" >/dev/null
printf '%s\n' "$password" | java -jar target/recon.jar users add bench-agent --role AGENT --password-stdin "${store[@]}" >/dev/null

# copies of the night's cases up to $want: opened up to 59 dates earlier, every third HIGH, a state from the
# five by copy, assignees agent-0..agent-19 on half of them
psql "$psql_url" -U "$pg_user" -qc "SET search_path TO $schema;
  INSERT INTO recon_case (case_id, kind, key_type, key_request_id, key_txn_id, type, request_id, order_id, txn_id,
    priority, amount, currency, detail, state, assignee, opened_on, last_flagged_on, closed_on, reopened_on,
    reopen_count, due_on, waiting_since, accepted_type, accepted_amount, last_event_no)
  SELECT c.case_id + n.i * m.top, c.kind, c.key_type, c.key_request_id || '#' || n.i, c.key_txn_id, c.type,
    c.request_id || '-' || n.i, c.order_id, c.txn_id || CASE WHEN c.txn_id = '' THEN '' ELSE '-' || n.i END,
    CASE WHEN n.i % 3 = 0 THEN 'HIGH' ELSE c.priority END, c.amount, c.currency, c.detail,
    (ARRAY['OPEN', 'IN_PROGRESS', 'WAITING', 'ACCEPTED', 'CLOSED', 'CLOSED'])[1 + (n.i % 6)],
    CASE WHEN n.i % 2 = 0 THEN 'agent-' || (n.i % 20) ELSE NULL END,
    c.opened_on - (n.i % 60), c.last_flagged_on, NULL, NULL, 0, c.due_on - (n.i % 60), NULL, NULL, NULL,
    c.last_event_no
  FROM recon_case c, (SELECT MAX(case_id) AS top FROM recon_case) m,
    generate_series(1, (SELECT CEIL($want::numeric / GREATEST(COUNT(*), 1)) - 1 FROM recon_case)::int) AS n(i)
  WHERE c.case_id + n.i * m.top <= $want;"
# as autovacuum leaves a table after such a load: the counts can then read their index alone
psql "$psql_url" -U "$pg_user" -qc "SET search_path TO $schema;" -c "VACUUM ANALYZE recon_case;"
psql "$psql_url" -U "$pg_user" -Atc "SET search_path TO $schema; SELECT COUNT(*) || ' cases, ' ||
  SUM(CASE WHEN state <> 'CLOSED' THEN 1 ELSE 0 END) || ' not CLOSED' FROM recon_case;" | tail -n 1

java ${BENCH_JAVA_OPTS:-} -jar target/recon.jar serve --port "$port" "${store[@]}" > "$dir/serve.log" 2>&1 &
desk=$!
trap 'kill "$desk" 2>/dev/null || true; wait "$desk" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fsS -o /dev/null "http://127.0.0.1:$port/login" 2>/dev/null && break
  sleep 0.5
done
base="http://127.0.0.1:$port"

# the filters cycled through, one per request (the latest completed date is 2026-11-23)
filters=("" "overdue=true&priority=HIGH" "state=OPEN,IN_PROGRESS&kind=EXCEPTION&sort=due"
         "assignee=agent-7" "q=CR-1009" "priority=HIGH&sort=amount&dir=desc&page=20"
         "overdue=true&kind=ESCALATION&page=3" "state=WAITING,ACCEPTED&sort=opened")

# client N: $requests / $clients requests; each line of its file is one request's seconds
client() {
  local n=$1 kind=$2 out=$3 per=$((requests / clients)) i url jar
  jar="$dir/cookies-$n"
  if [ "$kind" = page ]; then
    csrf=$(curl -s -c "$jar" -b "$jar" "$base/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
    curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=bench" --data-urlencode "password=$password" \
      --data-urlencode "_csrf=$csrf" "$base/login"
  fi
  for i in $(seq 1 "$per"); do
    f=${filters[$(((i + n) % ${#filters[@]}))]}
    if [ "$kind" = api ]; then
      curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -u "bench:$password" "$base/api/$api?$f" >> "$out"
    else
      curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -b "$jar" "$base/cases?$f" >> "$out"
    fi
  done
}

run() {
  local kind=${1%%-*} out="$dir/$1.times"
  api=${3:-cases}
  : > "$out"
  # warm-up: the JIT and the connection pool, not timed
  for _ in $(seq 1 40); do
    curl -s -o /dev/null -u "bench:$password" "$base/api/cases?${filters[$((RANDOM % ${#filters[@]}))]}"
  done
  local pids=()
  for n in $(seq 1 "$clients"); do client "$n" "$kind" "$out" & pids+=($!); done
  wait "${pids[@]}"
  awk '$1 != 200 { bad++ } END { if (bad) printf "  (%d answers were not 200)\n", bad }' "$out"
  awk '{ print $2 * 1000 }' "$out" | sort -n | awk -v name="$2" '{ t[NR] = $1 } END {
    p95 = t[int(NR * 0.95 + 0.999)]; printf "== %-44s %d requests: median %.0f ms, p95 %.0f ms, max %.0f ms\n",
    name, NR, t[int((NR + 1) / 2)], p95, t[NR] }'
}

# the baseline: the cheapest API call there is, so that HTTP Basic's bcrypt (on every call: no session) shows
filters_all=("${filters[@]}")
filters=("limit=1")
run api-baseline "GET /api/runs?limit=1 (baseline: HTTP Basic)" runs
filters=("${filters_all[@]}")
run api "GET /api/cases (filters, HTTP Basic)"
run page "GET /cases, the queue page (a session)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
