# Shared settings for the scripts; sourced, not run.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN="$ROOT/.run"
PG_HOST="${OC_DB_HOST:-127.0.0.1}"
PG_PORT="${OC_DB_PORT:-5432}"
PG_USER="${OC_DB_USER:-postgres}"
PG_PASSWORD="${OC_DB_PASSWORD:-postgres}"
KAFKA_PORT="${OC_KAFKA_PORT:-9092}"
KAFKA_BOOTSTRAP="127.0.0.1:$KAFKA_PORT"
DEMO_PASSWORD="${OC_DEMO_PASSWORD:-demo}"
SERVICES=(members:8081 actions:8082 mentoring:8083)

log() { printf '\033[1m[open-circles]\033[0m %s\n' "$*"; }

# As root we can install packages; otherwise use sudo when there is one.
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

wait_for_port() { # host port seconds
  for _ in $(seq 1 $(( $3 * 5 ))); do
    (echo > "/dev/tcp/$1/$2") 2>/dev/null && return 0
    sleep 0.2
  done
  return 1
}

psql_admin() { PGPASSWORD="$PG_PASSWORD" psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
