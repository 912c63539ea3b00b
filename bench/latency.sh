#!/usr/bin/env bash
# Read latency at national scale under 8 concurrent clients (CLIENTS): dashboards, the members list and search, each
# beside a baseline from the same run, the cheapest signed-in read (one CLP by its code: token check, one indexed row,
# no audit). Measured with wrk (closed loop: 8 connections, each sending its next request when the last one answered,
# HTTP/1.1 keep-alive), one client thread in C, so the client takes little of the 2 cores the services and PostgreSQL
# share; each URL is first driven for WARM seconds (JIT, caches, connection pools), discarded, then for SECONDS_PER_URL.
# Run by bench/national.sh after its import; run alone to measure a change against a system that already holds the
# national file. Usage: bench/latency.sh [members.csv, default bench/results/national/members.csv]
# Env: SECONDS_PER_URL (default 20), WARM (default 10), CLIENTS (default 8; 1 shows what one request costs alone,
# with no other request waiting beside it for the 2 cores).
set -euo pipefail
source "$(dirname "$0")/../scripts/lib.sh"
source "$(dirname "$0")/lib.sh"
CSV="${1:-$ROOT/bench/results/national/members.csv}"
[ -f "$CSV" ] || { echo "no $CSV: run bench/national.sh first" >&2; exit 1; }
needs wrk
ROWS=$(( $(wc -l < "$CSV") - 1 ))
DURATION="${SECONDS_PER_URL:-20}"; WARM="${WARM:-10}"; CLIENTS="${CLIENTS:-8}"
OUT="$ROOT/bench/results/latency"; mkdir -p "$OUT"; : > "$OUT/wrk.txt"

latency() { # url -> "p50 X ms, p99 Y ms (N requests)|CPU/request: ..."; a run with any answer but 2xx says so instead
  local auth out
  auth="Authorization: Bearer $(token organiser-national)"
  wrk -t1 -c"$CLIENTS" -d"${WARM}s" --timeout 30s -H "$auth" "$1" >/dev/null
  cpu > "$OUT/cpu-before"
  out=$(wrk -t1 -c"$CLIENTS" -d"${DURATION}s" --timeout 30s --latency -H "$auth" "$1")
  cpu > "$OUT/cpu-after"
  printf '%s\n%s\n\n' "$1" "$out" >> "$OUT/wrk.txt"
  if grep -q 'Non-2xx\|Socket errors' <<< "$out"; then
    echo "failed: $(grep 'Non-2xx\|Socket errors' <<< "$out" | tr -s ' ')|"; return
  fi
  awk 'function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /m$/) return v * 60000;
                         return v * 1000 }
       $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) } / requests in / { n = $1 }
       END { printf "p50 %.1f ms, p99 %.1f ms (%d requests)", p50, p99, n }' <<< "$out"
  # Where the time went: CPU per request of PostgreSQL and of the service asked (8081 members, 8082 actions).
  join "$OUT/cpu-before" "$OUT/cpu-after" | awk -v n="$(awk '/ requests in / { print $1 }' <<< "$out")" \
    -v svc="$(case "$1" in *:8082/*) echo actions;; *) echo members;; esac)" '
    $1 == "postgres" { pg = $3 - $2 } $1 == svc { s = $3 - $2 }
    END { printf "|CPU/request: PostgreSQL %.2f ms, %s %.2f ms\n", pg * 1000 / n, svc, s * 1000 / n }'
}
p99() { sed -n 's/.*p99 \([0-9.]*\) ms.*/\1/p' <<< "$1"; }
base=$(latency http://127.0.0.1:8081/clps/N001)
printf '%-52s%-40s                   %s\n' "baseline: one CLP (GET /clps/N001)" "${base%%|*}" "${base#*|}"
measure() {
  local result; result=$(latency "$2")
  printf '%-52s%-40s p99 %sx baseline  %s\n' "$1" "${result%%|*}" \
    "$(awk -v a="$(p99 "$result")" -v b="$(p99 "$base")" 'BEGIN { if (a && b) printf "%.1f", a / b; else printf "?" }')" \
    "${result#*|}"
}
# A member from the middle of the file, to search for by name and by part of the membership number.
row=$(sed -n "$(( ROWS / 2 ))p" "$CSV")
number=$(echo "$row" | cut -d, -f1); first=$(echo "$row" | cut -d, -f2); last=$(echo "$row" | cut -d, -f3)
# The same name with two letters of the surname swapped: found through the near spellings of name words.
typo="${last:0:2}${last:3:1}${last:2:1}${last:4}"
# Lists are paged (at most 200 a page); the national dashboard is read as its largest page, 200 of the 650 CLPs.
measure "national dashboard (200 CLPs a page)" "http://127.0.0.1:8082/dashboard?size=200"
measure "CLP dashboard" http://127.0.0.1:8082/dashboard/N001
measure "members list (CLP, age band)" "http://127.0.0.1:8081/members?clp=N001&ageBand=YOUTH_18_TO_26&size=50"
measure "search by name, national ($first $last)" "http://127.0.0.1:8081/members?q=$first%20$last&size=20"
measure "search by the commonest surname (smith)" "http://127.0.0.1:8081/members?q=smith&size=20"
# A first name alone matches far more members than a surname (36,611 "oliver" of 1.09 M on 2026-12-04).
measure "search by a first name alone, national ($first)" "http://127.0.0.1:8081/members?q=$first&size=20"
measure "search by part of a number (${number:2:6})" "http://127.0.0.1:8081/members?q=${number:2:6}&size=20"
measure "search with a typo ($first $typo)" "http://127.0.0.1:8081/members?q=$first%20$typo&size=20"
measure "search in a CLP with filters ($last)" "http://127.0.0.1:8081/members?clp=N001&status=ACTIVE&q=$last&size=20"
# A secretary searches their own CLP: the same first name there (33 "oliver" in N001 at 500,000).
measure "search by a first name in one CLP ($first)" "http://127.0.0.1:8081/members?clp=N001&q=$first&size=20"
