#!/usr/bin/env bash
# Benchmark: how fast notifier-service sends a backlog of N recorded emails (default 1,000) through the mail server,
# with one replica and then with two (scripts/replica.sh), and that each email arrives exactly once either way.
# The emails are recorded straight into the notifier's table, exactly as its consumer and digest record them
# (PENDING, each under its own idempotency key), so the figure is the sender's: claim, send, record.
# Baseline, in the same run: the same number of emails sent over one plain socket, no bookkeeping
# (bench/SmtpBaseline.java). Results are ratios to that baseline, plus emails per second.
# Needs the system running (scripts/start.sh). Usage: bench/notifier.sh [emails]
set -euo pipefail
source "$(dirname "$0")/../scripts/lib.sh"
N="${1:-1000}"
OUT="$ROOT/bench/results"; mkdir -p "$OUT"
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
notifier_sql() { PGPASSWORD="$PG_PASSWORD" psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d notifier -v ON_ERROR_STOP=1 -qAt "$@"; }
inbox_count() { curl -s "$MAIL_WEB/api/user/$1/messages/INBOX" | jq 'length'; }
run_id=$(date +%s)

baseline_to="baseline-$run_id@bench.open-circles.example"
base=$(java "$ROOT/bench/SmtpBaseline.java" 127.0.0.1 "$SMTP_PORT" "$N" "$baseline_to")
log "Baseline: $N emails over plain SMTP in $base s"

backlog() { # label: records N pending emails to one recipient, waits until all are SENT, prints the seconds
  local label=$1 to="$1-$run_id@bench.open-circles.example" start end
  start=$(now)
  notifier_sql -c "insert into email (id, idempotency_key, kind, subscription_id, recipient, subject, body, status,
      attempts, not_before, created_at)
    select gen_random_uuid(), 'bench:$run_id:$label:' || i, 'IMMEDIATE', gen_random_uuid(), '$to',
      'Bench email ' || i, 'Bench email ' || i || ' of $N', 'PENDING', 0, now(), now()
    from generate_series(1, $N) as i" >/dev/null
  while [ "$(notifier_sql -c "select count(*) from email where idempotency_key like 'bench:$run_id:$label:%' and status = 'SENT'")" -lt "$N" ]; do
    sleep 0.2
  done
  end=$(now)
  local received; received=$(inbox_count "$to")
  local distinct; distinct=$(curl -s "$MAIL_WEB/api/user/$to/messages/INBOX" | jq '[.[].subject] | unique | length')
  [ "$received" = "$N" ] && [ "$distinct" = "$N" ] || { echo "$label: $received received, $distinct distinct, expected $N" >&2; exit 1; }
  secs "$start" "$end"
}

one=$(backlog one-replica)
log "One replica: $N emails sent in $one s, each received once"
"$ROOT/scripts/replica.sh" notifier 8094 >/dev/null
two=$(backlog two-replicas)
log "Two replicas: $N emails sent in $two s, each received once"
kill "$(cat "$RUN/pids/notifier-8094")" 2>/dev/null || true; rm -f "$RUN/pids/notifier-8094"

report=$(awk -v n="$N" -v b="$base" -v o="$one" -v t="$two" 'BEGIN {
  printf "emails %d | baseline (plain SMTP) %.2f s, %.0f/s | one replica %.2f s, %.0f/s, %.1fx baseline | two replicas %.2f s, %.0f/s, %.1fx baseline | each received exactly once\n",
    n, b, n / b, o, n / o, o / b, t, n / t, t / b }')
echo "$report" | tee "$OUT/notifier-$run_id.txt"
