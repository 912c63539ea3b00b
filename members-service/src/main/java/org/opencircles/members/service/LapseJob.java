package org.opencircles.members.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.jboss.logging.Logger;
import org.opencircles.members.config.MembershipConfig;
import org.opencircles.platform.schedule.PeriodicJobs;

/**
 * Every {@link MembershipConfig#lapseSweepInterval()}: lapses members whose arrears passed the grace period while
 * nobody touched their record.
 */
@ApplicationScoped
public class LapseJob {

    private static final Logger LOG = Logger.getLogger(LapseJob.class);

    @Inject
    MemberService members;

    @Inject
    MembershipConfig config;

    @Inject
    PeriodicJobs periodic;

    void start(@Observes StartupEvent started) {
        periodic.every(config.lapseSweepInterval(), Duration.ofSeconds(30), LapseJob.class, this::run);
    }

    void run() {
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
