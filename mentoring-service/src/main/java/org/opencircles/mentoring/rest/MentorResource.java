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
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencircles.mentoring.service.MentorService;
import org.opencircles.platform.page.PageView;
import org.opencircles.platform.page.Paging;
import org.opencircles.platform.problem.ApiDescriptions;
import org.opencircles.platform.problem.FieldValues;
import org.opencircles.platform.security.Roles;

/** Mentors and their safeguarding records, for youth officers. */
@Path("/mentors")
@Tag(name = "Mentors")
@APIResponse(responseCode = "401", description = ApiDescriptions.NOT_SIGNED_IN)
@APIResponse(responseCode = "403", description = ApiDescriptions.NOT_ALLOWED)
public class MentorResource {

    @Inject
    MentorService mentors;

    @Inject
    SecurityIdentity identity;

    @POST
    @RolesAllowed(Roles.YOUTH_OFFICER)
    @Operation(summary = "Register an adult member as a mentor, with their safeguarding check")
    @APIResponse(responseCode = "400", description = ApiDescriptions.BAD_FIELD)
    @APIResponse(responseCode = "409", description = "The member is already a mentor")
    @APIResponse(responseCode = "422", description = "Not an active adult member known to mentoring")
    @APIResponse(responseCode = "201", description = "Registered")
    public Response register(@Valid @NotNull MentorRequest request) {
        MentorService.MentorRecord m = mentors.register(request.toCommand());
        return Response.created(URI.create("/mentors/" + m.mentor().id))
                .entity(view(m))
                .build();
    }

    @GET
    @RolesAllowed({Roles.YOUTH_OFFICER, Roles.ORGANISER, Roles.DATA_PROTECTION})
    @Operation(summary = "Mentors in the caller's CLPs (or one of them), oldest first")
    @APIResponse(responseCode = "400", description = ApiDescriptions.BAD_FILTER_OR_PAGE)
    @APIResponse(responseCode = "200", description = "A page of mentors")
    public PageView<MentorView> list(
            @QueryParam("clp") String clp, @QueryParam("page") String page, @QueryParam("size") String size) {
        return mentors.list(clp == null || clp.isBlank() ? null : clp, Paging.of(page, size))
                .map(this::view);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.YOUTH_OFFICER, Roles.ORGANISER, Roles.DATA_PROTECTION})
    @APIResponse(responseCode = "400", description = ApiDescriptions.BAD_ID_OR_PAGE)
    @APIResponse(responseCode = "404", description = ApiDescriptions.NOT_FOUND_IN_SCOPE)
    @APIResponse(responseCode = "200", description = "The mentor")
    public MentorView get(@PathParam("id") String id) {
        return view(mentors.get(FieldValues.parseId(id, "id")));
    }

    @PUT
    @Path("/{id}/safeguarding")
    @RolesAllowed(Roles.YOUTH_OFFICER)
    @Operation(summary = "Record a new safeguarding (DBS) check or completed training")
    @APIResponse(responseCode = "400", description = ApiDescriptions.BAD_FIELD)
    @APIResponse(responseCode = "404", description = ApiDescriptions.NOT_FOUND_IN_SCOPE)
    @APIResponse(responseCode = "200", description = "The mentor as updated")
    public MentorView safeguarding(@PathParam("id") String id, @Valid @NotNull SafeguardingRequest request) {
        return view(mentors.recordSafeguarding(FieldValues.parseId(id, "id"), request.toCommand()));
    }

    /** DBS certificate numbers are for those who check them: youth officers, and the DPO for audit. */
    private MentorView view(MentorService.MentorRecord r) {
        return MentorView.of(r, identity.hasRole(Roles.YOUTH_OFFICER) || identity.hasRole(Roles.DATA_PROTECTION));
    }
}
