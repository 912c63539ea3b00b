package org.opencircles.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Payloads on {@code member-events}. They carry ids and the few facts other services need, never a name,
 * email, phone or postcode, so that erasing a member never needs a Kafka log rewritten.
 */
public final class MemberPayloads {
    private MemberPayloads() {}

    /**
     * A member joined (or was imported).
     *
     * @param adultOn    the 18th birthday: the member is a minor before this date; null if no date of birth is held
     * @param youthUntil the 27th birthday: youth membership ends on this date; null if no date of birth is held
     */
    public record Joined(
            UUID memberId,
            String clpCode,
            String wardCode,
            String status,
            LocalDate joinedOn,
            LocalDate adultOn,
            LocalDate youthUntil,
            boolean guardianConsent) {}

    /** The member's CLP, ward, age dates or guardian consent changed; the full minimised snapshot. */
    public record Updated(
            UUID memberId,
            String clpCode,
            String wardCode,
            LocalDate adultOn,
            LocalDate youthUntil,
            boolean guardianConsent) {}

    /**
     * Membership status moved, e.g. active to lapsed for arrears, or resigned to active on rejoining. Version 2:
     * {@code reasonCode} is one of {@link #ARREARS_PAST_GRACE}, {@link #LIST_IMPORT}, {@link #STAFF_DECISION}; the
     * words a secretary gave stay in members-service (version 1 carried them here as free text).
     */
    public record StatusChanged(UUID memberId, String clpCode, String from, String to, String reasonCode) {}

    /** Lapsed because arrears passed the grace period. */
    public static final String ARREARS_PAST_GRACE = "ARREARS_PAST_GRACE";
    /** Set by a membership list import. */
    public static final String LIST_IMPORT = "LIST_IMPORT";
    /** Changed by a member of staff through the API. */
    public static final String STAFF_DECISION = "STAFF_DECISION";

    /**
     * A contact was logged. {@code kind} is one of WANTS_TO_GET_INVOLVED, CALLED, MET, EMAILED, TEXTED, NO_ANSWER,
     * WRONG_NUMBER, DO_NOT_CONTACT; the notes stay in members-service.
     */
    public record ContactLogged(UUID memberId, String clpCode, String kind, Instant loggedAt) {}

    /** The member's personal data was erased on request; every service must drop what it holds of them. */
    public record Erased(UUID memberId, Instant erasedAt) {}

    /**
     * A call list was made or worked: how many members it holds and how many have an outcome. Counts only: its name
     * (free text) and its members stay in members-service. Keyed by list id.
     */
    public record CallListProgressed(UUID listId, String clpCode, int total, int done) {}
}
