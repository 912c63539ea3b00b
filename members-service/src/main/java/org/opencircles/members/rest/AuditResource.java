package org.opencircles.members.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.inject.Inject;
import org.opencircles.members.service.AuditService;
import org.opencircles.platform.page.PageView;
import org.opencircles.platform.page.Paging;
import org.opencircles.platform.problem.ProblemException;
import org.opencircles.platform.problem.FieldValues;
import org.opencircles.platform.security.Roles;

import java.time.Instant;
import java.util.UUID;

/** For the data-protection officer: who accessed a member's data, and the record of erasures. */
@Path("/audit")
@Tag(name = "Data protection")
@RolesAllowed(Roles.DATA_PROTECTION)
public class AuditResource {

    @Inject
    AuditService audit;

    /** One audited access. */
    public record AccessView(Instant accessedAt, String service, String principal, String subjectType, String subjectId,
                             String action) {
    }

    @GET
    @Path("/access")
    @Operation(summary = "Who read or changed a member's personal data, in any service, newest first")
    public PageView<AccessView> access(@QueryParam("memberId") String memberId, @QueryParam("page") String page,
                                       @QueryParam("size") String size) {
        if (memberId == null || memberId.isBlank()) {
            throw ProblemException.invalidField("memberId", "is required");
        }
        UUID id = FieldValues.parseId(memberId, "memberId");
        return audit.access(id, Paging.of(page, size)).map(a -> new AccessView(a.accessedAt,
                a.service == null ? "members-service" : a.service, a.principal, a.subjectType, a.subjectId, a.action));
    }

    @GET
    @Path("/erasures")
    @Operation(summary = "Every erasure carried out: which member id, by whom, when, under which reference")
    public PageView<ErasureView> erasures(@QueryParam("page") String page, @QueryParam("size") String size) {
        return audit.erasures(Paging.of(page, size)).map(e -> ErasureView.of(e.record(), e.retained()));
    }
}
