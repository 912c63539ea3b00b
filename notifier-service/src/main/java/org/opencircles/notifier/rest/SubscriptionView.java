package org.opencircles.notifier.rest;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.opencircles.notifier.domain.StaffRole;
import org.opencircles.notifier.domain.Subscription;

/** A subscription as the API shows it. */
public record SubscriptionView(
        UUID id,
        String recipient,
        String displayName,
        StaffRole role,
        List<String> clpCodes,
        LocalTime quietFrom,
        LocalTime quietUntil,
        String timeZone,
        Instant createdAt,
        String createdBy,
        Instant updatedAt) {

    static SubscriptionView of(Subscription s) {
        return new SubscriptionView(
                s.id,
                s.recipient,
                s.displayName,
                s.role,
                List.of(s.clpCodes),
                s.quietFrom,
                s.quietUntil,
                s.timeZone,
                s.createdAt,
                s.createdBy,
                s.updatedAt);
    }
}
