#!/usr/bin/env bash
# Benchmark: importing a membership list of N rows (default 50,000) through members-service, and how long until
# actions-service and mentoring-service have both projected every new member from member-events (counted in their
# databases), from the upload and from the moment the import finished.
# Baseline, in the same run: PostgreSQL's own \copy of the same file into a plain table (the floor for getting the
# rows into a database at all). Results are ratios to that baseline, plus rows per second.
# Needs the system running (scripts/start.sh). Usage: bench/import.sh [rows]
set -euo pipefail
source "$(dirname "$0")/../scripts/lib.sh"
source "$(dirname "$0")/lib.sh"
ROWS="${1:-50000}"
OUT="$ROOT/bench/results"; mkdir -p "$OUT"
CSV="$OUT/members-$ROWS.csv"

# Unique membership numbers per run, so the first import creates every row.
run_id=$(date +%s)
awk -v n="$ROWS" -v run="$run_id" 'BEGIN {
  split("DWN DWN-HERNE-HILL|ISN ISN-HIGHBURY|CRN CRN-CREWE-CENTRAL|CHT CHT-ALL-SAINTS", w, "|");
  print "membership_number,first_name,last_name,email,phone,postcode,date_of_birth,clp,ward,status,joined_on,interests";
  for (i = 1; i <= n; i++) {
    split(w[i % 4 + 1], cw, " ");
    printf "B%s%07d,First%d,Last%d,m%d.%s@example.org,07700 %06d,SE21 8AB,%02d/%02d/%d,%s,%s,active,01/01/2020,campaigning; fundraising\n",
      run, i, i, i, i, run, i % 1000000, i % 28 + 1, i % 12 + 1, 1950 + i % 50, cw[1], cw[2];
  }
}' > "$CSV"
log "Generated $ROWS rows ($(du -h "$CSV" | cut -f1))"

copy_s=$(copy_baseline "$CSV")

import() {
  import_csv "$CSV" bench.csv | jq -c '{createdRows, updatedRows, unchangedRows, failedRows}' >&2
}

before_actions=$(projected actions); before_mentoring=$(projected mentoring)
t0=$(now); import; t1=$(now); import_s=$(secs "$t0" "$t1")
while [ "$(projected actions)" -lt $(( before_actions + ROWS )) ]; do sleep 0.2; done
actions_s=$(secs "$t0" "$(now)")
while [ "$(projected mentoring)" -lt $(( before_mentoring + ROWS )) ]; do sleep 0.2; done
projected_s=$(secs "$t0" "$(now)"); after_s=$(secs "$t1" "$(now)")
t0=$(now); import; reimport_s=$(secs "$t0" "$(now)")

report=$(awk -v rows="$ROWS" -v c="$copy_s" -v i="$import_s" -v a="$actions_s" -v p="$projected_s" -v f="$after_s" -v r="$reimport_s" 'BEGIN {
  printf "rows                                  %d\n", rows;
  printf "baseline: psql \\copy                  %6.2f s  %8.0f rows/s  1.00x\n", c, rows / c;
  printf "import (validated, upserted, events)  %6.2f s  %8.0f rows/s  %5.1fx baseline\n", i, rows / i, i / c;
  printf "import until actions projected all    %6.2f s  %8.0f rows/s  %5.1fx baseline\n", a, rows / a, a / c;
  printf "import until both projected all       %6.2f s  %8.0f rows/s  %5.1fx baseline\n", p, rows / p, p / c;
  printf "  of which after the import finished  %6.2f s\n", f;
  printf "re-import, nothing changed            %6.2f s  %8.0f rows/s  %5.1fx baseline\n", r, rows / r, r / c;
}')
echo "$report" | tee "$OUT/import-$ROWS-$(date +%Y%m%d-%H%M%S).txt"
rm -f "$CSV"
