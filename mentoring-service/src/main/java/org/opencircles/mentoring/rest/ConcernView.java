package org.opencircles.mentoring.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.opencircles.mentoring.domain.Concern;
import org.opencircles.mentoring.domain.ConcernEntry;
import org.opencircles.mentoring.service.ConcernService;

/** A concern in full, for the safeguarding lead and the DPO only: what was raised, its history, its pairings. */
public record ConcernView(
        UUID id,
        String clpCode,
        Concern.SubjectType subjectType,
        UUID subjectId,
        List<UUID> memberIds,
        Concern.Category category,
        String account,
        LocalDate occurredOn,
        String raisedBy,
        Instant raisedAt,
        Concern.Status status,
        Concern.Outcome outcome,
        Instant closedAt,
        List<UUID> suspendedPairingIds,
        List<Entry> history) {

    /** One step of the history. */
    public record Entry(
            ConcernEntry.Kind kind, Concern.Outcome outcome, String note, String recordedBy, Instant recordedAt) {}

    public static ConcernView of(ConcernService.ConcernRecord r) {
        Concern c = r.concern();
        return new ConcernView(
                c.id,
                c.clpCode,
                c.subjectType,
                c.subjectId,
                List.copyOf(c.memberIds),
                c.category,
                c.account,
                c.occurredOn,
                c.raisedBy,
                c.raisedAt,
                c.status,
                c.outcome,
                c.closedAt,
                r.pairings().stream().map(p -> p.pairingId).toList(),
                r.history().stream()
                        .map(e -> new Entry(e.kind, e.outcome, e.note, e.recordedBy, e.recordedAt))
                        .toList());
    }
}
