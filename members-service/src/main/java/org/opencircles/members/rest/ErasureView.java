package org.opencircles.members.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.opencircles.members.domain.ErasureRecord;
import org.opencircles.members.domain.ErasureRetention;

/** Proof of an erasure, with what other services had to keep (codes and counts, e.g. safeguarding concerns). */
public record ErasureView(
        UUID id, UUID memberId, String requestedBy, String reference, Instant erasedAt, List<Retained> retained) {

    /** Records kept by another service on a legal basis. */
    public record Retained(String service, String recordType, int count, String basis) {}

    public static ErasureView of(ErasureRecord r, List<ErasureRetention> kept) {
        return new ErasureView(
                r.id,
                r.memberId,
                r.requestedBy,
                r.reference,
                r.erasedAt,
                kept.stream()
                        .map(k -> new Retained(k.service, k.recordType, k.count, k.basis))
                        .toList());
    }
}
