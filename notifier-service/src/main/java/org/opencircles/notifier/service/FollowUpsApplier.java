package org.opencircles.notifier.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.opencircles.events.FollowUpPayloads;
import org.opencircles.notifier.config.NotifierConfig;
import org.opencircles.notifier.domain.Email;
import org.opencircles.notifier.domain.EmailText;
import org.opencircles.notifier.domain.FollowUp;
import org.opencircles.notifier.domain.ImmediateRoute;
import org.opencircles.notifier.domain.StaffRole;
import org.opencircles.notifier.domain.Subscription;
import org.opencircles.platform.consumer.BatchReads;

/** Keeps the follow-ups this service tells staff about, and records the immediate email for a safeguarding one. */
@ApplicationScoped
public class FollowUpsApplier {

    private static final Logger LOG = Logger.getLogger(FollowUpsApplier.class);

    @Inject
    EntityManager em;

    @Inject
    EmailIntents intents;

    @Inject
    NotifierConfig config;

    @Inject
    Clock clock;

    @Inject
    BatchReads batch;

    /**
     * Reads the follow-ups a batch of events is about in one query, and remembers which are new here (an import's
     * young members without a guardian's consent fall due by the thousand), for the rest of the transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void prefetch(Collection<UUID> followUpIds) {
        batch.load(FollowUp.class, followUpIds);
    }

    /**
     * A follow-up fell due. An immediate one (a safeguarding concern, a mentee waiting) is emailed at once to the
     * subscribers {@link ImmediateRoute} names (after their quiet hours); the others wait for the morning digest.
     */
    public void due(FollowUpPayloads.Due due) {
        if (batch.find(FollowUp.class, due.followUpId()) != null) {
            // The same follow-up published again (a replayed outbox row): it is one follow-up and one email.
            return;
        }
        Instant now = clock.instant();
        FollowUp followUp = new FollowUp();
        followUp.id = due.followUpId();
        followUp.reason = due.reason();
        followUp.subjectType = due.subjectType();
        followUp.subjectId = due.subjectId();
        followUp.clpCode = due.clpCode();
        followUp.assigneeRole = due.assigneeRole();
        followUp.dueAt = due.dueAt();
        followUp.receivedAt = now;
        followUp.persist();
        batch.created(FollowUp.class, followUp.id);
        if (!followUp.immediate()) {
            return;
        }
        ImmediateRoute route = ImmediateRoute.of(
                followUp,
                Subscription.list("role", StaffRole.fromWire(followUp.assigneeRole)),
                Subscription.list("role", StaffRole.DATA_PROTECTION));
        if (route.via().fallback()) {
            LOG.warnf(
                    "No safeguarding lead covers %s: follow-up %s goes to %s",
                    followUp.clpCode, followUp.id, route.via().words);
        } else if (route.via() == ImmediateRoute.Via.NOBODY) {
            // Counted in open_circles_safeguarding_unrouted (or, for another role, only in the digest's absence).
            LOG.errorf(
                    "Follow-up %s (%s in %s) reaches nobody at once: no subscription of %s, no fallback",
                    followUp.id, followUp.reason, followUp.clpCode, followUp.assigneeRole);
        }
        for (Subscription to : route.to()) {
            EmailText.Text text = EmailText.immediate(followUp, to, config.linkBase(), route.via());
            intents.record(
                    Email.Kind.IMMEDIATE,
                    Email.immediateKey(followUp.id, to.id),
                    to.id,
                    to.recipient,
                    text.subject(),
                    text.body(),
                    followUp.id,
                    to.nextAllowed(now),
                    now);
        }
    }

    /** A follow-up was done or resolved: out of the next digest, and an immediate email not yet sent is cancelled. */
    public void closed(FollowUpPayloads.Closed closed) {
        Instant now = clock.instant();
        em.createQuery(
                        "update FollowUp set closedAt = :now, resolution = :resolution where id = :id and closedAt is null")
                .setParameter("now", now)
                .setParameter("resolution", closed.resolution())
                .setParameter("id", closed.followUpId())
                .executeUpdate();
        em.createQuery("""
                        update Email set status = :cancelled, lastError = 'its follow-up closed before it was sent'
                        where followUpId = :id and status = :pending""")
                .setParameter("cancelled", Email.Status.CANCELLED)
                .setParameter("pending", Email.Status.PENDING)
                .setParameter("id", closed.followUpId())
                .executeUpdate();
    }
}
