#!/usr/bin/env bash
# Starts the whole system on this machine, no Docker: PostgreSQL (installed if missing), a Kafka broker, the three
# services (packaged first), then loads the demo data. Stop it with scripts/stop.sh.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
mkdir -p "$RUN/logs" "$RUN/pids"

"$ROOT/scripts/postgres.sh"
for db in members actions mentoring; do
  if [ -z "$(psql_admin -c "select 1 from pg_database where datname = '$db'")" ]; then
    psql_admin -c "create database $db"
  fi
done
"$ROOT/scripts/kafka.sh" start

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  log "Packaging the services (./mvnw package -DskipTests)"
  (cd "$ROOT" && ./mvnw -q -B package -DskipTests)
fi

for entry in "${SERVICES[@]}"; do
  name=${entry%%:*}; port=${entry##*:}
  if wait_for_port 127.0.0.1 "$port" 0; then log "$name-service already on :$port"; continue; fi
  log "Starting $name-service on :$port"
  OC_DB_HOST="$PG_HOST" OC_DB_PORT="$PG_PORT" OC_DB_NAME="$name" OC_DB_USER="$PG_USER" OC_DB_PASSWORD="$PG_PASSWORD" \
  KAFKA_BOOTSTRAP_SERVERS="$KAFKA_BOOTSTRAP" OC_DEMO_PASSWORD="$DEMO_PASSWORD" QUARKUS_HTTP_PORT="$port" \
    nohup java -Xmx512m -jar "$ROOT/$name-service/target/quarkus-app/quarkus-run.jar" \
    > "$RUN/logs/$name.log" 2>&1 &
  echo $! > "$RUN/pids/$name"
done
for entry in "${SERVICES[@]}"; do
  name=${entry%%:*}; port=${entry##*:}
  for _ in $(seq 1 300); do
    curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && break
    kill -0 "$(cat "$RUN/pids/$name" 2>/dev/null || echo 0)" 2>/dev/null || { echo "$name-service died; see $RUN/logs/$name.log" >&2; exit 1; }
    sleep 0.2
  done
  curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null || { echo "$name-service not ready; see $RUN/logs/$name.log" >&2; exit 1; }
  log "$name-service ready: http://127.0.0.1:$port (API docs: /q/swagger-ui)"
done

"$ROOT/scripts/demo-data.sh"

cat <<MSG

Open Circles is running.
  members-service   http://127.0.0.1:8081/q/swagger-ui
  actions-service   http://127.0.0.1:8082/q/swagger-ui
  mentoring-service http://127.0.0.1:8083/q/swagger-ui
  Kafka             $KAFKA_BOOTSTRAP     PostgreSQL $PG_HOST:$PG_PORT (databases members, actions, mentoring)
Demo users (password '$DEMO_PASSWORD'): admin, dpo, sec-dwn, sec-isn, sec-crn, sec-cht, organiser-london,
  organiser-national, youth-officer, notifier.
Try: curl -s -u organiser-london:$DEMO_PASSWORD http://127.0.0.1:8082/dashboard
Logs in .run/logs; stop everything with scripts/stop.sh
MSG
