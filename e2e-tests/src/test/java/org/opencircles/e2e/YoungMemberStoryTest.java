package org.opencircles.e2e;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencircles.testkit.KafkaBroker;
import org.opencircles.testkit.TopicProbe;

/**
 * One story across all three services and their topics: a 15-year-old joins in members-service, appears in actions'
 * and mentoring's projections, is enrolled as a mentee, cannot be paired with an unchecked mentor, can be with a
 * checked one, and when the pairing is not started in time a follow-up reaches the youth officer.
 */
class YoungMemberStoryTest {

    private static RunningSystem system;

    @BeforeAll
    static void start() throws Exception {
        // No morning digest in the story: the youth officer's only email is the one sent at once.
        system = RunningSystem.start(Map.of(
                "OPEN_CIRCLES_FOLLOW_UPS_MENTEE_WAIT_LIMIT", "PT4S",
                "OPEN_CIRCLES_FOLLOW_UPS_CHECK_INTERVAL", "0.2s",
                "OPEN_CIRCLES_NOTIFIER_DIGEST_CHECK_INTERVAL", "off"));
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
        KafkaBroker.stop();
    }

    private static RequestSpecification as(String service, String user) {
        return system.as(service, user);
    }

    /** Polls until true and returns the milliseconds it took, failing after {@code timeout}. */
    private static long millisUntil(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - start > timeout.toNanos()) {
                throw new AssertionError("Not seen within " + timeout);
            }
            Thread.sleep(10);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static String member(String number, int age, boolean guardian) {
        LocalDate born = LocalDate.now().minusYears(age).minusDays(40);
        Map<String, Object> body = new HashMap<>(Map.of(
                "membershipNumber",
                number,
                "firstName",
                "Sam",
                "lastName",
                "Story",
                "email",
                number.toLowerCase() + "@example.org",
                "dateOfBirth",
                born.toString(),
                "clpCode",
                "DWN",
                "wardCode",
                "DWN-HERNE-HILL",
                "interests",
                List.of("youth mentoring")));
        if (guardian) {
            body.put(
                    "guardian",
                    Map.of(
                            "name",
                            "Alex Parent",
                            "email",
                            "parent@example.org",
                            "consentGivenOn",
                            LocalDate.now().toString()));
        }
        return as("members", "sec-dwn")
                .body(body)
                .post("/members")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void anOrganiserSignsInToTheirPageThroughKeycloakWithPkceAndSignsOut() throws Exception {
        String page = system.url("actions") + "/organiser";
        try (Playwright playwright = Playwright.create(
                        new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser browser = playwright
                        .chromium()
                        .launch(new BrowserType.LaunchOptions()
                                .setHeadless(true)
                                .setArgs(List.of("--no-sandbox"))
                                .setExecutablePath(
                                        Path.of(System.getenv().getOrDefault("OC_CHROMIUM", "/usr/bin/chromium"))))) {
            Page tab = browser.newPage();
            tab.navigate(page);
            // Keycloak's own sign-in form, reached through the authorization code flow with PKCE.
            assertThat(tab.url(), containsString("/realms/open-circles/protocol/openid-connect/auth"));
            assertThat(tab.url(), containsString("code_challenge_method=S256"));
            tab.fill("#username", "organiser-london");
            tab.fill("#password", system.keycloak.password("organiser-london"));
            tab.click("#kc-login");
            tab.waitForURL(url -> url.startsWith(page));
            assertThat(tab.locator("h1").textContent(), equalTo("DWN"));
            assertThat(tab.locator(".who").textContent(), containsString("organiser-london"));
            assertThat(tab.locator("#clp option").allTextContents(), equalTo(List.of("DWN", "ISN")));
            // The token lives in an HttpOnly cookie that the page's scripts cannot read.
            assertThat(tab.evaluate("() => document.cookie").toString(), not(containsString("oc_session")));
            Path shots =
                    Path.of(System.getProperty("opencircles.repo.root", "..")).resolve("e2e-tests/target/screenshots");
            Files.createDirectories(shots);
            tab.screenshot(new Page.ScreenshotOptions()
                    .setPath(shots.resolve("signed-in-through-keycloak.png"))
                    .setFullPage(true));

            // Signing out ends Keycloak's session too: the page asks for the password again.
            tab.click("text=Sign out");
            tab.waitForURL(url -> url.contains("/protocol/openid-connect/"));
            if (tab.locator("#kc-logout").count() > 0) {
                // Keycloak asks to confirm a sign-out that carries no ID token hint.
                tab.click("#kc-logout");
            }
            tab.waitForURL(url -> url.contains("/protocol/openid-connect/auth"));
            assertThat(tab.locator("#username").isVisible(), equalTo(true));
        }
    }

    @Test
    void staffSignInThroughKeycloakAndTheirTokensScopeWhatTheySee() throws Exception {
        assertThat("a shared demo password is refused", system.keycloak.statusForWrongPassword("dpo"), equalTo(401));
        as("members", "sec-dwn").get("/audit/erasures").then().statusCode(403);
        as("members", "dpo").get("/audit/erasures").then().statusCode(200);
        as("actions", "notifier").get("/follow-ups").then().statusCode(200);
        as("actions", "notifier")
                .body("{}")
                .post("/follow-ups/" + UUID.randomUUID() + "/done")
                .then()
                .statusCode(403);
        RestAssured.given().baseUri(system.url("members")).get("/clps").then().statusCode(401);
    }

    @Test
    void aFifteenYearOldFindsASafeMentorOrIsFollowedUp() throws Exception {
        system.createDulwichAndWestNorwood();
        // The admin subscribes the youth officer to email about Dulwich and West Norwood.
        as("notifier", "admin")
                .body(Map.of(
                        "recipient",
                        "youth-officer@staff.open-circles.example",
                        "displayName",
                        "Youth officer",
                        "role",
                        "youth-officer",
                        "clpCodes",
                        List.of("DWN")))
                .post("/subscriptions")
                .then()
                .statusCode(201);

        // 1. A 15-year-old joins, with a parent's consent.
        String young = member("L1500015", 15, true);

        // 2. ...and appears in both projections. Latency is measured from the 201 to visibility.
        long toActions = millisUntil(
                () -> as("actions", "organiser-london")
                                .get("/dashboard/DWN")
                                .then()
                                .extract()
                                .<Integer>path("activeMembers")
                        >= 1,
                Duration.ofSeconds(30));
        Map<String, Object> enrol = Map.of("memberId", young, "goals", List.of("CAMPAIGNING", "ORGANISING"));
        long toMentoring = millisUntil(
                () -> as("mentoring", "youth-officer")
                                .body(enrol)
                                .post("/mentees")
                                .then()
                                .extract()
                                .statusCode()
                        == 201,
                Duration.ofSeconds(30));
        String mentee = as("mentoring", "youth-officer")
                .get("/mentees?status=WAITING&size=200")
                .then()
                .statusCode(200)
                .extract()
                .path("items.find { it.memberId == '" + young + "' }.id");
        as("mentoring", "youth-officer").get("/mentees/" + mentee).then().body("minorToday", equalTo(true));

        // 3. An adult with no safeguarding check volunteers: the pairing is refused.
        String uncheckedMember = member("L4000040", 40, false);
        Map<String, Object> unchecked = Map.of(
                "memberId",
                uncheckedMember,
                "skills",
                List.of("CAMPAIGNING"),
                "capacity",
                2,
                "check",
                Map.of("level", "NONE"));
        millisUntil(
                () -> as("mentoring", "youth-officer")
                                .body(unchecked)
                                .post("/mentors")
                                .then()
                                .extract()
                                .statusCode()
                        == 201,
                Duration.ofSeconds(30));
        String uncheckedMentor = as("mentoring", "youth-officer")
                .get("/mentors?size=200")
                .then()
                .extract()
                .path("items.find { it.memberId == '" + uncheckedMember + "' }.id");
        as("mentoring", "youth-officer")
                .body(Map.of("mentorId", uncheckedMentor, "menteeId", mentee))
                .post("/pairings")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("mentor.safeguardingCheck", "mentor.trainingCompletedOn"));

        // 4. A mentor with an Enhanced DBS check (barred list) and training: the pairing is allowed.
        String checkedMember = member("L3000030", 30, false);
        Map<String, Object> checked = Map.of(
                "memberId",
                checkedMember,
                "skills",
                List.of("CAMPAIGNING", "ORGANISING"),
                "capacity",
                2,
                "trainingCompletedOn",
                LocalDate.now().minusMonths(1).toString(),
                "check",
                Map.of(
                        "level",
                        "ENHANCED_WITH_BARRED_LIST",
                        "reference",
                        "001122334455",
                        "issuedOn",
                        LocalDate.now().minusMonths(3).toString(),
                        "expiresOn",
                        LocalDate.now().plusYears(3).toString()));
        millisUntil(
                () -> as("mentoring", "youth-officer")
                                .body(checked)
                                .post("/mentors")
                                .then()
                                .extract()
                                .statusCode()
                        == 201,
                Duration.ofSeconds(30));
        String checkedMentor = as("mentoring", "youth-officer")
                .get("/mentors?size=200")
                .then()
                .extract()
                .path("items.find { it.memberId == '" + checkedMember + "' }.id");
        as("mentoring", "youth-officer")
                .get("/mentees/" + mentee + "/suggestions")
                .then()
                .body("items.mentorId", hasItem(checkedMentor))
                .body("items.mentorId", hasSize(1));
        // The youth officer's reads of the mentor's record in mentoring reach the DPO's one audit, in members.
        millisUntil(
                () -> as("members", "dpo")
                        .get("/audit/access?memberId=" + checkedMember)
                        .then()
                        .extract()
                        .<List<String>>path("items.service")
                        .contains("mentoring-service"),
                Duration.ofSeconds(20));
        as("members", "dpo")
                .get("/audit/access?memberId=" + checkedMember)
                .then()
                .body("items.find { it.service == 'mentoring-service' }.principal", equalTo("youth-officer"));
        String pairing = as("mentoring", "youth-officer")
                .body(Map.of("mentorId", checkedMentor, "menteeId", mentee))
                .post("/pairings")
                .then()
                .statusCode(201)
                .body("status", equalTo("PROPOSED"))
                .extract()
                .path("id");

        // 5. Nobody starts the pairing and the mentee waits too long: the youth officer gets one follow-up.
        long toFollowUp = millisUntil(
                () -> as("actions", "youth-officer")
                                .get("/follow-ups?reason=MENTEE_WAITING&subjectId=" + mentee)
                                .then()
                                .extract()
                                .<List<?>>path("items")
                                .size()
                        == 1,
                Duration.ofSeconds(30));
        as("actions", "youth-officer")
                .get("/follow-ups?subjectId=" + mentee)
                .then()
                .body("items[0].assigneeRole", equalTo("youth-officer"))
                .body("items[0].clpCode", equalTo("DWN"));
        TopicProbe.Received due = TopicProbe.awaitRecord(
                system.bootstrap,
                "follow-ups",
                r -> mentee.equals(r.value().path("payload").path("subjectId").asText()),
                Duration.ofSeconds(20));
        assertThat(due.value().path("type").asText(), equalTo("follow-up.due"));
        assertThat(due.value().path("payload").path("reason").asText(), equalTo("MENTEE_WAITING"));
        // ...and is emailed at once, through the notifier and a real SMTP server, exactly once.
        long toEmail = millisUntil(() -> system.mail.getReceivedMessages().length >= 1, Duration.ofSeconds(30));
        MimeMessage email = system.mail.getReceivedMessages()[0];
        assertThat(email.getAllRecipients()[0].toString(), equalTo("youth-officer@staff.open-circles.example"));
        assertThat(
                email.getSubject(),
                equalTo("[Open Circles] Safeguarding, DWN: A young member has waited too long for a mentor"));
        // The server holds the message a moment before the notifier hears its 250 and records the email SENT (a CI
        // run read SENDING in between).
        millisUntil(
                () -> "SENT"
                        .equals(as("notifier", "admin")
                                .get("/emails?kind=IMMEDIATE")
                                .then()
                                .extract()
                                .path("items[0].status")),
                Duration.ofSeconds(10));
        as("notifier", "admin")
                .get("/emails?kind=IMMEDIATE")
                .then()
                .body("total", equalTo(1))
                .body("items[0].status", equalTo("SENT"));
        as("actions", "youth-officer")
                .get("/dashboard/DWN")
                .then()
                .body("menteesWaiting", equalTo(1))
                .body("story", hasItem(containsString("waiting for a mentor")));

        // 6. The pairing starts: the follow-up is resolved and the dashboard shows an active pairing.
        as("mentoring", "youth-officer")
                .body("{}")
                .post("/pairings/" + pairing + "/activate")
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"));
        long pairingToActions = millisUntil(
                () -> as("actions", "organiser-london")
                                .get("/dashboard/DWN")
                                .then()
                                .extract()
                                .<Integer>path("pairingsActive")
                        == 1,
                Duration.ofSeconds(30));
        as("actions", "youth-officer")
                .get("/follow-ups?status=RESOLVED&subjectId=" + mentee)
                .then()
                .body("items.note", hasItem("paired with a mentor"));
        TopicProbe.awaitRecord(
                system.bootstrap,
                "follow-ups",
                r -> "follow-up.closed".equals(r.value().path("type").asText())
                        && mentee.equals(
                                r.value().path("payload").path("subjectId").asText()),
                Duration.ofSeconds(20));

        // Warm propagation: with consumers assigned, how long from a member's 201 to actions counting them.
        List<Long> warm = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            int expected = 3 + i;
            member(String.format("L90000%02d", i), 35, false);
            warm.add(millisUntil(
                    () -> as("actions", "organiser-london")
                                    .get("/dashboard/DWN")
                                    .then()
                                    .extract()
                                    .<Integer>path("activeMembers")
                            == expected,
                    Duration.ofSeconds(30)));
        }
        Collections.sort(warm);
        String report = String.format(
                "cold (first event after start): members->actions %d ms, members->mentoring %d ms;"
                        + " warm members->actions median %d ms, max %d ms over %d members; mentoring->actions %d ms;"
                        + " mentee follow-up visible %d ms after the 4000 ms wait limit%n",
                toActions,
                toMentoring,
                warm.get(warm.size() / 2),
                warm.get(warm.size() - 1),
                warm.size(),
                pairingToActions,
                toFollowUp);
        report = report.stripTrailing()
                + String.format(
                        "; safeguarding email in the inbox %d ms after the follow-up"
                                + " was visible; Keycloak ready in %d ms%n",
                        toEmail, system.keycloak.startMillis());
        System.out.print("PROPAGATION " + report);
        Path out =
                Path.of(System.getProperty("opencircles.repo.root", "..")).resolve("e2e-tests/target/propagation.txt");
        Files.writeString(out, report);
        assertThat("a member reaches actions within 5 s", warm.get(warm.size() - 1) < 5_000, equalTo(true));
        assertThat("a member reaches mentoring within 5 s", toMentoring < 5_000, equalTo(true));

        // 7. At a session the mentor says something worries them: the pairing is suspended in both services at once.
        String concern = as("mentoring", "youth-officer")
                .body(Map.of(
                        "heldOn",
                        LocalDate.now().toString(),
                        "minutes",
                        40,
                        "mode",
                        "VIDEO",
                        "supervised",
                        true,
                        "concern",
                        Map.of(
                                "category",
                                "ONLINE_HARM",
                                "account",
                                "The mentee showed messages from an adult asking to meet alone")))
                .post("/pairings/" + pairing + "/sessions")
                .then()
                .statusCode(201)
                .extract()
                .path("concernId");
        as("mentoring", "youth-officer").get("/pairings/" + pairing).then().body("status", equalTo("SUSPENDED"));
        millisUntil(
                () -> as("actions", "organiser-london")
                                .get("/dashboard/DWN")
                                .then()
                                .extract()
                                .<Integer>path("pairingsSuspended")
                        == 1,
                Duration.ofSeconds(30));
        as("actions", "organiser-london")
                .get("/dashboard/DWN")
                .then()
                .body("pairingsActive", equalTo(0))
                .body("story", hasItem(containsString("suspended while a safeguarding concern")));
        // The designated safeguarding lead's follow-up arrives on the topic, ids and codes only.
        TopicProbe.Received dslDue = TopicProbe.awaitRecord(
                system.bootstrap,
                "follow-ups",
                r -> "follow-up.due".equals(r.value().path("type").asText())
                        && concern.equals(
                                r.value().path("payload").path("subjectId").asText()),
                Duration.ofSeconds(30));
        assertThat(dslDue.value().path("payload").path("reason").asText(), equalTo("SAFEGUARDING_CONCERN_RAISED"));
        assertThat(dslDue.value().path("payload").path("assigneeRole").asText(), equalTo("safeguarding-lead"));
        assertThat(dslDue.value().toString(), not(containsString("asking to meet")));
        as("actions", "dsl-london")
                .get("/follow-ups?reason=SAFEGUARDING_CONCERN_RAISED")
                .then()
                .body("items.subjectId", hasItem(concern));
        as("actions", "sec-dwn").get("/follow-ups").then().body("items.subjectId", not(hasItem(concern)));
        as("mentoring", "sec-dwn").get("/concerns/" + concern).then().statusCode(403);

        // 8. The lead reads it, refers it to the local authority designated officer and ends the pairing.
        as("mentoring", "dsl-london")
                .get("/concerns/" + concern)
                .then()
                .statusCode(200)
                .body("account", containsString("asking to meet alone"));
        as("mentoring", "dsl-london")
                .body(Map.of(
                        "outcome",
                        "REFERRED_TO_LADO",
                        "pairings",
                        "END",
                        "note",
                        "Referred to the LADO; police informed by the LADO"))
                .post("/concerns/" + concern + "/outcome")
                .then()
                .statusCode(200)
                .body("status", equalTo("CLOSED"));
        as("mentoring", "youth-officer")
                .get("/pairings/" + pairing)
                .then()
                .body("status", equalTo("ENDED"))
                .body("endReason", equalTo("SAFEGUARDING_CONCERN"));
        TopicProbe.awaitRecord(
                system.bootstrap,
                "follow-ups",
                r -> "follow-up.closed".equals(r.value().path("type").asText())
                        && concern.equals(
                                r.value().path("payload").path("subjectId").asText()),
                Duration.ofSeconds(30));
        millisUntil(
                () -> as("actions", "organiser-london")
                                .get("/dashboard/DWN")
                                .then()
                                .extract()
                                .<Integer>path("pairingsSuspended")
                        == 0,
                Duration.ofSeconds(30));

        // 9. The secretary finds a new member by name and works a call list: the call closes her follow-up.
        String zoe = as("members", "sec-dwn")
                .body(Map.of(
                        "membershipNumber",
                        "L9100001",
                        "firstName",
                        "Zoë",
                        "lastName",
                        "Müller",
                        "email",
                        "zoe@example.org",
                        "phone",
                        "07700 900555",
                        "dateOfBirth",
                        "1990-02-14",
                        "clpCode",
                        "DWN",
                        "wardCode",
                        "DWN-HERNE-HILL",
                        "consents",
                        Map.of("email", true, "phone", true, "sms", false)))
                .post("/members")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("members", "sec-dwn").get("/members?q=zoe muller").then().body("items[0].id", equalTo(zoe));
        String list = as("members", "sec-dwn")
                .body(Map.of(
                        "name",
                        "Herne Hill, not contacted 30 days",
                        "channel",
                        "PHONE",
                        "filter",
                        Map.of("clp", "DWN", "ward", "DWN-HERNE-HILL", "notContactedForDays", 30)))
                .post("/call-lists")
                .then()
                .statusCode(201)
                .body("total", equalTo(1))
                .extract()
                .path("id");
        millisUntil(
                () -> as("actions", "organiser-london")
                                .get("/dashboard/DWN")
                                .then()
                                .extract()
                                .<Integer>path("callListsOpen")
                        == 1,
                Duration.ofSeconds(30));
        as("actions", "organiser-london")
                .get("/dashboard/DWN")
                .then()
                .body("story", hasItem(containsString("call list(s) being worked: 0 of 1 members done")));
        as("members", "sec-dwn")
                .body(Map.of("outcome", "REACHED", "note", "Coming to the ward meeting"))
                .post("/call-lists/" + list + "/entries/" + zoe + "/outcome")
                .then()
                .statusCode(200);
        millisUntil(
                () -> as("actions", "sec-dwn")
                        .get("/follow-ups?status=RESOLVED&subjectId=" + zoe)
                        .then()
                        .extract()
                        .<List<String>>path("items.reason")
                        .contains("NEW_MEMBER_NOT_CONTACTED"),
                Duration.ofSeconds(30));
        millisUntil(
                () -> as("actions", "organiser-london")
                                .get("/dashboard/DWN")
                                .then()
                                .extract()
                                .<Integer>path("callListsOpen")
                        == 0,
                Duration.ofSeconds(30));
    }
}
