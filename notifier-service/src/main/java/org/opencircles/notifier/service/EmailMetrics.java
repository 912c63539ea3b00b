package org.opencircles.notifier.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.opencircles.notifier.domain.Email;
import org.opencircles.platform.metrics.MetricsConfig;
import org.opencircles.platform.metrics.TaggedGauge;
import org.opencircles.platform.schedule.PeriodicJobs;

/**
 * Emails for Prometheus: how many are in each state (UNCERTAIN alerts), and how long the oldest due PENDING one has
 * waited past its send time (a mail server that is down shows here). Counted every few seconds.
 */
@ApplicationScoped
public class EmailMetrics {

    @Inject
    PeriodicJobs periodic;

    @Inject
    MetricsConfig metrics;

    private static final Logger LOG = Logger.getLogger(EmailMetrics.class);

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry registry;

    private TaggedGauge byState;
    private final AtomicLong oldestPendingSeconds = new AtomicLong();

    void onStart(@Observes StartupEvent event) {
        byState = new TaggedGauge(
                registry,
                "open.circles.emails",
                "Emails by state",
                "state",
                Arrays.stream(Email.Status.values()).map(Enum::name).toList());
        Gauge.builder("open.circles.email.oldest.pending.age", oldestPendingSeconds, AtomicLong::get)
                .baseUnit("seconds")
                .description("How long the oldest due PENDING email has waited past its send time")
                .register(registry);
        periodic.every(metrics.countInterval(), Duration.ofSeconds(3), EmailMetrics.class, this::count);
    }

    void count() {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                @SuppressWarnings("unchecked")
                List<Object[]> rows = em.createNativeQuery("select status, count(*) from email group by status")
                        .getResultList();
                byState.setRows(rows, 1);
                oldestPendingSeconds.set(((Number) em.createNativeQuery("""
                        select coalesce(extract(epoch from now() - min(not_before)), 0) from email
                        where status = 'PENDING' and not_before <= now()""").getSingleResult()).longValue());
            });
        } catch (RuntimeException e) {
            LOG.debugf("Emails not counted: %s", e.getMessage());
        }
    }
}
