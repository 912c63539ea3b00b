package org.opencircles.members.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opencircles.members.config.MembershipConfig;
import org.opencircles.platform.problem.FieldError;
import org.opencircles.platform.time.CivilTime;

/** The rules member details must meet beyond their shape: place, joining age, a minor's guardian. */
class JoiningChecksTest {

    private static final LocalDate TODAY =
            CivilTime.today(Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));
    private static final Map<String, String> CLP_OF_WARD = Map.of("DWN-HH", "DWN", "ISN-HW", "ISN");
    private static final Set<String> CLPS = Set.of("DWN", "ISN");

    private final JoiningChecks checks = new JoiningChecks();

    JoiningChecksTest() {
        checks.rules = new MembershipConfig() {
            @Override
            public int minimumJoiningAge() {
                return 14;
            }

            @Override
            public int arrearsGraceMonths() {
                return 6;
            }

            @Override
            public Duration lapseSweepInterval() {
                return Duration.ofHours(1);
            }
        };
    }

    private static MemberDetails born(LocalDate dob, String clp, String ward, MemberDetails.Guardian guardian) {
        return new MemberDetails(
                "A1", "Ann", "Lee", null, null, null, dob, clp, ward, null, null, null, null, guardian, null);
    }

    @Test
    void thePlaceMustExistAndTheWardBeInTheClp() {
        assertEquals(
                List.of(new FieldError("clpCode", "no CLP has code 'XXX'")),
                checks.checkImported(born(null, "XXX", "DWN-HH", null), TODAY, CLP_OF_WARD, CLPS));
        assertEquals(
                List.of(new FieldError("wardCode", "no ward has code 'NOPE'")),
                checks.checkImported(born(null, "DWN", "NOPE", null), TODAY, CLP_OF_WARD, CLPS));
        assertEquals(
                List.of(new FieldError("wardCode", "ward ISN-HW is not in CLP DWN")),
                checks.checkImported(born(null, "DWN", "ISN-HW", null), TODAY, CLP_OF_WARD, CLPS));
    }

    @Test
    void nobodyJoinsBeforeTheirFourteenthBirthday() {
        LocalDate fourteenTomorrow = TODAY.minusYears(14).plusDays(1);
        LocalDate fourteenToday = TODAY.minusYears(14);
        MemberDetails.Guardian parent = new MemberDetails.Guardian("Pat Lee", null, "07700 900123", TODAY);
        assertEquals(
                List.of(new FieldError("dateOfBirth", "members must be at least 14 when they join")),
                checks.checkImported(born(fourteenTomorrow, "DWN", "DWN-HH", parent), TODAY, CLP_OF_WARD, CLPS));
        assertEquals(
                List.of(),
                checks.checkImported(born(fourteenToday, "DWN", "DWN-HH", parent), TODAY, CLP_OF_WARD, CLPS));
    }

    @Test
    void aMinorNeedsAGuardianThroughTheApiButAnImportMayCollectItLater() {
        MemberDetails fifteen = born(TODAY.minusYears(15), "DWN", "DWN-HH", null);
        assertEquals(
                List.of(new FieldError("guardian", "a parent or guardian is required for members under 18")),
                checks.check(fifteen, TODAY, true, "DWN", false));
        assertEquals(List.of(), checks.checkImported(fifteen, TODAY, CLP_OF_WARD, CLPS));
        MemberDetails unreachable =
                born(TODAY.minusYears(15), "DWN", "DWN-HH", new MemberDetails.Guardian("Pat Lee", " ", null, TODAY));
        assertEquals(
                List.of(new FieldError("guardian.email", "a guardian needs an email or a phone number")),
                checks.check(unreachable, TODAY, true, "DWN", false));
        // Eighteen today: an adult, no guardian asked for.
        assertEquals(
                List.of(), checks.check(born(TODAY.minusYears(18), "DWN", "DWN-HH", null), TODAY, true, "DWN", false));
    }
}
