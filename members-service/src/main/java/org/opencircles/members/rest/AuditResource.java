package org.opencircles.members.rest;

import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencircles.members.domain.ErasureRecord;
import org.opencircles.members.domain.ErasureRetention;
import org.opencircles.platform.audit.PersonalDataAccess;
import org.opencircles.platform.problem.ProblemException;
import org.opencircles.platform.problem.FieldValues;
import org.opencircles.platform.security.Roles;

import java.time.Instant;
import java.util.List;

/** For the data-protection officer: who accessed a member's data, and the record of erasures. */
@Path("/audit")
@Tag(name = "Data protection")
@RolesAllowed(Roles.DATA_PROTECTION)
public class AuditResource {

    /** One audited access. */
    public record AccessView(Instant accessedAt, String service, String principal, String subjectType, String subjectId,
                             String action) {
    }

    @GET
    @Path("/access")
    @Operation(summary = "Who read or changed a member's personal data, in any service, newest first")
    public List<AccessView> access(@QueryParam("memberId") String memberId) {
        if (memberId == null || memberId.isBlank()) {
            throw ProblemException.invalidField("memberId", "is required");
        }
        FieldValues.parseId(memberId, "memberId");
        return PersonalDataAccess.<PersonalDataAccess>find("subjectType = 'member' and subjectId = ?1",
                        Sort.descending("accessedAt").and("id", Sort.Direction.Descending), memberId.trim())
                .page(0, 1000).stream()
                .map(a -> new AccessView(a.accessedAt, a.service == null ? "members-service" : a.service, a.principal,
                        a.subjectType, a.subjectId, a.action))
                .toList();
    }

    @GET
    @Path("/erasures")
    @Operation(summary = "Every erasure carried out: which member id, by whom, when, under which reference")
    public List<MemberResource.ErasureView> erasures() {
        return ErasureRecord.<ErasureRecord>listAll(Sort.descending("erasedAt")).stream()
                .map(r -> MemberResource.ErasureView.of(r, ErasureRetention.list("memberId", r.memberId)))
                .toList();
    }
}
