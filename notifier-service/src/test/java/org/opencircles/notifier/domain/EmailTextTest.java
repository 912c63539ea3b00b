package org.opencircles.notifier.domain;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EmailTextTest {

    private static Subscription subscription(StaffRole role, String... clps) {
        Subscription s = new Subscription();
        s.id = UUID.fromString("00000000-0000-0000-0000-000000000001");
        s.recipient = "sam@staff.example";
        s.displayName = "Sam";
        s.role = role;
        s.clpCodes = clps;
        s.timeZone = "Europe/London";
        return s;
    }

    private static FollowUp followUp(String reason, String clp, String assignee, String dueAt) {
        FollowUp f = new FollowUp();
        f.id = UUID.randomUUID();
        f.reason = reason;
        f.subjectType = "member";
        f.subjectId = UUID.randomUUID();
        f.clpCode = clp;
        f.assigneeRole = assignee;
        f.dueAt = Instant.parse(dueAt);
        return f;
    }

    @Test
    void theImmediateEmailSaysWhatWhereAndWhenInTheSubscribersTimeAndLinksTheFollowUp() {
        FollowUp waiting = followUp("MENTEE_WAITING", "DWN", "youth-officer", "2026-07-01T08:30:00Z");
        EmailText.Text text =
                EmailText.immediate(waiting, subscription(StaffRole.YOUTH_OFFICER, "*"), "https://oc.example");
        assertEquals(
                "[Open Circles] Safeguarding, DWN: A young member has waited too long for a mentor", text.subject());
        assertThat(text.body(), containsString("Due: 1 Jul 2026 09:30 (Europe/London)"));
        assertThat(text.body(), containsString("https://oc.example/organiser/follow-ups/" + waiting.id));
        assertThat(text.body(), containsString("as youth-officer for every CLP"));
    }

    @Test
    void theDigestGroupsByClpAndReasonOldestFirstAndCountsWhatItDoesNotLink() {
        List<FollowUp> open = new ArrayList<>();
        for (int i = 0; i < EmailText.LINKS_PER_GROUP + 3; i++) {
            open.add(followUp(
                    "NEW_MEMBER_NOT_CONTACTED", "DWN", "secretary", "2026-11-%02dT10:00:00Z".formatted(i + 1)));
        }
        open.add(followUp("A_REASON_FROM_THE_FUTURE", "ISN", "secretary", "2026-11-27T10:00:00Z"));
        EmailText.Text text = EmailText.digest(
                subscription(StaffRole.SECRETARY, "DWN", "ISN"),
                LocalDate.of(2026, 11, 28),
                open,
                List.of(new EmailText.CommitmentFigures("DWN", 4, 1, 150_000, 61_250)),
                "https://oc.example");
        assertEquals("[Open Circles] 24 open follow-ups for you, Saturday 28 November 2026", text.subject());
        String body = text.body();
        assertThat(body, containsString("A new member has not been contacted yet: 23"));
        assertThat(body, containsString("... and 3 more"));
        assertThat(body, containsString(open.get(0).id.toString()));
        assertThat(body, not(containsString(open.get(22).id.toString())));
        assertThat(body, containsString("A follow-up needs attention (A_REASON_FROM_THE_FUTURE): 1"));
        assertThat(body, containsString("DWN: 4 open, 1 overdue; fundraising £612 of £1,500"));
        assertThat(body.indexOf("\nDWN\n") < body.indexOf("\nISN\n"), equalTo(true));
    }

    @Test
    void anOrganiserHearsEverythingInTheirClpsButASafeguardingConcern() {
        Subscription organiser = subscription(StaffRole.ORGANISER, "DWN");
        assertTrue(organiser.hears(followUp("NEW_MEMBER_NOT_CONTACTED", "DWN", "secretary", "2026-11-01T00:00:00Z")));
        assertTrue(organiser.hears(followUp("MENTEE_WAITING", "DWN", "youth-officer", "2026-11-01T00:00:00Z")));
        assertFalse(organiser.hears(
                followUp("SAFEGUARDING_CONCERN_RAISED", "DWN", "safeguarding-lead", "2026-11-01T00:00:00Z")));
        assertFalse(organiser.hears(followUp("NEW_MEMBER_NOT_CONTACTED", "ISN", "secretary", "2026-11-01T00:00:00Z")));
        Subscription secretary = subscription(StaffRole.SECRETARY, "*");
        assertTrue(secretary.hears(followUp("NEW_MEMBER_NOT_CONTACTED", "ISN", "secretary", "2026-11-01T00:00:00Z")));
        assertFalse(secretary.hears(followUp("MENTEE_WAITING", "ISN", "youth-officer", "2026-11-01T00:00:00Z")));
    }

    @Test
    void theDigestIsDueFromTheDigestTimeOnTheSubscribersDayOutsideQuietHours() {
        Subscription s = subscription(StaffRole.SECRETARY, "DWN");
        LocalTime seven = LocalTime.of(7, 0);
        assertFalse(s.digestDue(Instant.parse("2026-07-01T05:59:00Z"), seven));
        assertTrue(s.digestDue(Instant.parse("2026-07-01T06:00:00Z"), seven));
        s.quietFrom = LocalTime.of(22, 0);
        s.quietUntil = LocalTime.of(8, 0);
        assertFalse(s.digestDue(Instant.parse("2026-07-01T06:30:00Z"), seven));
        assertTrue(s.digestDue(Instant.parse("2026-07-01T07:00:00Z"), seven));
        assertEquals(LocalDate.of(2026, 7, 2), s.localDay(Instant.parse("2026-07-01T23:30:00Z")));
    }
}
