package org.opencircles.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** An RFC 9457 problem details body, with the offending fields listed in {@code errors}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);

    /** A problem of the given status whose type is a stable, documented slug. */
    public static Problem of(int status, String slug, String title, String detail, List<FieldError> errors) {
        return new Problem(
                URI.create("https://open-circles.org/problems/" + slug),
                title,
                status,
                detail,
                errors == null ? List.of() : List.copyOf(errors));
    }

    public Response toResponse() {
        return Response.status(status).type(PROBLEM_JSON).entity(this).build();
    }
}
