package org.opencircles.actions;

import static org.hamcrest.Matchers.equalTo;
import static org.opencircles.testkit.Staff.as;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Paths and bodies the database could not store are 400s naming where, never 500s (found by a bad-input sweep). */
@QuarkusTest
class BadInputTest {

    @Test
    void aNulInAPathOrQueryIsA400() {
        as("organiser-national")
                .urlEncodingEnabled(false)
                .get("/dashboard/%00")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("path"))
                .body("errors[0].reason", equalTo("must not contain a NUL character"));
        as("organiser-national")
                .urlEncodingEnabled(false)
                .get("/follow-ups?reason=%00")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"));
    }

    @Test
    void aNulOrBrokenCharacterInJsonIsA400NamingTheField() {
        as("sec-dwn")
                .body("{\"title\":\"Quiz\\u0000night\"}")
                .post("/commitments")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("title"))
                .body("errors[0].reason", equalTo("must not contain a NUL character"));
        as("sec-dwn")
                .body("{\"title\":\"Quiz \\ud83d night\"}")
                .post("/commitments")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("title"));
    }
}
