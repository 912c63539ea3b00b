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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencircles.mentoring.domain.Concern;
import org.opencircles.mentoring.service.ConcernService;
import org.opencircles.platform.page.PageView;
import org.opencircles.platform.page.Paging;
import org.opencircles.platform.problem.ApiDescriptions;
import org.opencircles.platform.problem.FieldValues;
import org.opencircles.platform.security.CallerScope;
import org.opencircles.platform.security.Roles;

/**
 * Safeguarding concerns: any staff member raises one; only the designated safeguarding lead (and the DPO, for audit)
 * reads them; only the lead acts on them.
 */
@Path("/concerns")
@Tag(name = "Safeguarding concerns")
@APIResponse(responseCode = "401", description = ApiDescriptions.NOT_SIGNED_IN)
@APIResponse(responseCode = "403", description = ApiDescriptions.NOT_ALLOWED)
public class ConcernResource {

    @Inject
    ConcernService concerns;

    @Inject
    CallerScope scope;

    @POST
    @RolesAllowed({Roles.SECRETARY, Roles.ORGANISER, Roles.YOUTH_OFFICER, Roles.SAFEGUARDING_LEAD})
    @Operation(summary = "Raise a concern about a mentee, a mentor or a pairing; their pairings are suspended at once")
    @APIResponse(responseCode = "400", description = ApiDescriptions.BAD_FIELD)
    @APIResponse(responseCode = "404", description = "The subject is not known, or not in the caller's CLPs")
    @APIResponse(responseCode = "201", description = "Raised: a receipt, not the concern")
    public Response raise(@Valid @NotNull ConcernRequest request) {
        ConcernService.ConcernRecord r = concerns.raise(
                new ConcernService.RaiseConcern(
                        request.subjectType(),
                        request.subjectId(),
                        request.category(),
                        request.account(),
                        request.occurredOn()),
                scope.principal());
        return Response.created(URI.create("/concerns/" + r.concern().id))
                .entity(ConcernReceiptView.of(r))
                .build();
    }

    @GET
    @RolesAllowed({Roles.SAFEGUARDING_LEAD, Roles.DATA_PROTECTION})
    @Operation(summary = "Concerns in the caller's CLPs, newest first")
    @APIResponse(responseCode = "400", description = ApiDescriptions.BAD_FILTER_OR_PAGE)
    @APIResponse(responseCode = "200", description = "A page of concerns, newest first")
    public PageView<ConcernView> list(
            @QueryParam("clp") String clp,
            @QueryParam("status") String status,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return concerns.list(
                        clp == null || clp.isBlank() ? null : clp.trim(),
                        FieldValues.parseEnum(Concern.Status.class, status, "status"),
                        Paging.of(page, size))
                .map(c -> ConcernView.of(new ConcernService.ConcernRecord(c, List.of(), List.of())));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.SAFEGUARDING_LEAD, Roles.DATA_PROTECTION})
    @Operation(summary = "A concern with its whole history (the read is audited)")
    @APIResponse(responseCode = "400", description = ApiDescriptions.BAD_ID_OR_PAGE)
    @APIResponse(responseCode = "404", description = ApiDescriptions.NOT_FOUND_IN_SCOPE)
    @APIResponse(responseCode = "200", description = "The concern with its history")
    public ConcernView get(@PathParam("id") String id) {
        return ConcernView.of(concerns.read(FieldValues.parseId(id, "id")));
    }

    @POST
    @Path("/{id}/notes")
    @RolesAllowed(Roles.SAFEGUARDING_LEAD)
    @Operation(summary = "Add a note to the concern's history")
    @APIResponse(responseCode = "400", description = ApiDescriptions.BAD_FIELD)
    @APIResponse(responseCode = "404", description = ApiDescriptions.NOT_FOUND_IN_SCOPE)
    @APIResponse(responseCode = "200", description = "The concern with the note")
    public ConcernView note(@PathParam("id") String id, @Valid @NotNull ConcernNoteRequest request) {
        return ConcernView.of(concerns.addNote(FieldValues.parseId(id, "id"), request.note(), scope.principal()));
    }

    @POST
    @Path("/{id}/outcome")
    @RolesAllowed(Roles.SAFEGUARDING_LEAD)
    @Operation(summary = "Record the outcome and end or reinstate the suspended pairings; closes the concern")
    @APIResponse(responseCode = "400", description = ApiDescriptions.BAD_FIELD)
    @APIResponse(responseCode = "404", description = ApiDescriptions.NOT_FOUND_IN_SCOPE)
    @APIResponse(
            responseCode = "422",
            description = "A decision on the suspended pairings is required, or the concern is closed")
    @APIResponse(responseCode = "200", description = "The concern with its outcome")
    public ConcernView outcome(@PathParam("id") String id, @Valid @NotNull ConcernOutcomeRequest request) {
        return ConcernView.of(concerns.recordOutcome(
                FieldValues.parseId(id, "id"),
                new ConcernService.RecordOutcome(request.outcome(), request.pairings(), request.note()),
                scope.principal()));
    }
}
