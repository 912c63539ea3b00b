package org.opencircles.members.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencircles.members.domain.Clp;
import org.opencircles.members.domain.Ward;
import org.opencircles.platform.problem.ProblemException;
import org.opencircles.platform.security.CallerScope;
import org.opencircles.platform.security.Roles;

import java.net.URI;
import java.time.Clock;
import java.util.List;

/** CLPs and their wards. */
@Path("/clps")
@Tag(name = "CLPs and wards")
public class ClpResource {

    @Inject
    CallerScope scope;

    @Inject
    Clock clock;

    @GET
    @RolesAllowed({Roles.SECRETARY, Roles.ORGANISER, Roles.YOUTH_OFFICER, Roles.ADMIN})
    @Operation(summary = "CLPs the caller may see, with their wards")
    public List<ClpView> list() {
        return Clp.<Clp>listAll(io.quarkus.panache.common.Sort.by("name")).stream()
                .filter(c -> scope.canSee(c.code))
                .map(c -> ClpView.of(c, Ward.list("clpCode", io.quarkus.panache.common.Sort.by("name"), c.code)))
                .toList();
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.SECRETARY, Roles.ORGANISER, Roles.YOUTH_OFFICER, Roles.ADMIN})
    public ClpView get(@PathParam("code") String code) {
        Clp clp = Clp.findById(code);
        if (clp == null || !scope.canSee(code)) {
            throw ProblemException.notFound("CLP", code);
        }
        return ClpView.of(clp, Ward.list("clpCode", io.quarkus.panache.common.Sort.by("name"), code));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Operation(summary = "Register a CLP")
    public Response create(@Valid @NotNull ClpRequest request) {
        if (Clp.findById(request.code()) != null) {
            throw ProblemException.conflict("code", "CLP " + request.code() + " already exists");
        }
        if (Clp.count("name", request.name().trim()) > 0) {
            throw ProblemException.conflict("name", "a CLP called " + request.name() + " already exists");
        }
        Clp clp = new Clp();
        clp.code = request.code();
        clp.name = request.name().trim();
        clp.region = request.region().trim();
        clp.createdAt = clock.instant();
        clp.persist();
        return Response.created(URI.create("/clps/" + clp.code)).entity(ClpView.of(clp, List.of())).build();
    }

    @POST
    @Path("/{code}/wards")
    @RolesAllowed({Roles.ADMIN, Roles.SECRETARY})
    @Transactional
    @Operation(summary = "Add a ward to a CLP")
    public Response addWard(@PathParam("code") String code, @Valid @NotNull WardRequest request) {
        Clp clp = Clp.findById(code);
        if (clp == null || !scope.canSee(code)) {
            throw ProblemException.notFound("CLP", code);
        }
        if (Ward.findById(request.code()) != null) {
            throw ProblemException.conflict("code", "ward " + request.code() + " already exists");
        }
        if (Ward.count("clpCode = ?1 and name = ?2", code, request.name().trim()) > 0) {
            throw ProblemException.conflict("name", "CLP " + code + " already has a ward called " + request.name());
        }
        Ward ward = new Ward();
        ward.code = request.code();
        ward.clpCode = code;
        ward.name = request.name().trim();
        ward.createdAt = clock.instant();
        ward.persist();
        return Response.created(URI.create("/clps/" + code + "/wards/" + ward.code))
                .entity(ClpView.WardView.of(ward)).build();
    }
}
