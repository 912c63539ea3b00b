package org.opencircles.notifier.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.opencircles.notifier.config.NotifierConfig;
import org.opencircles.platform.schedule.PeriodicJobs;

/** Every {@link NotifierConfig#digestCheckInterval()}: composes the morning digests that are due. */
@ApplicationScoped
public class DigestJob {

    @Inject
    DigestService digests;

    @Inject
    NotifierConfig config;

    @Inject
    PeriodicJobs periodic;

    void start(@Observes StartupEvent started) {
        periodic.every(config.digestCheckInterval(), Duration.ofSeconds(5), DigestJob.class, digests::composeDue);
    }
}
