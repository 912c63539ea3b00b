package org.opencircles.mentoring.domain;

/** Safeguarding (DBS) check levels; one-to-one regular unsupervised mentoring of a minor needs the highest. */
public enum CheckLevel {
    NONE,
    BASIC,
    STANDARD,
    ENHANCED,
    ENHANCED_WITH_BARRED_LIST
}
