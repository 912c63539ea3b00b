package org.opencircles.platform.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencircles.events.AuditPayloads;
import org.opencircles.platform.bulk.BulkInsert;
import org.opencircles.platform.outbox.Outbox;
import org.opencircles.platform.security.CallerScope;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

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
    BulkInsert bulk;

    /** More subjects than this in one record are written with COPY rather than one entity each. */
    private static final int BULK_FROM = 50;

    private static final List<String> COLUMNS = List.of("id", "accessed_at", "principal", "subject_type",
            "subject_id", "action", "service");

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    /** Services other than members-service forward their audit to it, so the DPO sees everything in one place. */
    @ConfigProperty(name = "open-circles.audit.forward-to-central", defaultValue = "false")
    boolean forward;

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
        if (subjectIds.size() > BULK_FROM) {
            // An import chunk creates thousands of members: their audit rows go in with one COPY.
            List<Long> ids = bulk.pooledIds("personal_data_access_seq", 50, subjectIds.size());
            List<List<Object>> rows = new ArrayList<>(subjectIds.size());
            int i = 0;
            for (Object subjectId : subjectIds) {
                rows.add(Arrays.asList(ids.get(i++), now, principal, subjectType, subjectId.toString(), action,
                        null));
            }
            bulk.rows("personal_data_access", COLUMNS, rows);
        } else {
            recordEach(now, principal, action, subjectType, subjectIds);
        }
        if (forward && !subjectIds.isEmpty()) {
            UUID accessId = UUID.randomUUID();
            outbox.publish(new AuditPayloads.AccessRecorded(accessId, service, principal, action, subjectType,
                    subjectIds.stream().map(Object::toString).toList(), now), accessId);
        }
    }

    private void recordEach(Instant now, String principal, String action, String subjectType,
                            Collection<?> subjectIds) {
        for (Object subjectId : subjectIds) {
            PersonalDataAccess access = new PersonalDataAccess();
            access.accessedAt = now;
            access.principal = principal;
            access.subjectType = subjectType;
            access.subjectId = subjectId.toString();
            access.action = action;
            em.persist(access);
        }
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public void record(String action, String subjectType, Object subjectId) {
        record(action, subjectType, java.util.List.of(subjectId));
    }

    /** Keeps another service's audit record here, one row per subject, marked with the service it came from. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void keepForwarded(AuditPayloads.AccessRecorded record) {
        for (String subjectId : record.subjectIds()) {
            PersonalDataAccess access = new PersonalDataAccess();
            access.accessedAt = record.accessedAt();
            access.principal = record.principal();
            access.subjectType = record.subjectType();
            access.subjectId = subjectId;
            access.action = record.action();
            access.service = record.service();
            em.persist(access);
        }
    }

    /** Who is acting, by the one rule in {@link CallerScope#principal()}. */
    public String principal() {
        return scope.principal();
    }
}
