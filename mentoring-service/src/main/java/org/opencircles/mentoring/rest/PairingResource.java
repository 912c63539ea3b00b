package org.opencircles.mentoring.rest;

import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencircles.mentoring.domain.Mentee;
import org.opencircles.mentoring.domain.MentoringSession;
import org.opencircles.mentoring.domain.Pairing;
import org.opencircles.mentoring.service.Pairings;
import org.opencircles.mentoring.service.Programme;
import org.opencircles.platform.problem.FieldValues;
import org.opencircles.platform.problem.ProblemException;
import org.opencircles.platform.security.CallerScope;
import org.opencircles.platform.security.Roles;

import java.net.URI;
import java.util.List;

/** Pairings: propose, activate, end, and log sessions; every step re-checks safeguarding. */
@Path("/pairings")
@Tag(name = "Pairings")
@RolesAllowed(Roles.YOUTH_OFFICER)
public class PairingResource {

    @Inject
    Pairings pairings;

    @Inject
    Programme programme;

    @Inject
    CallerScope scope;

    @POST
    @Operation(summary = "Propose a pairing; refused (422) if safeguarding, consent or capacity do not allow it")
    public Response propose(@Valid @NotNull MentoringDtos.PairingRequest request) {
        Mentee mentee = programme.mentee(request.menteeId());
        scope.requireClp(mentee.clpCode);
        Pairing p = pairings.propose(request, scope.principal());
        return Response.created(URI.create("/pairings/" + p.id)).entity(MentoringDtos.PairingView.of(p)).build();
    }

    @GET
    @Path("/{id}")
    public MentoringDtos.PairingView get(@PathParam("id") String id) {
        return MentoringDtos.PairingView.of(visible(id));
    }

    @POST
    @Path("/{id}/activate")
    @Operation(summary = "Start a proposed pairing (safeguarding checked for the start date)")
    public MentoringDtos.PairingView activate(@PathParam("id") String id, @Valid MentoringDtos.ActivateRequest request) {
        return MentoringDtos.PairingView.of(pairings.activate(visible(id).id, request == null ? null : request.startOn()));
    }

    @POST
    @Path("/{id}/end")
    public MentoringDtos.PairingView end(@PathParam("id") String id, @Valid @NotNull MentoringDtos.EndRequest request) {
        return MentoringDtos.PairingView.of(pairings.end(visible(id).id, request.reason()));
    }

    @POST
    @Path("/{id}/sessions")
    @Operation(summary = "Log a mentoring session")
    public Response logSession(@PathParam("id") String id, @Valid @NotNull MentoringDtos.SessionRequest request) {
        MentoringSession s = pairings.logSession(visible(id).id, request, scope.principal());
        return Response.created(URI.create("/pairings/" + id + "/sessions/" + s.id))
                .entity(MentoringDtos.SessionView.of(s)).build();
    }

    @GET
    @Path("/{id}/sessions")
    public List<MentoringDtos.SessionView> sessions(@PathParam("id") String id) {
        Pairing p = visible(id);
        return MentoringSession.<MentoringSession>list("pairingId", Sort.by("heldOn"), p.id).stream()
                .map(MentoringDtos.SessionView::of).toList();
    }

    private Pairing visible(String id) {
        Pairing p = pairings.pairing(FieldValues.parseId(id, "id"));
        if (!scope.canSee(programme.mentee(p.menteeId).clpCode)) {
            throw ProblemException.notFound("Pairing", id);
        }
        return p;
    }
}
