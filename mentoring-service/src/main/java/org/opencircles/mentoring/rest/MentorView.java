package org.opencircles.mentoring.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.opencircles.mentoring.domain.CheckLevel;
import org.opencircles.mentoring.domain.Mentor;
import org.opencircles.mentoring.service.MentorService;

/** A mentor as staff see them; the check reference is shown only to those who check it. */
public record MentorView(
        UUID id,
        UUID memberId,
        String clpCode,
        List<String> skills,
        int capacity,
        long livePairings,
        CheckLevel checkLevel,
        String checkReference,
        LocalDate checkIssuedOn,
        LocalDate checkExpiresOn,
        LocalDate trainingCompletedOn,
        boolean mayMentorMinorsToday,
        Mentor.Status status) {

    static MentorView of(MentorService.MentorRecord r, boolean mayReadCheck) {
        Mentor m = r.mentor();
        return new MentorView(
                m.id,
                m.memberId,
                m.clpCode,
                List.copyOf(m.skills),
                m.capacity,
                r.livePairings(),
                m.checkLevel,
                mayReadCheck ? m.checkReference : null,
                m.checkIssuedOn,
                m.checkExpiresOn,
                m.trainingCompletedOn,
                r.mayMentorMinorsToday(),
                m.status);
    }
}
