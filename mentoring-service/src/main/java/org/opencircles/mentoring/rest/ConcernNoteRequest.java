package org.opencircles.mentoring.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A note added to a concern's history by the safeguarding lead. */
public record ConcernNoteRequest(@NotBlank @Size(max = 8000) String note) {}
