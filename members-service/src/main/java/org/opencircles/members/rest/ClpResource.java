package org.opencircles.members.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.ws.rs.QueryParam;
import org.opencircles.members.domain.Clp;
import org.opencircles.members.domain.Ward;
import org.opencircles.members.service.ClpService;
import org.opencircles.platform.page.PageView;
import org.opencircles.platform.page.Paging;
import org.opencircles.platform.security.Roles;

import java.net.URI;
import java.util.List;

/** CLPs and their wards. */
@Path("/clps")
@Tag(name = "CLPs and wards")
public class ClpResource {

    @Inject
    ClpService clps;

    @GET
    @RolesAllowed({Roles.SECRETARY, Roles.ORGANISER, Roles.YOUTH_OFFICER, Roles.ADMIN})
    @Operation(summary = "CLPs the caller may see, by name, with their wards")
    public PageView<ClpView> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        return clps.list(Paging.of(page, size)).map(c -> ClpView.of(c.clp(), c.wards()));
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.SECRETARY, Roles.ORGANISER, Roles.YOUTH_OFFICER, Roles.ADMIN})
    public ClpView get(@PathParam("code") String code) {
        ClpService.ClpWithWards found = clps.get(code);
        return ClpView.of(found.clp(), found.wards());
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Register a CLP")
    public Response create(@Valid @NotNull ClpRequest request) {
        Clp clp = clps.create(new ClpService.NewClp(request.code(), request.name(), request.region()));
        return Response.created(URI.create("/clps/" + clp.code)).entity(ClpView.of(clp, List.of())).build();
    }

    @POST
    @Path("/{code}/wards")
    @RolesAllowed({Roles.ADMIN, Roles.SECRETARY})
    @Operation(summary = "Add a ward to a CLP")
    public Response addWard(@PathParam("code") String code, @Valid @NotNull WardRequest request) {
        Ward ward = clps.addWard(code, new ClpService.NewWard(request.code(), request.name()));
        return Response.created(URI.create("/clps/" + code + "/wards/" + ward.code))
                .entity(ClpView.WardView.of(ward)).build();
    }
}
