package org.opencircles.platform.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.SmallRyeHealthReporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.opencircles.platform.schedule.PeriodicJobs;

/**
 * Readiness as a metric ({@code open_circles_ready}, 1 or 0), so Prometheus alerts on a service that answers its
 * scrapes but cannot do its work (database, broker, consumers or relay DOWN). Checked every few seconds on a worker
 * thread, never on the scrape.
 */
@ApplicationScoped
public class ReadinessGauge {

    @Inject
    PeriodicJobs periodic;

    @Inject
    MetricsConfig config;

    @Inject
    SmallRyeHealthReporter health;

    @Inject
    MeterRegistry registry;

    private final AtomicInteger ready = new AtomicInteger(1);

    void onStart(@Observes StartupEvent event) {
        Gauge.builder("open.circles.ready", ready, AtomicInteger::get)
                .description("1 while every readiness check is UP, else 0 (GET /q/health/ready says why)")
                .register(registry);
        periodic.every(config.readinessInterval(), Duration.ofSeconds(5), ReadinessGauge.class, this::check);
    }

    void check() {
        ready.set(health.getReadiness().isDown() ? 0 : 1);
    }
}
