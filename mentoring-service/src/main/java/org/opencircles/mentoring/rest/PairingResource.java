package org.opencircles.mentoring.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencircles.platform.page.PageView;
import org.opencircles.platform.page.Paging;
import org.opencircles.platform.problem.FieldValues;
import org.opencircles.platform.security.Roles;
import org.opencircles.mentoring.domain.MentoringSession;
import org.opencircles.mentoring.domain.Pairing;
import org.opencircles.mentoring.service.PairingService;
import org.opencircles.platform.security.CallerScope;

import java.net.URI;

/** Pairings: propose, activate, end, and log sessions; every step re-checks safeguarding. */
@Path("/pairings")
@Tag(name = "Pairings")
@RolesAllowed(Roles.YOUTH_OFFICER)
public class PairingResource {

    @Inject
    PairingService pairings;

    @Inject
    CallerScope scope;

    @POST
    @Operation(summary = "Propose a pairing; refused (422) if safeguarding, consent or capacity do not allow it")
    public Response propose(@Valid @NotNull PairingRequest request) {
        Pairing p = pairings.propose(request.toCommand(), scope.principal());
        return Response.created(URI.create("/pairings/" + p.id)).entity(PairingView.of(p)).build();
    }

    @GET
    @Path("/{id}")
    public PairingView get(@PathParam("id") String id) {
        return PairingView.of(pairings.visible(FieldValues.parseId(id, "id")));
    }

    @POST
    @Path("/{id}/activate")
    @Operation(summary = "Start a proposed pairing (safeguarding checked for the start date)")
    public PairingView activate(@PathParam("id") String id, @Valid ActivateRequest request) {
        return PairingView.of(pairings.activate(FieldValues.parseId(id, "id"),
                request == null ? null : request.startOn()));
    }

    @POST
    @Path("/{id}/end")
    public PairingView end(@PathParam("id") String id, @Valid @NotNull EndRequest request) {
        return PairingView.of(pairings.end(FieldValues.parseId(id, "id"), request.reason()));
    }

    @POST
    @Path("/{id}/sessions")
    @Operation(summary = "Log a mentoring session")
    public Response logSession(@PathParam("id") String id, @Valid @NotNull SessionRequest request) {
        MentoringSession s = pairings.logSession(FieldValues.parseId(id, "id"), request.toCommand(),
                scope.principal());
        return Response.created(URI.create("/pairings/" + id + "/sessions/" + s.id)).entity(SessionView.of(s)).build();
    }

    @GET
    @Path("/{id}/sessions")
    @Operation(summary = "A pairing's sessions, in the order they were held")
    public PageView<SessionView> sessions(@PathParam("id") String id, @QueryParam("page") String page,
                                          @QueryParam("size") String size) {
        return pairings.sessions(FieldValues.parseId(id, "id"), Paging.of(page, size)).map(SessionView::of);
    }
}
