package org.opencircles.members.rest;

import java.util.Arrays;
import java.util.List;

/**
 * A call list as a CSV file that Excel opens as it is (UTF-8 with a byte order mark, RFC 4180 quoting), with every
 * cell that a spreadsheet would run as a formula neutralised.
 */
public final class CallListCsv {

    static final String BOM = "\uFEFF";
    static final List<String> HEADER = List.of(
            "membership_number", "member_name", "ward", "contact_via", "contact_name", "phone", "email", "outcome");

    private CallListCsv() {}

    /** The whole file. */
    public static String of(List<CallListEntryView> rows) {
        StringBuilder out = new StringBuilder(BOM);
        line(out, HEADER);
        for (CallListEntryView r : rows) {
            line(
                    out,
                    Arrays.asList(
                            r.membershipNumber(),
                            r.memberName(),
                            r.wardCode(),
                            r.contactVia() == null ? null : r.contactVia().name(),
                            r.contactName(),
                            r.phone(),
                            r.email(),
                            r.outcome() == null ? null : r.outcome().name()));
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    /**
     * One cell: a value starting with {@code = + - @}, a tab or a carriage return is prefixed with an apostrophe so a
     * spreadsheet shows it as text rather than running it (CSV injection); then quoted when it needs to be.
     */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            v = '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
