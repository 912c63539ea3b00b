package org.opencircles.members.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A data-protection erasure request; {@code reference} ties it to the request received. */
public record ErasureRequest(@NotBlank @Size(max = 100) String reference) {}
