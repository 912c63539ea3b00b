package org.opencircles.actions.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencircles.actions.domain.ClpFigures;
import org.opencircles.actions.service.DashboardService;
import org.opencircles.platform.page.PageView;
import org.opencircles.platform.page.Paging;
import org.opencircles.platform.problem.ApiDescriptions;
import org.opencircles.platform.security.CallerScope;
import org.opencircles.platform.security.Roles;

/** Organiser dashboards: per CLP, or every CLP the organiser covers. */
@Path("/dashboard")
@Tag(name = "Dashboard")
@RolesAllowed({Roles.ORGANISER, Roles.SECRETARY, Roles.YOUTH_OFFICER})
@APIResponse(responseCode = "401", description = ApiDescriptions.NOT_SIGNED_IN)
@APIResponse(responseCode = "403", description = ApiDescriptions.NOT_ALLOWED)
public class DashboardResource {

    @Inject
    DashboardService dashboard;

    @Inject
    CallerScope scope;

    @GET
    @Operation(summary = "Figures and story for every CLP the caller covers, a page at a time in code order")
    @APIResponse(responseCode = "400", description = ApiDescriptions.BAD_FILTER_OR_PAGE)
    @APIResponse(responseCode = "200", description = "A page of CLPs' figures, in code order")
    public PageView<ClpFigures> all(@QueryParam("page") String page, @QueryParam("size") String size) {
        return dashboard.page(scope.visibleClps(), Paging.of(page, size));
    }

    @GET
    @Path("/{clp}")
    @Operation(summary = "Figures and story for one CLP")
    @APIResponse(responseCode = "200", description = "The CLP's figures and story")
    public ClpFigures clp(@PathParam("clp") String clp) {
        scope.requireClp(clp);
        return dashboard.forClp(clp);
    }
}
