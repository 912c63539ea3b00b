package org.opencircles.members.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.opencircles.events.MembershipStatus;
import org.opencircles.platform.time.CivilTime;

/**
 * A party member in one CLP and one ward: special-category personal data, read only through audited paths.
 * <p>R__member_search.sql: every write keeps member_search and the name-word dictionary (triggers member_search_*).
 */
@Entity
@Table(name = "member")
public class Member extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "membership_number")
    public String membershipNumber;

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "last_name")
    public String lastName;

    public String email;
    public String phone;
    public String postcode;

    @Column(name = "date_of_birth")
    public LocalDate dateOfBirth;

    @Column(name = "clp_code", nullable = false)
    public String clpCode;

    @Column(name = "ward_code", nullable = false)
    public String wardCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MembershipStatus status;

    @Column(name = "joined_on", nullable = false)
    public LocalDate joinedOn;

    @Column(name = "status_changed_on", nullable = false)
    public LocalDate statusChangedOn;

    @Column(name = "arrears_since")
    public LocalDate arrearsSince;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "varchar[]", nullable = false)
    public List<String> roles = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "varchar[]", nullable = false)
    public List<String> interests = new ArrayList<>();

    @Column(name = "consent_email", nullable = false)
    public boolean consentEmail;

    @Column(name = "consent_phone", nullable = false)
    public boolean consentPhone;

    @Column(name = "consent_sms", nullable = false)
    public boolean consentSms;

    @Column(name = "guardian_name")
    public String guardianName;

    @Column(name = "guardian_email")
    public String guardianEmail;

    @Column(name = "guardian_phone")
    public String guardianPhone;

    /** When a parent or guardian consented to a minor taking part; null means no consent recorded. */
    @Column(name = "guardian_consent_on")
    public LocalDate guardianConsentOn;

    @Column(name = "last_contacted_at")
    public Instant lastContactedAt;

    @Column(name = "wants_to_get_involved_at")
    public Instant wantsToGetInvolvedAt;

    @Column(name = "erased_at")
    public Instant erasedAt;

    /** Why the status last changed, in the words given (a secretary's reason); never leaves this service. */
    @Column(name = "status_reason")
    public String statusReason;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The 18th birthday, or null when no date of birth is held. */
    /** The columns {@link #columnValues()} fills, for writing new members with COPY (every column but the generated). */
    public static final List<String> COLUMNS = List.of(
            "id",
            "membership_number",
            "first_name",
            "last_name",
            "email",
            "phone",
            "postcode",
            "date_of_birth",
            "clp_code",
            "ward_code",
            "status",
            "joined_on",
            "status_changed_on",
            "arrears_since",
            "roles",
            "interests",
            "consent_email",
            "consent_phone",
            "consent_sms",
            "guardian_name",
            "guardian_email",
            "guardian_phone",
            "guardian_consent_on",
            "last_contacted_at",
            "wants_to_get_involved_at",
            "erased_at",
            "status_reason",
            "version",
            "created_at",
            "updated_at");

    /** This member's values in the order of {@link #COLUMNS}. */
    public List<Object> columnValues() {
        return Arrays.asList(
                id,
                membershipNumber,
                firstName,
                lastName,
                email,
                phone,
                postcode,
                dateOfBirth,
                clpCode,
                wardCode,
                status.name(),
                joinedOn,
                statusChangedOn,
                arrearsSince,
                roles,
                interests,
                consentEmail,
                consentPhone,
                consentSms,
                guardianName,
                guardianEmail,
                guardianPhone,
                guardianConsentOn,
                lastContactedAt,
                wantsToGetInvolvedAt,
                erasedAt,
                statusReason,
                version,
                createdAt,
                updatedAt);
    }

    /**
     * A member from a result row holding {@link #COLUMNS} in that order, for pages of members read with plain JDBC: not
     * managed, to be shown, never changed (a page read through Hibernate built and tracked an entity per row).
     */
    public static Member fromRow(ResultSet row) throws SQLException {
        Member m = new Member();
        m.id = row.getObject(1, UUID.class);
        m.membershipNumber = row.getString(2);
        m.firstName = row.getString(3);
        m.lastName = row.getString(4);
        m.email = row.getString(5);
        m.phone = row.getString(6);
        m.postcode = row.getString(7);
        m.dateOfBirth = row.getObject(8, LocalDate.class);
        m.clpCode = row.getString(9);
        m.wardCode = row.getString(10);
        m.status = MembershipStatus.valueOf(row.getString(11));
        m.joinedOn = row.getObject(12, LocalDate.class);
        m.statusChangedOn = row.getObject(13, LocalDate.class);
        m.arrearsSince = row.getObject(14, LocalDate.class);
        m.roles = strings(row.getArray(15));
        m.interests = strings(row.getArray(16));
        m.consentEmail = row.getBoolean(17);
        m.consentPhone = row.getBoolean(18);
        m.consentSms = row.getBoolean(19);
        m.guardianName = row.getString(20);
        m.guardianEmail = row.getString(21);
        m.guardianPhone = row.getString(22);
        m.guardianConsentOn = row.getObject(23, LocalDate.class);
        m.lastContactedAt = instant(row.getObject(24, OffsetDateTime.class));
        m.wantsToGetInvolvedAt = instant(row.getObject(25, OffsetDateTime.class));
        m.erasedAt = instant(row.getObject(26, OffsetDateTime.class));
        m.statusReason = row.getString(27);
        m.version = row.getLong(28);
        m.createdAt = instant(row.getObject(29, OffsetDateTime.class));
        m.updatedAt = instant(row.getObject(30, OffsetDateTime.class));
        return m;
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? new ArrayList<>() : new ArrayList<>(Arrays.asList((String[]) array.getArray()));
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    public LocalDate adultOn() {
        return dateOfBirth == null ? null : CivilTime.birthday(dateOfBirth, AgeBand.ADULT_AGE);
    }

    /** The 27th birthday, when youth membership ends; null when no date of birth is held. */
    public LocalDate youthUntil() {
        return dateOfBirth == null ? null : CivilTime.birthday(dateOfBirth, AgeBand.YOUTH_UNTIL_AGE);
    }

    public boolean isMinorOn(LocalDate day) {
        return dateOfBirth != null && day.isBefore(adultOn());
    }

    public boolean isErased() {
        return erasedAt != null;
    }
}
