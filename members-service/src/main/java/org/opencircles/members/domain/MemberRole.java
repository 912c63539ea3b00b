package org.opencircles.members.domain;

/** Offices a member can hold in their CLP or ward. */
public enum MemberRole {
    MEMBER,
    SECRETARY,
    CHAIR,
    TREASURER,
    ORGANISER,
    YOUTH_OFFICER,
    WOMENS_OFFICER,
    CAMPAIGN_COORDINATOR,
    MENTOR
}
