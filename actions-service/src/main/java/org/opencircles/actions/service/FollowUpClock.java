package org.opencircles.actions.service;

import io.quarkus.scheduler.Scheduled;
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

    @Scheduled(every = "${open-circles.follow-ups.check-interval:1s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            // One batch per tick: a backlog drains at BATCH per interval rather than flooding notifiers.
            schedule.openDue(BATCH);
        } catch (RuntimeException e) {
            LOG.warnf("Follow-up check failed, will retry: %s", e.getMessage());
        }
    }
}
