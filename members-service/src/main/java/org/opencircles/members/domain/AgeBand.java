package org.opencircles.members.domain;

import java.time.LocalDate;
import java.time.Period;

/** Age groups organisers filter by: minors need a guardian, 14 to 26 are youth members (Young Labour). */
public enum AgeBand {
    UNDER_18(0, 18),
    YOUTH_18_TO_26(18, 27),
    ADULT_27_PLUS(27, 200),
    UNKNOWN(-1, -1);

    public static final int ADULT_AGE = 18;
    public static final int YOUTH_UNTIL_AGE = 27;

    private final int fromAge;
    private final int untilAge;

    AgeBand(int fromAge, int untilAge) {
        this.fromAge = fromAge;
        this.untilAge = untilAge;
    }

    /** Earliest date of birth in this band on {@code today} (exclusive bound of being too old). */
    public LocalDate bornAfter(LocalDate today) {
        return today.minusYears(untilAge);
    }

    /** Latest date of birth in this band on {@code today}. */
    public LocalDate bornOnOrBefore(LocalDate today) {
        return today.minusYears(fromAge);
    }

    public static AgeBand of(LocalDate dateOfBirth, LocalDate today) {
        if (dateOfBirth == null) {
            return UNKNOWN;
        }
        int age = Period.between(dateOfBirth, today).getYears();
        if (age < ADULT_AGE) {
            return UNDER_18;
        }
        return age < YOUTH_UNTIL_AGE ? YOUTH_18_TO_26 : ADULT_27_PLUS;
    }
}
