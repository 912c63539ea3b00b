package org.opencircles.notifier.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.opencircles.notifier.config.NotifierConfig;
import org.opencircles.notifier.domain.Commitment;
import org.opencircles.notifier.domain.Email;
import org.opencircles.notifier.domain.EmailText;
import org.opencircles.notifier.domain.FollowUp;
import org.opencircles.notifier.domain.StaffRole;
import org.opencircles.notifier.domain.Subscription;

/**
 * Composes each subscriber's morning digest once per local day: what is open for them at that moment (a follow-up
 * closed before then is not in it), recorded as an email like any other. Replicas agree through the digest row.
 */
@ApplicationScoped
public class DigestService {

    private static final Logger LOG = Logger.getLogger(DigestService.class);

    @Inject
    EntityManager em;

    @Inject
    EmailIntents intents;

    @Inject
    NotifierConfig config;

    @Inject
    Clock clock;

    void composeDue() {
        int composed = compose(clock.instant(), false);
        if (composed > 0) {
            LOG.infof("Composed %d morning digests", composed);
        }
    }

    /**
     * Composes the digest of every subscriber whose digest time has come at {@code now} (or, {@code regardlessOfTime},
     * everyone's today) and who has none for their local day yet; returns how many emails it recorded.
     */
    public int compose(Instant now, boolean regardlessOfTime) {
        List<UUID> subscriptions = QuarkusTransaction.requiringNew()
                .call(() -> em.createQuery("select s.id from Subscription s order by s.id", UUID.class)
                        .getResultList());
        int composed = 0;
        for (UUID id : subscriptions) {
            composed += QuarkusTransaction.requiringNew().call(() -> composeFor(id, now, regardlessOfTime));
        }
        return composed;
    }

    private int composeFor(UUID subscriptionId, Instant now, boolean regardlessOfTime) {
        Subscription to = Subscription.findById(subscriptionId);
        if (to == null || !(regardlessOfTime || to.digestDue(now, config.digestAt()))) {
            return 0;
        }
        LocalDate day = to.localDay(now);
        int claimed = em.createNativeQuery("""
                        insert into digest (subscription_id, digest_date, follow_ups, composed_at) values (?1, ?2, 0, ?3)
                        on conflict do nothing""")
                .setParameter(1, to.id)
                .setParameter(2, day)
                .setParameter(3, now)
                .executeUpdate();
        if (claimed == 0) {
            return 0;
        }
        List<FollowUp> open = openFor(to);
        if (open.isEmpty()) {
            return 0;
        }
        boolean oversees = to.role == StaffRole.SECRETARY || to.role == StaffRole.ORGANISER;
        List<String> clps = Arrays.asList(to.clpCodes);
        EmailText.Text text = EmailText.digest(
                to,
                day,
                open,
                oversees ? Commitment.figures(clps.contains(Subscription.ALL_CLPS) ? null : clps, day) : List.of(),
                config.linkBase());
        UUID email = intents.record(
                        Email.Kind.DIGEST,
                        Email.digestKey(to.id, day),
                        to.id,
                        to.recipient,
                        text.subject(),
                        text.body(),
                        null,
                        to.nextAllowed(now),
                        now)
                .orElse(null);
        em.createNativeQuery(
                        "update digest set follow_ups = ?1, email_id = ?2 where subscription_id = ?3 and digest_date = ?4")
                .setParameter(1, open.size())
                .setParameter(2, email)
                .setParameter(3, to.id)
                .setParameter(4, day)
                .executeUpdate();
        return email == null ? 0 : 1;
    }

    /** The open follow-ups {@code to} hears about, oldest due first. */
    List<FollowUp> openFor(Subscription to) {
        List<String> clps = Arrays.asList(to.clpCodes);
        List<FollowUp> candidates = clps.contains(Subscription.ALL_CLPS)
                ? FollowUp.list("closedAt is null order by dueAt, id")
                : FollowUp.list("closedAt is null and clpCode in ?1 order by dueAt, id", clps);
        return candidates.stream().filter(to::hears).toList();
    }
}
