package org.opencircles.members.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencircles.members.service.AuditService;
import org.opencircles.platform.page.PageView;
import org.opencircles.platform.page.Paging;
import org.opencircles.platform.problem.ApiDescriptions;
import org.opencircles.platform.problem.FieldValues;
import org.opencircles.platform.problem.ProblemException;
import org.opencircles.platform.security.Roles;

/** For the data-protection officer: who accessed a member's data, and the record of erasures. */
@Path("/audit")
@Tag(name = "Data protection")
@RolesAllowed(Roles.DATA_PROTECTION)
@APIResponse(responseCode = "401", description = ApiDescriptions.NOT_SIGNED_IN)
@APIResponse(responseCode = "403", description = ApiDescriptions.NOT_ALLOWED)
public class AuditResource {

    @Inject
    AuditService audit;

    @GET
    @Path("/access")
    @Operation(summary = "Who read or changed a member's personal data, in any service, newest first")
    @APIResponse(responseCode = "400", description = "memberId is missing or not an id, or a bad page or size")
    @APIResponse(responseCode = "200", description = "A page of accesses, newest first")
    public PageView<AccessView> access(
            @QueryParam("memberId") String memberId, @QueryParam("page") String page, @QueryParam("size") String size) {
        if (memberId == null || memberId.isBlank()) {
            throw ProblemException.invalidField("memberId", "is required");
        }
        UUID id = FieldValues.parseId(memberId, "memberId");
        return audit.access(id, Paging.of(page, size))
                .map(a -> new AccessView(
                        a.accessedAt,
                        a.service == null ? "members-service" : a.service,
                        a.principal,
                        a.subjectType,
                        id.toString(),
                        a.action));
    }

    @GET
    @Path("/erasures")
    @Operation(summary = "Every erasure carried out: which member id, by whom, when, under which reference")
    @APIResponse(responseCode = "400", description = ApiDescriptions.BAD_FILTER_OR_PAGE)
    @APIResponse(responseCode = "200", description = "A page of erasures, newest first")
    public PageView<ErasureView> erasures(@QueryParam("page") String page, @QueryParam("size") String size) {
        return audit.erasures(Paging.of(page, size)).map(e -> ErasureView.of(e.record(), e.retained()));
    }
}
