package org.opencircles.actions.rest;

import jakarta.validation.constraints.Size;

/** Marking a follow-up done, with what was done. */
public record FollowUpDoneRequest(@Size(max = 2000) String note) {}
