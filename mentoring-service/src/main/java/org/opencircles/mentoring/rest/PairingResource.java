package org.opencircles.mentoring.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencircles.mentoring.domain.MentoringSession;
import org.opencircles.mentoring.domain.Pairing;
import org.opencircles.mentoring.service.PairingService;
import org.opencircles.platform.page.PageView;
import org.opencircles.platform.page.Paging;
import org.opencircles.platform.problem.ApiDescriptions;
import org.opencircles.platform.problem.FieldValues;
import org.opencircles.platform.security.CallerScope;
import org.opencircles.platform.security.Roles;

/** Pairings: propose, activate, end, and log sessions; every step re-checks safeguarding. */
@Path("/pairings")
@Tag(name = "Pairings")
@RolesAllowed(Roles.YOUTH_OFFICER)
@APIResponse(responseCode = "401", description = ApiDescriptions.NOT_SIGNED_IN)
@APIResponse(responseCode = "403", description = ApiDescriptions.NOT_ALLOWED)
public class PairingResource {

    @Inject
    PairingService pairings;

    @Inject
    CallerScope scope;

    @POST
    @Operation(summary = "Propose a pairing; refused (422) if safeguarding, consent or capacity do not allow it")
    @APIResponse(responseCode = "400", description = ApiDescriptions.BAD_FIELD)
    @APIResponse(responseCode = "404", description = ApiDescriptions.NOT_FOUND_IN_SCOPE)
    @APIResponse(
            responseCode = "422",
            description = "Refused: safeguarding, guardian consent, capacity or the mentee's status")
    @APIResponse(responseCode = "201", description = "Proposed")
    public Response propose(@Valid @NotNull PairingRequest request) {
        Pairing p = pairings.propose(request.toCommand(), scope.principal());
        return Response.created(URI.create("/pairings/" + p.id))
                .entity(PairingView.of(p))
                .build();
    }

    @GET
    @Path("/{id}")
    @APIResponse(responseCode = "400", description = ApiDescriptions.BAD_ID_OR_PAGE)
    @APIResponse(responseCode = "404", description = ApiDescriptions.NOT_FOUND_IN_SCOPE)
    @APIResponse(responseCode = "200", description = "The pairing")
    public PairingView get(@PathParam("id") String id) {
        return PairingView.of(pairings.visible(FieldValues.parseId(id, "id")));
    }

    @POST
    @Path("/{id}/activate")
    @Operation(summary = "Start a proposed pairing (safeguarding checked for the start date)")
    @APIResponse(responseCode = "400", description = ApiDescriptions.BAD_FIELD)
    @APIResponse(responseCode = "404", description = ApiDescriptions.NOT_FOUND_IN_SCOPE)
    @APIResponse(
            responseCode = "422",
            description = "Not proposed, or safeguarding does not allow it on the start date")
    @APIResponse(responseCode = "200", description = "Active")
    public PairingView activate(@PathParam("id") String id, @Valid ActivateRequest request) {
        return PairingView.of(
                pairings.activate(FieldValues.parseId(id, "id"), request == null ? null : request.startOn()));
    }

    @POST
    @Path("/{id}/end")
    @APIResponse(responseCode = "400", description = ApiDescriptions.BAD_FIELD)
    @APIResponse(responseCode = "404", description = ApiDescriptions.NOT_FOUND_IN_SCOPE)
    @APIResponse(responseCode = "422", description = "The pairing has already ended")
    @APIResponse(responseCode = "200", description = "Ended")
    public PairingView end(@PathParam("id") String id, @Valid @NotNull EndRequest request) {
        return PairingView.of(pairings.end(FieldValues.parseId(id, "id"), request.reason()));
    }

    @POST
    @Path("/{id}/sessions")
    @Operation(summary = "Log a mentoring session")
    @APIResponse(responseCode = "400", description = ApiDescriptions.BAD_FIELD)
    @APIResponse(responseCode = "404", description = ApiDescriptions.NOT_FOUND_IN_SCOPE)
    @APIResponse(
            responseCode = "422",
            description = "The pairing is not active (or suspended), or the mentor's check was not in force that day")
    @APIResponse(responseCode = "201", description = "Logged")
    public Response logSession(@PathParam("id") String id, @Valid @NotNull SessionRequest request) {
        MentoringSession s = pairings.logSession(FieldValues.parseId(id, "id"), request.toCommand(), scope.principal());
        return Response.created(URI.create("/pairings/" + id + "/sessions/" + s.id))
                .entity(SessionView.of(s))
                .build();
    }

    @GET
    @Path("/{id}/sessions")
    @Operation(summary = "A pairing's sessions, in the order they were held")
    @APIResponse(responseCode = "400", description = ApiDescriptions.BAD_ID_OR_PAGE)
    @APIResponse(responseCode = "404", description = ApiDescriptions.NOT_FOUND_IN_SCOPE)
    @APIResponse(responseCode = "200", description = "A page of sessions")
    public PageView<SessionView> sessions(
            @PathParam("id") String id, @QueryParam("page") String page, @QueryParam("size") String size) {
        return pairings.sessions(FieldValues.parseId(id, "id"), Paging.of(page, size))
                .map(SessionView::of);
    }
}
