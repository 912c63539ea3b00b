package org.opencircles.platform.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    private static final Instant AT = Instant.parse("2026-12-03T08:30:00.123Z");

    @Test
    void anIdIsAVersion7UuidThatStartsWithItsMillisecond() {
        UUID id = TimeOrderedIds.at(AT);
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(AT.toEpochMilli(), id.getMostSignificantBits() >>> 16);
        // As text too (how PostgreSQL orders and shows it): the millisecond in hex, then the version.
        String millis = String.format("%012x", AT.toEpochMilli());
        assertTrue(id.toString().startsWith(millis.substring(0, 8) + "-" + millis.substring(8) + "-7"), id::toString);
    }

    @Test
    void idsOfALaterMillisecondSortAfterAndIdsOfTheSameOneDiffer() {
        Set<UUID> same = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            same.add(TimeOrderedIds.at(AT));
        }
        assertEquals(10_000, same.size());
        for (UUID earlier : same) {
            UUID later = TimeOrderedIds.at(AT.plusMillis(1));
            assertTrue(earlier.toString().compareTo(later.toString()) < 0, () -> earlier + " then " + later);
        }
    }
}
