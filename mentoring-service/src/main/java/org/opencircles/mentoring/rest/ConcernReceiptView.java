package org.opencircles.mentoring.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.opencircles.mentoring.domain.Concern;
import org.opencircles.mentoring.service.ConcernService;

/**
 * What the person who raised a concern gets back: that it is recorded and which pairings are suspended, not the
 * concern itself (only the safeguarding lead reads that).
 */
public record ConcernReceiptView(UUID id, Concern.Status status, Instant raisedAt, List<UUID> suspendedPairingIds) {

    public static ConcernReceiptView of(ConcernService.ConcernRecord r) {
        return new ConcernReceiptView(
                r.concern().id,
                r.concern().status,
                r.concern().raisedAt,
                r.pairings().stream().map(p -> p.pairingId).toList());
    }
}
