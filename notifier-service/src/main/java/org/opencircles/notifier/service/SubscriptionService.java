package org.opencircles.notifier.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.opencircles.notifier.config.NotifierConfig;
import org.opencircles.notifier.domain.Email;
import org.opencircles.notifier.domain.StaffRole;
import org.opencircles.notifier.domain.Subscription;
import org.opencircles.platform.page.PageView;
import org.opencircles.platform.page.Paging;
import org.opencircles.platform.problem.ProblemException;

/** Who on the staff hears about what: subscriptions, managed by an admin. */
@ApplicationScoped
public class SubscriptionService {

    @Inject
    EntityManager em;

    @Inject
    SafeguardingCoverage coverage;

    @Inject
    Clock clock;

    @Inject
    NotifierConfig config;

    /** A subscription as an admin states it, already checked field by field; no time zone means the default. */
    public record Subscribe(
            String recipient,
            String displayName,
            StaffRole role,
            List<String> clpCodes,
            LocalTime quietFrom,
            LocalTime quietUntil,
            ZoneId timeZone) {}

    @Transactional
    public Subscription create(Subscribe command, String by) {
        refuseSecond(command, null);
        Subscription s = new Subscription();
        s.id = UUID.randomUUID();
        s.createdAt = clock.instant();
        s.createdBy = by;
        apply(s, command);
        s.persist();
        coverChanged();
        return s;
    }

    @Transactional
    public Subscription update(UUID id, Subscribe command) {
        Subscription s = find(id);
        refuseSecond(command, id);
        apply(s, command);
        coverChanged();
        return s;
    }

    /** Ends a subscription; emails to it not yet sent are cancelled. */
    @Transactional
    public void delete(UUID id) {
        Subscription s = find(id);
        em.createQuery("update Email set status = :cancelled, lastError = 'the subscription was deleted' "
                        + "where subscriptionId = :id and status = :pending")
                .setParameter("cancelled", Email.Status.CANCELLED)
                .setParameter("pending", Email.Status.PENDING)
                .setParameter("id", id)
                .executeUpdate();
        s.delete();
        coverChanged();
    }

    /** A subscription may change who covers a CLP's safeguarding: other services hear of it in the same commit. */
    private void coverChanged() {
        em.flush();
        coverage.publishChanges();
    }

    @Transactional
    public Subscription find(UUID id) {
        Subscription s = Subscription.findById(id);
        if (s == null) {
            throw ProblemException.notFound("Subscription", id);
        }
        return s;
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public PageView<Subscription> list(StaffRole role, String clpCode, Paging paging) {
        // A CLP filter matches subscriptions naming that CLP or every CLP (an array overlap the index answers).
        String where = " where (cast(:role as text) is null or role = cast(:role as text))"
                + " and (cast(:clp as text) is null or clp_codes && array[cast(:clp as text), '*'])";
        String roleName = role == null ? null : role.name();
        List<Subscription> items = em.createNativeQuery(
                        "select * from subscription" + where
                                + " order by recipient, role, id limit :limit offset :offset",
                        Subscription.class)
                .setParameter("role", roleName)
                .setParameter("clp", clpCode)
                .setParameter("limit", paging.size())
                .setParameter("offset", (long) paging.page() * paging.size())
                .getResultList();
        long total = ((Number) em.createNativeQuery("select count(*) from subscription" + where)
                        .setParameter("role", roleName)
                        .setParameter("clp", clpCode)
                        .getSingleResult())
                .longValue();
        return new PageView<>(items, paging.page(), paging.size(), total);
    }

    /** One subscription per address and role (the one being changed, {@code except}, aside). */
    private static void refuseSecond(Subscribe command, UUID except) {
        long others = except == null
                ? Subscription.count("recipient = ?1 and role = ?2", command.recipient(), command.role())
                : Subscription.count(
                        "recipient = ?1 and role = ?2 and id <> ?3", command.recipient(), command.role(), except);
        if (others > 0) {
            throw ProblemException.conflict(
                    "recipient",
                    command.recipient() + " is already subscribed as "
                            + command.role().wireName());
        }
    }

    private void apply(Subscription s, Subscribe command) {
        s.recipient = command.recipient();
        s.displayName = command.displayName();
        s.role = command.role();
        s.clpCodes = command.clpCodes().toArray(String[]::new);
        s.quietFrom = command.quietFrom();
        s.quietUntil = command.quietUntil();
        s.timeZone = (command.timeZone() == null ? config.defaultTimeZone() : command.timeZone()).getId();
        s.updatedAt = Instant.now(clock);
    }
}
