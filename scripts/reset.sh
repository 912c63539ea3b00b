#!/usr/bin/env bash
# Wipes the local system back to nothing: stops it, deletes Kafka's data and drops the three databases.
# Databases and topics must be reset together, or services replay events about members that no longer exist.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
"$ROOT/scripts/stop.sh"
rm -rf "$RUN/kafka/data"
for db in members actions mentoring; do psql_admin -c "drop database if exists $db with (force)"; done
log "Reset: Kafka data deleted, databases dropped. scripts/start.sh starts afresh."
