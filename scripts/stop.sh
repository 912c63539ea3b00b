#!/usr/bin/env bash
# Stops the services, Prometheus, Keycloak, the mail server and the Kafka broker that start.sh started (PostgreSQL is left running).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
stop_pid() { # name pid: ask politely, wait up to 30 s for in-flight work to finish, then insist
  kill "$2" 2>/dev/null || return 0
  for _ in $(seq 1 60); do kill -0 "$2" 2>/dev/null || { log "Stopped $1"; return 0; }; sleep 0.5; done
  kill -9 "$2" 2>/dev/null && log "Killed $1 (did not stop within 30 s)"
}
# Replicas (scripts/replica.sh) first, then the services themselves.
for pidfile in "$RUN"/pids/*-[0-9]*; do
  [ -f "$pidfile" ] || continue
  stop_pid "replica $(basename "$pidfile")" "$(cat "$pidfile")"
  rm -f "$pidfile"
done
for entry in "${SERVICES[@]}"; do
  name=${entry%%:*}
  [ -f "$RUN/pids/$name" ] && stop_pid "$name-service" "$(cat "$RUN/pids/$name")"
  rm -f "$RUN/pids/$name"
done
"$ROOT/scripts/prometheus.sh" stop
"$ROOT/scripts/keycloak.sh" stop
"$ROOT/scripts/mail.sh" stop
"$ROOT/scripts/kafka.sh" stop
