package org.opencircles.mentoring.rest;

import org.opencircles.platform.problem.ProblemException;

import java.util.UUID;

/** Path ids, refused with a 400 naming the parameter rather than JAX-RS's bare 404. */
final class Ids {

    private Ids() {
    }

    static UUID parse(String value, String field) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, "'" + value + "' is not an id");
        }
    }
}
