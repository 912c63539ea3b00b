package org.opencircles.actions.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencircles.actions.domain.FollowUp;
import org.opencircles.actions.service.FollowUpService;
import org.opencircles.events.FollowUpReason;
import org.opencircles.platform.page.PageView;
import org.opencircles.platform.page.Paging;
import org.opencircles.platform.problem.ApiDescriptions;
import org.opencircles.platform.problem.FieldValues;
import org.opencircles.platform.security.Roles;

/** Follow-ups for staff and notifiers: what is open (or done), and marking one done. */
@Path("/follow-ups")
@Tag(name = "Follow-ups")
@APIResponse(responseCode = "401", description = ApiDescriptions.NOT_SIGNED_IN)
@APIResponse(responseCode = "403", description = ApiDescriptions.NOT_ALLOWED)
public class FollowUpResource {

    @Inject
    FollowUpService followUps;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed({Roles.SECRETARY, Roles.ORGANISER, Roles.YOUTH_OFFICER, Roles.SAFEGUARDING_LEAD, Roles.NOTIFIER})
    @Operation(summary = "Follow-ups by status (default OPEN), CLP, reason or subject, the longest due first")
    @APIResponse(responseCode = "400", description = ApiDescriptions.BAD_FILTER_OR_PAGE)
    @APIResponse(responseCode = "200", description = "A page of follow-ups, the longest due first")
    public PageView<FollowUpView> list(
            @QueryParam("status") String status,
            @QueryParam("clp") String clp,
            @QueryParam("reason") String reason,
            @QueryParam("subjectId") String subjectId,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        var filter = new FollowUpService.FollowUpFilter(
                FieldValues.parseEnum(FollowUp.Status.class, status, "status"),
                clp == null || clp.isBlank() ? null : clp,
                FieldValues.parseEnum(FollowUpReason.class, reason, "reason"),
                subjectId == null || subjectId.isBlank() ? null : FieldValues.parseId(subjectId, "subjectId"));
        // That a safeguarding concern exists is for the safeguarding lead (and the notifier that tells them) only.
        boolean withConcerns = identity.hasRole(Roles.SAFEGUARDING_LEAD) || identity.hasRole(Roles.NOTIFIER);
        return followUps.list(filter, withConcerns, Paging.of(page, size)).map(FollowUpView::of);
    }

    @POST
    @Path("/{id}/done")
    @RolesAllowed({Roles.SECRETARY, Roles.ORGANISER, Roles.YOUTH_OFFICER})
    @Operation(summary = "Mark an open follow-up done")
    @APIResponse(responseCode = "400", description = ApiDescriptions.BAD_FIELD)
    @APIResponse(responseCode = "404", description = ApiDescriptions.NOT_FOUND_IN_SCOPE)
    @APIResponse(responseCode = "409", description = "The follow-up is no longer open")
    @APIResponse(responseCode = "200", description = "The follow-up, done")
    public FollowUpView done(@PathParam("id") String id, @Valid FollowUpDoneRequest request) {
        return FollowUpView.of(
                followUps.completeShown(FieldValues.parseId(id, "id"), request == null ? null : request.note()));
    }
}
