package org.opencircles.mentoring.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.opencircles.mentoring.domain.Cohort;

/** A cohort, with how many mentees it holds. */
public record CohortView(
        UUID id, String name, String clpCode, LocalDate startsOn, LocalDate endsOn, List<String> focus, long mentees) {

    static CohortView of(Cohort c, long mentees) {
        return new CohortView(c.id, c.name, c.clpCode, c.startsOn, c.endsOn, List.copyOf(c.focus), mentees);
    }
}
