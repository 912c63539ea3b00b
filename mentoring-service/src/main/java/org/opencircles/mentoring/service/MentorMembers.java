package org.opencircles.mentoring.service;

import org.opencircles.mentoring.domain.MemberProjection;
import org.opencircles.platform.problem.ProblemException;

import java.util.UUID;

/** Looks up a member in the projection, with a problem that says what to do when it has not arrived yet. */
final class MentorMembers {

    private MentorMembers() {
    }

    static MemberProjection require(UUID memberId) {
        MemberProjection m = MemberProjection.findById(memberId);
        if (m == null) {
            throw ProblemException.ruleBroken("unknown-member", "memberId",
                    "member " + memberId + " is not known to mentoring (yet); members appear seconds after joining");
        }
        return m;
    }
}
