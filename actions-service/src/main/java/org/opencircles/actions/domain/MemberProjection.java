package org.opencircles.actions.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * What actions-service knows of a member, from member-events: ids, CLP, status and contact dates; no names.
 * <p>R__clp_figures_stale.sql: writes mark the CLP's dashboard figures stale (triggers member_projection_figures_*).
 */
@Entity
@Table(name = "member_projection")
public class MemberProjection extends PanacheEntityBase {

    @Id
    @Column(name = "member_id")
    public UUID memberId;

    @Column(name = "clp_code", nullable = false)
    public String clpCode;

    @Column(name = "ward_code")
    public String wardCode;

    /** ACTIVE, LAPSED or RESIGNED. */
    @Column(nullable = false)
    public String status;

    @Column(name = "joined_on", nullable = false)
    public LocalDate joinedOn;

    /** When members-service recorded the joining (event time), which may be long after joinedOn for imports. */
    @Column(name = "joined_recorded_at", nullable = false)
    public Instant joinedRecordedAt;

    @Column(name = "last_contacted_at")
    public Instant lastContactedAt;

    @Column(name = "wants_to_get_involved_at")
    public Instant wantsToGetInvolvedAt;

    /** The 18th birthday (a minor before it); null when members-service holds no date of birth. */
    @Column(name = "adult_on")
    public LocalDate adultOn;

    /** Whether a parent or guardian's consent is recorded. */
    @Column(name = "guardian_consent", nullable = false)
    public boolean guardianConsent;

    /** The table's columns, in the order of {@link #columnValues()}, for writing many new members at once. */
    public static final List<String> COLUMNS = List.of(
            "member_id",
            "clp_code",
            "ward_code",
            "status",
            "joined_on",
            "joined_recorded_at",
            "last_contacted_at",
            "wants_to_get_involved_at",
            "adult_on",
            "guardian_consent");

    /** This member's values in the order of {@link #COLUMNS}. */
    public List<Object> columnValues() {
        return Arrays.asList(
                memberId,
                clpCode,
                wardCode,
                status,
                joinedOn,
                joinedRecordedAt,
                lastContactedAt,
                wantsToGetInvolvedAt,
                adultOn,
                guardianConsent);
    }

    /** A minor on {@code day} whose guardian has not consented: someone must collect the consent. */
    public boolean needsGuardianConsentOn(LocalDate day) {
        return adultOn != null && day.isBefore(adultOn) && !guardianConsent;
    }
}
