package org.opencircles.platform.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.TimeUnit;

/**
 * Publishes outbox rows to Kafka in insertion order and deletes them once Kafka has acknowledged them.
 * A crash between the ack and the delete republishes a batch: consumers are idempotent by event id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock key: one relay at a time per database, so replicas cannot reorder an aggregate's events. */
    private static final long RELAY_LOCK = 0x0C1C_1E5L;
    /** What a run returns when another run (this replica's or another's) holds the relay lock. */
    static final int LOCKED_ELSEWHERE = -1;

    @Inject
    EntityManager em;

    @Inject
    OutboxConfig config;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    private volatile KafkaProducer<String, String> producer;

    /** Wake-ups after commits run here, one at a time; a burst of commits coalesces into one pending run. */
    private final ExecutorService waker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "outbox-relay-wake");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean wakePending = new AtomicBoolean();

    /** Asks for a relay run soon, without blocking the committing thread. */
    public void wake() {
        if (wakePending.compareAndSet(false, true)) {
            waker.execute(() -> {
                wakePending.set(false);
                relayAfterCommit();
            });
        }
    }

    /** The safety net: rows whose wake-up was lost (a crash, Kafka down, a lock held elsewhere) go on the next poll. */
    @Scheduled(every = "${open-circles.outbox.poll-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        relay();
    }

    /**
     * After a commit the new rows must go now: if another run holds the lock it may have selected its batch before
     * this commit, so wait for it briefly rather than leave the rows to the next poll.
     */
    private void relayAfterCommit() {
        for (int attempt = 0; attempt < 100 && relay() == LOCKED_ELSEWHERE; attempt++) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Publishes until the outbox is empty; returns {@link #LOCKED_ELSEWHERE} if another run holds the lock. */
    int relay() {
        try {
            int published;
            int total = 0;
            do {
                published = QuarkusTransaction.requiringNew().call(this::publishBatch);
                if (published == LOCKED_ELSEWHERE) {
                    return total == 0 ? LOCKED_ELSEWHERE : total;
                }
                total += published;
            } while (published == config.batchSize());
            return total;
        } catch (RuntimeException e) {
            // Rows stay in the outbox and are retried on the next tick; nothing is lost.
            LOG.warnf("Outbox relay paused: %s", e.getMessage());
            return 0;
        }
    }

    /** Publishes one batch inside the caller's transaction; returns how many events went out. */
    int publishBatch() throws Exception {
        Object locked = em.createNativeQuery("select pg_try_advisory_xact_lock(:key)")
                .setParameter("key", RELAY_LOCK).getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return LOCKED_ELSEWHERE;
        }
        List<OutboxEvent> batch = OutboxEvent.<OutboxEvent>find("order by seq").page(0, config.batchSize()).list();
        if (batch.isEmpty()) {
            return 0;
        }
        KafkaProducer<String, String> kafka = producer();
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (OutboxEvent event : batch) {
            ProducerRecord<String, String> record = new ProducerRecord<>(event.topic, event.aggregateId, event.envelope);
            record.headers().add("event-type", event.type.getBytes(StandardCharsets.UTF_8));
            record.headers().add("event-id", event.eventId.toString().getBytes(StandardCharsets.UTF_8));
            acks.add(kafka.send(record));
        }
        kafka.flush();
        long deadline = System.nanoTime() + config.ackTimeout().toNanos();
        for (Future<RecordMetadata> ack : acks) {
            ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        List<Long> seqs = batch.stream().map(e -> e.seq).toList();
        OutboxEvent.delete("seq in ?1", seqs);
        return batch.size();
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    Map<String, Object> props = new HashMap<>(kafkaConfig);
                    props.put(ProducerConfig.ACKS_CONFIG, "all");
                    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
                    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
                    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 14_000);
                    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
                    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    producer = new KafkaProducer<>(props);
                }
            }
        }
        return producer;
    }

    void onStop(@Observes ShutdownEvent event) {
        waker.shutdownNow();
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }
}
