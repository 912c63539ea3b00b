package org.opencircles.notifier.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencircles.notifier.domain.Email;
import org.opencircles.notifier.service.EmailLog;
import org.opencircles.platform.page.PageView;
import org.opencircles.platform.page.Paging;
import org.opencircles.platform.problem.ApiDescriptions;
import org.opencircles.platform.problem.FieldValues;
import org.opencircles.platform.security.CallerScope;
import org.opencircles.platform.security.Roles;

/** The sent log: every email the notifier recorded and where it is, for an admin. */
@Path("/emails")
@Tag(name = "Sent log")
@RolesAllowed(Roles.ADMIN)
@APIResponse(responseCode = "401", description = ApiDescriptions.NOT_SIGNED_IN)
@APIResponse(responseCode = "403", description = "Not an admin")
public class EmailResource {

    @Inject
    EmailLog log;

    @Inject
    CallerScope caller;

    @GET
    @Operation(summary = "Emails, newest first, by status, kind, recipient or follow-up")
    @APIResponse(responseCode = "200", description = "A page of emails")
    @APIResponse(responseCode = "400", description = "A bad filter, page or size (problem+json naming the field)")
    public PageView<EmailView> list(
            @QueryParam("status") String status,
            @QueryParam("kind") String kind,
            @QueryParam("recipient") String recipient,
            @QueryParam("followUpId") String followUpId,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        PageView<Email> found = log.list(
                FieldValues.parseEnum(Email.Status.class, status, "status"),
                FieldValues.parseEnum(Email.Kind.class, kind, "kind"),
                recipient == null || recipient.isBlank()
                        ? null
                        : recipient.trim().toLowerCase(Locale.ROOT),
                followUpId == null || followUpId.isBlank() ? null : FieldValues.parseId(followUpId, "followUpId"),
                Paging.of(page, size));
        return found.map(EmailView::of);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One email, with its text")
    @APIResponse(responseCode = "200", description = "The email")
    @APIResponse(responseCode = "400", description = "The id is not a UUID")
    @APIResponse(responseCode = "404", description = "No such email")
    public EmailView get(@PathParam("id") String id) {
        return EmailView.of(log.find(FieldValues.parseId(id, "id")));
    }

    @POST
    @Path("/{id}/resend")
    @Operation(summary = "Send an UNCERTAIN or REFUSED email again, on the admin's word")
    @APIResponse(responseCode = "200", description = "Queued again")
    @APIResponse(responseCode = "404", description = "No such email")
    @APIResponse(responseCode = "409", description = "The email is not UNCERTAIN or REFUSED")
    public EmailView resend(@PathParam("id") String id) {
        return EmailView.of(log.resend(FieldValues.parseId(id, "id"), caller.principal()));
    }
}
