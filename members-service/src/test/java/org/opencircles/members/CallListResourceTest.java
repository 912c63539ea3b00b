package org.opencircles.members;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.opencircles.testkit.Staff.as;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencircles.testkit.Postgres;
import org.opencircles.testkit.TopicProbe;

/** Search, call lists from filter to outcomes to contact log, consent per channel, and a safe export. */
@QuarkusTest
class CallListResourceTest {

    private static final String WARD = "CHT-HH";

    @Inject
    DataSource dataSource;

    @BeforeEach
    void places() {
        Api.clpWithWard("CHT", "Cheltenham");
        Api.clpWithWard("ISN", "Islington North");
        as("admin").body(Map.of("code", WARD, "name", "Herne Hill")).post("/clps/CHT/wards");
    }

    private static String member(
            String first,
            String last,
            String ward,
            boolean phoneConsent,
            boolean emailConsent,
            int age,
            Map<String, Object> guardian,
            String phone,
            String email,
            String postcode) {
        return as("sec-cht")
                .body(memberBody(
                        Api.uniqueNumber(),
                        first,
                        last,
                        ward,
                        phoneConsent,
                        emailConsent,
                        age,
                        guardian,
                        phone,
                        email,
                        postcode))
                .post("/members")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static Map<String, Object> memberBody(
            String number,
            String first,
            String last,
            String ward,
            boolean phoneConsent,
            boolean emailConsent,
            int age,
            Map<String, Object> guardian,
            String phone,
            String email,
            String postcode) {
        Map<String, Object> body = new HashMap<>(Api.adult(number, "CHT"));
        body.put("firstName", first);
        body.put("lastName", last);
        body.put("wardCode", ward);
        body.put("phone", phone);
        body.put("email", email);
        body.put("postcode", postcode);
        body.put("dateOfBirth", LocalDate.now().minusYears(age).minusDays(20).toString());
        body.put("consents", Map.of("email", emailConsent, "phone", phoneConsent, "sms", false));
        if (guardian != null) {
            body.put("guardian", guardian);
        }
        return body;
    }

    @Test
    void searchForgivesAccentsCaseTyposAndFindsPartsOfNumbersPostcodesAndEmails() {
        String zoe = member(
                "Zoë",
                "Müllerová",
                "CHT-W1",
                false,
                false,
                31,
                null,
                "07700 900777",
                "zoe.mullerova@example.org",
                "SE24 9QT");
        member("Zoe", "Miller", "CHT-W1", false, false, 44, null, "07700 900778", "zm@example.org", "SE21 8AB");
        String number = as("sec-cht").get("/members/" + zoe).then().extract().path("membershipNumber");

        as("sec-cht")
                .get("/members?clp=CHT&q=zoe mullerova")
                .then()
                .statusCode(200)
                .body("items[0].id", equalTo(zoe));
        as("sec-cht").get("/members?q=ZOË").then().body("items.lastName", hasItems("Müllerová", "Miller"));
        as("sec-cht").get("/members?q=mulerova").then().body("items[0].id", equalTo(zoe));
        // Words in any order, each a substring or, when nobody has them all, a near spelling (two letters swapped,
        // which pg_trgm scores 0.5: under its default threshold).
        as("sec-cht").get("/members?q=MULLEROVA zoë").then().body("items.id", contains(zoe));
        as("sec-cht").get("/members?q=zoe mulleorva").then().body("items[0].id", equalTo(zoe));
        as("sec-cht").get("/members?q=miller zoe").then().body("items.lastName", contains("Miller"));
        as("sec-cht").get("/members?q=" + number.substring(2)).then().body("items.id", hasItem(zoe));
        as("sec-cht").get("/members?q=se249qt").then().body("items.id", contains(zoe));
        as("sec-cht").get("/members?q=zoe.mull").then().body("items.id", contains(zoe));
        as("sec-cht").get("/members?q=07700900777").then().body("items[0].id", equalTo(zoe));
        // Paged like any list: the total is the same on every page, past the end too, and the pages do not overlap.
        String first = as("sec-cht")
                .get("/members?q=zoe&clp=CHT&size=1")
                .then()
                .body("total", equalTo(2))
                .body("items", hasSize(1))
                .extract()
                .path("items[0].id");
        as("sec-cht")
                .get("/members?q=zoe&clp=CHT&size=1&page=1")
                .then()
                .body("total", equalTo(2))
                .body("items", hasSize(1))
                .body("items[0].id", not(equalTo(first)));
        as("sec-cht")
                .get("/members?q=zoe&clp=CHT&size=1&page=5")
                .then()
                .body("total", equalTo(2))
                .body("items", hasSize(0))
                .body("page", equalTo(5));
        as("sec-cht")
                .get("/members?q=zoe mulleorva&size=1&page=3")
                .then()
                .body("total", equalTo(1))
                .body("items", hasSize(0));
        // Wildcards in a query are only characters: "%%%%" matches nobody rather than everybody.
        as("sec-cht").get("/members?q=%25%25%25%25").then().statusCode(200).body("total", equalTo(0));
        // Combined with the other filters, within the caller's CLPs, and audited like any list.
        as("sec-cht")
                .get("/members?q=zoe&ageBand=UNDER_18")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(zoe)));
        as("sec-cht")
                .get("/members?q=zoe mullerova&ageBand=ADULT_27_PLUS&status=ACTIVE")
                .then()
                .statusCode(200)
                .body("items.id", contains(zoe))
                .body("total", equalTo(1));
        as("sec-cht")
                .get("/members?q=zoe mullerova&ageBand=YOUTH_18_TO_26")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
        as("sec-isn").get("/members?q=zoe mullerova").then().statusCode(200).body("total", equalTo(0));
        as("sec-isn").get("/members?clp=CHT&q=zoe").then().statusCode(403);
        as("dpo")
                .get("/audit/access?memberId=" + zoe)
                .then()
                .body("items.findAll { it.action == 'LIST' }.principal", hasItem("sec-cht"))
                .body("items.findAll { it.action == 'LIST' }.principal", not(hasItem("sec-isn")));
        as("sec-cht")
                .get("/members?q=" + "x".repeat(101))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("q"));
    }

    @Test
    void nearSpellingsComeFromNameWordsAndAnErasedMembersOwnWordsLeaveWithThem() throws Exception {
        String rare = member(
                "Ottoline",
                "Quennevais",
                "CHT-W1",
                false,
                false,
                52,
                null,
                "07700 900801",
                "oq@example.org",
                "GY1 1AA");
        String shared = member(
                "Ottoline", "Smithers", "CHT-W1", false, false, 47, null, "07700 900802", "os@example.org", "GY1 1AB");

        // A letter wrong or two swapped in a name: found through the name words members have.
        as("sec-cht")
                .get("/members?q=quenevais")
                .then()
                .body("items.id", contains(rare))
                .body("total", equalTo(1));
        as("sec-cht").get("/members?q=ottolnie quennevais").then().body("items.id", contains(rare));
        // Spelt right, a word is matched as spelt: no near spellings mixed in.
        as("sec-cht").get("/members?q=smithers").then().body("items.id", contains(shared));
        // Found through a near spelling, the member whose words are closest to what was typed comes first, before
        // name order: "pelowvant" is 0.75 like "Pellowvant" and 0.6 like "Apellowvant", which sorts first by name.
        String closer = member(
                "Zed", "Pellowvant", "CHT-W1", false, false, 40, null, "07700 900803", "zp@example.org", "GY1 1AC");
        String further = member(
                "Abe", "Apellowvant", "CHT-W1", false, false, 41, null, "07700 900804", "aa@example.org", "GY1 1AD");
        as("sec-cht").get("/members?q=pelowvant").then().body("items.id", contains(closer, further));
        as("sec-cht").get("/members?q=pellowvant").then().body("items.id", contains(further, closer));
        assertThat(nameWords("quennevais", "ottoline", "smithers"), contains("ottoline", "quennevais", "smithers"));

        assertThat(searchEntries(rare), contains(startsWith("ottoline quennevais ")));
        as("dpo")
                .body(Map.of("reference", "DSAR-7"))
                .post("/members/" + rare + "/erasure")
                .then()
                .statusCode(200);
        // Nothing of them is left in search's own table.
        assertThat(searchEntries(rare), hasSize(0));
        // Their surname was theirs alone and goes; the first name another member has stays.
        assertThat(nameWords("quennevais", "ottoline", "smithers"), contains("ottoline", "smithers"));
        as("sec-cht").get("/members?q=quenevais").then().body("total", equalTo(0));
    }

    @Test
    void searchFindsPartsOfNamesWithTheirMarksAndOfEmailsWithinScopeAndFollowsAChangedName() {
        String number = Api.uniqueNumber();
        String sean = as("sec-cht")
                .body(memberBody(
                        number,
                        "Séan",
                        "O'Brien-Smythe",
                        "CHT-W1",
                        false,
                        false,
                        38,
                        null,
                        "07700 900851",
                        "quirkybadger7@example.org",
                        "GL50 1AA"))
                .post("/members")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertThat(searchEntries(sean), contains(startsWith("sean o'brien-smythe t")));

        // Part of a name word, as typed with its marks or without them, alone or with other words.
        as("sec-cht")
                .get("/members?q=brien")
                .then()
                .body("items.id", contains(sean))
                .body("total", equalTo(1));
        as("sec-cht")
                .get("/members?q=O'Brien")
                .then()
                .body("items.id", contains(sean))
                .body("total", equalTo(1));
        as("sec-cht")
                .get("/members?q=brien-smyth")
                .then()
                .body("items.id", contains(sean))
                .body("total", equalTo(1));
        as("sec-cht")
                .get("/members?q=SMYTHE séan")
                .then()
                .body("items.id", contains(sean))
                .body("total", equalTo(1));
        // A word that is in the email alone, not the name; a postcode without its space; part of the phone.
        as("sec-cht")
                .get("/members?q=badger")
                .then()
                .body("items.id", contains(sean))
                .body("total", equalTo(1));
        as("sec-cht").get("/members?q=quirkybadger7@example").then().body("items.id", contains(sean));
        as("sec-cht")
                .get("/members?q=gl501aa")
                .then()
                .body("items.id", contains(sean))
                .body("total", equalTo(1));
        as("sec-cht").get("/members?q=900851 smythe").then().body("items.id", contains(sean));
        // Within the caller's CLPs and the filter's.
        as("sec-isn").get("/members?q=smythe").then().statusCode(200).body("total", equalTo(0));
        as("sec-isn").get("/members?q=badger").then().statusCode(200).body("total", equalTo(0));
        as("sec-cht").get("/members?q=smythe&clp=CHT").then().body("items.id", contains(sean));
        as("organiser-national")
                .get("/members?q=smythe&clp=ISN")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
        as("organiser-national").get("/members?q=smythe").then().body("items.id", contains(sean));

        // A changed name: a word of the old one finds them no more.
        int version = as("sec-cht").get("/members/" + sean).then().extract().path("version");
        as("sec-cht")
                .header("If-Match", String.valueOf(version))
                .body(memberBody(
                        number,
                        "Séan",
                        "Quarrington",
                        "CHT-W1",
                        false,
                        false,
                        38,
                        null,
                        "07700 900851",
                        "quirkybadger7@example.org",
                        "GL50 1AA"))
                .put("/members/" + sean)
                .then()
                .statusCode(200);
        assertThat(searchEntries(sean), contains(startsWith("sean quarrington t")));
        as("sec-cht").get("/members?q=smythe").then().body("total", equalTo(0));
        as("sec-cht")
                .get("/members?q=quarring")
                .then()
                .body("items.id", contains(sean))
                .body("total", equalTo(1));

        as("dpo")
                .body(Map.of("reference", "DSAR-9"))
                .post("/members/" + sean + "/erasure")
                .then()
                .statusCode(200);
        assertThat(searchEntries(sean), hasSize(0));
        as("sec-cht").get("/members?q=badger").then().body("total", equalTo(0));
    }

    /** The search text search's own table holds for a member (name first, folded); none once erased. */
    private static List<String> searchEntries(String memberId) {
        return Postgres.column("members_test", "select search_text from member_search where id = ?::uuid", memberId)
                .stream()
                .map(String::valueOf)
                .toList();
    }

    /** Which of these words search's dictionary of name words holds, in order. */
    private List<String> nameWords(String... words) throws SQLException {
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement("select word from search_word where word = any(?) order by word")) {
            s.setArray(1, c.createArrayOf("text", words));
            var rows = s.executeQuery();
            List<String> found = new ArrayList<>();
            while (rows.next()) {
                found.add(rows.getString(1));
            }
            return found;
        }
    }

    @Test
    void aCallListRespectsConsentReachesMinorsThroughTheirGuardianAndLogsEachOutcome() {
        String adult =
                member("Ada", "Phonebank", WARD, true, false, 40, null, "07700 900111", "ada@example.org", "SE24 0AA");
        member("Bea", "Nophone", WARD, false, true, 52, null, "07700 900222", "bea@example.org", "SE24 0AB");
        String minor = member(
                "Cal",
                "Young",
                WARD,
                true,
                false,
                15,
                Map.of(
                        "name",
                        "Pat Young",
                        "phone",
                        "07700 900999",
                        "email",
                        "pat@example.org",
                        "consentGivenOn",
                        LocalDate.now().minusDays(5).toString()),
                "07700 900333",
                "cal@example.org",
                "SE24 0AC");
        String risky = member(
                "=HYPERLINK(\"http://x.example\",\"x\")",
                "Formula",
                WARD,
                true,
                false,
                33,
                null,
                "+44 7700 900444",
                "f@example.org",
                "SE24 0AD");

        String list = as("sec-cht")
                .body(Map.of(
                        "name",
                        "Herne Hill, not contacted 30 days",
                        "channel",
                        "PHONE",
                        "assignedTo",
                        "organiser-national",
                        "filter",
                        Map.of("clp", "CHT", "ward", WARD, "notContactedForDays", 30)))
                .post("/call-lists")
                .then()
                .statusCode(201)
                .body("total", equalTo(3))
                .body("done", equalTo(0))
                .body("assignedTo", equalTo("organiser-national"))
                .body("filter.ward", equalTo(WARD))
                .extract()
                .path("id");

        as("sec-cht")
                .get("/call-lists/" + list + "/entries")
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("items.memberId", containsInAnyOrder(adult, minor, risky))
                .body("items.find { it.memberId == '" + adult + "' }.contactVia", equalTo("MEMBER"))
                .body("items.find { it.memberId == '" + adult + "' }.phone", equalTo("07700 900111"))
                .body("items.find { it.memberId == '" + minor + "' }.contactVia", equalTo("GUARDIAN"))
                .body("items.find { it.memberId == '" + minor + "' }.contactName", equalTo("Pat Young"))
                .body("items.find { it.memberId == '" + minor + "' }.phone", equalTo("07700 900999"))
                .body(not(containsString("07700 900333")))
                .body("items.email", contains(nullValue(), nullValue(), nullValue()));

        // Outcomes become contact log entries; progress is counted.
        as("organiser-national")
                .body(Map.of("outcome", "REACHED", "note", "Happy to deliver leaflets"))
                .post("/call-lists/" + list + "/entries/" + adult + "/outcome")
                .then()
                .statusCode(200)
                .body("outcome", equalTo("REACHED"))
                .body("outcomeBy", equalTo("organiser-national"));
        as("sec-cht")
                .body(Map.of("outcome", "WANTS_TO_GET_INVOLVED"))
                .post("/call-lists/" + list + "/entries/" + minor + "/outcome")
                .then()
                .statusCode(200);
        as("sec-cht")
                .get("/members/" + adult + "/contacts")
                .then()
                .body("items.kind", contains("CALLED"))
                .body("items.notes", contains("Happy to deliver leaflets"));
        as("sec-cht")
                .get("/members/" + minor + "/contacts")
                .then()
                .body("items.kind", contains("WANTS_TO_GET_INVOLVED", "CALLED"));
        as("sec-cht").get("/call-lists/" + list).then().body("done", equalTo(2)).body("total", equalTo(3));
        as("sec-cht")
                .get("/call-lists/" + list + "/entries?remaining=true")
                .then()
                .body("items.memberId", contains(risky));
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        TopicProbe.Received progress = TopicProbe.awaitRecord(
                bootstrap,
                "member-events",
                r -> list.equals(r.key())
                        && r.value().path("payload").path("done").asInt() == 2,
                Duration.ofSeconds(20));
        assertThat(progress.value().path("type").asText(), equalTo("call-list.progressed"));
        assertThat(progress.value().path("payload").path("total").asInt(), equalTo(3));
        assertThat(progress.value().toString(), not(containsString("Herne Hill")));

        // Export: Excel-ready CSV, the guardian's number for the minor, formulas neutralised, audited, in scope only.
        String csv = as("sec-cht")
                .get("/call-lists/" + list + "/export")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .extract()
                .asString();
        assertThat(csv, startsWith("\uFEFFmembership_number,member_name"));
        assertThat(csv, containsString("GUARDIAN,Pat Young,07700 900999"));
        assertThat(csv, not(containsString("07700 900333")));
        assertThat(csv, containsString("\"'=HYPERLINK("));
        assertThat(csv, containsString(",'+44 7700 900444,"));
        as("sec-cht")
                .get("/call-lists/" + list + "/export?format=json")
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("items.size()", equalTo(3));
        as("sec-isn").get("/call-lists/" + list + "/export").then().statusCode(404);
        as("dpo")
                .get("/audit/access?memberId=" + minor)
                .then()
                .body("items.findAll { it.action == 'EXPORT' }.principal", hasItem("sec-cht"));

        // "Do not contact" is respected everywhere: consents withdrawn, off this list, never on a new one.
        as("sec-cht")
                .body(Map.of("outcome", "DO_NOT_CONTACT"))
                .post("/call-lists/" + list + "/entries/" + risky + "/outcome")
                .then()
                .statusCode(200);
        as("sec-cht")
                .get("/members/" + risky)
                .then()
                .body("consents.phone", equalTo(false))
                .body("consents.email", equalTo(false));
        as("sec-cht").get("/call-lists/" + list + "/entries").then().body("items.memberId", not(hasItem(risky)));
        as("sec-cht")
                .body(Map.of(
                        "name", "Herne Hill email", "channel", "EMAIL", "filter", Map.of("clp", "CHT", "ward", WARD)))
                .post("/call-lists")
                .then()
                .statusCode(201)
                .body("total", equalTo(1));
        as("sec-cht")
                .get("/call-lists?clp=CHT")
                .then()
                .statusCode(200)
                .body("items.name", hasItems("Herne Hill, not contacted 30 days", "Herne Hill email"));
    }

    @Test
    void aCallListFromASearchHoldsTheMatchesOfItsOwnClpOnly() {
        String here = member(
                "Quentin", "Zebedee-Hall", WARD, true, false, 52, null, "07700 900601", "qz@example.org", "SE24 0QZ");
        member("Quentin", "Abbott", WARD, true, false, 47, null, "07700 900602", "qa@example.org", "SE24 0QA");
        Map<String, Object> elsewhere = Api.adult(Api.uniqueNumber(), "ISN");
        elsewhere.putAll(Map.of(
                "firstName",
                "Quentin",
                "lastName",
                "Zebedee",
                "phone",
                "07700 900603",
                "consents",
                Map.of("email", false, "phone", true, "sms", false)));
        as("sec-isn").body(elsewhere).post("/members").then().statusCode(201);

        // The same words nationally find both Zebedees; the list for one CLP holds that CLP's alone.
        as("organiser-national").get("/members?q=zebedee quentin").then().body("total", equalTo(2));
        String list = as("organiser-national")
                .body(Map.of(
                        "name",
                        "Zebedees to call",
                        "channel",
                        "PHONE",
                        "filter",
                        Map.of("clp", "CHT", "q", "zebedee quentin")))
                .post("/call-lists")
                .then()
                .statusCode(201)
                .body("total", equalTo(1))
                .extract()
                .path("id");
        as("organiser-national")
                .get("/call-lists/" + list + "/entries")
                .then()
                .statusCode(200)
                .body("items.memberId", contains(here))
                .body("items.phone", contains("07700 900601"));
    }

    @Test
    void badCallListsAreRefusedNamingTheField() {
        Map<String, Object> good =
                Map.of("name", "Bad input " + UUID.randomUUID(), "channel", "PHONE", "filter", Map.of("clp", "CHT"));
        Map<String, Object> noName = new HashMap<>(good);
        noName.remove("name");
        as("sec-cht")
                .body(noName)
                .post("/call-lists")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("name"));
        Map<String, Object> fax = new HashMap<>(good);
        fax.put("channel", "FAX");
        as("sec-cht").body(fax).post("/call-lists").then().statusCode(400).body("errors[0].field", equalTo("channel"));
        Map<String, Object> noClp = new HashMap<>(good);
        noClp.put("filter", Map.of("ward", WARD));
        as("sec-cht")
                .body(noClp)
                .post("/call-lists")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("filter.clp"));
        Map<String, Object> negative = new HashMap<>(good);
        negative.put("filter", Map.of("clp", "CHT", "notContactedForDays", -1));
        as("sec-cht")
                .body(negative)
                .post("/call-lists")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("filter.notContactedForDays"));
        as("sec-cht").body(good).post("/call-lists").then().statusCode(201);
        as("sec-cht").body(good).post("/call-lists").then().statusCode(409).body("errors[0].field", equalTo("name"));
        Map<String, Object> elsewhere = new HashMap<>(good);
        elsewhere.put("filter", Map.of("clp", "ISN"));
        as("sec-cht").body(elsewhere).post("/call-lists").then().statusCode(403);
        String id = as("sec-cht").get("/call-lists?clp=CHT").then().extract().path("items[0].id");
        as("sec-cht")
                .get("/call-lists/" + id + "/export?format=xml")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("format"));
        as("sec-cht")
                .get("/call-lists/" + id + "/entries?remaining=maybe")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("remaining"));
        as("sec-cht")
                .body(Map.of("outcome", "SHOUTED"))
                .post("/call-lists/" + id + "/entries/" + UUID.randomUUID() + "/outcome")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("outcome"));
        as("sec-cht")
                .body(Map.of("outcome", "REACHED"))
                .post("/call-lists/" + id + "/entries/" + UUID.randomUUID() + "/outcome")
                .then()
                .statusCode(404);
        as("sec-cht").get("/call-lists/not-an-id").then().statusCode(400).body("errors[0].field", equalTo("id"));
    }
}
