package org.opencircles.members.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A call list to make: its name, the channel (PHONE or EMAIL), who works it, and the member filter it is made from.
 * Codes are read as text and checked by the resource, so a wrong one is a 400 naming its field.
 */
public record CallListRequest(
        @NotBlank @Size(max = 100) String name,
        @NotBlank String channel,
        @Size(max = 100) String assignedTo,
        @NotNull @Valid Filter filter) {

    /** The member list's filters (the CLP is required: a list belongs to one CLP). */
    public record Filter(
            @NotBlank @Size(max = 20) String clp,
            @Size(max = 40) String ward,
            String status,
            String ageBand,
            @Size(max = 60) String interest,
            @Min(0) @Max(36_500) Integer notContactedForDays,
            @Size(max = 100) String q) {}
}
