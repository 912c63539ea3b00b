package org.opencircles.platform.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.opencircles.events.AuditPayloads;
import org.opencircles.platform.outbox.Outbox;
import org.opencircles.platform.security.CallerScope;

/**
 * Records who read or changed whose personal data, in the same transaction as the read or change; services with
 * {@code open-circles.audit.forward-to-central} also send each record (ids only) to members-service, where the DPO
 * reads every service's audit in one place.
 */
@ApplicationScoped
public class AccessAudit {

    @Inject
    CallerScope scope;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    /** Services other than members-service forward their audit to it, so the DPO sees everything in one place. */
    @Inject
    AuditConfig config;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    /** Audits one action on several subjects of the same type (for example one page of a member list). */
    @Transactional(Transactional.TxType.REQUIRED)
    public void record(String action, String subjectType, Collection<?> subjectIds) {
        recordAs(principal(), action, subjectType, subjectIds);
    }

    /**
     * Audits work done on someone's behalf outside their request (an import running in the background), under
     * their name rather than "system".
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public void recordAs(String principal, String action, String subjectType, Collection<?> subjectIds) {
        Instant now = clock.instant();
        if (!subjectIds.isEmpty()) {
            insert(now, principal, subjectType, subjectIds, action, null);
        }
        if (config.forwardToCentral() && !subjectIds.isEmpty()) {
            UUID accessId = UUID.randomUUID();
            outbox.publish(
                    new AuditPayloads.AccessRecorded(
                            accessId,
                            service,
                            principal,
                            action,
                            subjectType,
                            subjectIds.stream().map(Object::toString).toList(),
                            now),
                    accessId);
        }
    }

    /**
     * One row for the access, naming every subject (a page of a search, an import chunk), its id straight from the
     * sequence: Hibernate takes blocks of 50 from the same sequence (pooled-lo: a value it is handed starts its block),
     * and a value handed out here starts no block of Hibernate's, so the two never collide.
     */
    private void insert(
            Instant at,
            String principal,
            String subjectType,
            Collection<?> subjectIds,
            String action,
            String fromService) {
        em.unwrap(Session.class).doWork(connection -> {
            Array subjects = connection.createArrayOf(
                    "varchar", subjectIds.stream().map(Object::toString).toArray());
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into personal_data_access (id, accessed_at, principal, subject_type, subject_ids, action,
                                                      service)
                    values (nextval('personal_data_access_seq'), ?, ?, ?, ?, ?, ?)""")) {
                insert.setObject(1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                insert.setString(2, principal);
                insert.setString(3, subjectType);
                insert.setArray(4, subjects);
                insert.setString(5, action);
                insert.setString(6, fromService);
                insert.executeUpdate();
            } finally {
                subjects.free();
            }
        });
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public void record(String action, String subjectType, Object subjectId) {
        record(action, subjectType, List.of(subjectId));
    }

    /** Keeps another service's audit record here, as one row, marked with the service it came from. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void keepForwarded(AuditPayloads.AccessRecorded record) {
        if (!record.subjectIds().isEmpty()) {
            insert(
                    record.accessedAt(),
                    record.principal(),
                    record.subjectType(),
                    record.subjectIds(),
                    record.action(),
                    record.service());
        }
    }

    /** Who is acting, by the one rule in {@link CallerScope#principal()}. */
    public String principal() {
        return scope.principal();
    }
}
