package org.opencircles.mentoring.rest;

import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencircles.mentoring.domain.Mentee;
import org.opencircles.mentoring.service.Pairings;
import org.opencircles.mentoring.service.Programme;
import org.opencircles.platform.problem.FieldValues;
import org.opencircles.platform.problem.ProblemException;
import org.opencircles.platform.security.CallerScope;
import org.opencircles.platform.security.Roles;

import java.net.URI;
import java.util.List;

/** Mentees: enrolment, the waiting list, and mentor suggestions. */
@Path("/mentees")
@Tag(name = "Mentees")
public class MenteeResource {

    @Inject
    Programme programme;

    @Inject
    Pairings pairings;

    @Inject
    CallerScope scope;

    @POST
    @RolesAllowed(Roles.YOUTH_OFFICER)
    @Operation(summary = "Enrol a youth member as a mentee")
    public Response enrol(@Valid @NotNull MentoringDtos.MenteeRequest request) {
        Mentee m = programme.enrol(request);
        return Response.created(URI.create("/mentees/" + m.id)).entity(programme.view(m)).build();
    }

    @GET
    @RolesAllowed({Roles.YOUTH_OFFICER, Roles.ORGANISER})
    @Operation(summary = "Mentees by status (e.g. WAITING), longest waiting first")
    public List<MentoringDtos.MenteeView> list(@QueryParam("status") String status, @QueryParam("clp") String clp) {
        Mentee.Status s = FieldValues.parseEnum(Mentee.Status.class, status, "status");
        if (clp != null && !clp.isBlank()) {
            scope.requireClp(clp);
        }
        return Mentee.<Mentee>listAll(Sort.by("enrolledAt")).stream()
                .filter(m -> s == null || m.status == s)
                .filter(m -> scope.canSee(m.clpCode) && (clp == null || clp.isBlank() || clp.equals(m.clpCode)))
                .map(programme::view).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.YOUTH_OFFICER, Roles.ORGANISER})
    public MentoringDtos.MenteeView get(@PathParam("id") String id) {
        return programme.view(visible(id));
    }

    @GET
    @Path("/{id}/suggestions")
    @RolesAllowed(Roles.YOUTH_OFFICER)
    @Operation(summary = "Mentors who may safely mentor this mentee today, best match first")
    public List<MentoringDtos.Suggestion> suggestions(@PathParam("id") String id, @QueryParam("limit") String limit) {
        return pairings.suggest(visible(id).id, Math.max(1, FieldValues.parseCount(limit, "limit", 10, 100)));
    }

    private Mentee visible(String id) {
        Mentee m = programme.mentee(FieldValues.parseId(id, "id"));
        if (!scope.canSee(m.clpCode)) {
            throw ProblemException.notFound("Mentee", id);
        }
        return m;
    }
}
