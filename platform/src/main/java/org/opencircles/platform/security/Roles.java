package org.opencircles.platform.security;

/** The staff roles Open Circles knows; CLP scope comes on top from {@code clp:CODE} roles. */
public final class Roles {
    /** Runs one CLP: members, contacts, imports, commitments. */
    public static final String SECRETARY = "secretary";
    /** Oversees several CLPs: dashboards, follow-ups. */
    public static final String ORGANISER = "organiser";
    /** Runs youth mentoring: mentors, mentees, pairings, safeguarding. */
    public static final String YOUTH_OFFICER = "youth-officer";
    /** Handles data-protection requests: erasure and the access audit. */
    public static final String DATA_PROTECTION = "data-protection";
    /** Sets up CLPs and wards. */
    public static final String ADMIN = "admin";
    /** The designated safeguarding lead: the only role that reads safeguarding concerns and acts on them. */
    public static final String SAFEGUARDING_LEAD = "safeguarding-lead";
    /**
     * Runs the system: sees and repairs what failed (dead letters, parked outbox rows) through {@code /admin/...}, and
     * reads no one's personal data.
     */
    public static final String OPERATOR = "operator";
    /** An automated notifier reading follow-ups. */
    public static final String NOTIFIER = "notifier";

    private Roles() {}
}
