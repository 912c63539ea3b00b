package org.opencircles.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.postgresql.util.PSQLException;

/**
 * Every error a client can see, as RFC 9457 problem+json naming the field and the reason. Unexpected failures are
 * logged under an incident id and answered without internals.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return e.problem().toResponse();
    }

    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.reason()).collect(Collectors.joining("; "));
        return Problem.of(400, "invalid-field", "Invalid request", detail, errors)
                .toResponse();
    }

    /** Listed by exact type: Quarkus ships its own mapper for MismatchedInputException, whose body is not a problem. */
    @ServerExceptionMapper({
        JsonMappingException.class,
        MismatchedInputException.class,
        UnrecognizedPropertyException.class,
        InvalidFormatException.class,
        ValueInstantiationException.class,
        UnsafeTextException.class
    })
    public Response unreadable(JsonMappingException e) {
        String field = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        String reason;
        if (e instanceof UnrecognizedPropertyException u) {
            field = field.isEmpty() ? u.getPropertyName() : field;
            reason = "is not a known field";
        } else if (e instanceof UnsafeTextException) {
            reason = e.getOriginalMessage();
        } else if (e instanceof InvalidFormatException f) {
            reason = "'" + f.getValue() + "' is not a valid " + friendlyType(f.getTargetType());
        } else {
            reason = "has the wrong type or shape";
        }
        if (field.isEmpty()) {
            return Problem.of(
                            400, "unreadable-body", "Unreadable body", "The body is not the expected JSON object", null)
                    .toResponse();
        }
        return ProblemException.invalidField(field, reason).problem().toResponse();
    }

    @ServerExceptionMapper
    public Response malformed(JsonParseException e) {
        return Problem.of(
                        400,
                        "malformed-json",
                        "Malformed JSON",
                        "The body is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                                + e.getLocation().getColumnNr() + ")",
                        null)
                .toResponse();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonMappingException m) {
            return unreadable(m);
        }
        if (e.getCause() instanceof JsonParseException p) {
            return malformed(p);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        String slug = status.getReasonPhrase().toLowerCase().replace(' ', '-');
        return Problem.of(status.getStatusCode(), slug, status.getReasonPhrase(), safeDetail(e, status), null)
                .toResponse();
    }

    @ServerExceptionMapper
    public Response staleWrite(OptimisticLockException e) {
        return Problem.of(
                        409,
                        "concurrent-update",
                        "Concurrent update",
                        "Someone else changed this record at the same time; reload and try again",
                        null)
                .toResponse();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.of(403, "forbidden", "Forbidden", "Your role does not allow this", null)
                .toResponse();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated() {
        return Response.fromResponse(Problem.of(
                                401,
                                "unauthenticated",
                                "Unauthenticated",
                                "Sign in with your Open Circles account",
                                null)
                        .toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"open-circles\"")
                .build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        Response known = fromDatabase(e);
        if (known != null) {
            return known;
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure, incident %s", incident);
        return Problem.of(
                        500,
                        "internal",
                        "Internal error",
                        "Something went wrong on our side; quote incident " + incident,
                        null)
                .toResponse();
    }

    /**
     * What the database said, when it says the request lost a race or carried text it cannot store: a 409 naming the
     * field of a unique key another request took first (never the value, which may be someone's data), or a 400.
     * Null for anything else.
     */
    static Response fromDatabase(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.equals("23505")) {
                    return ProblemException.conflict(
                                    keyField(uniqueKeyDetail(sql)),
                                    "was taken by another request at the same moment; reload and try again")
                            .problem()
                            .toResponse();
                }
                if (state.startsWith("23")) {
                    return Problem.of(
                                    409,
                                    "conflict",
                                    "Conflict",
                                    "The record changed while this request ran; " + "reload and try again",
                                    null)
                            .toResponse();
                }
                if (state.equals("22021") || state.equals("22P05")) {
                    return ProblemException.invalidField("body", "must be valid text without NUL characters")
                            .problem()
                            .toResponse();
                }
            }
        }
        return null;
    }

    /**
     * The server's detail of a unique-key violation ("Key (membership_number)=(...) already exists"). Read from the
     * driver's structured error, since messages leave details (and a batch's values) out: they reach logs, and the
     * values are people's data ({@code logServerErrorDetail=false}).
     */
    static String uniqueKeyDetail(SQLException sql) {
        for (Throwable t = sql; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (SQLException s = t instanceof SQLException e ? e : null; s != null; s = s.getNextException()) {
                if (s instanceof PSQLException p
                        && p.getServerErrorMessage() != null
                        && p.getServerErrorMessage().getDetail() != null) {
                    return p.getServerErrorMessage().getDetail();
                }
            }
        }
        return sql.getMessage();
    }

    /** The column of a unique-key violation ("Key (membership_number)=(...)"), as the API's camelCase field. */
    static String keyField(String message) {
        Matcher m = Pattern.compile("Key \\(([a-z_, ]+)\\)=").matcher(message == null ? "" : message);
        if (!m.find()) {
            return "id";
        }
        String column = m.group(1).split(",")[0].trim();
        StringBuilder field = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                field.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return field.toString();
    }

    private static String safeDetail(WebApplicationException e, Response.StatusType status) {
        // Framework messages can name Java types; only pass through the plain HTTP ones.
        return switch (status.getStatusCode()) {
            case 404 -> "No such resource";
            case 405 -> "This method is not allowed here";
            case 406 -> "Cannot produce the requested media type";
            case 415 -> "Unsupported media type";
            default -> status.getReasonPhrase();
        };
    }

    private static String friendlyType(Class<?> type) {
        if (type.isEnum()) {
            return "value; expected one of " + Arrays.toString(type.getEnumConstants());
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "date (yyyy-mm-dd)";
            case "Instant", "OffsetDateTime" -> "timestamp (ISO-8601)";
            case "UUID" -> "id";
            case "int", "Integer", "long", "Long" -> "whole number";
            case "boolean", "Boolean" -> "true/false";
            default -> "value";
        };
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        String property = null;
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                String name = node.getName() == null ? "" : node.getName();
                String indexed = node.getIndex() != null ? name + "[" + node.getIndex() + "]" : name;
                property = property == null ? indexed : property + "." + indexed;
            }
        }
        if (property != null) {
            return property;
        }
        return parameter != null ? parameter : "body";
    }
}
