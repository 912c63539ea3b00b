package org.opencircles.members.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;
import org.opencircles.platform.metrics.MetricsConfig;
import org.opencircles.platform.metrics.TaggedGauge;
import org.opencircles.platform.schedule.PeriodicJobs;

/**
 * Imports for Prometheus: how many are queued, running, and interrupted (a service stopped part-way: the rows it had
 * not reached are not saved until the file is uploaded again). Counted every few seconds.
 */
@ApplicationScoped
public class ImportMetrics {

    @Inject
    PeriodicJobs periodic;

    @Inject
    MetricsConfig metrics;

    private static final Logger LOG = Logger.getLogger(ImportMetrics.class);

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry registry;

    private TaggedGauge imports;

    void onStart(@Observes StartupEvent event) {
        imports = new TaggedGauge(
                registry,
                "open.circles.imports",
                "Imports by state (finished ones not counted)",
                "state",
                List.of("QUEUED", "RUNNING", "INTERRUPTED"));
        periodic.every(metrics.countInterval(), Duration.ofSeconds(3), ImportMetrics.class, this::count);
    }

    void count() {
        try {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = QuarkusTransaction.requiringNew()
                    .call(() -> em.createNativeQuery("""
                    select status, count(*) from import_job
                    where status in ('QUEUED', 'RUNNING', 'INTERRUPTED') group by status""").getResultList());
            imports.setRows(rows, 1);
        } catch (RuntimeException e) {
            LOG.debugf("Imports not counted: %s", e.getMessage());
        }
    }
}
