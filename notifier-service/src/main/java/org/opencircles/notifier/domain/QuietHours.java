package org.opencircles.notifier.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A subscriber's quiet hours, local time from (inclusive) until (exclusive), possibly across midnight (22:00 to
 * 07:00): nothing is sent to them meanwhile; what falls due waits until the quiet hours end.
 */
public record QuietHours(LocalTime from, LocalTime until) {

    public QuietHours {
        if (from.equals(until)) {
            throw new IllegalArgumentException("quiet hours must not start and end at the same time");
        }
    }

    /** Whether {@code at}, in {@code zone}, lies in the quiet hours. */
    public boolean covers(Instant at, ZoneId zone) {
        LocalTime local = at.atZone(zone).toLocalTime();
        return from.isBefore(until)
                ? !local.isBefore(from) && local.isBefore(until)
                : !local.isBefore(from) || local.isBefore(until);
    }

    /** {@code at} itself outside the quiet hours, else the moment they end. */
    public Instant nextAllowed(Instant at, ZoneId zone) {
        if (!covers(at, zone)) {
            return at;
        }
        ZonedDateTime local = at.atZone(zone);
        ZonedDateTime end = local.with(until);
        if (!end.isAfter(local)) {
            end = end.plusDays(1).with(until);
        }
        return end.toInstant();
    }
}
