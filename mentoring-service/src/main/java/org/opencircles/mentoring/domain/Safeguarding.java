package org.opencircles.mentoring.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.opencircles.platform.problem.FieldError;

/**
 * The safeguarding rules a pairing must meet on a given day. Mentoring a minor one-to-one and regularly is regulated
 * activity, so every pairing with a minor needs an Enhanced DBS check with the children's barred list, in force that
 * day, completed safeguarding training, and a parent's or guardian's consent.
 */
public final class Safeguarding {

    /** The check level regulated activity with children requires. */
    public static final CheckLevel FOR_MINORS = CheckLevel.ENHANCED_WITH_BARRED_LIST;

    private Safeguarding() {}

    /** Every rule broken by pairing this mentor with this mentee on {@code day}; empty means allowed. */
    public static List<FieldError> breaches(
            Mentor mentor, MemberProjection mentorMember, MemberProjection menteeMember, LocalDate day) {
        List<FieldError> breaches = new ArrayList<>();
        if (mentor.barredAt != null) {
            breaches.add(
                    new FieldError("mentorId", "the mentor is barred from mentoring after a safeguarding concern"));
            return breaches;
        }
        if (mentor.status != Mentor.Status.ACTIVE || mentorMember == null || !mentorMember.isActive()) {
            breaches.add(new FieldError("mentorId", "the mentor is not an active member"));
        } else if (MemberProjection.minorOrUnknownAge(mentorMember, day)) {
            breaches.add(new FieldError("mentorId", "mentors must be adults"));
        }
        if (menteeMember == null || !menteeMember.isActive()) {
            breaches.add(new FieldError("menteeId", "the mentee is not an active member"));
            return breaches;
        }
        if (MemberProjection.minorOrUnknownAge(menteeMember, day)) {
            // Without a date of birth we cannot know the mentee is an adult: treat them as a minor.
            if (!mentor.checkValidOn(day, FOR_MINORS)) {
                breaches.add(new FieldError(
                        "mentor.safeguardingCheck",
                        "mentoring a minor needs an " + FOR_MINORS + " check in force on " + day + "; the mentor has "
                                + describe(mentor)));
            }
            if (!mentor.trainedBy(day)) {
                breaches.add(new FieldError(
                        "mentor.trainingCompletedOn", "mentoring a minor needs completed safeguarding training"));
            }
            if (!menteeMember.guardianConsent) {
                breaches.add(new FieldError(
                        "mentee.guardianConsent", "a parent or guardian has not consented to this minor taking part"));
            }
        }
        return breaches;
    }

    private static String describe(Mentor mentor) {
        if (mentor.checkLevel == CheckLevel.NONE) {
            return "no check";
        }
        return mentor.checkLevel + (mentor.checkExpiresOn == null ? "" : " expiring " + mentor.checkExpiresOn);
    }
}
