package org.opencircles.platform.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.Session;

/**
 * The rows of one entity a consumer's batch is about, read in one query before the batch is applied (from an
 * {@link EventHandler#prepare}), with the ids that have none yet remembered for the rest of the transaction: applying
 * the events one by one then finds each row without a query, whether it exists or not. An import's thousands of new
 * members otherwise cost one lookup each that finds nothing, which is what most of their events would query.
 */
@ApplicationScoped
public class BatchReads {

    @Inject
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** Reads the {@code type} rows with these ids into the transaction, in one query, and remembers which are absent. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> void load(Class<T> type, Collection<?> ids) {
        Set<Object> absent = new HashSet<>(ids);
        if (!ids.isEmpty()) {
            List<T> found = em.unwrap(Session.class).byMultipleIds(type).multiLoad(List.copyOf(absent));
            for (T entity : found) {
                if (entity != null) {
                    absent.remove(em.getEntityManagerFactory()
                            .getPersistenceUnitUtil()
                            .getIdentifier(entity));
                }
            }
        }
        transactions.putResource(key(type), absent);
    }

    /** The row, or null; without a query when {@link #load} found it absent and it was not {@link #created} since. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> T find(Class<T> type, Object id) {
        return absent(type).contains(id) ? null : em.find(type, id);
    }

    /** Says the transaction has just persisted the row, so that {@link #find} looks it up again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void created(Class<?> type, Object id) {
        absent(type).remove(id);
    }

    @SuppressWarnings("unchecked")
    private Set<Object> absent(Class<?> type) {
        Set<Object> absent = (Set<Object>) transactions.getResource(key(type));
        return absent == null ? new HashSet<>() : absent;
    }

    private static String key(Class<?> type) {
        return BatchReads.class.getName() + ":" + type.getName();
    }
}
