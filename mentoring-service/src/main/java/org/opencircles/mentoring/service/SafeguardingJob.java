package org.opencircles.mentoring.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.jboss.logging.Logger;
import org.opencircles.mentoring.config.SafeguardingConfig;
import org.opencircles.platform.schedule.PeriodicJobs;

/**
 * Every {@link SafeguardingConfig#sweepInterval()}: ends pairings with minors once the mentor's check expires, so an
 * expired check never goes unnoticed.
 */
@ApplicationScoped
public class SafeguardingJob {

    private static final Logger LOG = Logger.getLogger(SafeguardingJob.class);

    @Inject
    PairingService pairings;

    @Inject
    SafeguardingConfig config;

    @Inject
    PeriodicJobs periodic;

    void start(@Observes StartupEvent started) {
        periodic.every(config.sweepInterval(), Duration.ofSeconds(10), SafeguardingJob.class, this::run);
    }

    void run() {
        int ended = pairings.endPairingsWithExpiredChecks();
        if (ended > 0) {
            LOG.warnf("Ended %d pairing(s) whose mentor's safeguarding check expired", ended);
        }
    }
}
