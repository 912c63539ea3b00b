package org.opencircles.members.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.opencircles.platform.metrics.TaggedGauge;

import java.util.List;

/**
 * Imports for Prometheus: how many are queued, running, and interrupted (a service stopped part-way: the rows it had
 * not reached are not saved until the file is uploaded again). Counted every few seconds.
 */
@ApplicationScoped
public class ImportMetrics {

    private static final Logger LOG = Logger.getLogger(ImportMetrics.class);

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry registry;

    private TaggedGauge imports;

    void onStart(@Observes StartupEvent event) {
        imports = new TaggedGauge(registry, "open.circles.imports", "Imports by state (finished ones not counted)",
                "state", List.of("QUEUED", "RUNNING", "INTERRUPTED"));
    }

    @Scheduled(every = "${open-circles.metrics.count-interval:15s}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void count() {
        try {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                    select status, count(*) from import_job
                    where status in ('QUEUED', 'RUNNING', 'INTERRUPTED') group by status""").getResultList());
            imports.setRows(rows, 1);
        } catch (RuntimeException e) {
            LOG.debugf("Imports not counted: %s", e.getMessage());
        }
    }
}
