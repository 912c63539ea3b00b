package org.opencircles.members.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencircles.events.MembershipStatus;
import org.opencircles.members.domain.AgeBand;
import org.opencircles.members.domain.ContactLogEntry;
import org.opencircles.members.domain.ErasureRecord;
import org.opencircles.members.domain.Member;
import org.opencircles.members.service.MemberFilter;
import org.opencircles.members.service.MemberSearchService;
import org.opencircles.members.service.MemberService;
import org.opencircles.platform.page.PageView;
import org.opencircles.platform.page.Paging;
import org.opencircles.platform.problem.ApiDescriptions;
import org.opencircles.platform.problem.FieldValues;
import org.opencircles.platform.problem.ProblemException;
import org.opencircles.platform.security.CallerScope;
import org.opencircles.platform.security.Roles;

/** Members of the CLPs the caller runs: register, read, update, change status, log contacts, erase. */
@Path("/members")
@Tag(name = "Members")
@APIResponse(responseCode = "401", description = ApiDescriptions.NOT_SIGNED_IN)
@APIResponse(responseCode = "403", description = ApiDescriptions.NOT_ALLOWED)
public class MemberResource {

    @Inject
    MemberService members;

    @Inject
    MemberSearchService search;

    @Inject
    CallerScope scope;

    @POST
    @RolesAllowed({Roles.SECRETARY, Roles.ORGANISER})
    @Operation(summary = "Register a member")
    @APIResponse(responseCode = "400", description = ApiDescriptions.BAD_FIELD)
    @APIResponse(responseCode = "409", description = "The membership number is already registered")
    @APIResponse(responseCode = "201", description = "Registered")
    public Response join(@NotNull MemberRequest request) {
        Member member = members.join(request.toDetails());
        return Response.created(URI.create("/members/" + member.id))
                .entity(MemberView.of(member, members.today()))
                .build();
    }

    @GET
    @RolesAllowed({Roles.SECRETARY, Roles.ORGANISER, Roles.YOUTH_OFFICER})
    @Operation(
            summary = "List members, filtered by CLP, ward, status, age band, interest or days without contact, "
                    + "and searched (q) by name, membership number, email, phone or postcode, best match first")
    @APIResponse(responseCode = "400", description = ApiDescriptions.BAD_FILTER_OR_PAGE)
    @APIResponse(responseCode = "200", description = "A page of members, best match first when searched")
    public PageView<MemberView> list(
            @QueryParam("clp") String clp,
            @QueryParam("ward") String ward,
            @QueryParam("status") String status,
            @QueryParam("ageBand") String ageBand,
            @QueryParam("interest") String interest,
            @QueryParam("notContactedForDays") String notContactedForDays,
            @QueryParam("q") String q,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        if (clp != null && !clp.isBlank()) {
            scope.requireClp(clp);
        }
        MemberFilter filter = new MemberFilter(
                blankToNull(clp),
                blankToNull(ward),
                FieldValues.parseEnum(MembershipStatus.class, status, "status"),
                FieldValues.parseEnum(AgeBand.class, ageBand, "ageBand"),
                blankToNull(interest),
                notContactedForDays == null || notContactedForDays.isBlank()
                        ? null
                        : FieldValues.parseCount(notContactedForDays, "notContactedForDays", 0, 36_500),
                searchQuery(q));
        LocalDate today = members.today();
        return search.search(filter, scope.visibleClps(), Paging.of(page, size)).map(m -> MemberView.of(m, today));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.SECRETARY, Roles.ORGANISER, Roles.YOUTH_OFFICER})
    @APIResponse(responseCode = "400", description = ApiDescriptions.BAD_ID_OR_PAGE)
    @APIResponse(responseCode = "404", description = ApiDescriptions.NOT_FOUND_IN_SCOPE)
    @APIResponse(responseCode = "410", description = ApiDescriptions.ERASED)
    @APIResponse(responseCode = "200", description = "The member")
    public MemberView get(@PathParam("id") String id) {
        return MemberView.of(members.read(FieldValues.parseId(id, "id")), members.today());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.SECRETARY, Roles.ORGANISER})
    @Operation(summary = "Replace a member's details; send If-Match with the version you read to avoid lost updates")
    @APIResponse(responseCode = "400", description = ApiDescriptions.BAD_FIELD)
    @APIResponse(responseCode = "404", description = ApiDescriptions.NOT_FOUND_IN_SCOPE)
    @APIResponse(responseCode = "410", description = ApiDescriptions.ERASED)
    @APIResponse(responseCode = "412", description = "The member changed since the version in If-Match")
    @APIResponse(responseCode = "200", description = "The member as saved")
    public MemberView update(
            @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, @NotNull MemberRequest request) {
        UUID memberId = FieldValues.parseId(id, "id");
        Long expected = ifMatch == null || ifMatch.isBlank()
                ? null
                : (long) FieldValues.parseCount(ifMatch.replace("\"", ""), "If-Match", 0, Integer.MAX_VALUE);
        return MemberView.of(members.update(memberId, request.toDetails(), expected), members.today());
    }

    @POST
    @Path("/{id}/status")
    @RolesAllowed({Roles.SECRETARY, Roles.ORGANISER})
    @Operation(summary = "Change membership status (lapse, resign, rejoin)")
    @APIResponse(responseCode = "400", description = ApiDescriptions.BAD_FIELD)
    @APIResponse(responseCode = "404", description = ApiDescriptions.NOT_FOUND_IN_SCOPE)
    @APIResponse(responseCode = "410", description = ApiDescriptions.ERASED)
    @APIResponse(responseCode = "422", description = "The status cannot move that way (e.g. RESIGNED to LAPSED)")
    @APIResponse(responseCode = "200", description = "The member with the new status")
    public MemberView changeStatus(@PathParam("id") String id, @Valid @NotNull StatusChangeRequest request) {
        return MemberView.of(
                members.changeStatus(
                        FieldValues.parseId(id, "id"),
                        new MemberService.ChangeStatus(request.status(), request.reason())),
                members.today());
    }

    @POST
    @Path("/{id}/contacts")
    @RolesAllowed({Roles.SECRETARY, Roles.ORGANISER})
    @Operation(summary = "Log a contact: wants to get involved, called, met, emailed, texted, no answer")
    @APIResponse(responseCode = "400", description = ApiDescriptions.BAD_FIELD)
    @APIResponse(responseCode = "404", description = ApiDescriptions.NOT_FOUND_IN_SCOPE)
    @APIResponse(responseCode = "410", description = ApiDescriptions.ERASED)
    @APIResponse(responseCode = "201", description = "Logged")
    public Response logContact(@PathParam("id") String id, @Valid @NotNull ContactRequest request) {
        ContactLogEntry entry = members.logContact(
                FieldValues.parseId(id, "id"),
                new MemberService.LogContact(request.kind(), request.notes(), request.at()));
        return Response.created(URI.create("/members/" + id + "/contacts/" + entry.id))
                .entity(ContactView.of(entry))
                .build();
    }

    @GET
    @Path("/{id}/contacts")
    @RolesAllowed({Roles.SECRETARY, Roles.ORGANISER})
    @APIResponse(responseCode = "400", description = ApiDescriptions.BAD_ID_OR_PAGE)
    @APIResponse(responseCode = "404", description = ApiDescriptions.NOT_FOUND_IN_SCOPE)
    @APIResponse(responseCode = "410", description = ApiDescriptions.ERASED)
    @APIResponse(responseCode = "200", description = "A page of the contact log, newest first")
    public PageView<ContactView> contacts(
            @PathParam("id") String id, @QueryParam("page") String page, @QueryParam("size") String size) {
        UUID memberId = FieldValues.parseId(id, "id");
        PageView<ContactLogEntry> found = members.contacts(memberId, Paging.of(page, size));
        return found.map(ContactView::of);
    }

    @POST
    @Path("/{id}/erasure")
    @RolesAllowed(Roles.DATA_PROTECTION)
    @Operation(summary = "Erase the member's personal data here and, through member.erased, in every service")
    @APIResponse(responseCode = "400", description = ApiDescriptions.BAD_FIELD)
    @APIResponse(responseCode = "404", description = ApiDescriptions.NOT_FOUND_IN_SCOPE)
    @APIResponse(responseCode = "200", description = "The erasure record")
    public ErasureView erase(@PathParam("id") String id, @Valid @NotNull ErasureRequest request) {
        ErasureRecord record = members.erase(FieldValues.parseId(id, "id"), request.reference());
        return ErasureView.of(record, List.of());
    }

    /** A search query as given, trimmed; at most 100 characters. */
    private static String searchQuery(String q) {
        String query = blankToNull(q);
        if (query == null) {
            return null;
        }
        query = query.trim();
        if (query.length() > 100) {
            throw ProblemException.invalidField("q", "must be at most 100 characters");
        }
        return query;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
