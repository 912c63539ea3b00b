package org.opencircles.actions.rest;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencircles.actions.domain.Commitment;
import org.opencircles.actions.domain.CommitmentStatus;
import org.opencircles.actions.service.CommitmentService;
import org.opencircles.platform.problem.FieldValues;
import org.opencircles.platform.problem.ProblemException;
import org.opencircles.platform.security.CallerScope;
import org.opencircles.platform.security.Roles;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Commitments members made, and their progress to done. */
@Path("/commitments")
@Tag(name = "Commitments")
public class CommitmentResource {

    @Inject
    CommitmentService commitments;

    @Inject
    CallerScope scope;

    @POST
    @RolesAllowed({Roles.SECRETARY, Roles.ORGANISER})
    @Operation(summary = "Record a commitment made at an event or meeting")
    public Response make(@Valid @NotNull CommitmentRequest request) {
        scope.requireClp(request.clpCode());
        Commitment c = commitments.make(request, scope.principal());
        return Response.created(URI.create("/commitments/" + c.id))
                .entity(CommitmentView.of(c, commitments.today(), List.of())).build();
    }

    @GET
    @RolesAllowed({Roles.SECRETARY, Roles.ORGANISER, Roles.YOUTH_OFFICER})
    @Operation(summary = "List commitments by CLP, status, or overdue only")
    public List<CommitmentView> list(@QueryParam("clp") String clp, @QueryParam("status") String status,
                                     @QueryParam("overdue") boolean overdue, @QueryParam("page") String page,
                                     @QueryParam("size") String size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (clp != null && !clp.isBlank()) {
            scope.requireClp(clp);
            where.append(" and clpCode = :clp");
            params.put("clp", clp);
        }
        scope.restrict(where, params, "clpCode");
        CommitmentStatus s = FieldValues.parseEnum(CommitmentStatus.class, status, "status");
        if (s != null) {
            where.append(" and status = :status");
            params.put("status", s);
        }
        if (overdue) {
            where.append(" and status in :open and dueOn < :today");
            params.put("open", List.of(CommitmentStatus.COMMITTED, CommitmentStatus.IN_PROGRESS));
            params.put("today", commitments.today());
        }
        int pageNo = FieldValues.parseCount(page, "page", 0, 1_000_000);
        int pageSize = Math.max(1, FieldValues.parseCount(size, "size", 50, 200));
        return Commitment.<Commitment>find(where.toString(), Sort.by("dueOn").and("id"), params)
                .page(Page.of(pageNo, pageSize)).stream()
                .map(c -> CommitmentView.of(c, commitments.today(), List.of())).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.SECRETARY, Roles.ORGANISER, Roles.YOUTH_OFFICER})
    public CommitmentView get(@PathParam("id") String id) {
        Commitment c = visible(id);
        return CommitmentView.of(c, commitments.today(), commitments.updates(c.id));
    }

    @POST
    @Path("/{id}/progress")
    @RolesAllowed({Roles.SECRETARY, Roles.ORGANISER})
    @Operation(summary = "Report progress: status, percent complete, money raised, a new due date, a note")
    public CommitmentView progress(@PathParam("id") String id, @Valid @NotNull ProgressRequest request) {
        Commitment c = visible(id);
        Commitment updated = commitments.progress(c.id, request, scope.principal());
        return CommitmentView.of(updated, commitments.today(), commitments.updates(c.id));
    }

    private Commitment visible(String id) {
        Commitment c = commitments.load(FieldValues.parseId(id, "id"));
        if (!scope.canSee(c.clpCode)) {
            throw ProblemException.notFound("Commitment", id);
        }
        return c;
    }
}
