package org.opencircles.actions;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.opencircles.testkit.Staff.as;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.WaitForSelectorState;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencircles.actions.rest.SignInResource;
import org.opencircles.testkit.Tokens;

/**
 * The organiser's page in a real browser (the system's Chromium driven by Playwright): the story, the charts, the
 * follow-ups list and marking one done, on a desk and a phone, and nothing of a CLP the person has no role for.
 */
@QuarkusTest
class OrganiserPageTest {

    private static Playwright playwright;
    private static Browser browser;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void launch() {
        // Debian's Chromium; Playwright downloads no browser of its own.
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Paths.get(System.getenv().getOrDefault("OC_CHROMIUM", "/usr/bin/chromium")))
                        .setArgs(List.of("--no-sandbox"))
                        .setHeadless(true));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    /** A browser signed in as {@code person}: their session cookie holds a token for them, as after sign-in. */
    private BrowserContext signedIn(String person, int width, int height) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height));
        context.addCookies(List.of(new Cookie("oc_session", Tokens.of(person)).setUrl(base.toString())));
        return context;
    }

    private static void screenshot(Page page, String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(name)).setFullPage(true));
    }

    @Test
    void anOrganiserSeesTheStoryAndChartsAndMarksAFollowUpDoneWhichLeavesTheList() throws Exception {
        String clp = "PGA";
        UUID called = Upstream.memberJoined(clp);
        Upstream.memberJoined(clp);
        Upstream.memberJoined(clp);
        Upstream.contact(called, clp, "CALLED");
        UUID owner = called;
        Map<String, Object> fundraising = new HashMap<>(Map.of(
                "clpCode",
                clp,
                "kind",
                "FUNDRAISING",
                "title",
                "Quiz night",
                "madeAt",
                "Connecting to Win, Liverpool",
                "ownerMemberIds",
                List.of(owner),
                "dueOn",
                LocalDate.now().plusDays(60).toString(),
                "targetPence",
                100_000L));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> as("organiser-national")
                                .body(fundraising)
                                .post("/commitments")
                                .then()
                                .extract()
                                .statusCode()
                        == 201);
        // The two members nobody called get a follow-up each once the (test-short) wait is over.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> as("organiser-national")
                                .get("/follow-ups?clp=" + clp + "&reason=NEW_MEMBER_NOT_CONTACTED")
                                .then()
                                .extract()
                                .<List<?>>path("items")
                                .size()
                        == 2);

        try (BrowserContext context = signedIn("organiser-national", 1280, 900)) {
            Page page = context.newPage();
            Response response = page.navigate(base + "organiser?clp=" + clp);
            assertThat(response.status(), equalTo(200));
            assertThat(page.title(), equalTo(clp + ": organiser's page · Open Circles"));
            assertThat(page.locator("h1").textContent(), equalTo(clp));
            assertThat(page.locator(".who").textContent(), containsString("organiser-national"));
            assertThat(
                    page.locator(".story").textContent(),
                    containsString("3 joined in the last 30 days; 2 of them (67%) have not been contacted yet."));
            page.waitForFunction("() => window.ocCharts === 5");
            assertThat(page.locator("canvas").count(), equalTo(5));
            Locator weeks = page.locator("#chart-weeks")
                    .locator("xpath=ancestor::figure")
                    .locator("tbody tr")
                    .last();
            assertThat(weeks.locator("td").nth(0).textContent(), equalTo("3"));
            assertThat(weeks.locator("td").nth(1).textContent(), equalTo("1"));
            assertThat(
                    page.locator("#chart-money")
                            .locator("xpath=ancestor::figure")
                            .textContent(),
                    containsString("£1,000"));

            Locator items = page.locator("#follow-ups li");
            items.first().waitFor();
            assertThat(items.count(), equalTo(2));
            assertThat(items.first().textContent(), containsString("A new member has not been contacted yet"));
            screenshot(page, "organiser-page.png");

            String id = items.first().getAttribute("id").substring("fu-".length());
            items.first().locator("input[name=note]").fill("Called, coming to the ward meeting");
            items.first()
                    .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Done"))
                    .click();
            page.locator("#fu-" + id).waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));
            assertThat(items.count(), equalTo(1));
            assertThat(
                    page.locator("#announce").textContent(),
                    containsString("Marked done: A new member has not been contacted yet."));
            screenshot(page, "organiser-page-after-done.png");
            as("organiser-national")
                    .get("/follow-ups?status=DONE&clp=" + clp)
                    .then()
                    .statusCode(200)
                    .body("items[0].id", equalTo(id))
                    .body("items[0].closedBy", equalTo("organiser-national"))
                    .body("items[0].note", equalTo("Called, coming to the ward meeting"));

            // The same page on a phone: one column, nothing wider than the screen.
            Page phone = context.newPage();
            phone.setViewportSize(390, 844);
            phone.navigate(base + "organiser?clp=" + clp);
            phone.waitForFunction("() => window.ocCharts === 5");
            phone.locator("#follow-ups li").first().waitFor();
            assertThat(
                    ((Number) phone.evaluate("() => document.documentElement.scrollWidth")).intValue(),
                    lessThanOrEqualTo(390));
            screenshot(phone, "organiser-page-phone.png");
        }
    }

    @Test
    void aSecretaryOfAnotherClpCannotSeeDulwichAndWestNorwood() throws Exception {
        Upstream.memberJoined("DWN");
        try (BrowserContext context = signedIn("sec-isn", 1280, 900)) {
            Page page = context.newPage();
            Response refused = page.navigate(base + "organiser?clp=DWN");
            assertThat(refused.status(), equalTo(403));
            assertThat(page.locator(".refused").textContent(), equalTo("You are not a member of staff for CLP DWN."));
            assertThat(page.content(), not(containsString("The story")));
            screenshot(page, "organiser-page-refused.png");
            Response fragment = page.navigate(base + "organiser/follow-ups?clp=DWN");
            assertThat(fragment.status(), equalTo(403));

            // Their own page offers Islington North only.
            page.navigate(base + "organiser");
            assertThat(page.locator("h1").textContent(), equalTo("ISN"));
            assertThat(page.locator("#clp option").allTextContents(), equalTo(List.of("ISN")));
        }
    }

    @Test
    void withoutASessionThePageSignsInThroughTheIdentityProviderWithPkce() {
        RestAssured.given()
                .redirects()
                .follow(false)
                .get("/organiser?clp=DWN")
                .then()
                .statusCode(303)
                .header("Location", containsString("/organiser/sign-in?return=%2Forganiser%3Fclp%3DDWN"));
        io.restassured.response.Response start =
                RestAssured.given().redirects().follow(false).get("/organiser/sign-in?return=/organiser?clp=DWN");
        assertThat(start.statusCode(), equalTo(303));
        String location = start.header("Location");
        assertThat(
                location,
                startsWith(
                        "https://sign-in.test.open-circles.invalid/realms/open-circles/protocol/openid-connect/auth?"));
        assertThat(location, containsString("client_id=open-circles-web"));
        assertThat(location, containsString("code_challenge_method=S256"));
        assertThat(location, containsString("response_type=code"));
        assertThat(start.header("Set-Cookie"), containsString("HttpOnly"));
        // A callback that did not start here is refused.
        RestAssured.given()
                .redirects()
                .follow(false)
                .get("/organiser/callback?code=abc&state=forged")
                .then()
                .statusCode(403);
        // A form posted from elsewhere (no htmx header) cannot mark anything done with the session cookie.
        RestAssured.given()
                .cookie("oc_session", Tokens.of("organiser-national"))
                .formParam("note", "x")
                .post("/organiser/follow-ups/" + UUID.randomUUID() + "/done")
                .then()
                .statusCode(403);
        // Only a path on the page may be returned to after sign-in.
        assertThat(SignInResource.safeReturn("https://evil.example/"), equalTo("/organiser"));
        assertThat(SignInResource.safeReturn("//evil.example"), equalTo("/organiser"));
    }
}
