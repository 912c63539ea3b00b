package org.opencircles.notifier.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A member of staff who hears, by email, about the follow-ups of their role in some CLPs ({@code *}: all). */
@Entity
@Table(name = "subscription")
public class Subscription extends PanacheEntityBase {

    public static final String ALL_CLPS = "*";

    @Id
    public UUID id;

    /** The staff member's work address; members' own addresses never reach this service. */
    public String recipient;

    @Column(name = "display_name")
    public String displayName;

    @Enumerated(EnumType.STRING)
    public StaffRole role;

    @Column(name = "clp_codes")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] clpCodes;

    @Column(name = "quiet_from")
    public LocalTime quietFrom;

    @Column(name = "quiet_until")
    public LocalTime quietUntil;

    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public Optional<QuietHours> quietHours() {
        return quietFrom == null ? Optional.empty() : Optional.of(new QuietHours(quietFrom, quietUntil));
    }

    /** {@code at}, or the end of the quiet hours if {@code at} falls in them. */
    public Instant nextAllowed(Instant at) {
        return quietHours().map(q -> q.nextAllowed(at, zone())).orElse(at);
    }

    public boolean inQuietHours(Instant at) {
        return quietHours().map(q -> q.covers(at, zone())).orElse(false);
    }

    /** Whether this morning's digest is due: at or after {@code digestAt} on their local day, outside quiet hours. */
    public boolean digestDue(Instant now, LocalTime digestAt) {
        return !now.atZone(zone()).toLocalTime().isBefore(digestAt) && !inQuietHours(now);
    }

    /** The subscriber's local date at {@code now}: the day a digest is for. */
    public LocalDate localDay(Instant now) {
        return now.atZone(zone()).toLocalDate();
    }

    public boolean coversClp(String clpCode) {
        List<String> codes = Arrays.asList(clpCodes);
        return codes.contains(ALL_CLPS) || codes.contains(clpCode);
    }

    /** Whether this subscription names {@code clpCode} itself (not only through "every CLP"). */
    public boolean namesClp(String clpCode) {
        return Arrays.asList(clpCodes).contains(clpCode);
    }

    /** Whether this subscriber is told about {@code followUp}: their CLP, and their role or oversight of it. */
    public boolean hears(FollowUp followUp) {
        return coversClp(followUp.clpCode) && role.hears(followUp.assigneeRole, followUp.knownReason());
    }
}
