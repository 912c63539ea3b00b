package org.opencircles.actions;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.opencircles.testkit.Staff.as;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencircles.events.SafeguardingPayloads;

/** The figures are kept per CLP, yet every read reflects the last committed write, nationally and per CLP. */
@QuarkusTest
class DashboardResourceTest {

    @Inject
    EntityManager em;

    @Test
    void aClpTheNotifierSaysHasNoSafeguardingLeadSaysSoFirstUntilOneIsNamed() {
        String clp = "S" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Upstream.publish(new SafeguardingPayloads.CoverChanged(clp, false, "NATIONAL_LEAD"), clp);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> as("organiser-national")
                        .get("/dashboard/" + clp)
                        .then()
                        .extract()
                        .<List<String>>path("story")
                        .get(0)
                        .startsWith(clp + " has no safeguarding lead"));
        as("organiser-national")
                .get("/dashboard/" + clp)
                .then()
                .body("story[0]", containsString("they go to the national safeguarding lead instead"));

        Upstream.publish(new SafeguardingPayloads.CoverChanged(clp, true, null), clp);
        await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> as("organiser-national")
                                .get("/dashboard/" + clp)
                                .then()
                                .extract()
                                .<List<String>>path("story")
                                .stream()
                                .noneMatch(l -> l.contains("safeguarding lead")));
    }

    @Test
    void keptFiguresFollowEveryWriteAndAgreeNationally() {
        String clp = "T" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        as("organiser-national")
                .get("/dashboard/" + clp)
                .then()
                .statusCode(200)
                .body("activeMembers", equalTo(0))
                .body("story", hasItem(containsString("Nothing is waiting")));

        UUID owner = Upstream.memberJoined(clp, LocalDate.now().minusDays(3));
        Upstream.memberJoined(clp, LocalDate.now().minusDays(90));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> as("organiser-national")
                        .get("/dashboard/" + clp)
                        .then()
                        .extract()
                        .path("activeMembers")
                        .equals(2));
        as("organiser-national")
                .get("/dashboard/" + clp)
                .then()
                .body("joinedLast30Days", equalTo(1))
                .body("newMembersNotYetContacted", equalTo(1));

        Upstream.contact(owner, clp, "CALLED");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> as("organiser-national")
                        .get("/dashboard/" + clp)
                        .then()
                        .extract()
                        .path("newMembersNotYetContacted")
                        .equals(0));

        // A write through the API is in the very next read: no waiting for a refresh.
        String id = as("organiser-national")
                .body(Map.of(
                        "clpCode",
                        clp,
                        "kind",
                        "FUNDRAISING",
                        "title",
                        "Raise money for a local organiser",
                        "madeAt",
                        "Connecting to Win, Liverpool",
                        "ownerMemberIds",
                        List.of(owner),
                        "dueOn",
                        LocalDate.now().plusDays(30).toString(),
                        "targetPence",
                        1_000_000L))
                .post("/commitments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("organiser-national")
                .get("/dashboard/" + clp)
                .then()
                .body("commitmentsByStatus.COMMITTED", equalTo(1))
                .body("targetPence", equalTo(1_000_000));
        as("organiser-national")
                .body(Map.of("raisedPence", 400_000L))
                .post("/commitments/" + id + "/progress")
                .then()
                .statusCode(200);
        as("organiser-national")
                .get("/dashboard/" + clp)
                .then()
                .body("commitmentsByStatus.COMMITTED", equalTo(0))
                .body("commitmentsByStatus.IN_PROGRESS", equalTo(1))
                .body("raisedPence", equalTo(400_000));
        // The national list pages in code order: the CLP's page holds the same figures as its own dashboard.
        int before = ((Number) em.createNativeQuery("select count(*) from (select clp_code from clp_figures union "
                                + "select clp_code from clp_figures_stale) c where clp_code < :clp")
                        .setParameter("clp", clp)
                        .getSingleResult())
                .intValue();
        as("organiser-national")
                .get("/dashboard?size=50&page=" + before / 50)
                .then()
                .statusCode(200)
                .body("size", equalTo(50))
                .body("page", equalTo(before / 50))
                .body("items.clpCode", hasItem(clp))
                .body("items[" + before % 50 + "].clpCode", equalTo(clp))
                .body("items.find { it.clpCode == '" + clp + "' }.raisedPence", equalTo(400_000))
                .body("items.find { it.clpCode == '" + clp + "' }.activeMembers", equalTo(2));

        // Figures computed on an earlier day are recomputed: "the last 30 days" moves with the date.
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("update clp_figures set joined_last_30_days = 99, "
                                + "computed_on = computed_on - 1 where clp_code = :clp")
                        .setParameter("clp", clp)
                        .executeUpdate());
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("delete from clp_figures_stale where clp_code = :clp")
                        .setParameter("clp", clp)
                        .executeUpdate());
        as("organiser-national").get("/dashboard/" + clp).then().body("joinedLast30Days", equalTo(1));
    }
}
