package org.opencircles.actions.domain;

/** The practical actions members commit to take home from a conference or meeting. */
public enum CommitmentKind {
    YOUTH_MENTORING_PROGRAMME,
    CAMPAIGN,
    FUNDRAISING,
    REAL_PLANS_SECTION,
    COMMON_PURPOSE_DOCUMENT,
    LEADERSHIP_PROGRAMME,
    OTHER
}
