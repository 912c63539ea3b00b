package org.opencircles.notifier.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencircles.notifier.service.SafeguardingCoverage;
import org.opencircles.notifier.service.SafeguardingCoverage.UncoveredClp;
import org.opencircles.platform.page.PageView;
import org.opencircles.platform.problem.ApiDescriptions;
import org.opencircles.platform.security.Roles;

/**
 * The gap in safeguarding cover: CLPs that no safeguarding lead covers, their open concerns, and who hears of them
 * instead, so an admin can give each a lead. CLP codes and counts only.
 */
@Path("/safeguarding")
@Tag(name = "Safeguarding cover")
@RolesAllowed({Roles.ADMIN, Roles.SAFEGUARDING_LEAD, Roles.DATA_PROTECTION, Roles.OPERATOR})
@APIResponse(responseCode = "401", description = ApiDescriptions.NOT_SIGNED_IN)
@APIResponse(responseCode = "403", description = "Not an admin, safeguarding lead, DPO or operator")
public class SafeguardingResource {

    @Inject
    SafeguardingCoverage coverage;

    @GET
    @Path("/uncovered-clps")
    @Operation(
            summary = "CLPs without a safeguarding lead, with their open concerns and the fallback that hears of them")
    @APIResponse(responseCode = "200", description = "Every uncovered CLP, as one page")
    public PageView<UncoveredClp> uncovered() {
        return PageView.whole(coverage.uncovered());
    }
}
