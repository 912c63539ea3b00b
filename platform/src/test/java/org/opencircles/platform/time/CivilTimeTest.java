package org.opencircles.platform.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Civil dates in the UK, whatever the server's zone, and birthdays as the law counts them. */
class CivilTimeTest {

    @Test
    void todayIsTheUkDateNotTheUtcOne() {
        // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST).
        Clock summerNight = Clock.fixed(Instant.parse("2026-06-30T23:30:00Z"), ZoneOffset.UTC);
        assertEquals(LocalDate.of(2026, 7, 1), CivilTime.today(summerNight));
        // In winter London is on UTC.
        Clock winterNight = Clock.fixed(Instant.parse("2026-12-31T23:30:00Z"), ZoneOffset.UTC);
        assertEquals(LocalDate.of(2026, 12, 31), CivilTime.today(winterNight));
        assertEquals(LocalDate.of(2026, 7, 1), CivilTime.dayOf(Instant.parse("2026-06-30T23:30:00Z")));
        assertEquals(Instant.parse("2026-06-30T23:00:00Z"), CivilTime.startOf(LocalDate.of(2026, 7, 1)));
    }

    @Test
    void aLeapDayBirthdayTurnsEighteenOnTheFirstOfMarch() {
        LocalDate born = LocalDate.of(2008, 2, 29);
        assertEquals(LocalDate.of(2026, 3, 1), CivilTime.birthday(born, 18));
        assertTrue(CivilTime.under(born, 18, LocalDate.of(2026, 2, 28)));
        assertFalse(CivilTime.under(born, 18, LocalDate.of(2026, 3, 1)));
        // In a leap year the birthday is the birthday.
        assertEquals(LocalDate.of(2024, 2, 29), CivilTime.birthday(LocalDate.of(2004, 2, 29), 20));
        assertEquals(LocalDate.of(2026, 3, 15), CivilTime.birthday(LocalDate.of(2008, 3, 15), 18));
    }
}
