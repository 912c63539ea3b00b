package org.opencircles.members.service;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.event.Observes;
import org.opencircles.members.config.MembershipConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Lapses members whose arrears passed the grace period while nobody touched their record. */
@ApplicationScoped
public class LapseSweep {

    private static final Logger LOG = Logger.getLogger(LapseSweep.class);

    @Inject
    MemberService members;

    @Inject
    MembershipConfig config;

    @Inject
    Scheduler scheduler;

    /** Sweeps every {@link MembershipConfig#lapseSweepInterval()}, scheduled here so the interval has one home. */
    void start(@Observes StartupEvent started) {
        scheduler.newJob(LapseSweep.class.getName()).setInterval(config.lapseSweepInterval().toString())
                .setDelayed("30s").setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> sweep()).schedule();
    }

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
