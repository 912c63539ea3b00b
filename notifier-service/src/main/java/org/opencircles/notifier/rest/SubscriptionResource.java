package org.opencircles.notifier.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencircles.notifier.domain.StaffRole;
import org.opencircles.notifier.domain.Subscription;
import org.opencircles.notifier.service.SubscriptionService;
import org.opencircles.platform.page.PageView;
import org.opencircles.platform.page.Paging;
import org.opencircles.platform.problem.ApiDescriptions;
import org.opencircles.platform.problem.FieldValues;
import org.opencircles.platform.problem.ProblemException;
import org.opencircles.platform.security.CallerScope;
import org.opencircles.platform.security.Roles;

/** Subscriptions of staff to follow-up emails, managed by an admin. */
@Path("/subscriptions")
@Tag(name = "Subscriptions")
@RolesAllowed(Roles.ADMIN)
@APIResponse(responseCode = "401", description = ApiDescriptions.NOT_SIGNED_IN)
@APIResponse(responseCode = "403", description = "Not an admin")
public class SubscriptionResource {

    private static final String ROLES =
            Arrays.stream(StaffRole.values()).map(StaffRole::wireName).collect(Collectors.joining(", "));

    @Inject
    SubscriptionService subscriptions;

    @Inject
    CallerScope caller;

    @GET
    @Operation(summary = "Subscriptions, optionally of one role or covering one CLP")
    @APIResponse(responseCode = "200", description = "A page of subscriptions")
    @APIResponse(responseCode = "400", description = "A bad role, page or size (problem+json naming the field)")
    public PageView<SubscriptionView> list(
            @QueryParam("role") String role,
            @QueryParam("clp") String clp,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        StaffRole r = role == null || role.isBlank() ? null : role(role);
        PageView<Subscription> found =
                subscriptions.list(r, clp == null || clp.isBlank() ? null : clp, Paging.of(page, size));
        return found.map(SubscriptionView::of);
    }

    @POST
    @Operation(summary = "Subscribe a member of staff")
    @APIResponse(responseCode = "201", description = "Subscribed")
    @APIResponse(responseCode = "400", description = ApiDescriptions.BAD_FIELD)
    @APIResponse(responseCode = "409", description = "That address already has a subscription for that role")
    public Response create(@Valid @NotNull SubscriptionRequest request) {
        var created = subscriptions.create(command(request), caller.principal());
        return Response.created(URI.create("/subscriptions/" + created.id))
                .entity(SubscriptionView.of(created))
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One subscription")
    @APIResponse(responseCode = "200", description = "The subscription")
    @APIResponse(responseCode = "400", description = "The id is not a UUID")
    @APIResponse(responseCode = "404", description = "No such subscription")
    public SubscriptionView get(@PathParam("id") String id) {
        return SubscriptionView.of(subscriptions.find(FieldValues.parseId(id, "id")));
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Change a subscription")
    @APIResponse(responseCode = "200", description = "Changed")
    @APIResponse(responseCode = "400", description = ApiDescriptions.BAD_FIELD)
    @APIResponse(responseCode = "404", description = "No such subscription")
    @APIResponse(responseCode = "409", description = "That address already has a subscription for that role")
    public SubscriptionView update(@PathParam("id") String id, @Valid @NotNull SubscriptionRequest request) {
        UUID uuid = FieldValues.parseId(id, "id");
        return SubscriptionView.of(subscriptions.update(uuid, command(request)));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "End a subscription; its emails not yet sent are cancelled")
    @APIResponse(responseCode = "204", description = "Ended")
    @APIResponse(responseCode = "404", description = "No such subscription")
    public void delete(@PathParam("id") String id) {
        subscriptions.delete(FieldValues.parseId(id, "id"));
    }

    private static SubscriptionService.Subscribe command(SubscriptionRequest request) {
        if ((request.quietFrom() == null) != (request.quietUntil() == null)) {
            throw ProblemException.invalidField(
                    request.quietFrom() == null ? "quietFrom" : "quietUntil",
                    "quiet hours need both quietFrom and quietUntil");
        }
        LocalTime from = request.quietFrom() == null ? null : LocalTime.parse(request.quietFrom());
        LocalTime until = request.quietUntil() == null ? null : LocalTime.parse(request.quietUntil());
        if (from != null && from.equals(until)) {
            throw ProblemException.invalidField("quietUntil", "must differ from quietFrom");
        }
        ZoneId zone;
        try {
            zone = request.timeZone() == null || request.timeZone().isBlank() ? null : ZoneId.of(request.timeZone());
        } catch (DateTimeException e) {
            throw ProblemException.invalidField("timeZone", "must be a time zone such as Europe/London");
        }
        return new SubscriptionService.Subscribe(
                request.recipient().trim().toLowerCase(Locale.ROOT),
                request.displayName().trim(),
                role(request.role()),
                request.clpCodes().stream().distinct().toList(),
                from,
                until,
                zone);
    }

    private static StaffRole role(String value) {
        StaffRole role = StaffRole.fromWire(value);
        if (role == null) {
            throw ProblemException.invalidField("role", "must be one of " + ROLES);
        }
        return role;
    }
}
