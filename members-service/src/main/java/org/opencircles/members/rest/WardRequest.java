package org.opencircles.members.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new ward in a CLP. */
public record WardRequest(
        @NotBlank @Pattern(regexp = "[A-Z0-9-]{2,40}", message = "must be 2 to 40 capital letters, digits or dashes")
        String code,

        @NotBlank @Size(max = 200) String name) {}
