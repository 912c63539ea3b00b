package org.opencircles.platform.problem;

import java.util.List;
import java.util.stream.Collectors;

/** A request the domain refuses, with the HTTP status and the fields to blame; mapped to problem+json. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** 400: one field is invalid. */
    public static ProblemException invalidField(String field, String reason) {
        return new ProblemException(Problem.of(
                400,
                "invalid-field",
                "Invalid request",
                field + ": " + reason,
                List.of(new FieldError(field, reason))));
    }

    /** 400: several fields are invalid; the detail lists them all so a form can show every mistake at once. */
    public static ProblemException invalidFields(List<FieldError> errors) {
        String detail = errors.stream().map(f -> f.field() + ": " + f.reason()).collect(Collectors.joining("; "));
        return new ProblemException(Problem.of(400, "invalid-field", "Invalid request", detail, errors));
    }

    /** 404: the named thing does not exist (or is not visible to the caller). */
    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(
                Problem.of(404, "not-found", "Not found", what + " " + id + " was not found", null));
    }

    /** 409: the request conflicts with the current state; {@code field} is what conflicts. */
    public static ProblemException conflict(String field, String reason) {
        return new ProblemException(
                Problem.of(409, "conflict", "Conflict", reason, List.of(new FieldError(field, reason))));
    }

    /** 422: well-formed, but a domain rule (for example safeguarding) forbids it. */
    public static ProblemException ruleBroken(String slug, String field, String reason) {
        return new ProblemException(
                Problem.of(422, slug, "Rule violated", reason, List.of(new FieldError(field, reason))));
    }

    /** 403: the caller may not act on this CLP. */
    public static ProblemException forbidden(String reason) {
        return new ProblemException(Problem.of(403, "forbidden", "Forbidden", reason, null));
    }
}
