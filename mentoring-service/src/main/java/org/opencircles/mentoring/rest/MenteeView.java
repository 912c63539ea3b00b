package org.opencircles.mentoring.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.opencircles.mentoring.domain.Mentee;
import org.opencircles.mentoring.service.MenteeService;

/** A mentee: ids and goals, never contact details (minors' details stay in members-service). */
public record MenteeView(
        UUID id,
        UUID memberId,
        String clpCode,
        List<String> goals,
        Mentee.Status status,
        UUID cohortId,
        Instant enrolledAt,
        Boolean minorToday) {

    static MenteeView of(MenteeService.MenteeRecord r) {
        Mentee m = r.mentee();
        return new MenteeView(
                m.id, m.memberId, m.clpCode, List.copyOf(m.goals), m.status, m.cohortId, m.enrolledAt, r.minorToday());
    }
}
