#!/usr/bin/env bash
# Benchmark: write -> visible latency between services. New members are written to members-service at steady rates
# (open loop: a slow answer does not slow the next write), and each is timed until it is committed in actions-service's
# and mentoring-service's projections (polled every 5 ms from their databases). Reports p50/p95/p99/max per rate and
# projection, the highest rate held with p99 <= 100 ms, and each p99 as a ratio to the write's own p99 (the baseline,
# measured in the same run).
# Needs the system running (scripts/start.sh). Usage: bench/propagation.sh [rates] [seconds per rate]
set -euo pipefail
source "$(dirname "$0")/../scripts/lib.sh"
RATES="${1:-25,50,100,200}"
SECONDS_PER_RATE="${2:-60}"
OUT="$ROOT/bench/results"; mkdir -p "$OUT"
driver=$(find "$HOME/.m2/repository/org/postgresql/postgresql" -name 'postgresql-*.jar' 2>/dev/null | sort -V | tail -n 1)
[ -n "$driver" ] || { echo "PostgreSQL JDBC driver not in ~/.m2: run ./mvnw package first" >&2; exit 1; }
log "Rates $RATES/s, $SECONDS_PER_RATE s each (after a 5 s warm-up at 20/s)"
[ -f "$PASSWORDS" ] || { echo "no $PASSWORDS: start the system with scripts/start.sh" >&2; exit 1; }
# The bench signs in as organiser-national (writes) and admin (its CLP) with their passwords, refreshing tokens.
set -a; source "$PASSWORDS"; set +a
OC_DB_HOST="$PG_HOST" OC_DB_PORT="$PG_PORT" OC_DB_USER="$PG_USER" OC_DB_PASSWORD="$PG_PASSWORD" \
  OC_OIDC_ISSUER="$OIDC_ISSUER" java -cp "$driver" "$ROOT/bench/Propagation.java" "$RATES" "$SECONDS_PER_RATE" \
  | tee "$OUT/propagation-$(date +%Y%m%d-%H%M%S).txt"
