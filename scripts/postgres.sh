#!/usr/bin/env bash
# Makes sure a PostgreSQL server answers on 127.0.0.1:5432 as postgres/postgres: installs it from Debian's packages
# when missing, starts the cluster when stopped. Idempotent; used by start.sh and .ci/run.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
  log "PostgreSQL not found: installing it (apt)"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql postgresql-client >/dev/null
fi
if ! wait_for_port "$PG_HOST" "$PG_PORT" 1; then
  version=$(ls /etc/postgresql | sort -V | tail -1)
  log "Starting PostgreSQL $version"
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null || as_root pg_ctlcluster "$version" main start
  wait_for_port "$PG_HOST" "$PG_PORT" 30 || { echo "PostgreSQL did not start" >&2; exit 1; }
fi
# A fresh install only lets the postgres OS user in over the socket; give the role the password the tests use.
if ! psql_admin -c 'select 1' >/dev/null 2>&1; then
  log "Setting the postgres role's password"
  as_root su postgres -c "psql -qc \"alter user postgres password '$PG_PASSWORD'\"" >/dev/null
fi
psql_admin -c 'select 1' >/dev/null
log "PostgreSQL ready on $PG_HOST:$PG_PORT"
