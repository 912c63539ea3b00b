package org.opencircles.actions.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.jboss.logging.Logger;
import org.opencircles.actions.config.FollowUpConfig;
import org.opencircles.platform.schedule.PeriodicJobs;

/**
 * Every {@link FollowUpConfig#checkInterval()}: opens follow-ups as they fall due, in bounded batches so a backlog
 * never becomes thousands of messages at once.
 */
@ApplicationScoped
public class FollowUpDueJob {

    private static final Logger LOG = Logger.getLogger(FollowUpDueJob.class);
    static final int BATCH = 200;

    @Inject
    FollowUpService followUps;

    @Inject
    FollowUpConfig config;

    @Inject
    PeriodicJobs periodic;

    void start(@Observes StartupEvent started) {
        periodic.every(config.checkInterval(), Duration.ofSeconds(2), FollowUpDueJob.class, this::run);
    }

    void run() {
        try {
            // One batch per run: a backlog drains at BATCH per interval rather than flooding notifiers.
            followUps.openDue(BATCH);
        } catch (RuntimeException e) {
            LOG.warnf("Follow-up check failed, will retry: %s", e.getMessage());
        }
    }
}
