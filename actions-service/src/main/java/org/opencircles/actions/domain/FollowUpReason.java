package org.opencircles.actions.domain;

/** Why someone must act, and who: each reason has one assignee role and one kind of subject. */
public enum FollowUpReason {
    NEW_MEMBER_NOT_CONTACTED("member", "secretary"),
    /** A young member joined (often by import) without a guardian's consent: the secretary collects it, at once. */
    GUARDIAN_CONSENT_MISSING("member", "secretary"),
    INVOLVEMENT_NOT_FOLLOWED_UP("member", "secretary"),
    COMMITMENT_DUE_SOON("commitment", "secretary"),
    COMMITMENT_OVERDUE("commitment", "organiser"),
    MENTEE_WAITING("mentee", "youth-officer"),
    /** A pairing ended because a safeguarding rule broke (a check expired, consent withdrawn): due at once. */
    PAIRING_ENDED_FOR_SAFEGUARDING("mentee", "youth-officer"),
    /** A safeguarding concern was raised: the designated safeguarding lead acts on it at once. */
    SAFEGUARDING_CONCERN_RAISED("concern", "safeguarding-lead");

    private final String subjectType;
    private final String assigneeRole;

    FollowUpReason(String subjectType, String assigneeRole) {
        this.subjectType = subjectType;
        this.assigneeRole = assigneeRole;
    }

    public String subjectType() {
        return subjectType;
    }

    public String assigneeRole() {
        return assigneeRole;
    }
}
