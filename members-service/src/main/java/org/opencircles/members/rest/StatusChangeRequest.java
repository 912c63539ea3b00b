package org.opencircles.members.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.opencircles.events.MembershipStatus;

/** Move a member to another status, e.g. RESIGNED, or ACTIVE to rejoin. */
public record StatusChangeRequest(
        @NotNull MembershipStatus status, @Size(max = 200) String reason) {}
