package org.opencircles.members.rest;

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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencircles.members.domain.Clp;
import org.opencircles.members.domain.Ward;
import org.opencircles.members.service.ClpService;
import org.opencircles.platform.page.PageView;
import org.opencircles.platform.page.Paging;
import org.opencircles.platform.problem.ApiDescriptions;
import org.opencircles.platform.security.Roles;

/** CLPs and their wards. */
@Path("/clps")
@Tag(name = "CLPs and wards")
@APIResponse(responseCode = "401", description = ApiDescriptions.NOT_SIGNED_IN)
@APIResponse(responseCode = "403", description = ApiDescriptions.NOT_ALLOWED)
public class ClpResource {

    @Inject
    ClpService clps;

    @GET
    @RolesAllowed({Roles.SECRETARY, Roles.ORGANISER, Roles.YOUTH_OFFICER, Roles.ADMIN})
    @Operation(summary = "CLPs the caller may see, by name, with their wards")
    @APIResponse(responseCode = "400", description = ApiDescriptions.BAD_FILTER_OR_PAGE)
    @APIResponse(responseCode = "200", description = "A page of CLPs with their wards")
    public PageView<ClpView> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        return clps.list(Paging.of(page, size)).map(c -> ClpView.of(c.clp(), c.wards()));
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.SECRETARY, Roles.ORGANISER, Roles.YOUTH_OFFICER, Roles.ADMIN})
    @APIResponse(responseCode = "404", description = ApiDescriptions.NOT_FOUND_IN_SCOPE)
    @APIResponse(responseCode = "200", description = "The CLP with its wards")
    public ClpView get(@PathParam("code") String code) {
        ClpService.ClpWithWards found = clps.get(code);
        return ClpView.of(found.clp(), found.wards());
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Register a CLP")
    @APIResponse(responseCode = "400", description = ApiDescriptions.BAD_FIELD)
    @APIResponse(responseCode = "409", description = "A CLP with that code or name exists")
    @APIResponse(responseCode = "201", description = "Registered")
    public Response create(@Valid @NotNull ClpRequest request) {
        Clp clp = clps.create(new ClpService.CreateClp(request.code(), request.name(), request.region()));
        return Response.created(URI.create("/clps/" + clp.code))
                .entity(ClpView.of(clp, List.of()))
                .build();
    }

    @POST
    @Path("/{code}/wards")
    @RolesAllowed({Roles.ADMIN, Roles.SECRETARY})
    @Operation(summary = "Add a ward to a CLP")
    @APIResponse(responseCode = "400", description = ApiDescriptions.BAD_FIELD)
    @APIResponse(responseCode = "404", description = ApiDescriptions.NOT_FOUND_IN_SCOPE)
    @APIResponse(responseCode = "409", description = "A ward with that code, or that name in the CLP, exists")
    @APIResponse(responseCode = "201", description = "Added")
    public Response addWard(@PathParam("code") String code, @Valid @NotNull WardRequest request) {
        Ward ward = clps.addWard(code, new ClpService.AddWard(request.code(), request.name()));
        return Response.created(URI.create("/clps/" + code + "/wards/" + ward.code))
                .entity(ClpView.WardView.of(ward))
                .build();
    }
}
