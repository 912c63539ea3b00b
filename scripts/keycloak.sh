#!/usr/bin/env bash
# The identity provider: Keycloak (keycloak-quarkus-dist from Maven Central, no Docker) with the realm in
# keycloak/open-circles-realm.json. On first start every demo person gets a password of their own, and the notifier
# a client secret, generated into .run/keycloak/passwords.env (readable by you only): nothing shared, nothing
# committed. Keycloak needs Java 21 or later (OC_KEYCLOAK_JAVA_HOME, or a JDK found under /usr/lib/jvm).
# Usage: scripts/keycloak.sh start|stop
set -euo pipefail
source "$(dirname "$0")/lib.sh"
KC_VERSION=$(sed -n "s:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p" "$ROOT/pom.xml")
KC="$RUN/keycloak"
DIST="$KC/keycloak-$KC_VERSION"

install() {
  [ -x "$DIST/bin/kc.sh" ] && return
  log "Fetching Keycloak $KC_VERSION (Maven Central, about 160 MB, once)"
  mkdir -p "$KC/download"
  "$ROOT/mvnw" -q -B -f "$ROOT/scripts/kafka/pom.xml" dependency:copy \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:tar.gz" -DoutputDirectory="$KC/download"
  tar -xzf "$KC/download/keycloak-quarkus-dist-$KC_VERSION.tar.gz" -C "$KC"
  rm -rf "$KC/download"
}

passwords() {
  umask 077
  if [ ! -f "$PASSWORDS" ]; then
    log "Generating a password for each demo person into $PASSWORDS"
    {
      echo "OC_NOTIFIER_SECRET=$(random_secret)"
      echo "KC_BOOTSTRAP_ADMIN_USERNAME=keycloak-admin"
      echo "KC_BOOTSTRAP_ADMIN_PASSWORD=$(random_secret)"
    } > "$PASSWORDS"
  fi
  # A person added to the realm since the file was made gets a password of their own too.
  for person in "${STAFF[@]}"; do
    grep -q "^$(password_var "$person")=" "$PASSWORDS" || echo "$(password_var "$person")=$(random_secret)" >> "$PASSWORDS"
  done
}

start() {
  if curl -fs "$OIDC_ISSUER/.well-known/openid-configuration" >/dev/null 2>&1; then
    log "Keycloak already serving $OIDC_ISSUER"; return
  fi
  java_home=$(keycloak_java_home) || { echo "Keycloak needs Java 21+: set OC_KEYCLOAK_JAVA_HOME" >&2; exit 1; }
  install
  passwords
  mkdir -p "$DIST/data/import"
  cp "$ROOT/keycloak/open-circles-realm.json" "$DIST/data/import/"
  log "Starting Keycloak on :$KEYCLOAK_PORT (realm open-circles)"
  ( set -a; source "$PASSWORDS"; set +a
    JAVA_HOME="$java_home" nohup "$DIST/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$KEYCLOAK_PORT" \
      --import-realm --health-enabled=true > "$KC/keycloak.log" 2>&1 &
    echo $! > "$KC/pid" )
  for _ in $(seq 1 180); do
    curl -fs "$OIDC_ISSUER/.well-known/openid-configuration" >/dev/null 2>&1 && { log "Keycloak ready: $OIDC_ISSUER"; return; }
    kill -0 "$(cat "$KC/pid")" 2>/dev/null || { echo "Keycloak died; see $KC/keycloak.log" >&2; exit 1; }
    sleep 1
  done
  echo "Keycloak not ready after 180 s; see $KC/keycloak.log" >&2; exit 1
}

stop() {
  [ -f "$KC/pid" ] || return 0
  pid=$(cat "$KC/pid")
  # kc.sh execs java; stop the whole process group it started.
  pkill -TERM -P "$pid" 2>/dev/null || true
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  pgrep -f "$DIST" >/dev/null && pkill -KILL -f "$DIST" || true
  rm -f "$KC/pid"; log "Stopped Keycloak"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
