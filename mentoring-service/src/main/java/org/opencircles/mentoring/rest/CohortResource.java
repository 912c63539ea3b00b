package org.opencircles.mentoring.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencircles.mentoring.domain.Cohort;
import org.opencircles.mentoring.service.CohortService;
import org.opencircles.platform.page.PageView;
import org.opencircles.platform.page.Paging;
import org.opencircles.platform.problem.ApiDescriptions;
import org.opencircles.platform.security.Roles;

/** Leadership-programme cohorts. */
@Path("/cohorts")
@Tag(name = "Cohorts")
@APIResponse(responseCode = "401", description = ApiDescriptions.NOT_SIGNED_IN)
@APIResponse(responseCode = "403", description = ApiDescriptions.NOT_ALLOWED)
public class CohortResource {

    @Inject
    CohortService cohorts;

    @POST
    @RolesAllowed(Roles.YOUTH_OFFICER)
    @Operation(summary = "Start a cohort in one of the caller's CLPs")
    @APIResponse(responseCode = "400", description = ApiDescriptions.BAD_FIELD)
    @APIResponse(responseCode = "409", description = "The CLP already has a cohort with that name")
    @APIResponse(responseCode = "201", description = "Started")
    public Response create(@Valid @NotNull CohortRequest request) {
        Cohort c = cohorts.create(request.toCommand());
        return Response.created(URI.create("/cohorts/" + c.id))
                .entity(CohortView.of(c, 0))
                .build();
    }

    @GET
    @RolesAllowed({Roles.YOUTH_OFFICER, Roles.ORGANISER})
    @Operation(summary = "Cohorts in the caller's CLPs, by start date, with their number of mentees")
    @APIResponse(responseCode = "400", description = ApiDescriptions.BAD_FILTER_OR_PAGE)
    @APIResponse(responseCode = "200", description = "A page of cohorts")
    public PageView<CohortView> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        return cohorts.list(Paging.of(page, size)).map(c -> CohortView.of(c.cohort(), c.mentees()));
    }
}
