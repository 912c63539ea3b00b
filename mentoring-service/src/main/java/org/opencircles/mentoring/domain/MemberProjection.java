package org.opencircles.mentoring.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

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

    public boolean isMinorOn(LocalDate day) {
        return adultOn != null && day.isBefore(adultOn);
    }

    public boolean isYouthOn(LocalDate day) {
        return youthUntil != null && day.isBefore(youthUntil);
    }

    public boolean isActive() {
        return "ACTIVE".equals(status);
    }
}
