package org.opencircles.members.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new CLP. */
public record ClpRequest(
        @NotBlank @Pattern(regexp = "[A-Z0-9]{2,10}", message = "must be 2 to 10 capital letters or digits")
        String code,

        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 100) String region) {}
