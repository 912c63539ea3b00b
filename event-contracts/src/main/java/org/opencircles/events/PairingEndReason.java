package org.opencircles.events;

/**
 * Why a mentoring pairing ended: the {@code reason} of {@code pairing.ended}, and what each reason means for the
 * mentee's journey in every service that follows it.
 */
public enum PairingEndReason {
    MENTOR_UNAVAILABLE(true, false),
    /** The mentor's safeguarding check expired while mentoring a minor. */
    SAFEGUARDING_EXPIRED(true, true),
    MENTEE_LEFT(false, false),
    COMPLETED(false, false),
    /** A change to either member (consent withdrawn, a date of birth, a move) broke a safeguarding rule. */
    SAFEGUARDING_RECHECK_FAILED(true, true),
    /** The safeguarding lead ended it after a concern. */
    SAFEGUARDING_CONCERN(true, false);

    private final boolean menteeStillWaits;
    private final boolean youthOfficerMustHear;

    PairingEndReason(boolean menteeStillWaits, boolean youthOfficerMustHear) {
        this.menteeStillWaits = menteeStillWaits;
        this.youthOfficerMustHear = youthOfficerMustHear;
    }

    /** The mentee did not choose to stop: they wait for another mentor. */
    public boolean menteeStillWaits() {
        return menteeStillWaits;
    }

    /** A safeguarding rule ended it mid-pairing: the youth officer hears at once. */
    public boolean youthOfficerMustHear() {
        return youthOfficerMustHear;
    }

    /** The reason with this name, or null for one this reader does not know (a newer writer's). */
    public static PairingEndReason valueOfOrNull(String name) {
        for (PairingEndReason r : values()) {
            if (r.name().equals(name)) {
                return r;
            }
        }
        return null;
    }
}
