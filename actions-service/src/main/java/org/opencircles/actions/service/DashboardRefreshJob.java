package org.opencircles.actions.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.opencircles.actions.config.DashboardConfig;
import org.opencircles.platform.schedule.PeriodicJobs;

/** Every {@link DashboardConfig#refreshInterval()}: recomputes the dashboard figures that settled while stale. */
@ApplicationScoped
public class DashboardRefreshJob {

    @Inject
    DashboardService dashboard;

    @Inject
    DashboardConfig config;

    @Inject
    PeriodicJobs periodic;

    void start(@Observes StartupEvent started) {
        periodic.every(
                config.refreshInterval(), Duration.ofSeconds(10), DashboardRefreshJob.class, dashboard::refreshStale);
    }
}
