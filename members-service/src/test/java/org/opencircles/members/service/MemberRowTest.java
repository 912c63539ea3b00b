package org.opencircles.members.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opencircles.events.MembershipStatus;
import org.opencircles.members.domain.MemberRole;
import org.opencircles.platform.problem.FieldError;
import org.opencircles.platform.time.CivilTime;

/** One line of a secretary's spreadsheet read as member details, without Quarkus or a database. */
class MemberRowTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate TODAY = CivilTime.today(CLOCK);

    private static MemberRow parse(List<String> header, String... cells) {
        return MemberRow.parse(2, MemberRow.canonicalHeader(header), Arrays.asList(cells), TODAY);
    }

    @Test
    void exportHeadersAreRecognisedAndAnExplicitMappingComesFirst() {
        assertEquals(
                Arrays.asList("membership_number", "last_name", "email", "ward", "clp", null),
                MemberRow.canonicalHeader(List.of(
                        "Membership Number",
                        "Surname",
                        "Email Address",
                        "Branch",
                        " Constituency ",
                        "Favourite colour")));
        assertEquals(
                List.of("interests"),
                MemberRow.canonicalHeader(List.of("Favourite colour"), Map.of("Favourite colour", "interests")));
        assertEquals(
                List.of("clp", "first_name", "last_name", "membership_number", "ward"),
                MemberRow.missingColumns(List.of("email")));
    }

    @Test
    void aMessyRowIsTidiedIntoMemberDetails() {
        MemberRow row = parse(
                List.of(
                        "Member No",
                        "Forename",
                        "Surname",
                        "Post Code",
                        "DOB",
                        "CLP",
                        "Ward",
                        "Joined On",
                        "Consent Email",
                        "Consent Phone",
                        "Roles",
                        "Interests",
                        "Status"),
                "ab123",
                " Zoë ",
                "Müller",
                "se218ab",
                "01/02/2011",
                "Dulwich and West Norwood",
                "Herne Hill",
                "2026-01-31",
                "Yes",
                "n",
                "ORGANISER; youth_officer",
                "canvassing|  leaflets ",
                "lapsed");
        assertEquals(List.of(), row.errors());
        assertEquals("AB123", row.membershipNumber());
        MemberDetails d = row.details();
        assertEquals("Zoë", d.firstName());
        assertEquals("SE21 8AB", d.postcode());
        assertEquals(LocalDate.of(2011, 2, 1), d.dateOfBirth());
        assertEquals(LocalDate.of(2026, 1, 31), d.joinedOn());
        assertEquals("Dulwich and West Norwood", d.clpCode());
        assertEquals(new MemberDetails.Consents(true, false, false), d.consents());
        assertEquals(Set.of(MemberRole.ORGANISER, MemberRole.YOUTH_OFFICER), d.roles());
        assertEquals(Set.of("canvassing", "leaflets"), d.interests());
        assertEquals(MembershipStatus.LAPSED, row.status());
        assertNull(d.guardian());
    }

    @Test
    void eachBadCellIsARowErrorNamingItsColumn() {
        MemberRow row = parse(
                List.of(
                        "membership_number",
                        "first_name",
                        "last_name",
                        "clp",
                        "ward",
                        "date_of_birth",
                        "consent_sms",
                        "status"),
                "X1",
                "Ann",
                "Lee",
                "DWN",
                "DWN-HH",
                "31/02/2001",
                "perhaps",
                "gone",
                "surplus");
        assertEquals(
                List.of(
                        new FieldError("row", "has 9 cells but the header has 8"),
                        new FieldError("date_of_birth", "'31/02/2001' is not a date (dd/mm/yyyy)")),
                row.errors().subList(0, 2));
        assertTrue(
                row.errors().stream()
                        .anyMatch(e ->
                                e.field().equals("consent_sms") && e.reason().equals("'perhaps' is not yes or no")),
                row.errors().toString());
        assertTrue(
                row.errors().stream().anyMatch(e -> e.field().equals("status")),
                row.errors().toString());
    }

    @Test
    void guardianConsentGivenWithoutADateCountsFromJoiningOrToday() {
        List<String> header = List.of(
                "membership_number",
                "first_name",
                "last_name",
                "clp",
                "ward",
                "parent_name",
                "parent_phone",
                "guardian_consent",
                "joined_on");
        assertEquals(
                LocalDate.of(2026, 3, 1),
                parse(header, "Y1", "Sam", "Ng", "DWN", "DWN-HH", "Pat Ng", "07700 900123", "yes", "01/03/2026")
                        .details()
                        .guardian()
                        .consentGivenOn());
        assertEquals(
                TODAY,
                parse(header, "Y2", "Sam", "Ng", "DWN", "DWN-HH", "Pat Ng", "07700 900123", "yes", "")
                        .details()
                        .guardian()
                        .consentGivenOn());
        assertNull(parse(header, "Y3", "Sam", "Ng", "DWN", "DWN-HH", "Pat Ng", "07700 900123", "no", "")
                .details()
                .guardian()
                .consentGivenOn());
    }
}
