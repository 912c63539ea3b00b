package org.opencircles.actions.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencircles.actions.domain.ClpFigures;
import org.opencircles.actions.domain.FollowUp;
import org.opencircles.actions.service.DashboardService;
import org.opencircles.actions.service.DashboardTrends;
import org.opencircles.actions.service.FollowUpService;
import org.opencircles.platform.page.Paging;
import org.opencircles.platform.problem.FieldValues;
import org.opencircles.platform.problem.ProblemException;
import org.opencircles.platform.security.CallerScope;
import org.opencircles.platform.security.Roles;
import org.opencircles.platform.time.CivilTime;

/**
 * The organiser's page: what the signed-in person is scoped to, as the story, charts and the open follow-ups they can
 * mark done. HTML from Qute templates, htmx for the list, Chart.js for the charts (both from WebJars).
 */
@Path("/organiser")
@Tag(name = "Organiser page")
@Produces(MediaType.TEXT_HTML)
public class OrganiserPageResource {

    /** Who may open the page: the staff the dashboard serves. */
    private static final List<String> PAGE_ROLES = List.of(Roles.ORGANISER, Roles.SECRETARY, Roles.YOUTH_OFFICER);

    private static final int WEEKS = 8;
    private static final int LISTED = 50;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("d MMM", Locale.UK);

    @Inject
    SecurityIdentity identity;

    @Inject
    CallerScope scope;

    @Inject
    DashboardService dashboard;

    @Inject
    DashboardTrends trends;

    @Inject
    FollowUpService schedule;

    @Inject
    ObjectMapper json;

    @Context
    UriInfo uri;

    /** One open follow-up as the page lists it. */
    public record FollowUpItem(
            UUID id,
            String reason,
            String what,
            String subjectType,
            String clpCode,
            String due,
            boolean overdue,
            String status) {}

    /** Everything the page shows. */
    public record PageModel(
            String user,
            List<String> clps,
            String clp,
            ClpFigures figures,
            List<DashboardTrends.Week> weeks,
            List<DashboardTrends.ReasonCount> followUps,
            String raised,
            String target,
            String chartJson) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(PageModel model);

        static native TemplateInstance followUps(List<FollowUpItem> items, String clp, long shown);

        static native TemplateInstance followUp(FollowUpItem item, String user);

        static native TemplateInstance refused(String user, String message);
    }

    @GET
    @Operation(summary = "The organiser's page for one of the caller's CLPs (signs in first if needed)")
    public Response page(@QueryParam("clp") String clp) {
        Response gate = gate();
        if (gate != null) {
            return gate;
        }
        List<String> clps =
                scope.visibleClps().map(s -> s.stream().sorted().toList()).orElseGet(dashboard::knownClps);
        String chosen = clp == null || clp.isBlank() ? (clps.isEmpty() ? null : clps.get(0)) : clp.trim();
        if (chosen == null) {
            return refused(200, "No CLP has any members or commitments yet.");
        }
        if (!scope.canSee(chosen)) {
            return refused(403, "You are not a member of staff for CLP " + chosen + ".");
        }
        ClpFigures figures = dashboard.forClp(chosen);
        List<DashboardTrends.Week> weeks = trends.joinedAndContacted(chosen, WEEKS);
        List<DashboardTrends.ReasonCount> reasons = trends.openByReason(chosen, false);
        PageModel model = new PageModel(
                scope.principal(),
                clps,
                chosen,
                figures,
                weeks,
                reasons,
                pounds(figures.raisedPence()),
                pounds(figures.targetPence()),
                chartJson(figures, weeks, reasons));
        return Response.ok(Templates.page(model)).build();
    }

    @GET
    @Path("/follow-ups")
    @Operation(summary = "The open follow-ups list of the page (an HTML fragment)")
    public Response followUps(@QueryParam("clp") String clp) {
        Response gate = gate();
        if (gate != null) {
            return gate;
        }
        if (clp == null || !scope.canSee(clp)) {
            return refused(403, "You are not a member of staff for CLP " + clp + ".");
        }
        List<FollowUp> open = schedule.list(
                        new FollowUpService.FollowUpFilter(FollowUp.Status.OPEN, clp, null, null),
                        false,
                        new Paging(0, LISTED))
                .items();
        return Response.ok(Templates.followUps(open.stream().map(this::item).toList(), clp, open.size()))
                .build();
    }

    @GET
    @Path("/follow-ups/{id}")
    @Operation(summary = "One follow-up, as linked from emails")
    public Response followUp(@PathParam("id") String id) {
        Response gate = gate();
        if (gate != null) {
            return gate;
        }
        return schedule.shown(FieldValues.parseId(id, "id"))
                .map(f -> Response.ok(Templates.followUp(item(f), scope.principal()))
                        .build())
                .orElseGet(() -> refused(404, "There is no such follow-up among yours."));
    }

    @POST
    @Path("/follow-ups/{id}/done")
    @Operation(summary = "Mark a follow-up done from the page (htmx; needs the HX-Request header)")
    public Response done(
            @PathParam("id") String id, @FormParam("note") String note, @HeaderParam("HX-Request") String htmx) {
        Response gate = gate();
        if (gate != null) {
            return gate;
        }
        // The session travels in a cookie: a form posted from another site carries no HX-Request header.
        if (!"true".equals(htmx)) {
            return refused(403, "Mark follow-ups done from the organiser's page.");
        }
        UUID uuid = FieldValues.parseId(id, "id");
        String trimmed = note == null || note.isBlank() ? null : note.strip();
        if (trimmed != null && trimmed.length() > 2000) {
            return Response.status(400)
                    .type(MediaType.TEXT_HTML)
                    .entity(
                            "<div id=\"announce\" hx-swap-oob=\"true\" role=\"alert\">The note is too long: at most 2,000 characters.</div>")
                    .build();
        }
        FollowUp done;
        try {
            done = schedule.completeShown(uuid, trimmed);
        } catch (ProblemException e) {
            if (e.problem().status() != 404) {
                throw e;
            }
            return refused(404, "There is no such follow-up among yours.");
        }
        // The item leaves the list; the live region says so for screen readers.
        return Response.ok("<div id=\"announce\" hx-swap-oob=\"true\" role=\"status\">Marked done: "
                        + escape(done.reason.sentence()) + ".</div>")
                .type(MediaType.TEXT_HTML)
                .build();
    }

    /** Signs in first, or refuses someone the page is not for; null when the caller may go on. */
    private Response gate() {
        if (identity.isAnonymous()) {
            String back = uri.getRequestUri().getRawPath()
                    + (uri.getRequestUri().getRawQuery() == null
                            ? ""
                            : "?" + uri.getRequestUri().getRawQuery());
            return Response.seeOther(
                            URI.create("/organiser/sign-in?return=" + URLEncoder.encode(back, StandardCharsets.UTF_8)))
                    .build();
        }
        if (PAGE_ROLES.stream().noneMatch(identity::hasRole)) {
            return refused(403, "This page is for organisers, secretaries and youth officers.");
        }
        return null;
    }

    private Response refused(int status, String message) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML)
                .entity(Templates.refused(identity.isAnonymous() ? null : scope.principal(), message))
                .build();
    }

    private FollowUpItem item(FollowUp f) {
        return new FollowUpItem(
                f.id,
                f.reason.name(),
                f.reason.sentence(),
                f.subjectType,
                f.clpCode,
                DAY.format(f.dueAt.atZone(CivilTime.ZONE)),
                trends.overdue(f.dueAt),
                f.status.name());
    }

    private String chartJson(
            ClpFigures figures, List<DashboardTrends.Week> weeks, List<DashboardTrends.ReasonCount> reasons) {
        Map<String, Object> data = Map.of(
                "weeks",
                        weeks.stream()
                                .map(w -> Map.of(
                                        "label",
                                        WEEK.format(w.weekOf()),
                                        "joined",
                                        w.joined(),
                                        "contacted",
                                        w.contacted()))
                                .toList(),
                "followUps",
                        reasons.stream()
                                .map(r -> Map.of(
                                        "label", r.reason().sentence(), "open", r.open(), "overdue", r.overdue()))
                                .toList(),
                "commitments", figures.commitmentsByStatus(),
                "money", Map.of("raised", figures.raisedPence() / 100, "target", figures.targetPence() / 100),
                "mentoring",
                        Map.of(
                                "waiting",
                                figures.menteesWaiting(),
                                "active",
                                figures.pairingsActive(),
                                "suspended",
                                figures.pairingsSuspended()));
        try {
            // Inside a <script> element: a "</" in the data must not end it.
            return json.writeValueAsString(data).replace("</", "<\\/");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pounds(long pence) {
        return String.format(Locale.UK, "£%,d", pence / 100);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
