package org.opencircles.actions.service;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.event.Observes;
import org.opencircles.actions.config.FollowUpConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Opens follow-ups as they fall due, in bounded batches so a backlog never becomes thousands of messages at once. */
@ApplicationScoped
public class FollowUpClock {

    private static final Logger LOG = Logger.getLogger(FollowUpClock.class);
    static final int BATCH = 200;

    @Inject
    FollowUpService schedule;

    @Inject
    FollowUpConfig config;

    @Inject
    Scheduler scheduler;

    /** Ticks every {@link FollowUpConfig#checkInterval()}, scheduled here so the interval has one home, the config. */
    void start(@Observes StartupEvent started) {
        scheduler.newJob(FollowUpClock.class.getName()).setInterval(config.checkInterval().toString())
                .setDelayed("2s").setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> tick()).schedule();
    }

    void tick() {
        try {
            // One batch per tick: a backlog drains at BATCH per interval rather than flooding notifiers.
            schedule.openDue(BATCH);
        } catch (RuntimeException e) {
            LOG.warnf("Follow-up check failed, will retry: %s", e.getMessage());
        }
    }
}
