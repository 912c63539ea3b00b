package org.opencircles.platform.schedule;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Schedules the periodic jobs (classes named {@code ...Job}) at startup, each with the interval its service's config
 * class gives: the interval has one name and one default, in that class, rather than an expression inside an
 * annotation. A run that is still going when the next is due is skipped, never doubled.
 */
@ApplicationScoped
public class PeriodicJobs {

    /** The interval of a job that must not run by itself (tests run it by hand). */
    public static final String OFF = "off";

    @Inject
    Scheduler scheduler;

    /** Runs {@code task} every {@code interval}, the first time {@code delay} after startup. */
    public void every(Duration interval, Duration delay, Class<?> job, Runnable task) {
        every(interval.toString(), delay, job, task);
    }

    /**
     * Runs {@code task} every {@code interval} ("10s", "PT1M"), the first time {@code delay} after startup; never
     * when the interval is {@value #OFF}.
     */
    public void every(String interval, Duration delay, Class<?> job, Runnable task) {
        if (OFF.equals(interval)) {
            return;
        }
        scheduler
                .newJob(job.getName())
                .setInterval(interval)
                .setDelayed(delay.toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> task.run())
                .schedule();
    }
}
