package org.opencircles.members.rest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.opencircles.events.MembershipStatus;
import org.opencircles.members.service.ImportUploadService;
import org.opencircles.members.service.MemberDetails;
import org.opencircles.members.service.MemberRow;

/** What an upload would do: the columns found, the first rows as they would be saved, and the rows refused. */
public record ImportPreviewView(
        List<ColumnView> columns, int totalRows, List<RowView> rows, List<ImportErrorView> errors) {

    /** One header of the file and the column it was read as (null: ignored). */
    public record ColumnView(String header, String column) {}

    /** A row as it would be saved: CLP and ward as codes, postcode tidied. */
    public record RowView(
            int lineNumber,
            String membershipNumber,
            String firstName,
            String lastName,
            String email,
            String postcode,
            LocalDate dateOfBirth,
            String clpCode,
            String wardCode,
            String status,
            boolean guardianGiven) {}

    public static ImportPreviewView of(ImportUploadService.Preview preview) {
        List<ColumnView> columns = new ArrayList<>();
        for (int i = 0; i < preview.header().size(); i++) {
            columns.add(new ColumnView(
                    preview.header().get(i),
                    i < preview.columns().size() ? preview.columns().get(i) : null));
        }
        List<RowView> rows = preview.rows().stream().map(ImportPreviewView::row).toList();
        List<ImportErrorView> errors = new ArrayList<>();
        preview.errors()
                .forEach((line, problems) ->
                        problems.forEach(p -> errors.add(new ImportErrorView(line, null, p.field(), p.reason()))));
        return new ImportPreviewView(columns, preview.totalRows(), rows, errors);
    }

    private static RowView row(MemberRow r) {
        MemberDetails q = r.details();
        return new RowView(
                r.line(),
                r.membershipNumber(),
                q.firstName(),
                q.lastName(),
                q.email(),
                q.postcode(),
                q.dateOfBirth(),
                q.clpCode(),
                q.wardCode(),
                r.status() == null ? MembershipStatus.ACTIVE.name() : r.status().name(),
                q.guardian() != null);
    }
}
