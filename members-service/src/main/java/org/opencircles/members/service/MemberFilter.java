package org.opencircles.members.service;

import org.opencircles.members.domain.AgeBand;
import org.opencircles.members.domain.MembershipStatus;

/** What an organiser or secretary narrows a member list by; null fields do not filter. */
public record MemberFilter(String clpCode, String wardCode, MembershipStatus status, AgeBand ageBand,
                           String interest, Integer notContactedForDays) {
}
