package org.opencircles.members;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.opencircles.testkit.Staff.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ClpResourceTest {

    @Test
    void adminRegistersClpAndWardsThatSecretariesThenSee() {
        as("admin")
                .body(Map.of("code", "DWN", "name", "Dulwich and West Norwood", "region", "London"))
                .post("/clps")
                .then()
                .statusCode(201)
                .body("code", equalTo("DWN"))
                .body("region", equalTo("London"));
        as("admin")
                .body(Map.of("code", "DWN-HERNE-HILL", "name", "Herne Hill"))
                .post("/clps/DWN/wards")
                .then()
                .statusCode(201)
                .body("clpCode", equalTo("DWN"));

        as("sec-dwn")
                .get("/clps/DWN")
                .then()
                .statusCode(200)
                .body("name", equalTo("Dulwich and West Norwood"))
                .body("wards.code", hasItem("DWN-HERNE-HILL"));
        // Least privilege: Islington North's secretary does not even see that Dulwich exists.
        as("sec-isn").get("/clps/DWN").then().statusCode(404);
        as("sec-isn")
                .get("/clps")
                .then()
                .statusCode(200)
                .body("items.code", not(hasItem("DWN")))
                .body("items.code", hasItem("ISN"));
    }

    @Test
    void duplicateAndMalformedClpsAreRefusedWithProblemDetails() {
        as("admin")
                .body(Map.of("code", "CRN", "name", "Crewe and Nantwich", "region", "North West"))
                .post("/clps");
        as("admin")
                .body(Map.of("code", "CRN", "name", "Another", "region", "North West"))
                .post("/clps")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("code"));
        as("admin")
                .body(Map.of("code", "not valid!", "name", "", "region", "X"))
                .post("/clps")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem("code"))
                .body("errors.field", hasItem("name"));
    }

    @Test
    void secretariesCannotRegisterClps() {
        as("sec-dwn")
                .body(Map.of("code", "ZZZ", "name", "Nowhere", "region", "None"))
                .post("/clps")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        RestAssured.given().get("/clps").then().statusCode(401);
    }
}
