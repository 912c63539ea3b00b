package org.opencircles.members.rest;

import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencircles.members.domain.ImportJob;
import org.opencircles.members.domain.ImportRowError;
import org.opencircles.members.service.MemberImport;
import org.opencircles.members.service.MemberRow;
import org.opencircles.platform.problem.FieldValues;
import org.opencircles.platform.problem.ProblemException;
import org.opencircles.platform.security.CallerScope;
import org.opencircles.platform.security.Roles;

import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** Membership-list imports: upload a CSV, then watch progress and read the per-row error report. */
@jakarta.ws.rs.Path("/imports")
@Tag(name = "Imports")
@RolesAllowed({Roles.SECRETARY, Roles.ORGANISER, Roles.ADMIN})
public class ImportResource {

    @Inject
    MemberImport imports;

    @Inject
    CallerScope scope;

    @POST
    @Consumes({"text/csv", "text/plain", "application/octet-stream"})
    @Operation(summary = "Upload a membership list (CSV, UTF-8 with or without BOM, or Windows-1252; dates dd/mm/yyyy)")
    public Response upload(InputStream body, @QueryParam("fileName") String fileName,
                           @QueryParam("map") List<String> map) {
        ImportJob job = imports.receive(body, fileName, mapping(map), scope.principal(), scope.visibleClps());
        return Response.accepted(ImportJobView.of(job)).location(URI.create("/imports/" + job.id)).build();
    }

    @POST
    @jakarta.ws.rs.Path("/preview")
    @Consumes({"text/csv", "text/plain", "application/octet-stream"})
    @Operation(summary = "What an upload would do (detected columns, the first rows as they would be saved, their "
            + "errors) without saving or publishing anything; map=Header=column for headers it cannot guess")
    public ImportPreviewView preview(InputStream body, @QueryParam("map") List<String> map) {
        return ImportPreviewView.of(imports.preview(body, mapping(map), scope.visibleClps(), 50));
    }

    /** {@code map=Branch name=ward} pairs: a header as written in the file, and the column it holds. */
    private static Map<String, String> mapping(List<String> pairs) {
        Map<String, String> mapping = new java.util.LinkedHashMap<>();
        for (String pair : pairs == null ? List.<String>of() : pairs) {
            int eq = pair.lastIndexOf('=');
            String column = eq < 0 ? "" : pair.substring(eq + 1).trim().toLowerCase(java.util.Locale.ROOT);
            if (eq <= 0 || !MemberRow.knownColumns().contains(column)) {
                throw ProblemException.invalidField("map", "'" + pair + "' must be Header=column, the column one of "
                        + new java.util.TreeSet<>(MemberRow.knownColumns()));
            }
            mapping.put(pair.substring(0, eq), column);
        }
        return mapping;
    }

    @GET
    @Operation(summary = "Recent imports started by the caller")
    public List<ImportJobView> recent() {
        return ImportJob.<ImportJob>find("requestedBy", Sort.descending("createdAt"), scope.principal())
                .page(0, 50).stream().map(ImportJobView::of).toList();
    }

    @GET
    @jakarta.ws.rs.Path("/{id}")
    @Operation(summary = "Progress of an import: rows processed, created, updated, unchanged, failed")
    public ImportJobView get(@PathParam("id") String id) {
        return ImportJobView.of(job(id));
    }

    @GET
    @jakarta.ws.rs.Path("/{id}/errors")
    @Operation(summary = "Rows that were not saved, with the column and the reason")
    public List<ImportErrorView> errors(@PathParam("id") String id, @QueryParam("page") String page,
                                        @QueryParam("size") String size) {
        ImportJob job = job(id);
        int pageNo = FieldValues.parseCount(page, "page", 0, 1_000_000);
        int pageSize = Math.max(1, FieldValues.parseCount(size, "size", 500, 5000));
        List<ImportRowError> errors = ImportRowError.<ImportRowError>find("jobId", Sort.by("lineNumber").and("id"),
                job.id).page(pageNo, pageSize).list();
        return errors.stream().map(ImportErrorView::of).toList();
    }

    private ImportJob job(String id) {
        ImportJob job = ImportJob.findById(FieldValues.parseId(id, "id"));
        // Only the uploader (or a national role) may see a job: its errors name membership numbers.
        if (job == null || !(job.requestedBy.equals(scope.principal()) || scope.visibleClps().isEmpty())) {
            throw ProblemException.notFound("Import", id);
        }
        return job;
    }
}
