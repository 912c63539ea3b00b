package org.opencircles.mentoring.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencircles.platform.problem.FieldError;
import org.opencircles.platform.time.CivilTime;

/** The safeguarding rules of a pairing on a given day, without Quarkus or a database. */
class SafeguardingTest {

    private static final LocalDate TODAY =
            CivilTime.today(Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));

    private static MemberProjection member(Integer age, boolean guardianConsent) {
        MemberProjection m = new MemberProjection();
        m.status = "ACTIVE";
        m.clpCode = "DWN";
        m.adultOn = age == null ? null : TODAY.minusYears(age).plusYears(18);
        m.youthUntil = age == null ? null : TODAY.minusYears(age).plusYears(27);
        m.guardianConsent = guardianConsent;
        return m;
    }

    private static Mentor mentor(CheckLevel level, LocalDate expires, LocalDate trained) {
        Mentor m = new Mentor();
        m.status = Mentor.Status.ACTIVE;
        m.checkLevel = level;
        m.checkIssuedOn = level == CheckLevel.NONE ? null : TODAY.minusYears(1);
        m.checkExpiresOn = expires;
        m.trainingCompletedOn = trained;
        return m;
    }

    private static List<String> fields(List<FieldError> breaches) {
        return breaches.stream().map(FieldError::field).toList();
    }

    private final Mentor checked = mentor(Safeguarding.FOR_MINORS, TODAY.plusYears(2), TODAY.minusMonths(1));

    @Test
    void aCheckedTrainedMentorMayMentorAMinorWithConsent() {
        assertEquals(List.of(), Safeguarding.breaches(checked, member(40, false), member(15, true), TODAY));
    }

    @Test
    void aMinorNeedsTheCheckInForceOnTheDayTrainingAndConsent() {
        Mentor expiring = mentor(Safeguarding.FOR_MINORS, TODAY.plusDays(1), TODAY.minusMonths(1));
        assertEquals(List.of(), Safeguarding.breaches(expiring, member(40, false), member(15, true), TODAY));
        assertEquals(
                List.of("mentor.safeguardingCheck"),
                fields(Safeguarding.breaches(expiring, member(40, false), member(15, true), TODAY.plusDays(2))));
        Mentor basic = mentor(CheckLevel.BASIC, TODAY.plusYears(2), null);
        assertEquals(
                List.of("mentor.safeguardingCheck", "mentor.trainingCompletedOn", "mentee.guardianConsent"),
                fields(Safeguarding.breaches(basic, member(40, false), member(15, false), TODAY)));
    }

    @Test
    void anUnknownAgeIsTreatedAsAMinorAndAnAdultMenteeNeedsNoCheck() {
        Mentor unchecked = mentor(CheckLevel.NONE, null, null);
        assertEquals(
                List.of("mentor.safeguardingCheck", "mentor.trainingCompletedOn", "mentee.guardianConsent"),
                fields(Safeguarding.breaches(unchecked, member(40, false), member(null, false), TODAY)));
        assertEquals(List.of(), Safeguarding.breaches(unchecked, member(40, false), member(20, false), TODAY));
        assertTrue(MemberProjection.minorOrUnknownAge(member(null, false), TODAY));
        assertTrue(MemberProjection.minorOrUnknownAge(null, TODAY));
        assertFalse(MemberProjection.minorOrUnknownAge(member(18, false), TODAY));
        assertNull(MemberProjection.minorOn(member(null, false), TODAY));
    }

    @Test
    void mentorsMustBeActiveAdultsAndABarredMentorNeverPairs() {
        assertEquals(
                List.of("mentorId"),
                fields(Safeguarding.breaches(checked, member(17, false), member(20, false), TODAY)));
        Mentor barred = mentor(Safeguarding.FOR_MINORS, TODAY.plusYears(2), TODAY.minusMonths(1));
        barred.barredAt = Instant.parse("2026-11-01T09:00:00Z");
        assertEquals(
                List.of(new FieldError("mentorId", "the mentor is barred from mentoring after a safeguarding concern")),
                Safeguarding.breaches(barred, member(40, false), member(20, false), TODAY));
        MemberProjection resigned = member(20, false);
        resigned.status = "RESIGNED";
        assertEquals(List.of("menteeId"), fields(Safeguarding.breaches(checked, member(40, false), resigned, TODAY)));
    }
}
