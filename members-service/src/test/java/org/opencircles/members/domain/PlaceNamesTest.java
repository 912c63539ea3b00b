package org.opencircles.members.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** CLPs and wards by code or by name, as exports write them; postcodes tidied. No service booted. */
class PlaceNamesTest {

    private static Clp clp(String code, String name) {
        Clp c = new Clp();
        c.code = code;
        c.name = name;
        return c;
    }

    private static Ward ward(String code, String clp, String name) {
        Ward w = new Ward();
        w.code = code;
        w.clpCode = clp;
        w.name = name;
        return w;
    }

    private final PlaceNames places = new PlaceNames(
            List.of(
                    clp("DWN", "Dulwich and West Norwood"), clp("ISN", "Islington North"),
                    clp("NRW", "Norwich North"), clp("NRS", "Norwich  North")),
            List.of(
                    ward("DWN-HERNE-HILL", "DWN", "Herne Hill"),
                    ward("DWN-KNIGHTS-HILL", "DWN", "Knights Hill"),
                    ward("ISN-HIGHBURY", "ISN", "Highbury"),
                    ward("ISN-CENTRAL", "ISN", "Central"),
                    ward("DWN-CENTRAL", "DWN", "Central")));

    @Test
    void aClpByCodeOrByNameAsWrittenInExports() {
        assertEquals("DWN", places.clp("dwn").code());
        assertEquals("DWN", places.clp("DULWICH AND WEST NORWOOD").code());
        assertEquals("DWN", places.clp("Dulwich & West-Norwood").code());
        assertEquals("DWN", places.clp("  dulwich  and west norwood ").code());
        assertEquals(
                "no CLP has the code or name 'Dulwich'", places.clp("Dulwich").problem());
        assertEquals(
                "'Norwich North' could be CLP NRS or NRW",
                places.clp("Norwich North").problem());
    }

    @Test
    void aWardByCodeOrByNameWithinItsClp() {
        assertEquals("DWN-HERNE-HILL", places.ward("HERNE HILL", "DWN").code());
        assertEquals("DWN-HERNE-HILL", places.ward("Herne Hill Ward", "DWN").code());
        assertEquals("DWN-HERNE-HILL", places.ward("dwn-herne-hill", "DWN").code());
        assertEquals("ISN-CENTRAL", places.ward("Central", "ISN").code());
        assertEquals(
                "'Central' could be ward DWN-CENTRAL or ISN-CENTRAL",
                places.ward("Central", null).problem());
        assertEquals(
                "no ward has the code or name 'Tulse Hill'",
                places.ward("Tulse Hill", "DWN").problem());
    }

    @Test
    void aNameAnsweredOnceIsAnsweredTheSameAgainAndPerClp() {
        // Answers are remembered per cell (and per CLP for wards): asked again, in any order, nothing changes.
        for (int i = 0; i < 3; i++) {
            assertEquals("DWN-CENTRAL", places.ward("Central", "DWN").code());
            assertEquals("ISN-CENTRAL", places.ward("Central", "ISN").code());
            assertEquals(
                    "'Central' could be ward DWN-CENTRAL or ISN-CENTRAL",
                    places.ward("Central", null).problem());
            assertEquals(
                    "'Norwich North' could be CLP NRS or NRW",
                    places.clp("Norwich North").problem());
            assertEquals("DWN", places.clp("Dulwich & West-Norwood").code());
        }
    }

    @Test
    void postcodesAreTidiedBeforeValidation() {
        assertEquals("SE21 8AB", Postcodes.normalise("se218ab"));
        assertEquals("SE21 8AB", Postcodes.normalise("SE21  8AB"));
        assertEquals("N1 1AA", Postcodes.normalise(" n1 1aa "));
        assertEquals("NOT A POSTCODE", Postcodes.normalise("not a postcode"));
        assertEquals(null, Postcodes.normalise(null));
    }
}
