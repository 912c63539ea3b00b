#!/usr/bin/env bash
# Starts one more replica of a service that start.sh is running, on another port: the same database and the same
# consumer group, so replicas share the topics' partitions, and the outbox relay, follow-up clock, lapse and
# safeguarding sweeps, imports and email sending stay correct with both running. scripts/stop.sh stops replicas too.
# Usage: scripts/replica.sh members|actions|mentoring|notifier PORT
set -euo pipefail
source "$(dirname "$0")/lib.sh"
name="${1:?usage: scripts/replica.sh members|actions|mentoring|notifier PORT}"
port="${2:?usage: scripts/replica.sh $name PORT}"
case " ${SERVICES[*]} " in *" $name:"*) ;; *) echo "unknown service '$name'" >&2; exit 2 ;; esac
jar="$ROOT/$name-service/target/quarkus-app/quarkus-run.jar"
[ -f "$jar" ] || { echo "$jar is missing: run scripts/start.sh first" >&2; exit 1; }
if wait_for_port 127.0.0.1 "$port" 0; then echo "port $port is taken" >&2; exit 1; fi
mkdir -p "$RUN/logs" "$RUN/pids"
replica="$name-$port"
log "Starting a replica of $name-service on :$port"
OC_DB_HOST="$PG_HOST" OC_DB_PORT="$PG_PORT" OC_DB_NAME="$name" OC_DB_USER="$PG_USER" OC_DB_PASSWORD="$PG_PASSWORD" \
KAFKA_BOOTSTRAP_SERVERS="$KAFKA_BOOTSTRAP" OC_OIDC_ISSUER="$OIDC_ISSUER" QUARKUS_HTTP_PORT="$port" \
OC_SMTP_HOST=127.0.0.1 OC_SMTP_PORT="$SMTP_PORT" \
  nohup java -Xmx512m -jar "$jar" > "$RUN/logs/$replica.log" 2>&1 &
echo $! > "$RUN/pids/$replica"
for _ in $(seq 1 300); do
  curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && { log "$replica ready: http://127.0.0.1:$port"; exit 0; }
  kill -0 "$(cat "$RUN/pids/$replica")" 2>/dev/null || { echo "$replica died; see $RUN/logs/$replica.log" >&2; exit 1; }
  sleep 0.2
done
echo "$replica not ready; see $RUN/logs/$replica.log" >&2; exit 1
