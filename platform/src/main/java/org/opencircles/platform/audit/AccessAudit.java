package org.opencircles.platform.audit;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;

/** Records who read or changed whose personal data, in the same transaction as the read or change. */
@ApplicationScoped
public class AccessAudit {

    @Inject
    SecurityIdentity identity;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

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

    /** Who is acting: the signed-in user, or "system" for event consumers and schedulers. */
    public String principal() {
        try {
            return identity.isAnonymous() ? "system" : identity.getPrincipal().getName();
        } catch (RuntimeException notInARequest) {
            return "system";
        }
    }
}
