package org.opencircles.actions.rest;

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
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencircles.actions.domain.Commitment;
import org.opencircles.actions.domain.CommitmentStatus;
import org.opencircles.actions.service.CommitmentService;
import org.opencircles.platform.page.PageView;
import org.opencircles.platform.page.Paging;
import org.opencircles.platform.problem.ApiDescriptions;
import org.opencircles.platform.problem.FieldValues;
import org.opencircles.platform.security.CallerScope;
import org.opencircles.platform.security.Roles;

/** Commitments members made, and their progress to done. */
@Path("/commitments")
@Tag(name = "Commitments")
@APIResponse(responseCode = "401", description = ApiDescriptions.NOT_SIGNED_IN)
@APIResponse(responseCode = "403", description = ApiDescriptions.NOT_ALLOWED)
public class CommitmentResource {

    @Inject
    CommitmentService commitments;

    @Inject
    CallerScope scope;

    @POST
    @RolesAllowed({Roles.SECRETARY, Roles.ORGANISER})
    @Operation(summary = "Record a commitment made at an event or meeting")
    @APIResponse(responseCode = "400", description = ApiDescriptions.BAD_FIELD)
    @APIResponse(responseCode = "422", description = "An owner is not an active member of the CLP")
    @APIResponse(responseCode = "201", description = "Recorded")
    public Response make(@Valid @NotNull CommitmentRequest request) {
        scope.requireClp(request.clpCode());
        Commitment c = commitments.make(
                new CommitmentService.MakeCommitment(
                        request.clpCode(),
                        request.kind(),
                        request.title(),
                        request.description(),
                        request.madeAt(),
                        request.ownerMemberIds(),
                        request.dueOn(),
                        request.targetPence()),
                scope.principal());
        return Response.created(URI.create("/commitments/" + c.id))
                .entity(CommitmentView.of(c, commitments.today(), List.of()))
                .build();
    }

    @GET
    @RolesAllowed({Roles.SECRETARY, Roles.ORGANISER, Roles.YOUTH_OFFICER})
    @Operation(summary = "List commitments by CLP, status, or overdue only, soonest due first")
    @APIResponse(responseCode = "400", description = ApiDescriptions.BAD_FILTER_OR_PAGE)
    @APIResponse(responseCode = "200", description = "A page of commitments, soonest due first")
    public PageView<CommitmentView> list(
            @QueryParam("clp") String clp,
            @QueryParam("status") String status,
            @QueryParam("overdue") boolean overdue,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        var filter = new CommitmentService.CommitmentFilter(
                clp == null || clp.isBlank() ? null : clp,
                FieldValues.parseEnum(CommitmentStatus.class, status, "status"),
                overdue);
        LocalDate today = commitments.today();
        return commitments.list(filter, Paging.of(page, size)).map(c -> CommitmentView.of(c, today, List.of()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.SECRETARY, Roles.ORGANISER, Roles.YOUTH_OFFICER})
    @APIResponse(responseCode = "400", description = ApiDescriptions.BAD_ID_OR_PAGE)
    @APIResponse(responseCode = "404", description = ApiDescriptions.NOT_FOUND_IN_SCOPE)
    @APIResponse(responseCode = "200", description = "The commitment with its updates")
    public CommitmentView get(@PathParam("id") String id) {
        Commitment c = commitments.visible(FieldValues.parseId(id, "id"));
        return CommitmentView.of(c, commitments.today(), commitments.updates(c.id));
    }

    @POST
    @Path("/{id}/progress")
    @RolesAllowed({Roles.SECRETARY, Roles.ORGANISER})
    @Operation(summary = "Report progress: status, percent complete, money raised, a new due date, a note")
    @APIResponse(responseCode = "400", description = ApiDescriptions.BAD_FIELD)
    @APIResponse(responseCode = "404", description = ApiDescriptions.NOT_FOUND_IN_SCOPE)
    @APIResponse(responseCode = "422", description = "The status cannot move that way, or the commitment is closed")
    @APIResponse(responseCode = "200", description = "The commitment as updated")
    public CommitmentView progress(@PathParam("id") String id, @Valid @NotNull ProgressRequest request) {
        Commitment c = commitments.visible(FieldValues.parseId(id, "id"));
        Commitment updated = commitments.progress(
                c.id,
                new CommitmentService.ReportProgress(
                        request.status(),
                        request.percentComplete(),
                        request.raisedPence(),
                        request.dueOn(),
                        request.note()),
                scope.principal());
        return CommitmentView.of(updated, commitments.today(), commitments.updates(c.id));
    }
}
