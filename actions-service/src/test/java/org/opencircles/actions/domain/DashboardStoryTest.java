package org.opencircles.actions.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sentences an organiser reads: what the figures mean, worst news first. */
class DashboardStoryTest {

    private static Map<String, Long> commitments(long committed, long inProgress, long done, long dropped) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        byStatus.put("COMMITTED", committed);
        byStatus.put("IN_PROGRESS", inProgress);
        byStatus.put("DONE", done);
        byStatus.put("DROPPED", dropped);
        return byStatus;
    }

    @Test
    void aBusyClpHearsTheOverdueCallsFirstAndTheMentoringLast() {
        var figures = new ClpFigures(
                "DWN",
                120,
                8,
                3,
                2,
                1,
                commitments(1, 1, 3, 1),
                1,
                75,
                40_000,
                100_000,
                2,
                9L,
                1,
                1,
                5,
                1,
                4,
                1,
                List.of());
        assertEquals(
                List.of(
                        "2 member(s) who joined or asked to get involved have waited too long for a call: these are the people "
                                + "who say the party is a closed shop.",
                        "8 joined in the last 30 days; 3 of them (38%) have not been contacted yet.",
                        "1 member(s) said they want to get involved and are waiting to hear back.",
                        "1 call list(s) being worked: 1 of 4 members done (25%).",
                        "1 commitment(s) are past their due date and not done.",
                        "3 commitment(s) done: 75% of those not dropped.",
                        "£400.00 raised of a £1,000.00 target (40%).",
                        "2 young member(s) are waiting for a mentor, the longest for 9 day(s).",
                        "1 mentoring pairing(s) are suspended while a safeguarding concern is looked into.",
                        "1 mentoring pairing(s) are active."),
                DashboardStory.of(figures));
    }

    @Test
    void aQuietClpIsToldNothingIsWaiting() {
        var figures = new ClpFigures(
                "ISN", 40, 0, 0, 0, 0, commitments(0, 0, 0, 0), 0, null, 0, 0, 1, 0L, 0, 0, 0, 0, 0, 0, List.of());
        assertEquals(List.of("1 young member(s) are waiting for a mentor."), DashboardStory.of(figures));
        var nothing = new ClpFigures(
                "ISN", 40, 0, 0, 0, 0, commitments(0, 0, 0, 0), 0, null, 0, 0, 0, null, 0, 0, 0, 0, 0, 0, List.of());
        assertEquals(
                List.of("Nothing is waiting on anyone: no overdue contacts, commitments or mentees."),
                DashboardStory.of(nothing));
    }

    @Test
    void aClpWithoutASafeguardingLeadHearsItFirstAndWhoHearsInstead() {
        List<String> quiet = List.of("Nothing is waiting on anyone: no overdue contacts, commitments or mentees.");
        assertEquals(
                List.of("CHT has no safeguarding lead of its own: they go to the national safeguarding lead "
                        + "instead. Ask your admin to name one for its young members' safety."),
                DashboardStory.withCoverGap(quiet, "CHT", "NATIONAL_LEAD"));
        List<String> busy = List.of("1 mentoring pairing(s) are active.");
        assertEquals(
                List.of(
                        "CRN has no safeguarding lead of its own: nobody is emailed about them. Ask your admin "
                                + "to name one for its young members' safety.",
                        "1 mentoring pairing(s) are active."),
                DashboardStory.withCoverGap(busy, "CRN", "NOBODY"));
    }
}
