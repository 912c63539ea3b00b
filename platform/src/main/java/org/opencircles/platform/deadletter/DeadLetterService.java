package org.opencircles.platform.deadletter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.opencircles.platform.audit.AccessAudit;
import org.opencircles.platform.consumer.EventConsumers;
import org.opencircles.platform.consumer.FailureKind;
import org.opencircles.platform.consumer.PoisonMessageException;
import org.opencircles.platform.page.PageView;
import org.opencircles.platform.page.Paging;
import org.opencircles.platform.problem.ProblemException;
import org.opencircles.platform.schedule.PeriodicJobs;

/**
 * The operator's repair of the service's dead letters: the records stay on the dead-letter topic as they were; what
 * was done with each (replayed through the same handler and inbox, or discarded with a reason) is kept here and
 * audited. Also keeps {@code open_circles_dead_letters_open}, so a record that reaches the topic by any path alerts.
 */
@ApplicationScoped
public class DeadLetterService {

    @Inject
    PeriodicJobs periodic;

    @Inject
    DeadLetterConfig config;

    private static final Logger LOG = Logger.getLogger(DeadLetterService.class);

    /** What happened to a dead letter. */
    public enum State {
        OPEN,
        REPLAYED,
        DISCARDED
    }

    /** A dead letter as an operator sees it: where it came from and why it is here; never its content. */
    public record DeadLetter(
            String id,
            int partition,
            long offset,
            String sourceTopic,
            Integer sourcePartition,
            Long sourceOffset,
            String consumer,
            String eventType,
            String eventId,
            String reason,
            Instant deadLetteredAt,
            State state,
            String outcome,
            String resolvedBy,
            Instant resolvedAt,
            String resolutionReason) {}

    /** What replaying several dead letters came to. */
    public record ReplaySummary(int replayed, Map<String, Integer> outcomes, List<String> stillFailing) {}

    @Inject
    EventConsumers consumers;

    @Inject
    DeadLetterTopic topic;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AccessAudit audit;

    @Inject
    MeterRegistry registry;

    private final AtomicLong onTopic = new AtomicLong();
    private final AtomicLong open = new AtomicLong();

    void onStart(@Observes StartupEvent event) {
        Gauge.builder("open.circles.dead.letters", onTopic, AtomicLong::get)
                .description("Records on the service's dead-letter topic")
                .tag("topic", consumers.deadLetterTopic())
                .register(registry);
        Gauge.builder("open.circles.dead.letters.open", open, AtomicLong::get)
                .description("Dead letters neither replayed nor discarded by an operator")
                .tag("topic", consumers.deadLetterTopic())
                .register(registry);
        periodic.every(config.countInterval(), Duration.ofSeconds(3), DeadLetterService.class, this::recount);
    }

    /** Recounts the topic's records against the resolutions; cheap (offsets and one count), so it runs often. */
    void recount() {
        try {
            long records = topic.count();
            long resolved = QuarkusTransaction.requiringNew()
                    .call(() -> ((Number) em.createNativeQuery("select count(*) from dead_letter_resolution")
                                    .getSingleResult())
                            .longValue());
            onTopic.set(records);
            open.set(Math.max(0, records - resolved));
        } catch (RuntimeException e) {
            // The gauges keep their last values; the broker's or database's own readiness says what is wrong.
            LOG.debugf("Dead letters not recounted: %s", e.getMessage());
        }
    }

    /** Dead letters, newest first, optionally only those in {@code state} or of {@code eventType}. */
    public PageView<DeadLetter> list(State state, String eventType, Paging paging) {
        List<DeadLetter> all = readAll().stream()
                .filter(d -> state == null || d.state() == state)
                .filter(d -> eventType == null || eventType.equals(d.eventType()))
                .sorted(Comparator.comparing(DeadLetter::deadLetteredAt)
                        .reversed()
                        .thenComparing(DeadLetter::partition)
                        .thenComparing(DeadLetter::offset))
                .toList();
        int from = (int) Math.min((long) paging.page() * paging.size(), all.size());
        int to = Math.min(from + paging.size(), all.size());
        return new PageView<>(all.subList(from, to), paging.page(), paging.size(), all.size());
    }

    public DeadLetter get(int partition, long offset) {
        return readAll().stream()
                .filter(d -> d.partition() == partition && d.offset() == offset)
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("Dead letter", partition + "-" + offset));
    }

    /**
     * Applies the dead letter through the handler of the topic it came from, as the consumer would have: at most
     * once however often it is replayed. A message that still cannot be applied is a 409 with the reason, and stays
     * open.
     */
    public DeadLetter replay(int partition, long offset, String operator) {
        DeadLetterTopic.Raw raw = find(topic.readAll(), partition, offset);
        EventConsumers.Replay outcome = apply(raw);
        resolve(raw, "REPLAYED", outcome.name(), null, operator);
        return letters(List.of(raw)).get(0);
    }

    /** Replays every open dead letter of {@code eventType}, oldest first; those that still fail stay open. */
    public ReplaySummary replayAll(String eventType, String operator) {
        Map<String, Integer> outcomes = new HashMap<>();
        List<String> failing = new ArrayList<>();
        int replayed = 0;
        List<DeadLetterTopic.Raw> raws = topic.readAll();
        List<DeadLetter> letters = letters(raws);
        for (int i = 0; i < raws.size(); i++) {
            DeadLetterTopic.Raw raw = raws.get(i);
            DeadLetter d = letters.get(i);
            if (d.state() != State.OPEN || !eventType.equals(d.eventType())) {
                continue;
            }
            try {
                EventConsumers.Replay outcome = apply(raw);
                resolve(raw, "REPLAYED", outcome.name(), null, operator);
                outcomes.merge(outcome.name(), 1, Integer::sum);
                replayed++;
            } catch (ProblemException e) {
                failing.add(d.id() + ": " + e.problem().detail());
            }
        }
        return new ReplaySummary(replayed, outcomes, failing);
    }

    /** Marks a dead letter as given up on, with the operator's reason; it is never applied. */
    public DeadLetter discard(int partition, long offset, String reason, String operator) {
        DeadLetterTopic.Raw raw = find(topic.readAll(), partition, offset);
        resolve(raw, "DISCARDED", null, reason, operator);
        return letters(List.of(raw)).get(0);
    }

    private static DeadLetterTopic.Raw find(List<DeadLetterTopic.Raw> raws, int partition, long offset) {
        return raws.stream()
                .filter(r -> r.partition() == partition && r.offset() == offset)
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("Dead letter", partition + "-" + offset));
    }

    private EventConsumers.Replay apply(DeadLetterTopic.Raw raw) {
        String source = raw.header("dead-letter-topic");
        if (source == null) {
            throw ProblemException.conflict("sourceTopic", "The dead letter does not say which topic it came from");
        }
        try {
            return consumers.replay(source, raw.value());
        } catch (PoisonMessageException e) {
            throw ProblemException.conflict("message", "It still cannot be read: " + e.getMessage());
        } catch (RuntimeException e) {
            throw ProblemException.conflict("message", "The handler still refuses it: " + FailureKind.rootMessage(e));
        }
    }

    private void resolve(DeadLetterTopic.Raw raw, String action, String outcome, String reason, String operator) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                            insert into dead_letter_resolution (dlq_partition, dlq_offset, action, outcome, reason,
                                                                resolved_by, resolved_at)
                            values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                            on conflict (dlq_partition, dlq_offset) do update
                            set action = excluded.action, outcome = excluded.outcome, reason = excluded.reason,
                                resolved_by = excluded.resolved_by, resolved_at = excluded.resolved_at""")
                    .setParameter(1, raw.partition())
                    .setParameter(2, raw.offset())
                    .setParameter(3, action)
                    .setParameter(4, outcome)
                    .setParameter(5, reason)
                    .setParameter(6, operator)
                    .setParameter(7, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                    .executeUpdate();
            audit.recordAs(
                    operator,
                    "REPLAYED".equals(action) ? "dead-letter.replayed" : "dead-letter.discarded",
                    "dead-letter",
                    List.of(consumers.deadLetterTopic() + "/" + raw.partition() + "/" + raw.offset()));
        });
        recount();
    }

    private List<DeadLetter> readAll() {
        return letters(topic.readAll());
    }

    /** The records as an operator sees them, each with what was done with it, in the same order. */
    private List<DeadLetter> letters(List<DeadLetterTopic.Raw> raws) {
        Map<String, Object[]> resolutions = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    select dlq_partition, dlq_offset, action, outcome, resolved_by, resolved_at, reason
                    from dead_letter_resolution""").getResultList();
            rows.forEach(r -> resolutions.put(((Number) r[0]).intValue() + "-" + ((Number) r[1]).longValue(), r));
        });
        List<DeadLetter> letters = new ArrayList<>(raws.size());
        for (DeadLetterTopic.Raw raw : raws) {
            Object[] r = resolutions.get(raw.partition() + "-" + raw.offset());
            letters.add(new DeadLetter(
                    raw.partition() + "-" + raw.offset(),
                    raw.partition(),
                    raw.offset(),
                    raw.header("dead-letter-topic"),
                    parseInt(raw.header("dead-letter-partition")),
                    parseLong(raw.header("dead-letter-offset")),
                    raw.header("dead-letter-consumer"),
                    raw.eventType(),
                    raw.header("event-id"),
                    raw.header("dead-letter-reason"),
                    raw.timestamp(),
                    r == null ? State.OPEN : State.valueOf((String) r[2]),
                    r == null ? null : (String) r[3],
                    r == null ? null : (String) r[4],
                    r == null ? null : instant(r[5]),
                    r == null ? null : (String) r[6]));
        }
        return letters;
    }

    private static Integer parseInt(String s) {
        try {
            return s == null ? null : Integer.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long parseLong(String s) {
        try {
            return s == null ? null : Long.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        return Optional.ofNullable(value).map(v -> Instant.parse(v.toString())).orElse(null);
    }
}
