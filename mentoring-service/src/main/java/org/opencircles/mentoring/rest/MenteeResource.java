package org.opencircles.mentoring.rest;

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
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencircles.mentoring.domain.Mentee;
import org.opencircles.mentoring.service.MenteeService;
import org.opencircles.mentoring.service.PairingService;
import org.opencircles.platform.page.PageView;
import org.opencircles.platform.page.Paging;
import org.opencircles.platform.problem.ApiDescriptions;
import org.opencircles.platform.problem.FieldValues;
import org.opencircles.platform.security.Roles;

/** Youth members in the mentoring programme, and mentors suggested for them. */
@Path("/mentees")
@Tag(name = "Mentees")
@APIResponse(responseCode = "401", description = ApiDescriptions.NOT_SIGNED_IN)
@APIResponse(responseCode = "403", description = ApiDescriptions.NOT_ALLOWED)
public class MenteeResource {

    @Inject
    MenteeService mentees;

    @Inject
    PairingService pairings;

    @POST
    @RolesAllowed(Roles.YOUTH_OFFICER)
    @Operation(summary = "Enrol a youth member as a mentee")
    @APIResponse(responseCode = "400", description = ApiDescriptions.BAD_FIELD)
    @APIResponse(responseCode = "409", description = "The member is already enrolled")
    @APIResponse(responseCode = "422", description = "Not an active youth member known to mentoring")
    @APIResponse(responseCode = "201", description = "Enrolled")
    public Response enrol(@Valid @NotNull MenteeRequest request) {
        MenteeService.MenteeRecord m = mentees.enrol(request.toCommand());
        return Response.created(URI.create("/mentees/" + m.mentee().id))
                .entity(MenteeView.of(m))
                .build();
    }

    @GET
    @RolesAllowed({Roles.YOUTH_OFFICER, Roles.ORGANISER})
    @Operation(summary = "Mentees by status (e.g. WAITING) and CLP, longest waiting first")
    @APIResponse(responseCode = "400", description = ApiDescriptions.BAD_FILTER_OR_PAGE)
    @APIResponse(responseCode = "200", description = "A page of mentees")
    public PageView<MenteeView> list(
            @QueryParam("status") String status,
            @QueryParam("clp") String clp,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return mentees.list(
                        FieldValues.parseEnum(Mentee.Status.class, status, "status"),
                        clp == null || clp.isBlank() ? null : clp,
                        Paging.of(page, size))
                .map(MenteeView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.YOUTH_OFFICER, Roles.ORGANISER})
    @APIResponse(responseCode = "400", description = ApiDescriptions.BAD_ID_OR_PAGE)
    @APIResponse(responseCode = "404", description = ApiDescriptions.NOT_FOUND_IN_SCOPE)
    @APIResponse(responseCode = "200", description = "The mentee")
    public MenteeView get(@PathParam("id") String id) {
        return MenteeView.of(mentees.get(FieldValues.parseId(id, "id")));
    }

    @GET
    @Path("/{id}/suggestions")
    @RolesAllowed(Roles.YOUTH_OFFICER)
    @Operation(summary = "Mentors who may safely mentor this mentee today, best match first (limit: 1 to 100)")
    @APIResponse(responseCode = "400", description = "The id or limit is not valid")
    @APIResponse(responseCode = "404", description = ApiDescriptions.NOT_FOUND_IN_SCOPE)
    @APIResponse(responseCode = "200", description = "The best mentors first, and how many there are")
    public PageView<SuggestionView> suggestions(@PathParam("id") String id, @QueryParam("limit") String limit) {
        return pairings.suggest(
                        FieldValues.parseId(id, "id"), Math.max(1, FieldValues.parseCount(limit, "limit", 10, 100)))
                .map(SuggestionView::of);
    }
}
