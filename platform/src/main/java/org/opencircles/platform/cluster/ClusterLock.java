package org.opencircles.platform.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Lets one replica at a time run a periodic job (a sweep), by a PostgreSQL advisory lock held until the caller's
 * transaction ends; a replica that does not get it skips the run, which the holder is doing anyway.
 */
@ApplicationScoped
public class ClusterLock {

    /** First half of every job lock's key, so job locks never meet other advisory locks (the relay's, say). */
    private static final int JOB_LOCKS = 0x0C1C;

    private final EntityManager em;

    public ClusterLock(EntityManager em) {
        this.em = em;
    }

    /** True if this transaction now holds {@code job}'s lock; false if another replica's transaction holds it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean tryLock(String job) {
        Object locked = em.createNativeQuery("select pg_try_advisory_xact_lock(:space, hashtext(:job))")
                .setParameter("space", JOB_LOCKS)
                .setParameter("job", job)
                .getSingleResult();
        return Boolean.TRUE.equals(locked);
    }

    /** Waits until this transaction holds {@code job}'s lock: for short sections that must not run side by side. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(String job) {
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(:space, hashtext(:job))) locked")
                .setParameter("space", JOB_LOCKS)
                .setParameter("job", job)
                .getSingleResult();
    }
}
