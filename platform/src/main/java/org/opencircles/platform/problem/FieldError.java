package org.opencircles.platform.problem;

/** One field that was wrong and why, inside a problem body. */
public record FieldError(String field, String reason) {}
