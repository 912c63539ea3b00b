package org.opencircles.events;

/**
 * Why someone must act, and who: each reason has one assignee role and one kind of subject. Sent as the
 * {@code reason} of {@code follow-up.due}; a reader meeting a reason it does not know treats it as not immediate.
 */
public enum FollowUpReason {
    NEW_MEMBER_NOT_CONTACTED("member", "secretary", false, "A new member has not been contacted yet"),
    /** A young member joined (often by import) without a guardian's consent: the secretary collects it, at once. */
    GUARDIAN_CONSENT_MISSING(
            "member", "secretary", false, "A young member's parent or guardian consent is still to be collected"),
    INVOLVEMENT_NOT_FOLLOWED_UP(
            "member", "secretary", false, "A member who wants to get involved is waiting to hear from us"),
    COMMITMENT_DUE_SOON("commitment", "secretary", false, "A commitment is due soon"),
    COMMITMENT_OVERDUE("commitment", "organiser", false, "A commitment is overdue"),
    /** A young member has waited too long for a mentor: safeguarding, so the youth officer hears at once. */
    MENTEE_WAITING("mentee", "youth-officer", true, "A young member has waited too long for a mentor"),
    /** A pairing ended because a safeguarding rule broke (a check expired, consent withdrawn): due at once. */
    PAIRING_ENDED_FOR_SAFEGUARDING(
            "mentee",
            "youth-officer",
            true,
            "A mentoring pairing ended for a safeguarding reason; the mentee needs a new, checked mentor"),
    /** A safeguarding concern was raised: the designated safeguarding lead acts on it at once. */
    SAFEGUARDING_CONCERN_RAISED(
            "concern",
            "safeguarding-lead",
            true,
            "A safeguarding concern has been raised and needs the safeguarding lead");

    private final String subjectType;
    private final String assigneeRole;
    private final boolean immediate;
    private final String sentence;

    FollowUpReason(String subjectType, String assigneeRole, boolean immediate, String sentence) {
        this.subjectType = subjectType;
        this.assigneeRole = assigneeRole;
        this.immediate = immediate;
        this.sentence = sentence;
    }

    /** What is waiting, in a sentence staff read on the organiser's page and in emails (codes only, no one's name). */
    public String sentence() {
        return sentence;
    }

    /** The reason called {@code name}, or null for one this build does not know (a reader must tolerate it). */
    public static FollowUpReason valueOfOrNull(String name) {
        for (FollowUpReason reason : values()) {
            if (reason.name().equals(name)) {
                return reason;
            }
        }
        return null;
    }

    /** A safeguarding matter: notifiers tell the assignee at once rather than in the morning digest. */
    public boolean immediate() {
        return immediate;
    }

    /** Only the safeguarding lead (and the notifier telling them) may know that such a follow-up exists. */
    public boolean safeguardingLeadOnly() {
        return this == SAFEGUARDING_CONCERN_RAISED;
    }

    public String subjectType() {
        return subjectType;
    }

    public String assigneeRole() {
        return assigneeRole;
    }
}
