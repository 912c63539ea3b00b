package org.opencircles.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.opencircles.platform.schedule.PeriodicJobs;

/**
 * Publishes outbox rows to Kafka in insertion order and deletes them once Kafka has acknowledged them.
 * A crash between the ack and the delete republishes a batch: consumers are idempotent by event id.
 * After a failed send the relay asks the broker whether it is back, outside any transaction or lock, before it takes
 * the lock again, so an unreachable broker never keeps a transaction or the relay lock open. A row the broker refuses
 * for good (too large, invalid) is parked in {@code outbox_parked} with the reason, and the rows behind it go on;
 * anything else is retried on the next run, for as long as it takes.
 */
@ApplicationScoped
public class OutboxRelay {

    @Inject
    PeriodicJobs periodic;

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock key: one relay at a time per database, so replicas never publish the same rows side by side. */
    private static final long RELAY_LOCK = 0x0C1C_1E5L;
    /** What a run returns when another run (this replica's or another's) holds the relay lock. */
    static final int LOCKED_ELSEWHERE = -1;

    @Inject
    EntityManager em;

    @Inject
    OutboxConfig config;

    @Inject
    MeterRegistry registry;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    private volatile KafkaProducer<String, String> producer;
    private volatile Admin admin;
    /** Set when a send failed: the next run first checks that the broker answers. */
    private volatile boolean brokerInDoubt;
    /** Why the last run failed, or null after a run that did not: shown by the readiness check. */
    private volatile String problem;
    /** One run at a time in this process; other replicas are kept out by the advisory lock. */
    private final ReentrantLock running = new ReentrantLock();

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

    void schedulePolls(@Observes StartupEvent started) {
        periodic.every(config.pollInterval(), Duration.ofSeconds(1), OutboxRelay.class, this::poll);
    }

    /** The safety net: rows whose wake-up was lost (a crash, Kafka down, a lock held elsewhere) go on the next poll. */
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
        if (!running.tryLock()) {
            return LOCKED_ELSEWHERE;
        }
        try {
            if (brokerInDoubt && !brokerAnswers()) {
                return 0;
            }
            int published;
            int total = 0;
            do {
                published = QuarkusTransaction.requiringNew().call(this::publishBatch);
                if (published == LOCKED_ELSEWHERE) {
                    return total == 0 ? LOCKED_ELSEWHERE : total;
                }
                total += published;
            } while (published == config.batchSize());
            problem = null;
            return total;
        } catch (RuntimeException e) {
            Counter.builder("open.circles.outbox.publish.failures")
                    .description("Relay runs that failed and are retried")
                    .register(registry)
                    .increment();
            if (kafkaFailure(e)) {
                // The batch rolled back and stays in the outbox. A producer that failed may be in a state it cannot
                // leave (fenced, or with a sequence gap after a timeout): the next run starts with a fresh one.
                brokerInDoubt = true;
                discardProducer();
                problem = "Kafka did not take a batch: " + rootMessage(e);
            } else {
                // The database, most likely: rows stay in the outbox and are retried on the next tick.
                problem = "the outbox could not be read or updated: " + rootMessage(e);
            }
            LOG.warnf("Outbox relay paused, retrying: %s", problem);
            return 0;
        } finally {
            running.unlock();
        }
    }

    /** Publishes one batch inside the caller's transaction; returns how many events went out. */
    int publishBatch() {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
                lock.setLong(1, RELAY_LOCK);
                try (ResultSet rs = lock.executeQuery()) {
                    if (!rs.next() || !rs.getBoolean(1)) {
                        return LOCKED_ELSEWHERE;
                    }
                }
            }
            // Read and deleted with plain statements: a relay batch is a few columns of 500 rows, and mapping them
            // as entities (and deleting them through a 500-parameter IN list) cost more than the rows themselves.
            List<Pending> batch = new ArrayList<>(config.batchSize());
            try (PreparedStatement select = connection.prepareStatement(
                    "select event_id, topic, message_key, type, envelope from outbox_event order by seq limit ?")) {
                select.setInt(1, config.batchSize());
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        batch.add(new Pending(
                                rs.getObject(1, UUID.class),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5)));
                    }
                }
            }
            if (batch.isEmpty()) {
                return 0;
            }
            Map<UUID, String> refused = send(batch);
            if (!refused.isEmpty()) {
                park(connection, refused);
            }
            Array ids = connection.createArrayOf(
                    "uuid", batch.stream().map(Pending::eventId).toArray());
            try (PreparedStatement delete =
                    connection.prepareStatement("delete from outbox_event where event_id = any(?)")) {
                delete.setArray(1, ids);
                delete.executeUpdate();
            } finally {
                ids.free();
            }
            Counter.builder("open.circles.outbox.published")
                    .description("Events the broker acknowledged")
                    .register(registry)
                    .increment(batch.size() - refused.size());
            return batch.size();
        });
    }

    /**
     * Moves rows the broker refused for good into {@code outbox_parked}, with the reason, in the relay's transaction:
     * they are deleted from the outbox with the rest of the batch, and an operator sees them (metric and alert).
     */
    private void park(Connection connection, Map<UUID, String> refused) throws SQLException {
        for (Map.Entry<UUID, String> row : refused.entrySet()) {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into outbox_parked (seq, event_id, topic, aggregate_id, message_key, type, envelope,
                                               created_at, parked_at, reason)
                    select seq, event_id, topic, aggregate_id, message_key, type, envelope, created_at, now(), ?
                    from outbox_event where event_id = ?
                    on conflict do nothing""")) {
                insert.setString(1, row.getValue());
                insert.setObject(2, row.getKey());
                insert.executeUpdate();
            }
            MDC.put("eventId", row.getKey().toString());
            try {
                LOG.errorf(
                        "Outbox row parked: the broker refuses it for good (%s); the rows behind it go on",
                        row.getValue());
            } finally {
                MDC.remove("eventId");
            }
        }
    }

    /** An outbox row on its way to Kafka. */
    private record Pending(UUID eventId, String topic, String messageKey, String type, String envelope) {}

    /**
     * Sends a batch and waits, at most the ack timeout, until Kafka has acknowledged all of it; returns the rows it
     * refused for good, with the reason. Any other failure fails the whole batch, which is retried.
     */
    private Map<UUID, String> send(List<Pending> batch) {
        try {
            KafkaProducer<String, String> kafka = producer();
            List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
            for (Pending event : batch) {
                ProducerRecord<String, String> record =
                        new ProducerRecord<>(event.topic(), event.messageKey(), event.envelope());
                record.headers().add("event-type", event.type().getBytes(StandardCharsets.UTF_8));
                record.headers().add("event-id", event.eventId().toString().getBytes(StandardCharsets.UTF_8));
                acks.add(kafka.send(record));
            }
            kafka.flush();
            long deadline = System.nanoTime() + config.ackTimeout().toNanos();
            Map<UUID, String> refused = new HashMap<>();
            for (int i = 0; i < acks.size(); i++) {
                try {
                    acks.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (ExecutionException e) {
                    if (!refusedForGood(e.getCause())) {
                        throw e;
                    }
                    refused.put(batch.get(i).eventId(), e.getCause().toString());
                }
            }
            return refused;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaSendFailed(e);
        } catch (Exception e) {
            throw new KafkaSendFailed(e);
        }
    }

    /** Asks the broker for its cluster id, holding no transaction and no lock; true once it answers again. */
    private boolean brokerAnswers() {
        try {
            if (admin == null) {
                admin = Admin.create(new HashMap<>(kafkaConfig));
            }
            int timeout = (int) config.probeTimeout().toMillis();
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeout))
                    .clusterId()
                    .get(timeout + 500L, TimeUnit.MILLISECONDS);
            brokerInDoubt = false;
            LOG.info("Kafka answers again; the outbox relay resumes");
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            LOG.debugf("Kafka still unreachable: %s", e.getMessage());
            return false;
        }
    }

    private KafkaProducer<String, String> producer() {
        KafkaProducer<String, String> current = producer;
        if (current == null) {
            long ackMillis = config.ackTimeout().toMillis();
            Map<String, Object> props = new HashMap<>(kafkaConfig);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            // Every wait below is shorter than the ack timeout, so a batch never outlives it under the lock.
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) Math.max(500, ackMillis / 2));
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(500, ackMillis / 2));
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(1_000, ackMillis - 500));
            props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            // A relay batch (500 envelopes of a few hundred bytes, mostly the same field names) goes to the broker
            // in a few large compressed record batches rather than dozens of 16 kB ones: less for the broker to write
            // and for every consumer group to fetch.
            props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
            props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            current = new KafkaProducer<>(props);
            producer = current;
        }
        return current;
    }

    private void discardProducer() {
        KafkaProducer<String, String> failed = producer;
        producer = null;
        if (failed != null) {
            failed.close(Duration.ZERO);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        waker.shutdownNow();
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }

    /** The broker (or the producer, before sending) will never take this record as it is. */
    private static boolean refusedForGood(Throwable e) {
        return e instanceof RecordTooLargeException
                || e instanceof RecordBatchTooLargeException
                || e instanceof InvalidRecordException
                || e instanceof InvalidTopicException;
    }

    /** Why the relay could not publish on its last run; empty after a run that could. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    private static boolean kafkaFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof KafkaSendFailed) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }

    /** Kafka did not take a batch (unreachable, timed out, or the producer failed for good). */
    private static final class KafkaSendFailed extends RuntimeException {
        KafkaSendFailed(Throwable cause) {
            super(cause);
        }
    }
}
