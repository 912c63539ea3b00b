package org.opencircles.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Payloads on {@code commitment-events}. */
public final class CommitmentPayloads {
    private CommitmentPayloads() {}

    /** A practical local action was committed to at an event or meeting. */
    public record Made(
            UUID commitmentId,
            String clpCode,
            String kind,
            String title,
            String madeAt,
            List<UUID> ownerMemberIds,
            LocalDate dueOn,
            Long targetPence) {}

    /**
     * Status or progress moved; {@code raisedPence} only for fundraising commitments. Version 2 no longer carries the
     * free-text note, which stays in actions-service.
     */
    public record Progressed(
            UUID commitmentId, String clpCode, String status, Integer percentComplete, Long raisedPence) {}
}
