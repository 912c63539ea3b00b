#!/usr/bin/env bash
# Wipes the local system back to nothing: stops it, deletes Kafka's and Keycloak's data and drops the services' databases
# (the demo people's generated passwords in .run/keycloak/passwords.env are kept, and imported again at next start).
# Databases and topics must be reset together, or services replay events about members that no longer exist.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
"$ROOT/scripts/stop.sh"
rm -rf "$RUN/kafka/data" "$RUN"/keycloak/keycloak-*/data "$RUN/prometheus/data"
for db in "${DATABASES[@]}"; do psql_admin -c "drop database if exists $db with (force)"; done
log "Reset: Kafka and Keycloak data deleted, databases dropped. scripts/start.sh starts afresh."
