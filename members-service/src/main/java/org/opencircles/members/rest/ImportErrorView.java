package org.opencircles.members.rest;

import org.opencircles.members.domain.ImportRowError;

/** One refused row of an import. */
public record ImportErrorView(int lineNumber, String membershipNumber, String field, String reason) {

    public static ImportErrorView of(ImportRowError e) {
        return new ImportErrorView(e.lineNumber, e.membershipNumber, e.field, e.reason);
    }
}
