package org.opencircles.actions.domain;

/** Why someone must act, and who: each reason has one assignee role and one kind of subject. */
public enum FollowUpReason {
    NEW_MEMBER_NOT_CONTACTED("member", "secretary"),
    INVOLVEMENT_NOT_FOLLOWED_UP("member", "secretary"),
    COMMITMENT_DUE_SOON("commitment", "secretary"),
    COMMITMENT_OVERDUE("commitment", "organiser"),
    MENTEE_WAITING("mentee", "youth-officer");

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
