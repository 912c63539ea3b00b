#!/usr/bin/env bash
# Benchmark at national scale: 650 CLPs, about 9,100 wards and N members (default 500,000) in an export laid out as
# membership systems write it (bench/national.py). Sets up the CLPs and wards, imports the file, waits until
# actions-service and mentoring-service have every member, re-imports it unchanged, then (bench/latency.sh) times
# the dashboards, the members list and search under 8 concurrent clients. Baselines in the same run: psql \copy of the
# same file for the import; the cheapest signed-in read for latency.
# Needs the system running (scripts/start.sh). Usage: bench/national.sh [members]
set -euo pipefail
source "$(dirname "$0")/../scripts/lib.sh"
source "$(dirname "$0")/lib.sh"
ROWS="${1:-500000}"
# Latency is measured with wrk (bench/latency.sh): say so now rather than after the import.
needs wrk
OUT="$ROOT/bench/results/national"; mkdir -p "$OUT"
python3 "$ROOT/bench/national.py" "$OUT" "$ROWS"
log "Generated $ROWS members ($(du -h "$OUT/members.csv" | cut -f1)) in $(cut -f1 "$OUT/places.tsv" | sort -u | wc -l) CLPs"

ADMIN=$(token admin)
log "Creating CLPs and wards (8 at a time)"
cut -f1,2 "$OUT/places.tsv" | sort -u | tr '\t' '|' | xargs -P 8 -I{} sh -c 'c="{}"; curl -s -o /dev/null \
  -H "Authorization: Bearer '"$ADMIN"'" -H "Content-Type: application/json" \
  -d "{\"code\":\"${c%%|*}\",\"name\":\"${c#*|}\",\"region\":\"National\"}" http://127.0.0.1:8081/clps'
ADMIN=$(token admin)
cut -f1,3,4 "$OUT/places.tsv" | tr '\t' '|' | xargs -P 8 -I{} sh -c 'w="{}"; clp=${w%%|*}; rest=${w#*|}; curl -s -o /dev/null \
  -H "Authorization: Bearer '"$ADMIN"'" -H "Content-Type: application/json" \
  -d "{\"code\":\"${rest%%|*}\",\"name\":\"${rest#*|}\"}" http://127.0.0.1:8081/clps/$clp/wards'

copy_s=$(copy_baseline "$OUT/members.csv")

import() {
  import_csv "$OUT/members.csv" national.csv | tee "$OUT/last-import.json" \
    | jq -c '{createdRows, updatedRows, unchangedRows, failedRows}' >&2
}
before_a=$(projected actions); before_m=$(projected mentoring)
log "Importing"
cpu > "$OUT/cpu-before"
t0=$(now); import; t1=$(now); import_s=$(secs "$t0" "$t1")
created=$(jq -r .createdRows "$OUT/last-import.json")
while [ "$(projected actions)" -lt $(( before_a + created )) ] || [ "$(projected mentoring)" -lt $(( before_m + created )) ]; do
  sleep 1
  [ "$(secs "$t1" "$(now)" | cut -d. -f1)" -gt 900 ] && { echo "projections did not catch up in 15 minutes" >&2; break; }
done
projected_s=$(secs "$t0" "$(now)"); after_s=$(secs "$t1" "$(now)")
cpu > "$OUT/cpu-after"
import_cpu=$(join "$OUT/cpu-before" "$OUT/cpu-after" | awk '{ printf "%s %.1f  ", $1, $3 - $2 }')
log "Re-importing unchanged"
t0=$(now); import; reimport_s=$(secs "$t0" "$(now)")

# Latency in steady state: after a national import PostgreSQL's autovacuum works through the new rows (it starts up to
# a minute later) and the machine settles; measured at once, the same requests were up to twice as slow (2026-11-28:
# national dashboard p50 270 ms right after, 107 ms three minutes later). Wait 2 minutes, then until autovacuum is
# idle (at most 5 minutes more).
quiet_from=$(now)
sleep 120
while [ "$(psql_admin -c "select count(*) from pg_stat_activity where backend_type = 'autovacuum worker' and state = 'active'")" != 0 ] \
      && [ "$(secs "$quiet_from" "$(now)" | cut -d. -f1)" -lt 420 ]; do sleep 5; done
log "Settled after $(secs "$quiet_from" "$(now)") s; measuring latency"

report=$(awk -v rows="$ROWS" -v c="$copy_s" -v i="$import_s" -v p="$projected_s" -v f="$after_s" -v r="$reimport_s" 'BEGIN {
  printf "rows                                  %d\n", rows;
  printf "baseline: psql \\copy                  %7.2f s  %8.0f rows/s   1.0x\n", c, rows / c;
  printf "import (validated, upserted, events)  %7.2f s  %8.0f rows/s  %5.1fx baseline\n", i, rows / i, i / c;
  printf "import until both projected all       %7.2f s  %8.0f rows/s  %5.1fx baseline\n", p, rows / p, p / c;
  printf "  of which after the import finished  %7.2f s\n", f;
  printf "re-import, nothing changed            %7.2f s  %8.0f rows/s  %5.1fx baseline\n", r, rows / r, r / c;
}')
report="$report
CPU seconds until projected: $import_cpu"
RESULT="$OUT/national-$ROWS-$(date +%Y%m%d-%H%M%S).txt"
echo "$report" | tee "$RESULT"
"$ROOT/bench/latency.sh" "$OUT/members.csv" | tee -a "$RESULT"
