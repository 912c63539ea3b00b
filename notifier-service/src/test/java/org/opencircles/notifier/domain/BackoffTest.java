package org.opencircles.notifier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void waitsDoubleUpToTheCapAndStayThere() {
        Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(15));
        assertEquals(Duration.ofSeconds(30), backoff.after(1));
        assertEquals(Duration.ofSeconds(60), backoff.after(2));
        assertEquals(Duration.ofMinutes(8), backoff.after(5));
        assertEquals(Duration.ofMinutes(15), backoff.after(6));
        assertEquals(Duration.ofMinutes(15), backoff.after(10_000));
    }
}
