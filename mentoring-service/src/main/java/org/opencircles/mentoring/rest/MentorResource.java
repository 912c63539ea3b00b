package org.opencircles.mentoring.rest;

import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencircles.mentoring.domain.Mentor;
import org.opencircles.mentoring.service.Programme;
import org.opencircles.platform.problem.FieldValues;
import org.opencircles.platform.problem.ProblemException;
import org.opencircles.platform.security.CallerScope;
import org.opencircles.platform.security.Roles;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Mentors and their safeguarding records, for youth officers. */
@Path("/mentors")
@Tag(name = "Mentors")
public class MentorResource {

    @Inject
    Programme programme;

    @Inject
    CallerScope scope;

    @POST
    @RolesAllowed(Roles.YOUTH_OFFICER)
    @Operation(summary = "Register an adult member as a mentor, with their safeguarding check")
    public Response register(@Valid @NotNull MentoringDtos.MentorRequest request) {
        Mentor m = programme.registerMentor(request);
        return Response.created(URI.create("/mentors/" + m.id)).entity(programme.view(m)).build();
    }

    @GET
    @RolesAllowed({Roles.YOUTH_OFFICER, Roles.ORGANISER, Roles.DATA_PROTECTION})
    public List<MentoringDtos.MentorView> list(@QueryParam("clp") String clp) {
        if (clp != null && !clp.isBlank()) {
            scope.requireClp(clp);
        }
        return Mentor.<Mentor>listAll(Sort.by("createdAt")).stream()
                .filter(m -> scope.canSee(m.clpCode) && (clp == null || clp.isBlank() || clp.equals(m.clpCode)))
                .map(programme::view).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.YOUTH_OFFICER, Roles.ORGANISER, Roles.DATA_PROTECTION})
    public MentoringDtos.MentorView get(@PathParam("id") String id) {
        return programme.view(visible(id));
    }

    @PUT
    @Path("/{id}/safeguarding")
    @RolesAllowed(Roles.YOUTH_OFFICER)
    @Operation(summary = "Record a new safeguarding (DBS) check or completed training")
    public MentoringDtos.MentorView safeguarding(@PathParam("id") String id,
                                                 @Valid @NotNull MentoringDtos.SafeguardingUpdate request) {
        return programme.view(programme.recordSafeguarding(visible(id).id, request));
    }

    private Mentor visible(String id) {
        Mentor m = programme.mentor(FieldValues.parseId(id, "id"));
        if (!scope.canSee(m.clpCode)) {
            throw ProblemException.notFound("Mentor", id);
        }
        return m;
    }
}
