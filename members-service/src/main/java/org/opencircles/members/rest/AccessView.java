package org.opencircles.members.rest;

import java.time.Instant;

/** One audited read or write of a member's personal data, in whichever service it happened. */
public record AccessView(
        Instant accessedAt, String service, String principal, String subjectType, String subjectId, String action) {}
