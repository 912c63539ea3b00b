package org.opencircles.notifier.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.opencircles.notifier.config.NotifierConfig;
import org.opencircles.platform.schedule.PeriodicJobs;

/** Every {@link NotifierConfig#sendInterval()}: sends the emails that are due, retrying those that failed. */
@ApplicationScoped
public class EmailSendJob {

    @Inject
    EmailSender sender;

    @Inject
    NotifierConfig config;

    @Inject
    PeriodicJobs periodic;

    void start(@Observes StartupEvent started) {
        periodic.every(config.sendInterval(), Duration.ofSeconds(2), EmailSendJob.class, sender::sendDue);
    }
}
