package org.opencircles.notifier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static Instant london(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(LONDON).toInstant();
    }

    @Test
    void overnightQuietHoursHoldBackUntilTheMorning() {
        QuietHours night = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));
        assertTrue(night.covers(london("2026-11-28T23:30"), LONDON));
        assertTrue(night.covers(london("2026-11-29T06:59"), LONDON));
        assertFalse(night.covers(london("2026-11-29T07:00"), LONDON));
        assertFalse(night.covers(london("2026-11-28T21:59"), LONDON));
        assertEquals(london("2026-11-29T07:00"), night.nextAllowed(london("2026-11-28T23:30"), LONDON));
        assertEquals(london("2026-11-29T07:00"), night.nextAllowed(london("2026-11-29T03:10"), LONDON));
        assertEquals(london("2026-11-28T12:00"), night.nextAllowed(london("2026-11-28T12:00"), LONDON));
    }

    @Test
    void daytimeQuietHoursEndTheSameDay() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0));
        assertEquals(london("2026-11-28T14:00"), lunch.nextAllowed(london("2026-11-28T12:00"), LONDON));
        assertEquals(london("2026-11-28T11:59"), lunch.nextAllowed(london("2026-11-28T11:59"), LONDON));
        assertEquals(london("2026-11-28T14:00"), lunch.nextAllowed(london("2026-11-28T14:00"), LONDON));
    }

    @Test
    void theEndIsLocalTimeAcrossTheClockChange() {
        // The clocks go back on 25 October 2026: 01:00 to 07:00 that night is seven hours long.
        QuietHours night = new QuietHours(LocalTime.of(0, 30), LocalTime.of(7, 0));
        Instant start = london("2026-10-25T00:45");
        Instant end = night.nextAllowed(start, LONDON);
        assertEquals(ZonedDateTime.of(2026, 10, 25, 7, 0, 0, 0, LONDON).toInstant(), end);
        assertEquals(Duration.ofHours(7).plusMinutes(15), Duration.between(start, end));
        assertThrows(IllegalArgumentException.class, () -> new QuietHours(LocalTime.NOON, LocalTime.NOON));
    }
}
