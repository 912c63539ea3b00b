package org.opencircles.members.rest;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencircles.members.service.CallListService;

/** The CSV a phone bank opens in Excel: BOM, quoting, and no cell a spreadsheet would run as a formula. */
class CallListCsvTest {

    @Test
    void cellsThatAWorksheetWouldRunAreNeutralised() {
        assertThat(
                CallListCsv.cell("=HYPERLINK(\"http://evil.example\",\"Click\")"),
                equalTo("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\""));
        assertThat(CallListCsv.cell("+44 7700 900123"), equalTo("'+44 7700 900123"));
        assertThat(CallListCsv.cell("-2+3"), equalTo("'-2+3"));
        assertThat(CallListCsv.cell("@SUM(A1:A2)"), equalTo("'@SUM(A1:A2)"));
        assertThat(CallListCsv.cell("\tcmd"), equalTo("'\tcmd"));
        assertThat(CallListCsv.cell("Zoë Müller"), equalTo("Zoë Müller"));
        assertThat(CallListCsv.cell("Smith, Jo"), equalTo("\"Smith, Jo\""));
        assertThat(CallListCsv.cell(null), equalTo(""));
    }

    @Test
    void aFileStartsWithTheBomAndAHeaderAndEndsLinesWithCrLf() {
        CallListEntryView row = new CallListEntryView(
                UUID.randomUUID(),
                "M1",
                "=1+1 Adams",
                "DWN-W1",
                CallListService.Route.GUARDIAN,
                "Pat Parent",
                "07700 900456",
                null,
                null,
                null,
                null);
        String csv = CallListCsv.of(List.of(row));
        assertThat(
                csv,
                startsWith(
                        "\uFEFFmembership_number,member_name,ward,contact_via,contact_name,phone,email,outcome\r\n"));
        assertThat(csv.split("\r\n")[1], equalTo("M1,'=1+1 Adams,DWN-W1,GUARDIAN,Pat Parent,07700 900456,,"));
    }
}
