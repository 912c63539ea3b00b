package org.opencircles.actions.service;

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
import org.jboss.logging.Logger;
import org.opencircles.events.FollowUpReason;
import org.opencircles.platform.metrics.MetricsConfig;
import org.opencircles.platform.metrics.TaggedGauge;
import org.opencircles.platform.schedule.PeriodicJobs;

/**
 * Follow-ups for Prometheus, per reason: open (not yet done, whether due or not) and overdue (due, and still not
 * done: what the organiser's dashboard calls waiting too long). Counted every few seconds, not on each scrape.
 */
@ApplicationScoped
public class FollowUpMetrics {

    @Inject
    PeriodicJobs periodic;

    @Inject
    MetricsConfig metrics;

    private static final Logger LOG = Logger.getLogger(FollowUpMetrics.class);

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry registry;

    private TaggedGauge open;
    private TaggedGauge overdue;

    void onStart(@Observes StartupEvent event) {
        List<String> reasons =
                Arrays.stream(FollowUpReason.values()).map(Enum::name).toList();
        open = new TaggedGauge(
                registry, "open.circles.follow.ups.open", "Follow-ups not yet done, by reason", "reason", reasons);
        overdue = new TaggedGauge(
                registry,
                "open.circles.follow.ups.overdue",
                "Follow-ups past their due time and not done, by reason",
                "reason",
                reasons);
        periodic.every(metrics.countInterval(), Duration.ofSeconds(3), FollowUpMetrics.class, this::count);
    }

    void count() {
        try {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = QuarkusTransaction.requiringNew()
                    .call(() -> em.createNativeQuery("""
                    select reason, count(*), count(*) filter (where status = 'OPEN')
                    from follow_up where status in ('SCHEDULED', 'OPEN') group by reason""").getResultList());
            open.setRows(rows, 1);
            overdue.setRows(rows, 2);
        } catch (RuntimeException e) {
            // Keeps the last values: the database's readiness check says what is wrong.
            LOG.debugf("Follow-ups not counted: %s", e.getMessage());
        }
    }
}
