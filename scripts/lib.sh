# Shared settings for the scripts; sourced, not run.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN="$ROOT/.run"
PG_HOST="${OC_DB_HOST:-127.0.0.1}"
PG_PORT="${OC_DB_PORT:-5432}"
PG_USER="${OC_DB_USER:-postgres}"
PG_PASSWORD="${OC_DB_PASSWORD:-postgres}"
KAFKA_PORT="${OC_KAFKA_PORT:-9092}"
KAFKA_BOOTSTRAP="127.0.0.1:$KAFKA_PORT"
KEYCLOAK_PORT="${OC_KEYCLOAK_PORT:-8180}"
OIDC_ISSUER="http://127.0.0.1:$KEYCLOAK_PORT/realms/open-circles"
PASSWORDS="$RUN/keycloak/passwords.env"
# The mail server the notifier sends through (GreenMail: SMTP, and a web API over every inbox).
SMTP_PORT="${OC_SMTP_PORT:-3025}"
MAIL_WEB_PORT="${OC_MAIL_WEB_PORT:-8025}"
MAIL_WEB="http://127.0.0.1:$MAIL_WEB_PORT"
GREENMAIL_VERSION=2.1.8
# Prometheus (scripts/prometheus.sh): scrapes every service and evaluates ops/prometheus/alerts.yml.
PROMETHEUS_PORT="${OC_PROMETHEUS_PORT:-9091}"
PROMETHEUS="http://127.0.0.1:$PROMETHEUS_PORT"
# The demo people in keycloak/open-circles-realm.json; the notifier signs in with client credentials.
STAFF=(admin dpo sec-dwn sec-isn sec-crn sec-cht organiser-london organiser-national youth-officer dsl-london dsl-national operator)
SERVICES=(members:8081 actions:8082 mentoring:8083 notifier:8084)
# Every service's database.
DATABASES=(members actions mentoring notifier)

log() { printf '\033[1m[open-circles]\033[0m %s\n' "$*"; }

# As root we can install packages; otherwise use sudo when there is one.
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
# Stops with how to install a command a script needs (a Debian package of the same name), before it starts work.
needs() { command -v "$1" >/dev/null || { echo "$1 is missing: apt-get install $1" >&2; exit 1; }; }

wait_for_port() { # host port seconds (0: is it listening now?)
  for _ in $(seq 1 $(( $3 * 5 > 0 ? $3 * 5 : 1 ))); do
    (echo > "/dev/tcp/$1/$2") 2>/dev/null && return 0
    sleep 0.2
  done
  return 1
}

psql_admin() { PGPASSWORD="$PG_PASSWORD" psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

password_var() { printf 'OC_PW_%s' "$(echo "$1" | tr 'a-z-' 'A-Z_')"; }
random_secret() { head -c 24 /dev/urandom | base64 | tr -d '/+=' | head -c 24; }

# A Java 21+ home for Keycloak: OC_KEYCLOAK_JAVA_HOME, else the newest JDK under /usr/lib/jvm that is 21 or later.
keycloak_java_home() {
  if [ -n "${OC_KEYCLOAK_JAVA_HOME:-}" ]; then echo "$OC_KEYCLOAK_JAVA_HOME"; return; fi
  for d in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    v=$("$d/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/.*java.specification.version = \([0-9]*\).*/\1/p')
    [ -n "$v" ] && [ "$v" -ge 21 ] && { echo "${d%/}"; return; }
  done
  return 1
}

# An access token for a demo person (password grant through the CLI client) or for "notifier" (client credentials).
token() {
  [ -f "$PASSWORDS" ] || { echo "no $PASSWORDS: start the system with scripts/start.sh" >&2; return 1; }
  local var response
  if [ "$1" = notifier ]; then
    response=$(curl -s -d grant_type=client_credentials -d client_id=open-circles-notifier \
      --data-urlencode "client_secret=$(sed -n 's/^OC_NOTIFIER_SECRET=//p' "$PASSWORDS")" "$OIDC_ISSUER/protocol/openid-connect/token")
  else
    var=$(password_var "$1")
    response=$(curl -s -d grant_type=password -d client_id=open-circles-cli --data-urlencode "username=$1" \
      --data-urlencode "password=$(sed -n "s/^$var=//p" "$PASSWORDS")" "$OIDC_ISSUER/protocol/openid-connect/token")
  fi
  printf '%s' "$response" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}
