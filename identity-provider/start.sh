#!/usr/bin/env bash
# Starts the built Keycloak for the end-to-end tests in the background at the start of the build, so it has booted
# by the time they begin (they attach to it; started by them, it cost a minute on 2 cores beside four services).
# It lives as long as the Maven process that started it, or until the tests stop it. Writes, readable by this user
# only, target/keycloak.env (its port and every person's generated secret) and target/keycloak.pid.
# Usage: identity-provider/start.sh <keycloak-dist-dir> <target-dir>
set -euo pipefail
source "$(dirname "$0")/../scripts/lib.sh"
DIST="$1"
TARGET="$2"
MAVEN=$PPID
java_home=$(keycloak_java_home) || { echo "Keycloak needs Java 21+: set OC_KEYCLOAK_JAVA_HOME" >&2; exit 1; }

free_port() {
  for port in $(seq 28180 28979); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
  return 1
}

rm -f "$TARGET/keycloak.pid" "$TARGET/keycloak.env"
# A fresh realm every build; the services listen on free ports, so the page's client may return to any of them.
rm -rf "$DIST/data"
mkdir -p "$DIST/data/import"
sed -e 's#"http://127.0.0.1:8082/organiser/callback"#"http://127.0.0.1:*"#' \
    -e 's#http://127.0.0.1:8082/organiser\#\##http://127.0.0.1:*\#\##' \
    "$ROOT/keycloak/open-circles-realm.json" > "$DIST/data/import/open-circles-realm.json"
umask 077
{
  echo "KEYCLOAK_PORT=$(free_port)"
  echo "KC_BOOTSTRAP_ADMIN_USERNAME=keycloak-admin"
  echo "KC_BOOTSTRAP_ADMIN_PASSWORD=$(random_secret)"
  for var in $(grep -o 'OC_PW_[A-Z_]*\|OC_NOTIFIER_SECRET' "$ROOT/keycloak/open-circles-realm.json" | sort -u); do
    echo "$var=$(random_secret)"
  done
} > "$TARGET/keycloak.env"

# In a session of its own, detached from Maven's output; a watcher stops it when Maven has gone.
setsid bash -c '
  set -a; source "$1/keycloak.env"; set +a
  JAVA_HOME="$3" "$2/bin/kc.sh" start --optimized --http-enabled=true --hostname-strict=false \
    --http-host=127.0.0.1 --http-port="$KEYCLOAK_PORT" --import-realm > "$1/keycloak.log" 2>&1 &
  keycloak=$!
  echo "$keycloak" > "$1/keycloak.pid"
  while kill -0 "$4" 2>/dev/null && kill -0 "$keycloak" 2>/dev/null; do sleep 2; done
  kill "$keycloak" 2>/dev/null || true
' _ "$TARGET" "$DIST" "$java_home" "$MAVEN" < /dev/null > /dev/null 2>&1 &
for _ in $(seq 1 50); do [ -s "$TARGET/keycloak.pid" ] && exit 0; sleep 0.1; done
echo "Keycloak did not start; see $TARGET/keycloak.log" >&2
exit 1
