#!/usr/bin/env bash
# Starts the whole system on this machine, no Docker: PostgreSQL (installed if missing), a Kafka broker, Keycloak (the
# identity provider), GreenMail (the mail server), the four services (packaged first), Prometheus, then loads the demo data. Stop it with scripts/stop.sh.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
mkdir -p "$RUN/logs" "$RUN/pids"

"$ROOT/scripts/postgres.sh"
# The services leave table statistics and dead rows to PostgreSQL's autovacuum. A server with it off (this machine
# class ships so) keeps planning the projections' and dashboards' queries from the statistics of empty tables after a
# national import; production servers run it, and so does the system here.
if [ "$(psql_admin -c 'show autovacuum')" = off ]; then
  log "Turning PostgreSQL's autovacuum on (it was off)"
  psql_admin -c "alter system set autovacuum = on" >/dev/null
  psql_admin -c "select pg_reload_conf()" >/dev/null
fi
# PostgreSQL ships with 128 MB of shared buffers, sized for the smallest machine. A national membership (500,000
# members: their rows, search's table and trigram index, the projections) works in about a gigabyte, and with 128 MB
# an import read back from the operating system's cache the index pages it had just written. Give it a quarter of
# the machine's memory, at most 2 GB, as its manual advises for a dedicated server; a restart applies it.
mem_mb=$(awk '/^MemTotal:/ { print int($2 / 1024) }' /proc/meminfo)
want_mb=$(( mem_mb / 4 > 2048 ? 2048 : mem_mb / 4 ))
have_mb=$(psql_admin -c "select setting::bigint * 8 / 1024 from pg_settings where name = 'shared_buffers'")
pg_version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -1)
# Only a server this machine runs (the one scripts/postgres.sh installs) is restarted; another is left as it is.
if [ "$have_mb" -lt "$want_mb" ] && [ -n "$pg_version" ] && command -v pg_ctlcluster >/dev/null 2>&1; then
  log "Giving PostgreSQL ${want_mb} MB of shared buffers (it had ${have_mb} MB); restarting it"
  psql_admin -c "alter system set shared_buffers = '${want_mb}MB'" >/dev/null
  as_root pg_ctlcluster --skip-systemctl-redirect "$pg_version" main restart 2>/dev/null \
    || as_root pg_ctlcluster "$pg_version" main restart
  wait_for_port "$PG_HOST" "$PG_PORT" 30 || { echo "PostgreSQL did not come back" >&2; exit 1; }
fi
for db in "${DATABASES[@]}"; do
  if [ -z "$(psql_admin -c "select 1 from pg_database where datname = '$db'")" ]; then
    psql_admin -c "create database $db"
  fi
done
"$ROOT/scripts/kafka.sh" start
"$ROOT/scripts/mail.sh" start
# Keycloak takes about 30 s to start: let it do so while the services are packaged.
"$ROOT/scripts/keycloak.sh" start &
keycloak=$!

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  log "Packaging the services (./mvnw package -DskipTests)"
  (cd "$ROOT" && ./mvnw -q -B package -DskipTests)
fi

wait "$keycloak" || { echo "Keycloak did not start; see $RUN/keycloak/keycloak.log" >&2; exit 1; }

for entry in "${SERVICES[@]}"; do
  name=${entry%%:*}; port=${entry##*:}
  if wait_for_port 127.0.0.1 "$port" 0; then log "$name-service already on :$port"; continue; fi
  log "Starting $name-service on :$port"
  OC_DB_HOST="$PG_HOST" OC_DB_PORT="$PG_PORT" OC_DB_NAME="$name" OC_DB_USER="$PG_USER" OC_DB_PASSWORD="$PG_PASSWORD" \
  KAFKA_BOOTSTRAP_SERVERS="$KAFKA_BOOTSTRAP" OC_OIDC_ISSUER="$OIDC_ISSUER" QUARKUS_HTTP_PORT="$port" \
  OC_SMTP_HOST=127.0.0.1 OC_SMTP_PORT="$SMTP_PORT" \
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

"$ROOT/scripts/prometheus.sh" start
"$ROOT/scripts/demo-data.sh"

cat <<MSG

Open Circles is running.
  Organiser's page  http://127.0.0.1:8082/organiser  (sign in as organiser-london, password in $PASSWORDS)
  members-service   http://127.0.0.1:8081/q/swagger-ui
  actions-service   http://127.0.0.1:8082/q/swagger-ui
  mentoring-service http://127.0.0.1:8083/q/swagger-ui
  notifier-service  http://127.0.0.1:8084/q/swagger-ui  (subscriptions, sent log; admin only)
  Mail inboxes      $MAIL_WEB  (GreenMail; SMTP on :$SMTP_PORT)
    the morning digest for the Dulwich secretary: $MAIL_WEB/api/user/sec-dwn@staff.open-circles.example/messages/INBOX
    the safeguarding email for the London lead:   $MAIL_WEB/api/user/dsl-london@staff.open-circles.example/messages/INBOX
  Keycloak          $OIDC_ISSUER  (admin console http://127.0.0.1:$KEYCLOAK_PORT/admin)
  Prometheus        $PROMETHEUS  (alerts: $PROMETHEUS/alerts; every service's metrics at /q/metrics)
  Kafka             $KAFKA_BOOTSTRAP     PostgreSQL $PG_HOST:$PG_PORT (databases ${DATABASES[*]})
Demo people: admin, dpo, sec-dwn, sec-isn, sec-crn, sec-cht, organiser-london, organiser-national, youth-officer, dsl-london,
  dsl-national (the safeguarding fallback), operator (dead letters: /admin/dead-letters on every service);
  each has a password of their own in $PASSWORDS (the notifier a client secret).
Get a token and call an API, e.g. as the London organiser:
  TOKEN=\$(curl -s -d grant_type=password -d client_id=open-circles-cli -d username=organiser-london \\
    -d password=\$(sed -n 's/^OC_PW_ORGANISER_LONDON=//p' $PASSWORDS) $OIDC_ISSUER/protocol/openid-connect/token | jq -r .access_token)
  curl -s -H "Authorization: Bearer \$TOKEN" http://127.0.0.1:8082/dashboard
Logs in .run/logs; stop everything with scripts/stop.sh
MSG
