package org.opencircles.mentoring.rest;

import io.quarkus.security.identity.SecurityIdentity;
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
import org.opencircles.platform.page.PageView;
import org.opencircles.platform.page.Paging;
import org.opencircles.platform.problem.FieldValues;
import org.opencircles.platform.security.Roles;
import org.opencircles.mentoring.service.MentorService;

import java.net.URI;

/** Mentors and their safeguarding records, for youth officers. */
@Path("/mentors")
@Tag(name = "Mentors")
public class MentorResource {

    @Inject
    MentorService mentors;

    @Inject
    SecurityIdentity identity;

    @POST
    @RolesAllowed(Roles.YOUTH_OFFICER)
    @Operation(summary = "Register an adult member as a mentor, with their safeguarding check")
    public Response register(@Valid @NotNull MentorRequest request) {
        MentorService.MentorRecord m = mentors.register(request.toCommand());
        return Response.created(URI.create("/mentors/" + m.mentor().id)).entity(view(m)).build();
    }

    @GET
    @RolesAllowed({Roles.YOUTH_OFFICER, Roles.ORGANISER, Roles.DATA_PROTECTION})
    @Operation(summary = "Mentors in the caller's CLPs (or one of them), oldest first")
    public PageView<MentorView> list(@QueryParam("clp") String clp, @QueryParam("page") String page,
                                     @QueryParam("size") String size) {
        return mentors.list(clp == null || clp.isBlank() ? null : clp, Paging.of(page, size)).map(this::view);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.YOUTH_OFFICER, Roles.ORGANISER, Roles.DATA_PROTECTION})
    public MentorView get(@PathParam("id") String id) {
        return view(mentors.get(FieldValues.parseId(id, "id")));
    }

    @PUT
    @Path("/{id}/safeguarding")
    @RolesAllowed(Roles.YOUTH_OFFICER)
    @Operation(summary = "Record a new safeguarding (DBS) check or completed training")
    public MentorView safeguarding(@PathParam("id") String id, @Valid @NotNull SafeguardingRequest request) {
        return view(mentors.recordSafeguarding(FieldValues.parseId(id, "id"), request.toCommand()));
    }

    /** DBS certificate numbers are for those who check them: youth officers, and the DPO for audit. */
    private MentorView view(MentorService.MentorRecord r) {
        return MentorView.of(r, identity.hasRole(Roles.YOUTH_OFFICER) || identity.hasRole(Roles.DATA_PROTECTION));
    }
}
