package org.opencircles.platform.consumer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;
import org.opencircles.platform.database.DatabaseProbe;

/**
 * One member of a service's consumer group: polls its topics, applies each poll's events in one transaction, and
 * commits the offsets only after that transaction. A failure that is not the message's fault (a timeout, a lost
 * connection, a lock, or anything at all while the database does not answer a probe) rewinds to the first unapplied
 * record and waits (paused, still in the group) before trying again, for as long as it takes. Otherwise the batch is
 * isolated record by record, and only a record that cannot be read, or that keeps failing while the database
 * answers, goes to the dead-letter topic with the reason.
 */
final class ConsumerLoop implements Runnable {

    private static final Logger LOG = Logger.getLogger(ConsumerLoop.class);

    private final String name;
    private final EventApplication application;
    private final Set<String> topics;
    private final Inbox inbox;
    private final EventConsumerConfig config;
    private final Map<String, Object> kafkaConfig;
    private final DeadLetters deadLetters;
    private final DatabaseProbe database;
    private final ConsumerMetrics metrics;
    private final String groupId;
    private final Thread thread;

    private volatile boolean running = true;
    /** Why the loop is not making progress, or null while it is. */
    private volatile String problem;

    private volatile boolean started;
    private KafkaConsumer<String, String> consumer;
    private boolean pausedForBackoff;
    private int consecutiveFailures;

    ConsumerLoop(
            String name,
            String groupId,
            EventApplication application,
            Set<String> topics,
            Inbox inbox,
            EventConsumerConfig config,
            Map<String, Object> kafkaConfig,
            DeadLetters deadLetters,
            DatabaseProbe database,
            ConsumerMetrics metrics) {
        this.name = name;
        this.groupId = groupId;
        this.application = application;
        this.topics = topics;
        this.inbox = inbox;
        this.config = config;
        this.kafkaConfig = kafkaConfig;
        this.deadLetters = deadLetters;
        this.database = database;
        this.metrics = metrics;
        this.thread = new Thread(this, name);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Leaves the group: offsets of everything applied are already committed, so another member resumes there. */
    void stop(Duration wait) {
        running = false;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            thread.join(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String name() {
        return name;
    }

    /** Empty while the loop makes progress; otherwise what holds it up (shown by the readiness check). */
    Optional<String> problem() {
        if (!running) {
            return Optional.of("stopped");
        }
        return Optional.ofNullable(problem);
    }

    boolean started() {
        return started;
    }

    @Override
    public void run() {
        while (running) {
            try (KafkaConsumer<String, String> c = newConsumer()) {
                consumer = c;
                c.subscribe(topics, new Rebalance());
                started = true;
                while (running) {
                    ConsumerRecords<String, String> records = c.poll(config.pollTimeout());
                    if (!records.isEmpty()) {
                        handle(records);
                    }
                    reportLag();
                }
            } catch (WakeupException stopping) {
                // stop() was called.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } catch (RuntimeException e) {
                // Kafka itself failed in a way the client could not recover from: a fresh consumer resumes at the
                // committed offsets, so nothing is skipped.
                problem = "consumer restarting after " + e;
                LOG.errorf(e, "%s failed; starting a fresh consumer", name);
                sleepQuietly(config.maxBackoff());
            } finally {
                consumer = null;
                pausedForBackoff = false;
            }
        }
    }

    private KafkaConsumer<String, String> newConsumer() {
        Map<String, Object> props = new HashMap<>(kafkaConfig);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(
                ConsumerConfig.CLIENT_ID_CONFIG,
                name + "-" + UUID.randomUUID().toString().substring(0, 8));
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxPollRecords());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }

    /** Applies one poll's records, then commits their offsets; on failure, rewinds as described on the class. */
    private void handle(ConsumerRecords<String, String> records) throws InterruptedException {
        List<Incoming> batch = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            batch.add(read(record));
        }
        try {
            applyInOneTransaction(batch);
        } catch (RuntimeException e) {
            Verdict verdict = Verdict.on(e, database);
            if (verdict.retry()) {
                backOff(batch, verdict.reason());
                return;
            }
            LOG.warnf(
                    "%s: a batch of %d failed (%s) while the database answers; applying its records one at a time",
                    name, batch.size(), FailureKind.rootMessage(e));
            applyOneAtATime(batch);
            return;
        }
        if (finish(batch, batch)) {
            healthy();
        }
    }

    private Incoming read(ConsumerRecord<String, String> record) {
        try {
            Optional<ReceivedEvent> event = inbox.read(record.value());
            if (event.isEmpty()) {
                metrics.unknownType(record.topic(), inbox.wireType(record.value()));
            }
            return new Incoming(record, event, null);
        } catch (PoisonMessageException e) {
            return new Incoming(record, Optional.empty(), e.getMessage());
        }
    }

    /** Applies every readable event of the batch that this consumer has not applied before, in one transaction. */
    private void applyInOneTransaction(List<Incoming> batch) {
        List<EventApplication.Delivered> events = new ArrayList<>(batch.size());
        for (Incoming in : batch) {
            in.event()
                    .ifPresent(e -> events.add(
                            new EventApplication.Delivered(in.record().topic(), e)));
        }
        application.apply(events).forEach(metrics::applied);
    }

    /**
     * Isolates what made a batch fail: each record in its own transaction. A record whose failure is to be waited
     * out rewinds the loop to it; one whose content is at fault, or that fails {@code maxAttempts} times while the
     * database answers, is dead-lettered with the reason.
     */
    private void applyOneAtATime(List<Incoming> batch) throws InterruptedException {
        for (int i = 0; i < batch.size(); i++) {
            Incoming in = batch.get(i);
            int attempts = 0;
            while (running) {
                try {
                    applyInOneTransaction(List.of(in));
                    break;
                } catch (RuntimeException e) {
                    Verdict verdict = Verdict.on(e, database);
                    if (verdict.retry()) {
                        if (finish(batch.subList(0, i), batch)) {
                            backOff(batch.subList(i, batch.size()), verdict.reason());
                        }
                        return;
                    }
                    attempts++;
                    boolean content = FailureKind.of(e) == FailureKind.CONTENT;
                    if (content || attempts >= config.maxAttempts()) {
                        String reason = content
                                ? FailureKind.rootMessage(e)
                                : "failed " + attempts + " times while the database answered: "
                                        + FailureKind.rootMessage(e);
                        in.logged(() -> LOG.errorf(
                                e,
                                "%s: the event at %s-%d is dead-lettered: %s",
                                name,
                                in.record().topic(),
                                in.record().offset(),
                                reason));
                        batch.set(i, new Incoming(in.record(), Optional.empty(), reason));
                        break;
                    }
                    Thread.sleep(config.backoffAfter(attempts).toMillis());
                }
            }
            if (!running) {
                return;
            }
        }
        if (finish(batch, batch)) {
            healthy();
        }
    }

    /**
     * Dead-letters the poison records of {@code batch} and commits the offsets past it; false (with the loop rewound
     * to the start of {@code rewindIfFailed}) if the dead-letter topic could not be written, so nothing is committed
     * past a poison record that was not kept.
     */
    private boolean finish(List<Incoming> batch, List<Incoming> rewindIfFailed) {
        if (batch.isEmpty()) {
            return true;
        }
        try {
            for (Incoming in : batch) {
                if (in.poison() != null) {
                    deadLetters.send(
                            in.record(), application.consumerName(in.record().topic()), in.poison());
                    metrics.deadLettered(in.record().topic());
                    in.logged(() -> LOG.warnf(
                            "%s: dead-lettered the record at %s-%d: %s",
                            name, in.record().topic(), in.record().offset(), in.poison()));
                }
            }
        } catch (RuntimeException e) {
            backOff(rewindIfFailed, "the dead-letter topic did not take a record: " + FailureKind.rootMessage(e));
            return false;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (Incoming in : batch) {
            ConsumerRecord<String, String> r = in.record();
            offsets.merge(
                    new TopicPartition(r.topic(), r.partition()),
                    new OffsetAndMetadata(r.offset() + 1),
                    (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        try {
            consumer.commitSync(offsets);
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            // A rebalance took the partitions away: their new owner replays from the last commit, and the inbox
            // makes that replay change nothing.
            LOG.infof(
                    "%s: offsets not committed (%s); the partitions' next owner replays them harmlessly",
                    name, e.getMessage());
        }
        return true;
    }

    /**
     * Rewinds every partition of {@code pending} to its first record, then waits out the backoff with all partitions
     * paused: the loop keeps polling (so it stays in the group) but takes no records until the wait is over.
     */
    private void backOff(List<Incoming> pending, String reason) {
        consecutiveFailures++;
        Duration wait = config.backoffAfter(consecutiveFailures);
        problem = "retrying in " + wait.toMillis() + " ms (attempt " + consecutiveFailures + "): " + reason;
        if (consecutiveFailures == 1 || consecutiveFailures % 10 == 0) {
            LOG.warnf("%s: %s", name, problem);
        }
        Map<TopicPartition, Long> firstOffsets = new HashMap<>();
        for (Incoming in : pending) {
            firstOffsets.merge(
                    new TopicPartition(in.record().topic(), in.record().partition()),
                    in.record().offset(),
                    Math::min);
        }
        Set<TopicPartition> assigned = consumer.assignment();
        firstOffsets.forEach((partition, offset) -> {
            if (assigned.contains(partition)) {
                consumer.seek(partition, offset);
            }
        });
        pausedForBackoff = true;
        consumer.pause(assigned);
        metrics.retrying(true);
        try {
            long until = System.nanoTime() + wait.toNanos();
            while (running && System.nanoTime() < until) {
                ConsumerRecords<String, String> unexpected = consumer.poll(Duration.ofMillis(
                        Math.max(1, Math.min(100, (until - System.nanoTime()) / 1_000_000))));
                // Paused partitions return nothing; should a record slip through, put the position back before it.
                for (TopicPartition partition : unexpected.partitions()) {
                    consumer.seek(
                            partition, unexpected.records(partition).get(0).offset());
                }
            }
        } finally {
            metrics.retrying(false);
        }
        pausedForBackoff = false;
        consumer.resume(consumer.assignment());
    }

    /** Reports each held partition's lag, as known from the last fetch (nothing is asked of the broker). */
    private void reportLag() {
        for (TopicPartition partition : consumer.assignment()) {
            OptionalLong lag = consumer.currentLag(partition);
            if (lag.isPresent()) {
                metrics.lag(partition, lag.getAsLong());
            }
        }
    }

    private void healthy() {
        if (problem != null) {
            LOG.infof("%s: applying events again", name);
        }
        problem = null;
        consecutiveFailures = 0;
    }

    private static void sleepQuietly(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Partitions assigned while the loop is waiting out a backoff wait with it. */
    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // Nothing in flight: records are applied and committed between polls, and this runs inside poll.
            partitions.forEach(metrics::released);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (pausedForBackoff) {
                consumer.pause(partitions);
            }
            LOG.debugf("%s assigned %s", name, partitions);
        }
    }
}
