package org.opencircles.members.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencircles.members.domain.ImportJob;
import org.opencircles.members.service.ImportJobService;
import org.opencircles.members.service.ImportUploadService;
import org.opencircles.members.service.MemberRow;
import org.opencircles.platform.page.PageView;
import org.opencircles.platform.page.Paging;
import org.opencircles.platform.problem.ApiDescriptions;
import org.opencircles.platform.problem.FieldValues;
import org.opencircles.platform.problem.ProblemException;
import org.opencircles.platform.security.CallerScope;
import org.opencircles.platform.security.Roles;

/** Membership-list imports: upload a CSV, then watch progress and read the per-row error report. */
@Path("/imports")
@Tag(name = "Imports")
@RolesAllowed({Roles.SECRETARY, Roles.ORGANISER, Roles.ADMIN})
@APIResponse(responseCode = "401", description = ApiDescriptions.NOT_SIGNED_IN)
@APIResponse(responseCode = "403", description = ApiDescriptions.NOT_ALLOWED)
public class ImportResource {

    @Inject
    ImportUploadService uploads;

    @Inject
    ImportJobService imports;

    @Inject
    CallerScope scope;

    @POST
    @Consumes({"text/csv", "text/plain", "application/octet-stream"})
    @Operation(summary = "Upload a membership list (CSV, UTF-8 with or without BOM, or Windows-1252; dates dd/mm/yyyy)")
    @APIResponse(
            responseCode = "400",
            description = "Not a membership list, or a bad column mapping (problem+json naming it)")
    @APIResponse(responseCode = "409", description = "An import for an overlapping set of CLPs is still running")
    @APIResponse(responseCode = "413", description = "The file is larger than the limit")
    @APIResponse(responseCode = "202", description = "Queued; follow it at Location")
    public Response upload(
            InputStream body, @QueryParam("fileName") String fileName, @QueryParam("map") List<String> map) {
        ImportJob job = uploads.receive(body, fileName, mapping(map), scope.principal(), scope.visibleClps());
        return Response.accepted(ImportJobView.of(job))
                .location(URI.create("/imports/" + job.id))
                .build();
    }

    @POST
    @Path("/preview")
    @Consumes({"text/csv", "text/plain", "application/octet-stream"})
    @Operation(
            summary = "What an upload would do (detected columns, the first rows as they would be saved, their "
                    + "errors) without saving or publishing anything; map=Header=column for headers it cannot guess")
    @APIResponse(
            responseCode = "400",
            description = "Not a membership list, or a bad column mapping (problem+json naming it)")
    @APIResponse(responseCode = "413", description = "The file is larger than the limit")
    @APIResponse(responseCode = "200", description = "What the upload would do; nothing saved")
    public ImportPreviewView preview(InputStream body, @QueryParam("map") List<String> map) {
        return ImportPreviewView.of(uploads.preview(body, mapping(map), scope.visibleClps(), 50));
    }

    /** {@code map=Branch name=ward} pairs: a header as written in the file, and the column it holds. */
    private static Map<String, String> mapping(List<String> pairs) {
        Map<String, String> mapping = new LinkedHashMap<>();
        for (String pair : pairs == null ? List.<String>of() : pairs) {
            int eq = pair.lastIndexOf('=');
            String column = eq < 0 ? "" : pair.substring(eq + 1).trim().toLowerCase(Locale.ROOT);
            if (eq <= 0 || !MemberRow.knownColumns().contains(column)) {
                throw ProblemException.invalidField(
                        "map",
                        "'" + pair + "' must be Header=column, the column one of "
                                + new TreeSet<>(MemberRow.knownColumns()));
            }
            mapping.put(pair.substring(0, eq), column);
        }
        return mapping;
    }

    @GET
    @Operation(summary = "Recent imports started by the caller, newest first")
    @APIResponse(responseCode = "400", description = ApiDescriptions.BAD_FILTER_OR_PAGE)
    @APIResponse(responseCode = "200", description = "A page of the caller's imports")
    public PageView<ImportJobView> recent(@QueryParam("page") String page, @QueryParam("size") String size) {
        return imports.recent(Paging.of(page, size)).map(ImportJobView::of);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Progress of an import: rows processed, created, updated, unchanged, failed")
    @APIResponse(responseCode = "400", description = ApiDescriptions.BAD_ID_OR_PAGE)
    @APIResponse(responseCode = "404", description = "No such import among the caller's")
    @APIResponse(responseCode = "200", description = "The import's progress")
    public ImportJobView get(@PathParam("id") String id) {
        return ImportJobView.of(imports.job(FieldValues.parseId(id, "id")));
    }

    @GET
    @Path("/{id}/errors")
    @Operation(summary = "Rows that were not saved, with the column and the reason, by line")
    @APIResponse(responseCode = "400", description = ApiDescriptions.BAD_ID_OR_PAGE)
    @APIResponse(responseCode = "404", description = "No such import among the caller's")
    @APIResponse(responseCode = "200", description = "A page of refused rows, by line")
    public PageView<ImportErrorView> errors(
            @PathParam("id") String id, @QueryParam("page") String page, @QueryParam("size") String size) {
        return imports.errors(FieldValues.parseId(id, "id"), Paging.of(page, size))
                .map(ImportErrorView::of);
    }
}
