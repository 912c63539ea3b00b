#!/usr/bin/env bash
# Imports more members into a system that already holds the national file (bench/national.sh): the first N rows of
# that file (default 100,000) with their membership numbers given a new letter, so every row is a new member, timed
# to COMPLETED and until actions-service and mentoring-service have projected them all; the CPU seconds each process
# took meanwhile; and, as the baseline in the same run, psql \copy of the same rows. Run it several times (a new
# letter each time) to compare a change against the same loaded system: the members table grows by N each run.
# Usage: bench/national-more.sh PREFIX [rows]   (PREFIX: 1 to 3 capital letters, not L alone, which the national file
# uses; a new one for each run)
set -euo pipefail
source "$(dirname "$0")/../scripts/lib.sh"
source "$(dirname "$0")/lib.sh"
PREFIX="${1:?usage: bench/national-more.sh PREFIX [rows]}"; ROWS="${2:-100000}"
[[ "$PREFIX" =~ ^[A-Z]{1,3}$ && "$PREFIX" != L ]] || { echo "PREFIX: 1 to 3 capital letters, not L alone" >&2; exit 1; }
SRC="$ROOT/bench/results/national/members.csv"
[ -f "$SRC" ] || { echo "no $SRC: run bench/national.sh first" >&2; exit 1; }
OUT="$ROOT/bench/results/national-more"; mkdir -p "$OUT"; CSV="$OUT/members-$PREFIX.csv"
head -n $(( ROWS + 1 )) "$SRC" | sed "2,\$s/^L/$PREFIX/" > "$CSV"
copy_s=$(copy_baseline "$CSV")

before_a=$(projected actions); before_m=$(projected mentoring)
cpu > "$OUT/cpu-before"
t0=$(now)
created=$(import_csv "$CSV" "national-more-$PREFIX.csv" | jq -r .createdRows)
import_s=$(secs "$t0" "$(now)")
while [ "$(projected actions)" -lt $(( before_a + created )) ] || [ "$(projected mentoring)" -lt $(( before_m + created )) ]; do
  sleep 0.5
done
projected_s=$(secs "$t0" "$(now)")
cpu > "$OUT/cpu-after"
members=$(PGPASSWORD="$PG_PASSWORD" psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d members -qAtc "select count(*) from member")
printf '%s: %d new members (the system now holds %d)\n' "$PREFIX" "$created" "$members"
printf 'baseline: psql \\copy  %7.2f s\n' "$copy_s"
awk -v c="$copy_s" -v i="$import_s" -v p="$projected_s" 'BEGIN {
  printf "import                %7.2f s  %5.1fx baseline\n", i, i / c;
  printf "until both projected  %7.2f s  %5.1fx baseline\n", p, p / c }'
printf 'CPU seconds meanwhile: %s\n' "$(join "$OUT/cpu-before" "$OUT/cpu-after" | awk '{ printf "%s %.1f  ", $1, $3 - $2 }')"
