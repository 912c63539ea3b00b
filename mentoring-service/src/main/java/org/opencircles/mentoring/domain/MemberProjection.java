package org.opencircles.mentoring.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.opencircles.events.MembershipStatus;
import org.opencircles.platform.problem.ProblemException;

/** What mentoring needs of a member, from member-events: CLP, status, age dates and guardian consent; no names. */
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

    @Column(nullable = false)
    public String status;

    /** 18th birthday; null when members-service holds no date of birth. */
    @Column(name = "adult_on")
    public LocalDate adultOn;

    /** 27th birthday, when youth membership ends. */
    @Column(name = "youth_until")
    public LocalDate youthUntil;

    @Column(name = "guardian_consent", nullable = false)
    public boolean guardianConsent;

    /** The table's columns, in the order of {@link #columnValues()}, for writing many new members at once. */
    public static final List<String> COLUMNS =
            List.of("member_id", "clp_code", "ward_code", "status", "adult_on", "youth_until", "guardian_consent");

    /** This member's values in the order of {@link #COLUMNS}. */
    public List<Object> columnValues() {
        return Arrays.asList(memberId, clpCode, wardCode, status, adultOn, youthUntil, guardianConsent);
    }

    public boolean isMinorOn(LocalDate day) {
        return adultOn != null && day.isBefore(adultOn);
    }

    /**
     * The one rule for treating someone as a child: under 18 on {@code day}, or of unknown age (no date of birth),
     * or not known here at all. Safeguarding never assumes an adult.
     */
    public static boolean minorOrUnknownAge(MemberProjection member, LocalDate day) {
        return member == null || member.adultOn == null || member.isMinorOn(day);
    }

    /** Whether the member is a minor on {@code day}; null when their age is not known. */
    public static Boolean minorOn(MemberProjection member, LocalDate day) {
        return member == null || member.adultOn == null ? null : member.isMinorOn(day);
    }

    /** The member as mentoring knows them, or a 422 that says they have not arrived from members-service yet. */
    public static MemberProjection require(UUID memberId) {
        MemberProjection m = findById(memberId);
        if (m == null) {
            throw ProblemException.ruleBroken(
                    "unknown-member",
                    "memberId",
                    "member " + memberId + " is not known to mentoring (yet); members appear seconds after joining");
        }
        return m;
    }

    public boolean isYouthOn(LocalDate day) {
        return youthUntil != null && day.isBefore(youthUntil);
    }

    public boolean isActive() {
        return MembershipStatus.ACTIVE.name().equals(status);
    }
}
