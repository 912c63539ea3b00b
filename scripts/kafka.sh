#!/usr/bin/env bash
# A real Apache Kafka broker (KRaft, combined broker and controller) as its own process, from the kafka_2.13 jars
# on Maven Central: no Docker. Usage: scripts/kafka.sh start|stop
set -euo pipefail
source "$(dirname "$0")/lib.sh"
K="$RUN/kafka"

start() {
  if wait_for_port 127.0.0.1 "$KAFKA_PORT" 0; then log "Kafka already listening on $KAFKA_BOOTSTRAP"; return; fi
  mkdir -p "$K"
  if [ ! -f "$K/libs/.complete" ]; then
    log "Fetching the Kafka broker jars (Maven Central)"
    "$ROOT/mvnw" -q -B -f "$ROOT/scripts/kafka/pom.xml" dependency:copy-dependencies \
      -DoutputDirectory="$K/libs" -DincludeScope=runtime
    touch "$K/libs/.complete"
  fi
  cat > "$K/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$((KAFKA_PORT + 1))
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$((KAFKA_PORT + 1))
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$K/data
num.partitions=3
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
PROPS
  if [ ! -f "$K/data/meta.properties" ]; then
    cluster_id=$(java -cp "$K/libs/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)
    java -cp "$K/libs/*" kafka.tools.StorageTool format -t "$cluster_id" -c "$K/server.properties" --standalone >/dev/null
  fi
  log "Starting Kafka on $KAFKA_BOOTSTRAP"
  nohup java -Xmx512m -cp "$K/libs/*" kafka.Kafka "$K/server.properties" > "$K/kafka.log" 2>&1 &
  echo $! > "$K/pid"
  wait_for_port 127.0.0.1 "$KAFKA_PORT" 60 || { echo "Kafka did not start; see $K/kafka.log" >&2; exit 1; }
  for topic in member-events commitment-events follow-ups mentoring-events personal-data-access safeguarding-cover \
      actions-service.dlq mentoring-service.dlq members-service.dlq notifier-service.dlq; do
    java -cp "$K/libs/*" org.apache.kafka.tools.TopicCommand --bootstrap-server "$KAFKA_BOOTSTRAP" --create \
      --if-not-exists --topic "$topic" --partitions 3 --replication-factor 1 >/dev/null 2>&1
  done
  log "Kafka ready, topics created"
}

stop() {
  if [ -f "$K/pid" ]; then
    pid=$(cat "$K/pid")
    kill "$pid" 2>/dev/null && log "Stopping Kafka"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$K/pid"
}

"${1:-start}"
