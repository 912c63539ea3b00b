package org.opencircles.actions.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencircles.actions.service.Dashboard;
import org.opencircles.platform.security.CallerScope;
import org.opencircles.platform.security.Roles;

import java.util.List;

/** Organiser dashboards: per CLP, or every CLP the organiser covers. */
@Path("/dashboard")
@Tag(name = "Dashboard")
@RolesAllowed({Roles.ORGANISER, Roles.SECRETARY, Roles.YOUTH_OFFICER})
public class DashboardResource {

    @Inject
    Dashboard dashboard;

    @Inject
    CallerScope scope;

    @GET
    @Operation(summary = "Figures and story for every CLP the caller covers")
    public List<Dashboard.ClpFigures> all() {
        List<String> clps = scope.visibleClps().map(s -> (List<String>) List.copyOf(s))
                .orElseGet(dashboard::knownClps);
        return dashboard.forClps(clps);
    }

    @GET
    @Path("/{clp}")
    @Operation(summary = "Figures and story for one CLP")
    public Dashboard.ClpFigures clp(@PathParam("clp") String clp) {
        scope.requireClp(clp);
        return dashboard.forClp(clp);
    }
}
