package org.opencircles.mentoring.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Ends pairings with minors once the mentor's check expires, so an expired check never goes unnoticed. */
@ApplicationScoped
public class SafeguardingSweep {

    private static final Logger LOG = Logger.getLogger(SafeguardingSweep.class);

    @Inject
    PairingService pairings;

    @Scheduled(every = "${open-circles.safeguarding.sweep-interval:1h}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        int ended = pairings.endPairingsWithExpiredChecks();
        if (ended > 0) {
            LOG.warnf("Ended %d pairing(s) whose mentor's safeguarding check expired", ended);
        }
    }
}
