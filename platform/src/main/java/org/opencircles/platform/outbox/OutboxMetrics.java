package org.opencircles.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.opencircles.platform.schedule.PeriodicJobs;

/**
 * The outbox as Prometheus sees it: rows waiting and the age of the oldest (a relay that stopped shows here first),
 * and rows parked because the broker refused them. Counted every few seconds, not on each scrape.
 */
@ApplicationScoped
public class OutboxMetrics {

    @Inject
    PeriodicJobs periodic;

    @Inject
    OutboxConfig config;

    private static final Logger LOG = Logger.getLogger(OutboxMetrics.class);

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry registry;

    private final AtomicLong waiting = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();

    void onStart(@Observes StartupEvent event) {
        Gauge.builder("open.circles.outbox.waiting", waiting, AtomicLong::get)
                .description("Outbox rows not yet acknowledged by the broker")
                .register(registry);
        Gauge.builder("open.circles.outbox.oldest.age", oldestAgeSeconds, AtomicLong::get)
                .baseUnit("seconds")
                .description("Age of the oldest outbox row waiting (0 when none waits)")
                .register(registry);
        Gauge.builder("open.circles.outbox.parked", parked, AtomicLong::get)
                .description("Outbox rows the broker refused for good, kept in outbox_parked")
                .register(registry);
        periodic.every(config.metricsInterval(), Duration.ofSeconds(2), OutboxMetrics.class, this::count);
    }

    void count() {
        try {
            Object[] row = QuarkusTransaction.requiringNew()
                    .call(() -> (Object[]) em.createNativeQuery("""
                    select (select count(*) from outbox_event),
                           coalesce((select extract(epoch from now() - min(created_at)) from outbox_event), 0),
                           (select count(*) from outbox_parked)""").getSingleResult());
            waiting.set(((Number) row[0]).longValue());
            oldestAgeSeconds.set(((Number) row[1]).longValue());
            parked.set(((Number) row[2]).longValue());
        } catch (RuntimeException e) {
            // Keeps the last values: the database's readiness check says what is wrong.
            LOG.debugf("Outbox not counted: %s", e.getMessage());
        }
    }
}
