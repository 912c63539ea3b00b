package org.opencircles.testkit;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Requests as a member of staff, signed in with a bearer token for them ({@link Tokens}). */
public final class Staff {

    private Staff() {}

    /** A JSON request as {@code person} (a demo user name, or {@code notifier}). */
    public static RequestSpecification as(String person) {
        return signedIn(person).contentType(ContentType.JSON);
    }

    /** A request as {@code person}, content type left to the caller (CSV uploads, say). */
    public static RequestSpecification signedIn(String person) {
        return RestAssured.given().auth().oauth2(Tokens.of(person));
    }
}
