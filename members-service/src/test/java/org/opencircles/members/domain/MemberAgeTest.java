package org.opencircles.members.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The dates a member's age changes on, as other services are told them (adultOn, youthUntil). */
class MemberAgeTest {

    private static Member bornOn(LocalDate born) {
        Member m = new Member();
        m.dateOfBirth = born;
        return m;
    }

    @Test
    void aLeapDayMemberIsAMinorUntilTheFirstOfMarch() {
        Member leapling = bornOn(LocalDate.of(2008, 2, 29));
        assertEquals(LocalDate.of(2026, 3, 1), leapling.adultOn());
        assertEquals(LocalDate.of(2035, 3, 1), leapling.youthUntil());
        assertTrue(leapling.isMinorOn(LocalDate.of(2026, 2, 28)));
        assertFalse(leapling.isMinorOn(LocalDate.of(2026, 3, 1)));
        assertEquals(AgeBand.UNDER_18, AgeBand.of(leapling.dateOfBirth, LocalDate.of(2026, 2, 28)));
        assertEquals(AgeBand.YOUTH_18_TO_26, AgeBand.of(leapling.dateOfBirth, LocalDate.of(2026, 3, 1)));
    }

    @Test
    void noDateOfBirthMeansNoAgeDates() {
        Member unknown = bornOn(null);
        assertEquals(null, unknown.adultOn());
        assertFalse(unknown.isMinorOn(LocalDate.of(2026, 11, 23)));
        assertEquals(AgeBand.UNKNOWN, AgeBand.of(null, LocalDate.of(2026, 11, 23)));
    }
}
