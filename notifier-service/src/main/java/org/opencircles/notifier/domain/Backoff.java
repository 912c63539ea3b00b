package org.opencircles.notifier.domain;

import java.time.Duration;

/** How long to wait before the next attempt after a transient SMTP failure: doubling, capped, never giving up. */
public record Backoff(Duration first, Duration max) {

    /** The wait after the {@code attempts}-th failed attempt (1 for the first). */
    public Duration after(int attempts) {
        Duration wait = first;
        for (int i = 1; i < attempts && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
