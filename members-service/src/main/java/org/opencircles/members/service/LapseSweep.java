package org.opencircles.members.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Lapses members whose arrears passed the grace period while nobody touched their record. */
@ApplicationScoped
public class LapseSweep {

    private static final Logger LOG = Logger.getLogger(LapseSweep.class);

    @Inject
    MemberService members;

    @Scheduled(every = "${open-circles.membership.lapse-sweep-interval:1h}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        int lapsed;
        int total = 0;
        do {
            lapsed = members.lapseMembersInArrears(500);
            total += lapsed;
        } while (lapsed == 500);
        if (total > 0) {
            LOG.infof("Lapsed %d member(s) past the arrears grace period", total);
        }
    }
}
