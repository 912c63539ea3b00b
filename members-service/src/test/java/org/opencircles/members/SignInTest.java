package org.opencircles.members;

import static org.hamcrest.Matchers.equalTo;
import static org.opencircles.testkit.Staff.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.security.KeyPairGenerator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencircles.testkit.Tokens;

/** The services accept only the identity provider's tokens: right signature, issuer, audience, and in date. */
@QuarkusTest
class SignInTest {

    private static String token(String issuer, String audience, long expiresInSeconds) throws Exception {
        return Jwt.issuer(issuer)
                .audience(audience)
                .subject("s")
                .claim("preferred_username", "sec-dwn")
                .claim("realm_access", Map.of("roles", List.of("secretary", "clp:DWN")))
                .expiresIn(expiresInSeconds)
                .sign(KeyUtils.readPrivateKey("opencircles-test/privateKey.pem"));
    }

    @Test
    void aValidTokenSignsIn() {
        as("sec-dwn").get("/clps").then().statusCode(200);
    }

    @Test
    void noTokenOrABasicPasswordIsRefused() {
        RestAssured.get("/clps").then().statusCode(401);
        RestAssured.given()
                .auth()
                .preemptive()
                .basic("sec-dwn", "demo")
                .get("/clps")
                .then()
                .statusCode(401);
    }

    @Test
    void aTokenFromAnotherIssuerForAnotherAudienceExpiredOrSignedByAnotherKeyIsRefused() throws Exception {
        RestAssured.given()
                .auth()
                .oauth2(Tokens.fromAnotherIssuer("sec-dwn"))
                .get("/clps")
                .then()
                .statusCode(401);
        RestAssured.given()
                .auth()
                .oauth2(token(Tokens.ISSUER, "another-api", 300))
                .get("/clps")
                .then()
                .statusCode(401);
        RestAssured.given()
                .auth()
                .oauth2(token(Tokens.ISSUER, Tokens.AUDIENCE, -600))
                .get("/clps")
                .then()
                .statusCode(401);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = Jwt.issuer(Tokens.ISSUER)
                .audience(Tokens.AUDIENCE)
                .subject("s")
                .claim("preferred_username", "dpo")
                .claim("realm_access", Map.of("roles", List.of("data-protection", "clp:*")))
                .expiresIn(300)
                .sign(generator.generateKeyPair().getPrivate());
        RestAssured.given().auth().oauth2(forged).get("/audit/erasures").then().statusCode(401);
    }

    @Test
    void theTokensRolesAndScopesDecide() {
        // Same token shape, only the roles differ: a secretary is no DPO.
        as("sec-dwn").get("/audit/erasures").then().statusCode(403);
        as("dpo").get("/audit/erasures").then().statusCode(200);
        RestAssured.given()
                .auth()
                .oauth2(Tokens.of("someone-new", List.of("secretary")))
                .get("/clps")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0))
                .body("total", equalTo(0));
    }
}
