package org.opencircles.mentoring.rest;

import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencircles.mentoring.domain.Cohort;
import org.opencircles.mentoring.domain.Mentee;
import org.opencircles.mentoring.service.Programme;
import org.opencircles.platform.security.CallerScope;
import org.opencircles.platform.security.Roles;

import java.net.URI;
import java.util.List;

/** Leadership-programme cohorts. */
@Path("/cohorts")
@Tag(name = "Cohorts")
public class CohortResource {

    @Inject
    Programme programme;

    @Inject
    CallerScope scope;

    @POST
    @RolesAllowed(Roles.YOUTH_OFFICER)
    public Response create(@Valid @NotNull MentoringDtos.CohortRequest request) {
        scope.requireClp(request.clpCode());
        Cohort c = programme.createCohort(request);
        return Response.created(URI.create("/cohorts/" + c.id)).entity(MentoringDtos.CohortView.of(c, 0)).build();
    }

    @GET
    @RolesAllowed({Roles.YOUTH_OFFICER, Roles.ORGANISER})
    public List<MentoringDtos.CohortView> list() {
        return Cohort.<Cohort>listAll(Sort.by("startsOn")).stream().filter(c -> scope.canSee(c.clpCode))
                .map(c -> MentoringDtos.CohortView.of(c, Mentee.count("cohortId", c.id))).toList();
    }
}
