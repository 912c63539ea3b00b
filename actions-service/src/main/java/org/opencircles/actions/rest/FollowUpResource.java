package org.opencircles.actions.rest;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencircles.actions.domain.FollowUp;
import org.opencircles.events.FollowUpReason;
import org.opencircles.actions.service.FollowUpSchedule;
import org.opencircles.platform.audit.AccessAudit;
import org.opencircles.platform.problem.FieldValues;
import org.opencircles.platform.problem.ProblemException;
import org.opencircles.platform.security.CallerScope;
import org.opencircles.platform.security.Roles;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Follow-ups for staff and notifiers: what is open (or done), and marking one done. */
@Path("/follow-ups")
@Tag(name = "Follow-ups")
public class FollowUpResource {

    @Inject
    AccessAudit audit;

    @Inject
    FollowUpSchedule schedule;

    @Inject
    CallerScope scope;

    @Inject
    SecurityIdentity identity;

    /** A follow-up as listed. */
    public record FollowUpView(UUID id, FollowUpReason reason, String subjectType, UUID subjectId, String clpCode,
                               String assigneeRole, Instant dueAt, FollowUp.Status status, Instant openedAt,
                               Instant closedAt, String closedBy, String note) {
        static FollowUpView of(FollowUp f) {
            return new FollowUpView(f.id, f.reason, f.subjectType, f.subjectId, f.clpCode, f.assigneeRole, f.dueAt,
                    f.status, f.openedAt, f.closedAt, f.closedBy, f.note);
        }
    }

    /** Marking a follow-up done, with what was done. */
    public record DoneRequest(@Size(max = 2000) String note) {
    }

    @GET
    @RolesAllowed({Roles.SECRETARY, Roles.ORGANISER, Roles.YOUTH_OFFICER, Roles.SAFEGUARDING_LEAD, Roles.NOTIFIER})
    @Operation(summary = "Follow-ups by status (default OPEN), CLP, reason or subject")
    public List<FollowUpView> list(@QueryParam("status") String status, @QueryParam("clp") String clp,
                                   @QueryParam("reason") String reason, @QueryParam("subjectId") String subjectId,
                                   @QueryParam("page") String page, @QueryParam("size") String size) {
        FollowUp.Status s = FieldValues.parseEnum(FollowUp.Status.class, status, "status");
        StringBuilder where = new StringBuilder("status = :status");
        Map<String, Object> params = new HashMap<>();
        params.put("status", s == null ? FollowUp.Status.OPEN : s);
        if (clp != null && !clp.isBlank()) {
            scope.requireClp(clp);
            where.append(" and clpCode = :clp");
            params.put("clp", clp);
        }
        scope.restrict(where, params, "clpCode");
        // That a safeguarding concern exists is for the safeguarding lead (and the notifier that tells them) only.
        if (!identity.hasRole(Roles.SAFEGUARDING_LEAD) && !identity.hasRole(Roles.NOTIFIER)) {
            where.append(" and reason <> :concern");
            params.put("concern", FollowUpReason.SAFEGUARDING_CONCERN_RAISED);
        }
        FollowUpReason r = FieldValues.parseEnum(FollowUpReason.class, reason, "reason");
        if (r != null) {
            where.append(" and reason = :reason");
            params.put("reason", r);
        }
        if (subjectId != null && !subjectId.isBlank()) {
            params.put("subject", FieldValues.parseId(subjectId, "subjectId"));
            where.append(" and subjectId = :subject");
        }
        int pageNo = FieldValues.parseCount(page, "page", 0, 1_000_000);
        int pageSize = Math.max(1, FieldValues.parseCount(size, "size", 100, 500));
        List<FollowUp> found = FollowUp.<FollowUp>find(where.toString(), Sort.by("dueAt").and("id"), params)
                .page(Page.of(pageNo, pageSize)).list();
        // Follow-ups about members (and staff notes on them) are personal data: the DPO sees who listed whose.
        List<UUID> members = FollowUp.memberSubjects(found);
        if (!members.isEmpty()) {
            audit.record("LIST", "member", members);
        }
        return found.stream().map(FollowUpView::of).toList();
    }

    @POST
    @Path("/{id}/done")
    @RolesAllowed({Roles.SECRETARY, Roles.ORGANISER, Roles.YOUTH_OFFICER})
    @Operation(summary = "Mark an open follow-up done")
    public FollowUpView done(@PathParam("id") String id, @Valid DoneRequest request) {
        UUID uuid = FieldValues.parseId(id, "id");
        FollowUp f = FollowUp.findById(uuid);
        if (f == null || !f.shownTo(scope::canSee)) {
            // A concern's follow-up closes when the safeguarding lead records its outcome, not by anyone else's "done".
            throw ProblemException.notFound("Follow-up", id);
        }
        FollowUp done = schedule.complete(uuid, request == null ? null : request.note(), scope.principal());
        if ("member".equals(done.subjectType)) {
            audit.record("UPDATE", "member", done.subjectId);
        }
        return FollowUpView.of(done);
    }
}
