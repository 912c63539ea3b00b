package org.opencircles.members;

import static org.opencircles.testkit.Staff.as;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Requests as a given staff user, and the fixtures tests share. */
final class Api {

    private Api() {}

    /** Creates a CLP with one ward, WARD code {@code <clp>-W1}; idempotent across tests sharing the database. */
    static void clpWithWard(String code, String name) {
        as("admin").body(Map.of("code", code, "name", name, "region", "London")).post("/clps");
        as("admin")
                .body(Map.of("code", code + "-W1", "name", name + " Central"))
                .post("/clps/" + code + "/wards");
    }

    static String uniqueNumber() {
        return "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static Map<String, Object> adult(String number, String clp) {
        return new HashMap<>(Map.of(
                "membershipNumber",
                number,
                "firstName",
                "Ada",
                "lastName",
                "Adams",
                "email",
                "ada@example.org",
                "phone",
                "07700 900123",
                "postcode",
                "se21 8ab",
                "dateOfBirth",
                "1980-05-01",
                "clpCode",
                clp,
                "wardCode",
                clp + "-W1",
                "interests",
                List.of("Campaigning", "fundraising")));
    }
}
