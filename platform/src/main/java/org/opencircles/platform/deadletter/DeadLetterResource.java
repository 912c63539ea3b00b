package org.opencircles.platform.deadletter;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencircles.platform.deadletter.DeadLetterService.DeadLetter;
import org.opencircles.platform.deadletter.DeadLetterService.ReplaySummary;
import org.opencircles.platform.deadletter.DeadLetterService.State;
import org.opencircles.platform.page.PageView;
import org.opencircles.platform.page.Paging;
import org.opencircles.platform.problem.ApiDescriptions;
import org.opencircles.platform.problem.FieldValues;
import org.opencircles.platform.problem.ProblemException;
import org.opencircles.platform.security.CallerScope;
import org.opencircles.platform.security.Roles;

/**
 * The operator's view of this service's dead letters: list them, replay one or all of a type through the same
 * handler (applied at most once), or discard one with a reason. Every service has it, at the same path.
 */
@Path("/admin/dead-letters")
@Tag(name = "Dead letters")
@RolesAllowed(Roles.OPERATOR)
@APIResponse(responseCode = "401", description = ApiDescriptions.NOT_SIGNED_IN)
@APIResponse(responseCode = "403", description = "Not an operator")
public class DeadLetterResource {

    /** A dead letter's id: its partition and offset on the dead-letter topic. */
    private static final Pattern ID = Pattern.compile("(\\d{1,9})-(\\d{1,18})");

    @Inject
    DeadLetterService deadLetters;

    @Inject
    CallerScope caller;

    /** Why a dead letter is discarded: the operator's words about the message, never about a person. */
    public record DiscardRequest(String reason) {}

    @GET
    @Operation(summary = "Dead letters, newest first: where each came from, its event type, why, and what was done")
    @APIResponse(responseCode = "200", description = "A page of dead letters")
    @APIResponse(responseCode = "400", description = "A bad state, page or size (problem+json naming the field)")
    public PageView<DeadLetter> list(
            @QueryParam("state") String state,
            @QueryParam("type") String type,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return deadLetters.list(
                FieldValues.parseEnum(State.class, state, "state"),
                type == null || type.isBlank() ? null : type.trim(),
                Paging.of(page, size));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One dead letter")
    @APIResponse(responseCode = "200", description = "The dead letter")
    @APIResponse(responseCode = "400", description = "The id is not partition-offset")
    @APIResponse(responseCode = "404", description = "No such dead letter")
    public DeadLetter get(@PathParam("id") String id) {
        Matcher m = id(id);
        return deadLetters.get(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)));
    }

    @POST
    @Path("/{id}/replay")
    @Operation(summary = "Apply a dead letter through the handler of the topic it came from (at most once)")
    @APIResponse(responseCode = "200", description = "Replayed: outcome APPLIED, ALREADY_APPLIED or UNKNOWN_TYPE")
    @APIResponse(responseCode = "400", description = "The id is not partition-offset")
    @APIResponse(responseCode = "404", description = "No such dead letter")
    @APIResponse(responseCode = "409", description = "It still cannot be applied (the reason says why); it stays open")
    public DeadLetter replay(@PathParam("id") String id) {
        Matcher m = id(id);
        return deadLetters.replay(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)), caller.principal());
    }

    @POST
    @Path("/replay")
    @Operation(summary = "Replay every open dead letter of one event type, oldest first")
    @APIResponse(responseCode = "200", description = "How many were replayed, by outcome, and those that still fail")
    @APIResponse(responseCode = "400", description = "No type given")
    public ReplaySummary replayAll(@QueryParam("type") String type) {
        if (type == null || type.isBlank()) {
            throw ProblemException.invalidField("type", "is required: the event type to replay, e.g. member.joined");
        }
        return deadLetters.replayAll(type.trim(), caller.principal());
    }

    @POST
    @Path("/{id}/discard")
    @Operation(summary = "Give up on a dead letter, with the reason (audited); it is never applied")
    @APIResponse(responseCode = "200", description = "Discarded")
    @APIResponse(responseCode = "400", description = "The id is not partition-offset, or no reason was given")
    @APIResponse(responseCode = "404", description = "No such dead letter")
    public DeadLetter discard(@PathParam("id") String id, DiscardRequest request) {
        Matcher m = id(id);
        String reason = request == null || request.reason() == null
                ? ""
                : request.reason().trim();
        if (reason.isEmpty()) {
            throw ProblemException.invalidField("reason", "is required: why the message is given up on");
        }
        if (reason.length() > 500) {
            throw ProblemException.invalidField("reason", "must be at most 500 characters");
        }
        return deadLetters.discard(
                Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)), reason, caller.principal());
    }

    private static Matcher id(String id) {
        Matcher m = ID.matcher(id == null ? "" : id);
        if (!m.matches()) {
            throw ProblemException.invalidField("id", "must be a dead letter's partition-offset, e.g. 0-12");
        }
        return m;
    }
}
