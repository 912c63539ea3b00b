package org.opencircles.members.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.opencircles.members.config.ImportConfig;
import org.opencircles.platform.schedule.PeriodicJobs;

/**
 * Every {@link ImportConfig#heartbeatInterval()}: keeps this replica's imports visibly alive, calls those of a
 * stopped replica interrupted, and removes files a crash left behind (also once at startup).
 */
@ApplicationScoped
public class ImportHeartbeatJob {

    @Inject
    ImportJobService jobs;

    @Inject
    ImportConfig config;

    @Inject
    PeriodicJobs periodic;

    void start(@Observes StartupEvent started) {
        jobs.markInterrupted();
        jobs.removeLeftoverFiles();
        periodic.every(config.heartbeatInterval(), Duration.ofSeconds(1), ImportHeartbeatJob.class, this::run);
    }

    void run() {
        jobs.beat();
        jobs.markInterrupted();
        jobs.removeLeftoverFiles();
    }
}
