#!/usr/bin/env bash
# A real SMTP server for the notifier, with a web API over every inbox: GreenMail standalone from Maven Central (the
# same server the notifier's tests use), no Docker. Usage: scripts/mail.sh start|stop
set -euo pipefail
source "$(dirname "$0")/lib.sh"
G="$RUN/mail"

start() {
  if wait_for_port 127.0.0.1 "$SMTP_PORT" 0; then log "SMTP already listening on :$SMTP_PORT"; return; fi
  mkdir -p "$G"
  local jar="$G/greenmail-standalone.jar"
  if [ ! -f "$jar" ]; then
    log "Fetching GreenMail standalone $GREENMAIL_VERSION (Maven Central)"
    "$ROOT/mvnw" -q -B -f "$ROOT/pom.xml" -N dependency:copy \
      -Dartifact="com.icegreen:greenmail-standalone:$GREENMAIL_VERSION" -DoutputDirectory="$G"
    mv "$G/greenmail-standalone-$GREENMAIL_VERSION.jar" "$jar"
  fi
  log "Starting GreenMail: SMTP on :$SMTP_PORT, inboxes on $MAIL_WEB"
  # Any address is accepted and gets an inbox; nothing leaves this machine.
  nohup java -Xmx128m -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$SMTP_PORT" \
    -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$MAIL_WEB_PORT" -Dgreenmail.auth.disabled \
    -jar "$jar" > "$G/greenmail.log" 2>&1 &
  echo $! > "$G/pid"
  wait_for_port 127.0.0.1 "$SMTP_PORT" 60 || { echo "GreenMail did not start; see $G/greenmail.log" >&2; exit 1; }
  wait_for_port 127.0.0.1 "$MAIL_WEB_PORT" 30 || { echo "GreenMail's API did not start; see $G/greenmail.log" >&2; exit 1; }
}

stop() {
  if [ -f "$G/pid" ]; then
    pid=$(cat "$G/pid")
    kill "$pid" 2>/dev/null && log "Stopping GreenMail"
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$G/pid"
}

"${1:-start}"
