package org.opencircles.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Payloads on {@code personal-data-access}: every service's audit of personal data, gathered in one place. */
public final class AuditPayloads {
    private AuditPayloads() {}

    /**
     * A member of staff (or a system account) read or changed personal data. {@code action} is a code (READ, LIST,
     * CREATE, UPDATE, ERASE, ...) and {@code subjectType} what the ids are (member, mentee, ...): ids only.
     */
    public record AccessRecorded(
            UUID accessId,
            String service,
            String principal,
            String action,
            String subjectType,
            List<String> subjectIds,
            Instant accessedAt) {}

    /**
     * On erasing a member, a service kept records about them that the law requires it to keep (e.g. safeguarding
     * concerns), minimised; the erasure record says so. {@code recordType} and {@code basis} are codes
     * ({@code safeguarding-concern}, {@code LEGAL_OBLIGATION}).
     */
    public record RetainedOnErasure(
            UUID memberId, String service, String recordType, int count, String basis, Instant notedAt) {}
}
