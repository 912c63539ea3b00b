#!/usr/bin/env bash
# Stops the services and the Kafka broker that start.sh started (PostgreSQL is left running).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
for entry in "${SERVICES[@]}"; do
  name=${entry%%:*}
  if [ -f "$RUN/pids/$name" ] && kill "$(cat "$RUN/pids/$name")" 2>/dev/null; then log "Stopped $name-service"; fi
  rm -f "$RUN/pids/$name"
done
"$ROOT/scripts/kafka.sh" stop
