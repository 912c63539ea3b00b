package org.opencircles.members.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencircles.events.MembershipStatus;
import org.opencircles.members.domain.AgeBand;
import org.opencircles.members.domain.CallList;
import org.opencircles.members.domain.CallListEntry;
import org.opencircles.members.service.CallListService;
import org.opencircles.members.service.MemberFilter;
import org.opencircles.platform.page.PageView;
import org.opencircles.platform.page.Paging;
import org.opencircles.platform.problem.ApiDescriptions;
import org.opencircles.platform.problem.FieldValues;
import org.opencircles.platform.problem.ProblemException;
import org.opencircles.platform.security.CallerScope;
import org.opencircles.platform.security.Roles;

/** Call lists: a saved member filter worked through by a volunteer, outcome by outcome, and exported for a phone bank. */
@Path("/call-lists")
@Tag(name = "Call lists")
@RolesAllowed({Roles.SECRETARY, Roles.ORGANISER})
@APIResponse(responseCode = "401", description = ApiDescriptions.NOT_SIGNED_IN)
@APIResponse(responseCode = "403", description = ApiDescriptions.NOT_ALLOWED)
public class CallListResource {

    @Inject
    CallListService lists;

    @Inject
    CallerScope scope;

    @Inject
    ObjectMapper json;

    @POST
    @Operation(
            summary = "Make a call list from a member filter: members who consented to the channel, minors through "
                    + "their parent or guardian")
    @APIResponse(responseCode = "400", description = ApiDescriptions.BAD_FIELD)
    @APIResponse(responseCode = "409", description = "The CLP already has a call list with that name")
    @APIResponse(responseCode = "201", description = "Saved")
    public Response make(@Valid @NotNull CallListRequest request) {
        CallListRequest.Filter f = request.filter();
        CallList.Channel channel = FieldValues.parseEnum(CallList.Channel.class, request.channel(), "channel");
        MembershipStatus status = FieldValues.parseEnum(MembershipStatus.class, f.status(), "filter.status");
        AgeBand ageBand = FieldValues.parseEnum(AgeBand.class, f.ageBand(), "filter.ageBand");
        MemberFilter filter = new MemberFilter(
                f.clp().trim(),
                blank(f.ward()),
                status,
                ageBand,
                blank(f.interest()),
                f.notContactedForDays(),
                blank(f.q()));
        Map<String, Object> asGiven = new LinkedHashMap<>();
        asGiven.put("clp", filter.clpCode());
        putIfSet(asGiven, "ward", filter.wardCode());
        putIfSet(asGiven, "status", status);
        putIfSet(asGiven, "ageBand", ageBand);
        putIfSet(asGiven, "interest", filter.interest());
        putIfSet(asGiven, "notContactedForDays", f.notContactedForDays());
        putIfSet(asGiven, "q", filter.query());
        String saved;
        try {
            saved = json.writeValueAsString(asGiven);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A filter of codes and numbers is always JSON", e);
        }
        CallListService.Progress made = lists.make(
                new CallListService.MakeCallList(request.name(), channel, blank(request.assignedTo()), filter, saved),
                scope.principal());
        return Response.created(URI.create("/call-lists/" + made.list().id))
                .entity(CallListView.of(made, json))
                .build();
    }

    @GET
    @Operation(summary = "Call lists of the caller's CLPs, newest first, with progress (done of total)")
    @APIResponse(responseCode = "400", description = ApiDescriptions.BAD_FILTER_OR_PAGE)
    @APIResponse(responseCode = "200", description = "A page of call lists")
    public PageView<CallListView> list(
            @QueryParam("clp") String clp, @QueryParam("page") String page, @QueryParam("size") String size) {
        String code = blank(clp);
        if (code != null) {
            scope.requireClp(code);
        }
        return lists.lists(code, Paging.of(page, size)).map(p -> CallListView.of(p, json));
    }

    @GET
    @Path("/{id}")
    @APIResponse(responseCode = "400", description = ApiDescriptions.BAD_ID_OR_PAGE)
    @APIResponse(responseCode = "404", description = ApiDescriptions.NOT_FOUND_IN_SCOPE)
    @APIResponse(responseCode = "200", description = "The call list with its progress")
    public CallListView get(@PathParam("id") String id) {
        return CallListView.of(lists.get(FieldValues.parseId(id, "id")), json);
    }

    @GET
    @Path("/{id}/entries")
    @Operation(summary = "The members to contact, in order; remaining=true for those without an outcome yet")
    @APIResponse(responseCode = "400", description = ApiDescriptions.BAD_ID_OR_PAGE)
    @APIResponse(responseCode = "404", description = ApiDescriptions.NOT_FOUND_IN_SCOPE)
    @APIResponse(responseCode = "200", description = "A page of the list's members, by the channel's consent")
    public PageView<CallListEntryView> entries(
            @PathParam("id") String id,
            @QueryParam("remaining") String remaining,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return lists.rows(FieldValues.parseId(id, "id"), flag(remaining, "remaining"), Paging.of(page, size))
                .map(CallListEntryView::of);
    }

    @POST
    @Path("/{id}/entries/{memberId}/outcome")
    @Operation(
            summary = "Record an outcome (REACHED, NO_ANSWER, WRONG_NUMBER, WANTS_TO_GET_INVOLVED, DO_NOT_CONTACT); "
                    + "it is logged as a contact")
    @APIResponse(responseCode = "400", description = ApiDescriptions.BAD_FIELD)
    @APIResponse(responseCode = "404", description = ApiDescriptions.NOT_FOUND_IN_SCOPE)
    @APIResponse(responseCode = "200", description = "Recorded, and logged as a contact")
    public CallListEntryView outcome(
            @PathParam("id") String id,
            @PathParam("memberId") String memberId,
            @Valid @NotNull CallListOutcomeRequest request) {
        return CallListEntryView.of(lists.recordOutcome(
                FieldValues.parseId(id, "id"),
                FieldValues.parseId(memberId, "memberId"),
                FieldValues.parseEnum(CallListEntry.Outcome.class, request.outcome(), "outcome"),
                request.note(),
                scope.principal()));
    }

    @GET
    @Path("/{id}/export")
    @Produces({"text/csv", MediaType.APPLICATION_JSON})
    @Operation(
            summary = "The whole list as CSV (UTF-8 with BOM, formulas neutralised; default) or JSON (format=json); "
                    + "audited")
    @APIResponse(responseCode = "400", description = ApiDescriptions.BAD_ID_OR_PAGE)
    @APIResponse(responseCode = "404", description = ApiDescriptions.NOT_FOUND_IN_SCOPE)
    @APIResponse(responseCode = "200", description = "The list as CSV (UTF-8 with BOM) or JSON")
    public Response export(@PathParam("id") String id, @QueryParam("format") String format) {
        String f = format == null || format.isBlank() ? "csv" : format.trim().toLowerCase();
        if (!List.of("csv", "json").contains(f)) {
            throw ProblemException.invalidField("format", "must be csv or json");
        }
        PageView<CallListEntryView> rows =
                lists.export(FieldValues.parseId(id, "id")).map(CallListEntryView::of);
        if ("json".equals(f)) {
            return Response.ok(rows, MediaType.APPLICATION_JSON).build();
        }
        return Response.ok(CallListCsv.of(rows.items()), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"call-list-" + id + ".csv\"")
                .build();
    }

    private static boolean flag(String value, String field) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim().toLowerCase()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.invalidField(field, "must be true or false");
        };
    }

    private static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value instanceof Enum<?> e ? e.name() : value);
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
