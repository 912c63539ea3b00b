#!/usr/bin/env bash
# Prometheus for the running system: Debian's prometheus package (installed if missing), scraping every service's
# /q/metrics and evaluating ops/prometheus/alerts.yml. Usage: scripts/prometheus.sh start|stop
set -euo pipefail
source "$(dirname "$0")/lib.sh"
P="$RUN/prometheus"

start() {
  if curl -fs "$PROMETHEUS/-/ready" >/dev/null 2>&1; then log "Prometheus already at $PROMETHEUS"; return; fi
  if ! command -v prometheus >/dev/null 2>&1; then
    log "Installing Prometheus (Debian's package)"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq prometheus >/dev/null 2>&1 \
      || { as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq prometheus >/dev/null; }
  fi
  mkdir -p "$P/data"
  # The package's own service (if systemd started one) listens on 9090; ours has its own port, config and data.
  log "Starting Prometheus on :$PROMETHEUS_PORT (rules: ops/prometheus/alerts.yml)"
  nohup prometheus --config.file="$ROOT/ops/prometheus/prometheus.yml" --storage.tsdb.path="$P/data" \
    --web.listen-address="127.0.0.1:$PROMETHEUS_PORT" --storage.tsdb.retention.time=7d \
    > "$P/prometheus.log" 2>&1 &
  echo $! > "$P/pid"
  for _ in $(seq 1 60); do
    curl -fs "$PROMETHEUS/-/ready" >/dev/null 2>&1 && { log "Prometheus ready: $PROMETHEUS"; return; }
    kill -0 "$(cat "$P/pid")" 2>/dev/null || { echo "Prometheus died; see $P/prometheus.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "Prometheus not ready after 30 s; see $P/prometheus.log" >&2; exit 1
}

stop() {
  if [ -f "$P/pid" ]; then
    pid=$(cat "$P/pid")
    kill "$pid" 2>/dev/null && log "Stopping Prometheus"
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$P/pid"
}

"${1:-start}"
