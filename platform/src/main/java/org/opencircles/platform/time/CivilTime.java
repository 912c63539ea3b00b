package org.opencircles.platform.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The one rule for dates in every service: instants are UTC, but civil dates (joining, ages, due dates, "today") are
 * the dates people in the UK live by, in Europe/London, so a member who joins at 00:30 on a summer night joins that
 * day, not the day before.
 */
public final class CivilTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    private CivilTime() {}

    /** Today's date in the UK by {@code clock}. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** The UK date on which {@code instant} falls. */
    public static LocalDate dayOf(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }

    /** The start of a UK date, as an instant. */
    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }

    /**
     * The date someone born on {@code born} turns {@code years} old. A 29 February birthday falls on 1 March in a
     * year with no 29 February, as the law counts it (the person has not had the birthday on 28 February).
     */
    public static LocalDate birthday(LocalDate born, int years) {
        LocalDate anniversary = born.plusYears(years);
        boolean leapDay = born.getMonthValue() == 2 && born.getDayOfMonth() == 29;
        return leapDay && !anniversary.isLeapYear() ? anniversary.plusDays(1) : anniversary;
    }

    /** Whether someone born on {@code born} is under {@code years} on {@code day}. */
    public static boolean under(LocalDate born, int years, LocalDate day) {
        return day.isBefore(birthday(born, years));
    }
}
