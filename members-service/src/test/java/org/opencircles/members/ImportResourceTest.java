package org.opencircles.members;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.opencircles.testkit.Staff.as;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencircles.members.domain.Member;
import org.opencircles.testkit.Postgres;
import org.opencircles.testkit.Staff;

@QuarkusTest
class ImportResourceTest {

    private static final String UK = "dd/MM/yyyy";

    @BeforeEach
    void clps() {
        Api.clpWithWard("IMP", "Importshire");
        Api.clpWithWard("OTH", "Otherton");
    }

    private static String fifteenYearsAgo() {
        return LocalDate.now().minusYears(15).format(DateTimeFormatter.ofPattern(UK));
    }

    /** A list as secretaries really send them: BOM, CRLF, odd headers, quotes, blank lines and mistakes. */
    private static String messyList(String prefix) {
        return "\uFEFFMembership No,First Name,Surname,Email,Mobile,Post Code,DOB,CLP,Ward,Status,Date Joined,"
                + "Interests,Email consent,Guardian name,Guardian email,Guardian consent\r\n"
                + prefix + "1,Ann,\"O'Neil, Jr\",ann@example.org,07700 900001,n1 1aa,01/02/1990,IMP,IMP-W1,active,"
                + "15/03/2020,\"campaigning; fundraising\",yes,,,\r\n"
                + prefix + "2,Bob,Brown,,,,29/02/2001,IMP,IMP-W1,,,,,,,\r\n"
                + "\r\n"
                + prefix + "3,Cat,\"Line\nBreak\",cat@example.org,,,12/11/1985,IMP,IMP-W1,lapsed,,,no,,,\r\n"
                + prefix + "4,,Nameless,,,,,IMP,IMP-W1,,,,,,,\r\n"
                + prefix + "5,Dan,Dee,dan@@example,,,,IMP,NOWHERE,,,,,,,\r\n"
                + prefix + "6,Eve,Young," + "eve@example.org,,," + fifteenYearsAgo() + ",IMP,IMP-W1,,,,,"
                + "Pat Parent,pat@example.org,yes\r\n"
                + prefix + "7,Fay,Young,,,," + fifteenYearsAgo() + ",IMP,IMP-W1,,,,,,,\r\n"
                + prefix + "1,Ann,Again,,,,,IMP,IMP-W1,,,,,,,\r\n"
                + prefix + "8,Gus,Other,,,,,OTH,OTH-W1,,,,,,,\r\n";
    }

    private static String upload(String user, byte[] csv) {
        return Staff.signedIn(user)
                .contentType("text/csv")
                .body(csv)
                .queryParam("fileName", "members.csv")
                .post("/imports")
                .then()
                .statusCode(202)
                .body("status", equalTo("QUEUED"))
                .body("totalRows", equalTo(9))
                .extract()
                .path("id");
    }

    private static ValidatableResponse awaitDone(String user, String jobId) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "COMPLETED"
                        .equals(as(user).get("/imports/" + jobId)
                                .then()
                                .extract()
                                .path("status")));
        return as(user).get("/imports/" + jobId).then().statusCode(200);
    }

    @Test
    void messyListKeepsGoodRowsAndReportsBadOnesByLineAndColumn() {
        String jobId = upload("sec-dwn", messyList("AA").replace("IMP", "DWN").getBytes(StandardCharsets.UTF_8));
        awaitDone("sec-dwn", jobId);
        // sec-dwn is DWN's secretary, the list says DWN but there is no DWN-W1 ward here: every row refused.
        as("sec-dwn").get("/imports/" + jobId).then().body("failedRows", equalTo(9));

        String job = upload("organiser-national", messyList("BB").getBytes(StandardCharsets.UTF_8));
        awaitDone("organiser-national", job)
                .body("processedRows", equalTo(9))
                .body("percentDone", equalTo(100))
                .body("createdRows", equalTo(5))
                .body("failedRows", equalTo(4));
        as("organiser-national")
                .get("/imports/" + job + "/errors")
                .then()
                .statusCode(200)
                // Line numbers count the header, the blank line and the line break inside a quoted name.
                .body("items.lineNumber", contains(3, 7, 8, 8, 11))
                .body("items.find { it.lineNumber == 3 }.field", equalTo("date_of_birth"))
                .body("items.find { it.lineNumber == 7 }.field", equalTo("first_name"))
                .body("items.findAll { it.lineNumber == 8 }.field", hasItems("email", "ward"))
                .body("items.find { it.lineNumber == 11 }.reason", containsString("more than once"));

        as("organiser-national")
                .get("/members?clp=IMP&size=200")
                .then()
                .body("items.membershipNumber", hasItems("BB1", "BB3", "BB6"))
                .body("items.find { it.membershipNumber == 'BB1' }.lastName", equalTo("O'Neil, Jr"))
                .body("items.find { it.membershipNumber == 'BB1' }.dateOfBirth", equalTo("1990-02-01"))
                .body("items.find { it.membershipNumber == 'BB1' }.joinedOn", equalTo("2020-03-15"))
                .body("items.find { it.membershipNumber == 'BB1' }.interests", contains("campaigning", "fundraising"))
                .body("items.find { it.membershipNumber == 'BB1' }.consents.email", equalTo(true))
                .body("items.find { it.membershipNumber == 'BB3' }.lastName", equalTo("Line\nBreak"))
                .body("items.find { it.membershipNumber == 'BB3' }.status", equalTo("LAPSED"))
                .body("items.find { it.membershipNumber == 'BB6' }.minor", equalTo(true))
                .body("items.find { it.membershipNumber == 'BB6' }.guardian.name", equalTo("Pat Parent"))
                .body("items.find { it.membershipNumber == 'BB6' }.guardianConsentMissing", equalTo(false))
                // A 15-year-old without guardian details joins all the same, flagged until consent is collected.
                .body("items.find { it.membershipNumber == 'BB7' }.minor", equalTo(true))
                .body("items.find { it.membershipNumber == 'BB7' }.guardianConsentMissing", equalTo(true));
        as("organiser-national").get("/members?clp=OTH&size=200").then().body("items.membershipNumber", hasItem("BB8"));
    }

    @Test
    void reimportingTheSameListChangesNothingAndAnEditedRowUpdates() {
        String first = upload("organiser-national", messyList("CC").getBytes(StandardCharsets.UTF_8));
        awaitDone("organiser-national", first).body("createdRows", equalTo(5));
        String again = upload("organiser-national", messyList("CC").getBytes(StandardCharsets.UTF_8));
        awaitDone("organiser-national", again)
                .body("createdRows", equalTo(0))
                .body("updatedRows", equalTo(0))
                .body("unchangedRows", equalTo(5))
                .body("failedRows", equalTo(4));
        String edited = upload(
                "organiser-national",
                messyList("CC")
                        .replace("ann@example.org", "ann.new@example.org")
                        .getBytes(StandardCharsets.UTF_8));
        awaitDone("organiser-national", edited).body("updatedRows", equalTo(1)).body("unchangedRows", equalTo(4));
        as("organiser-national")
                .get("/members?clp=IMP&size=200")
                .then()
                .body("items.find { it.membershipNumber == 'CC1' }.email", equalTo("ann.new@example.org"));
    }

    @Test
    void aSecretaryCannotImportIntoAnotherClp() {
        String job = upload("sec-isn", messyList("DD").getBytes(StandardCharsets.UTF_8));
        awaitDone("sec-isn", job).body("createdRows", equalTo(0));
        as("sec-isn")
                .get("/imports/" + job + "/errors")
                .then()
                .body("items.find { it.lineNumber == 2 }.field", equalTo("clp"));
        // Nor read someone else's import report.
        as("sec-cht").get("/imports/" + job).then().statusCode(404);
    }

    @Test
    void windows1252ExportsFromExcelAreReadCorrectly() {
        String csv = "membership_number;first_name;last_name;clp;ward\r\nEE1;Zoë;Ñúñez;IMP;IMP-W1\r\n";
        String job = Staff.signedIn("organiser-national")
                .contentType("text/csv")
                .body(csv.getBytes(Charset.forName("windows-1252")))
                .post("/imports")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        awaitDone("organiser-national", job).body("createdRows", equalTo(1));
        as("organiser-national")
                .get("/members?clp=IMP&size=200")
                .then()
                .body("items.find { it.membershipNumber == 'EE1' }.firstName", equalTo("Zoë"))
                .body("items.find { it.membershipNumber == 'EE1' }.lastName", equalTo("Ñúñez"));
    }

    @Test
    void aFileThatIsNotAMembershipListIsRefusedAtOnce() {
        Staff.signedIn("organiser-national")
                .contentType("text/csv")
                .body("name,colour\nAnn,red\n")
                .post("/imports")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("clp", "first_name", "last_name", "membership_number", "ward")));
        Staff.signedIn("organiser-national")
                .contentType("text/csv")
                .body(new byte[0])
                .post("/imports")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("file"));
        as("organiser-national").get("/imports/" + UUID.randomUUID()).then().statusCode(404);
        as("organiser-national").body(Map.of()).get("/imports/nope").then().statusCode(400);
    }

    @Test
    void anUnclosedQuoteIsARowErrorAtItsLineAndTheRowsBeforeItAreKept() {
        String csv = "membership_number,first_name,last_name,clp,ward\n"
                + "UQ1,Ann,Able,IMP,IMP-W1\n"
                + "UQ2,Bea,\"Never closed,IMP,IMP-W1\n"
                + "UQ3,Cal,Lost,IMP,IMP-W1\n";
        String job = Staff.signedIn("organiser-national")
                .contentType("text/csv")
                .body(csv)
                .post("/imports")
                .then()
                .statusCode(202)
                .body("totalRows", equalTo(2))
                .extract()
                .path("id");
        awaitDone("organiser-national", job)
                .body("createdRows", equalTo(1))
                .body("failedRows", equalTo(1))
                .body(
                        "message",
                        equalTo("Stopped reading at line 3: the row has a quoted field that is never "
                                + "closed; nothing after it was read"));
        as("organiser-national")
                .get("/imports/" + job + "/errors")
                .then()
                .body("items.lineNumber", contains(3))
                .body("items[0].field", equalTo("row"));
        as("organiser-national")
                .get("/members?clp=IMP&size=200")
                .then()
                .body("items.membershipNumber", hasItem("UQ1"))
                .body("items.membershipNumber", Matchers.not(hasItem("UQ3")));
    }

    @Test
    void aTenMegabyteFieldIsARowErrorAndTheServiceStaysUp() {
        StringBuilder csv = new StringBuilder("membership_number,first_name,last_name,clp,ward,notes\n")
                .append("TM1,Ann,Able,IMP,IMP-W1,short\n")
                .append("TM2,Bea,Big,IMP,IMP-W1,\"");
        csv.append("x".repeat(10 * 1024 * 1024)).append("\"\nTM3,Cal,After,IMP,IMP-W1,\n");
        String job = Staff.signedIn("organiser-national")
                .contentType("text/csv")
                .body(csv.toString())
                .post("/imports")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        awaitDone("organiser-national", job)
                .body("createdRows", equalTo(1))
                .body("failedRows", equalTo(1))
                .body(
                        "message",
                        containsString("Stopped reading at line 3: the row is longer than 1000000 characters"));
        as("organiser-national")
                .get("/imports/" + job + "/errors")
                .then()
                .body("items.lineNumber", contains(3))
                .body("items[0].reason", containsString("is a quote left open?"));
        RestAssured.get("/q/health/live").then().statusCode(200);
        as("organiser-national")
                .get("/members?clp=IMP&size=200")
                .then()
                .statusCode(200)
                .body("items.membershipNumber", hasItem("TM1"));
    }

    @Test
    void anImportCannotReachAMemberOfAnotherClpNorSayWhereTheyAre() {
        Api.clpWithWard("CHT", "Cheltenham");
        Api.clpWithWard("ISN", "Islington North");
        String number = Api.uniqueNumber();
        String islington = as("sec-isn")
                .body(Api.adult(number, "ISN"))
                .post("/members")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String csv = "membership_number,first_name,last_name,email,clp,ward\n" + number
                + ",Mallory,Moved,mallory@example.org,CHT,CHT-W1\n";
        String job = Staff.signedIn("sec-cht")
                .contentType("text/csv")
                .body(csv)
                .post("/imports")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        awaitDone("sec-cht", job)
                .body("createdRows", equalTo(0))
                .body("updatedRows", equalTo(0))
                .body("failedRows", equalTo(1));
        as("sec-cht")
                .get("/imports/" + job + "/errors")
                .then()
                .body("items[0].lineNumber", equalTo(2))
                .body("items[0].field", equalTo("membership_number"))
                .body(
                        "items[0].reason",
                        equalTo("belongs to a member of a CLP you do not manage; their own CLP's "
                                + "secretary can update them"))
                .body("items[0].reason", Matchers.not(containsString("ISN")));
        as("sec-isn")
                .get("/members/" + islington)
                .then()
                .statusCode(200)
                .body("clpCode", equalTo("ISN"))
                .body("lastName", equalTo("Adams"))
                .body("email", equalTo("ada@example.org"));
    }

    @Test
    void statusChangesThroughAnImportObeyTheSameTransitionsAsTheApi() {
        String number = Api.uniqueNumber();
        String id = as("organiser-national")
                .body(Api.adult(number, "IMP"))
                .post("/members")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("organiser-national")
                .body(Map.of("status", "RESIGNED"))
                .post("/members/" + id + "/status")
                .then()
                .statusCode(200);
        String csv =
                "membership_number,first_name,last_name,clp,ward,status\n" + number + ",Ada,Adams,IMP,IMP-W1,lapsed\n";
        String job = Staff.signedIn("organiser-national")
                .contentType("text/csv")
                .body(csv)
                .post("/imports")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        awaitDone("organiser-national", job).body("failedRows", equalTo(1));
        as("organiser-national")
                .get("/imports/" + job + "/errors")
                .then()
                .body("items[0].field", equalTo("status"))
                .body("items[0].reason", equalTo("a RESIGNED member cannot become LAPSED"));
        as("organiser-national").get("/members/" + id).then().body("status", equalTo("RESIGNED"));
    }

    @Test
    void importWritesAreAuditedUnderTheUploadersName() {
        String number = Api.uniqueNumber();
        String csv = "membership_number,first_name,last_name,clp,ward\n" + number + ",Audra,Audit,IMP,IMP-W1\n";
        String job = Staff.signedIn("organiser-national")
                .contentType("text/csv")
                .body(csv)
                .post("/imports")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        awaitDone("organiser-national", job).body("createdRows", equalTo(1));
        String id = as("organiser-national")
                .get("/members?clp=IMP&size=200")
                .then()
                .extract()
                .path("items.find { it.membershipNumber == '" + number + "' }.id");
        as("dpo")
                .get("/audit/access?memberId=" + id)
                .then()
                .statusCode(200)
                .body("items.find { it.action == 'CREATE' }.principal", equalTo("organiser-national"));
        String edited = csv.replace("Audit", "Audited");
        String second = Staff.signedIn("organiser-national")
                .contentType("text/csv")
                .body(edited)
                .post("/imports")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        awaitDone("organiser-national", second).body("updatedRows", equalTo(1));
        as("dpo")
                .get("/audit/access?memberId=" + id)
                .then()
                .body(
                        "items.findAll { it.action == 'UPDATE' && it.principal == 'organiser-national' }.size()",
                        equalTo(1));
    }

    @Test
    void largeImportsBetweenSingleWritesAuditEveryMemberOnceWithoutClashingIds() {
        // A chunk's audit rows go in with COPY, taking ids from the same sequence blocks Hibernate uses for single
        // rows: alternate the two and every write must still land, each audited once.
        Api.clpWithWard("BLK", "Bulkshire");
        List<String> firstIds = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            StringBuilder csv = new StringBuilder("membership_number,first_name,last_name,clp,ward\n");
            List<String> numbers = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                String number = Api.uniqueNumber();
                numbers.add(number);
                csv.append(number).append(",Bulk").append(i).append(",Auditson,BLK,BLK-W1\n");
            }
            String job = Staff.signedIn("organiser-national")
                    .contentType("text/csv")
                    .body(csv.toString())
                    .post("/imports")
                    .then()
                    .statusCode(202)
                    .extract()
                    .path("id");
            awaitDone("organiser-national", job)
                    .body("createdRows", equalTo(120))
                    .body("failedRows", equalTo(0));
            // Single audited writes and reads between the imports.
            Api.clpWithWard("ISN", "Islington North");
            String one = as("sec-isn")
                    .body(Api.adult(Api.uniqueNumber(), "ISN"))
                    .post("/members")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            as("sec-isn").get("/members/" + one).then().statusCode(200);
            String imported = as("organiser-national")
                    .get("/members?clp=BLK&q=" + numbers.get(0))
                    .then()
                    .body("total", equalTo(1))
                    .extract()
                    .path("items[0].id");
            firstIds.add(imported);
        }
        for (String id : firstIds) {
            as("dpo")
                    .get("/audit/access?memberId=" + id)
                    .then()
                    .body("items.findAll { it.action == 'CREATE' }.size()", equalTo(1))
                    .body("items.find { it.action == 'CREATE' }.principal", equalTo("organiser-national"));
        }
    }

    @Test
    void aLargeImportRefreshesTheMemberTablesStatisticsSoQueriesArePlannedForItsMembers() {
        // Autovacuum would refresh them some time later, or never where it is off: kept out of it here, so what is
        // seen is the import's own ANALYZE.
        QuarkusTransaction.requiringNew()
                .run(() -> Member.getEntityManager()
                        .createNativeQuery("alter table member set (autovacuum_enabled = false)")
                        .executeUpdate());
        Api.clpWithWard("STA", "Statsbury");
        StringBuilder csv = new StringBuilder("membership_number,first_name,last_name,clp,ward\n");
        for (int i = 0; i < 150; i++) {
            csv.append(Api.uniqueNumber()).append(",Stat").append(i).append(",Planson,STA,STA-W1\n");
        }
        String job = Staff.signedIn("organiser-national")
                .contentType("text/csv")
                .body(csv.toString())
                .post("/imports")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        awaitDone("organiser-national", job).body("createdRows", equalTo(150));
        // A small table is analysed whole: the planner's row count is the table's.
        assertThat(
                Postgres.number("members_test", "select reltuples::bigint from pg_class where relname = 'member'"),
                equalTo(Postgres.number("members_test", "select count(*) from member")));
        assertThat(
                Postgres.number(
                        "members_test",
                        "select count(*) from pg_stats where tablename = 'member' and attname = 'clp_code'"),
                equalTo(1L));
        assertThat(
                Postgres.number(
                        "members_test", "select reltuples::bigint from pg_class where relname = 'member_search'"),
                equalTo(Postgres.number("members_test", "select count(*) from member_search")));
        // And its members' search entries are merged into the trigram index: nothing left pending for searches to
        // read through (gin_clean_pending_list says how many pending pages it merged).
        assertThat(Postgres.number("members_test", "select gin_clean_pending_list('member_search_idx')"), equalTo(0L));
    }

    @Test
    void anImportWritesItsNewMembersInNameOrderSoOneSurnameSharesPagesOnDisk() {
        Api.clpWithWard("ORD", "Ordley");
        List<String> surnames = List.of("Young", "abbott", "Smith", "Evans", "Smith", "Brown", "Ödegaard");
        StringBuilder csv = new StringBuilder("membership_number,first_name,last_name,clp,ward\n");
        for (int i = 0; i < surnames.size(); i++) {
            csv.append(Api.uniqueNumber())
                    .append(",First")
                    .append(surnames.size() - i)
                    .append(',')
                    .append(surnames.get(i))
                    .append(",ORD,ORD-W1\n");
        }
        String job = Staff.signedIn("organiser-national")
                .contentType("text/csv")
                .body(csv.toString())
                .post("/imports")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        awaitDone("organiser-national", job).body("createdRows", equalTo(surnames.size()));
        // Where each row sits in the table (ctid): search reads every member it matches, so a surname's members on
        // one page rather than one page each is what makes a common name cheap to search.
        assertThat(
                Postgres.column(
                        "members_test",
                        "select last_name || ' ' || first_name from member where clp_code = 'ORD' order by ctid"),
                equalTo(List.of(
                        "abbott First6",
                        "Brown First2",
                        "Evans First4",
                        "Smith First3",
                        "Smith First5",
                        "Young First7",
                        "Ödegaard First1")));
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedAndLeavesNothingBehind() throws Exception {
        Path work = Path.of(System.getProperty("java.io.tmpdir"), "open-circles-imports");
        long before = filesIn(work);
        byte[] big = new byte[51 * 1024 * 1024];
        Arrays.fill(big, (byte) 'x');
        Staff.signedIn("organiser-national")
                .contentType("text/csv")
                .body(big)
                .post("/imports")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("file"))
                .body("errors[0].reason", equalTo("is larger than 50 MB"));
        assertThat(filesIn(work), Matchers.lessThanOrEqualTo(before));
    }

    private static long filesIn(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (var files = Files.list(dir)) {
            return files.count();
        }
    }

    @Test
    void textTheDatabaseCannotStoreIsA400NamingTheField() {
        String number = Api.uniqueNumber();
        Map<String, Object> body = Api.adult(number, "IMP");
        body.put("lastName", "Null\u0000Byte");
        as("organiser-national")
                .body(body)
                .post("/members")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("lastName"))
                .body("errors[0].reason", equalTo("must not contain a NUL character"));
        // As sent on the wire (no second encoding by the client): the sweep that found 500s sent exactly these.
        as("organiser-national")
                .urlEncodingEnabled(false)
                .get("/clps/%00")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("path"));
        as("organiser-national")
                .urlEncodingEnabled(false)
                .get("/members?clp=%00")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("clp"));
        as("organiser-national")
                .urlEncodingEnabled(false)
                .get("/members?clp=%ED%A0%80")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("clp"));
        String csv = "membership_number,first_name,last_name,clp,ward\n" + number + ",Nul,\"A\u0000B\",IMP,IMP-W1\n";
        String job = Staff.signedIn("organiser-national")
                .contentType("text/csv")
                .body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/imports")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        awaitDone("organiser-national", job).body("failedRows", equalTo(1));
        as("organiser-national")
                .get("/imports/" + job + "/errors")
                .then()
                .body("items[0].reason", equalTo("column 3 must not contain a NUL character"));
    }

    @Test
    void twoRequestsRacingForOneMembershipNumberGiveOneMemberAndA409() throws Exception {
        String number = Api.uniqueNumber();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            statuses.add(pool.submit(() -> as("organiser-national")
                    .body(Api.adult(number, "IMP"))
                    .post("/members")
                    .then()
                    .extract()
                    .statusCode()));
        }
        List<Integer> codes = new ArrayList<>();
        for (var f : statuses) {
            codes.add(f.get());
        }
        pool.shutdown();
        assertThat(codes.stream().filter(c -> c == 201).count(), equalTo(1L));
        assertThat(codes.stream().filter(c -> c != 201 && c != 409).toList(), equalTo(List.of()));
        as("organiser-national")
                .get("/members?clp=IMP&size=200")
                .then()
                .body("items.findAll { it.membershipNumber == '" + number + "' }.size()", equalTo(1));
    }

    @Test
    void aMembershipExportAsItComesImportsWithNamesMessyPostcodesAndYoungMembersWithoutGuardians() {
        as("admin")
                .body(Map.of("code", "MXE", "name", "Mexe and East Ploughing", "region", "London"))
                .post("/clps");
        as("admin").body(Map.of("code", "MXE-HH", "name", "Hill Hythe")).post("/clps/MXE/wards");
        String p = Api.uniqueNumber().substring(0, 6);
        String csv = "Membership Number,First Name,Surname,Email Address,Postcode,Date of Birth,Constituency,Branch\r\n"
                + p + "1,Ann,Able,ann@example.org,se218ab,01/02/1980,MEXE AND EAST PLOUGHING,HILL HYTHE\r\n"
                + p + "2,Bea,Bee,,SE21  8AB,,Mexe & East Ploughing,Hill Hythe Ward\r\n"
                + p + "3,Cal,Cee,,," + fifteenYearsAgo() + ",mexe and east ploughing,hill hythe\r\n"
                + p + "4,Dee,Dee,,,,Nowhere Special,Hill Hythe\r\n"
                + p + "1,Ann,Again,,,,Mexe and East Ploughing,Hill Hythe\r\n";
        String job = Staff.signedIn("organiser-national")
                .contentType("text/csv")
                .body(csv)
                .post("/imports")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        awaitDone("organiser-national", job).body("createdRows", equalTo(3)).body("failedRows", equalTo(2));
        as("organiser-national")
                .get("/imports/" + job + "/errors")
                .then()
                .body("items.lineNumber", contains(5, 6))
                .body("items.find { it.lineNumber == 5 }.field", equalTo("clp"))
                .body(
                        "items.find { it.lineNumber == 5 }.reason",
                        equalTo("no CLP has the code or name 'Nowhere Special'"))
                .body("items.find { it.lineNumber == 6 }.reason", containsString("more than once"));
        as("organiser-national")
                .get("/members?clp=MXE&size=200")
                .then()
                .body("items.find { it.membershipNumber == '" + p + "1' }.postcode", equalTo("SE21 8AB"))
                .body("items.find { it.membershipNumber == '" + p + "1' }.lastName", equalTo("Able"))
                .body("items.find { it.membershipNumber == '" + p + "1' }.wardCode", equalTo("MXE-HH"))
                .body("items.find { it.membershipNumber == '" + p + "2' }.postcode", equalTo("SE21 8AB"))
                .body("items.find { it.membershipNumber == '" + p + "3' }.minor", equalTo(true))
                .body("items.find { it.membershipNumber == '" + p + "3' }.guardianConsentMissing", equalTo(true));
    }

    @Test
    void aPreviewShowsWhatAnUploadWouldDoAndWritesAndPublishesNothing() {
        as("admin")
                .body(Map.of("code", "PVW", "name", "Preview Vale", "region", "London"))
                .post("/clps");
        as("admin").body(Map.of("code", "PVW-NORTH", "name", "North Vale")).post("/clps/PVW/wards");
        String n = Api.uniqueNumber();
        String csv = "Membership Number,Forename,Surname,Seat,Polling District,Post Code\n"
                + n + ",Pip,Preview,Preview Vale,North Vale,pv12ab\n"
                + n + "X,Quin,Queue,Preview Vale,South Vale,\n";
        // Headers it cannot guess are refused as before...
        Staff.signedIn("organiser-national")
                .contentType("text/csv")
                .body(csv)
                .post("/imports/preview")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("clp", "ward"));
        Staff.signedIn("organiser-national")
                .contentType("text/csv")
                .body(csv)
                .queryParam("map", "Seat=postal_town")
                .post("/imports/preview")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("map"));
        long jobs = Postgres.number("members_test", "select count(*) from import_job");
        long outbox =
                Postgres.number("members_test", "select count(*) from personal_data_access where action = 'CREATE'");
        // ...and read once the uploader says which column they are.
        Staff.signedIn("organiser-national")
                .contentType("text/csv")
                .body(csv)
                .queryParam("map", "Seat=clp")
                .queryParam("map", "Polling District=ward")
                .post("/imports/preview")
                .then()
                .statusCode(200)
                .body("totalRows", equalTo(2))
                .body("columns.find { it.header == 'Seat' }.column", equalTo("clp"))
                .body("columns.find { it.header == 'Forename' }.column", equalTo("first_name"))
                .body("rows[0].membershipNumber", equalTo(n))
                .body("rows[0].clpCode", equalTo("PVW"))
                .body("rows[0].wardCode", equalTo("PVW-NORTH"))
                .body("rows[0].postcode", equalTo("PV1 2AB"))
                .body("errors[0].lineNumber", equalTo(3))
                .body("errors[0].field", equalTo("ward"));
        assertThat("no job", Postgres.number("members_test", "select count(*) from import_job"), equalTo(jobs));
        assertThat(
                "no member",
                Postgres.number("members_test", "select count(*) from member where membership_number = ?", n),
                equalTo(0L));
        assertThat(
                "no write",
                Postgres.number("members_test", "select count(*) from personal_data_access where action = 'CREATE'"),
                equalTo(outbox));
        assertThat(
                "no event",
                Postgres.number(
                        "members_test", "select count(*) from outbox_event where envelope::text like ?", "%" + n + "%"),
                equalTo(0L));

        String job = Staff.signedIn("organiser-national")
                .contentType("text/csv")
                .body(csv)
                .queryParam("map", "Seat=clp")
                .queryParam("map", "Polling District=ward")
                .post("/imports")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        awaitDone("organiser-national", job).body("createdRows", equalTo(1)).body("failedRows", equalTo(1));
    }
}
