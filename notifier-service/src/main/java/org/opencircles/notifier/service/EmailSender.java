package org.opencircles.notifier.service;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.TimeoutException;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.opencircles.notifier.config.NotifierConfig;
import org.opencircles.notifier.domain.Backoff;
import org.opencircles.notifier.domain.Email;
import org.opencircles.platform.database.DatabaseProbe;

/**
 * Sends recorded emails, each at most once: a sender claims a batch (committed, so replicas skip it), sends, and
 * records the outcome. A transient SMTP failure puts the email back with a growing wait; a permanent refusal is
 * recorded; a claim whose outcome was never recorded (the sender died) becomes UNCERTAIN instead of being resent.
 * Each phase has its own limit: before a batch is sent the server must connect and greet within the greeting
 * timeout (if not, nothing was taken and the batch waits to be retried); once it has greeted, a send that takes
 * longer than the send timeout is the only UNCERTAIN window.
 */
@ApplicationScoped
public class EmailSender {

    /** The header that carries the email's id, so a recipient (or a test) can tell copies of one email apart. */
    public static final String EMAIL_ID_HEADER = "X-Open-Circles-Email";

    private static final Logger LOG = Logger.getLogger(EmailSender.class);

    @Inject
    ReactiveMailer mailer;

    @Inject
    EntityManager em;

    @Inject
    NotifierConfig config;

    @Inject
    Clock clock;

    @Inject
    MailServerGreeting greeting;

    @Inject
    DatabaseProbe database;

    private final String sender = senderName();
    private volatile boolean stopping;
    /** Why the last pass could not send, or null: shown by the readiness check. */
    private volatile String problem;

    /** What one attempt came to, and the status it leaves the email in. */
    enum Outcome {
        SENT(Email.Status.SENT),
        /** Down, 4xx, a connection refused: tried again later. */
        TRANSIENT(Email.Status.PENDING),
        REFUSED(Email.Status.REFUSED),
        /** The server went quiet mid-send: it may have taken the email. */
        UNKNOWN(Email.Status.UNCERTAIN);

        final Email.Status status;

        Outcome(Email.Status status) {
            this.status = status;
        }
    }

    void sendDue() {
        try {
            send();
        } catch (RuntimeException e) {
            // The database is away: nothing was claimed, or what was claimed is recorded when it is back.
            problem = database.problem()
                    .map(p -> "the database does not answer: " + p)
                    .orElse("sending failed: " + e.getMessage());
            LOG.warnf("Sending paused, retrying: %s", problem);
        }
    }

    /** Why the last pass could not send; empty after a pass that could (or had nothing to send). */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /**
     * One pass: gives up stale claims, then claims and sends batches of due emails until a batch comes back short (a
     * backlog is worked through at once, in batches that replicas share); returns how many were sent.
     */
    public int send() {
        QuarkusTransaction.requiringNew().run(() -> markUncertain(clock.instant()));
        int sent = 0;
        List<Email> claimed;
        do {
            Instant now = clock.instant();
            claimed = QuarkusTransaction.requiringNew().call(() -> claim(now));
            if (!claimed.isEmpty()) {
                Optional<String> silent = greeting.problem();
                if (silent.isPresent()) {
                    // Nothing went to a server that never greeted: every claimed email waits and is retried.
                    problem = silent.get();
                    LOG.warnf("Sending paused, %d email(s) retried later: %s", claimed.size(), problem);
                    for (Email email : claimed) {
                        email.lastError = silent.get();
                        record(email, Outcome.TRANSIENT);
                    }
                    return sent;
                }
            }
            for (Email email : claimed) {
                if (!QuarkusTransaction.requiringNew().call(() -> start(email))) {
                    continue;
                }
                Outcome outcome = deliver(email);
                record(email, outcome);
                sent += outcome == Outcome.SENT ? 1 : 0;
            }
        } while (claimed.size() == config.sendBatch() && !stopping);
        problem = null;
        return sent;
    }

    private void markUncertain(Instant now) {
        int stale = em.createQuery("""
                        update Email set status = :uncertain,
                               lastError = 'claimed and never recorded as sent or failed (its sender stopped): it may or may not have gone, and is not sent again unless an admin resends it'
                        where status = :sending and claimedAt < :before""")
                .setParameter("uncertain", Email.Status.UNCERTAIN)
                .setParameter("sending", Email.Status.SENDING)
                .setParameter("before", now.minus(config.claimLease()))
                .executeUpdate();
        if (stale > 0) {
            LOG.warnf("%d emails claimed by a sender that never recorded the outcome are now UNCERTAIN", stale);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Email> claim(Instant now) {
        List<UUID> ids = em.createNativeQuery("""
                        update email set status = 'SENDING', claimed_at = ?1, claimed_by = ?2, attempts = attempts + 1
                        where id in (select id from email where status = 'PENDING' and not_before <= ?1
                                     order by not_before, id limit ?3 for update skip locked)
                        returning id""", UUID.class)
                .setParameter(1, now)
                .setParameter(2, sender)
                .setParameter(3, config.sendBatch())
                .getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("from Email where id in :ids order by notBefore, id", Email.class)
                .setParameter("ids", ids)
                .getResultList();
    }

    /**
     * Renews the claim just before sending: the lease runs from this email's send, not from the batch's claim. If a
     * sweep marked it UNCERTAIN while earlier emails of the batch went out, this sender knows it never sent it, and
     * takes it back; if anyone else holds it now, it is not this sender's to send.
     */
    private boolean start(Email email) {
        return em.createQuery("""
                        update Email set status = :sending, claimedAt = :now
                        where id = :id and claimedBy = :sender and status in (:mine)""")
                        .setParameter("sending", Email.Status.SENDING)
                        .setParameter("now", clock.instant())
                        .setParameter("id", email.id)
                        .setParameter("sender", sender)
                        .setParameter("mine", List.of(Email.Status.SENDING, Email.Status.UNCERTAIN))
                        .executeUpdate()
                == 1;
    }

    private Outcome deliver(Email email) {
        Mail mail = Mail.withText(email.recipient, email.subject, email.body)
                .addHeader(EMAIL_ID_HEADER, email.id.toString());
        try {
            mailer.send(mail).await().atMost(config.sendTimeout());
            return Outcome.SENT;
        } catch (RuntimeException e) {
            SMTPException smtp = smtpReply(e);
            email.lastError = describe(e, smtp);
            if (smtp != null && smtp.isPermanent()) {
                return Outcome.REFUSED;
            }
            if (e instanceof TimeoutException) {
                // The server greeted, then went quiet: it may have taken it. Never risk a second copy.
                return Outcome.UNKNOWN;
            }
            return Outcome.TRANSIENT;
        }
    }

    /** Records the outcome, retrying while the database is away: the email went, and that must not be forgotten. */
    private void record(Email email, Outcome outcome) {
        Duration wait = Duration.ofMillis(200);
        while (true) {
            try {
                QuarkusTransaction.requiringNew().run(() -> apply(email, outcome));
                return;
            } catch (RuntimeException e) {
                if (stopping) {
                    LOG.errorf(
                            "Stopping before the outcome %s of email %s was recorded; it will show as UNCERTAIN",
                            outcome, email.id);
                    return;
                }
                LOG.warnf("Cannot record that email %s was %s yet (%s); retrying", email.id, outcome, e.getMessage());
                sleep(wait);
                wait = wait.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0
                        ? Duration.ofSeconds(5)
                        : wait.multipliedBy(2);
            }
        }
    }

    private void apply(Email claimed, Outcome outcome) {
        // Locked, so a sweep or an admin's resend on another replica waits for this outcome rather than racing it.
        Email email = Email.findById(claimed.id, LockModeType.PESSIMISTIC_WRITE);
        if (email == null
                || !sender.equals(email.claimedBy)
                || (email.status != Email.Status.SENDING && email.status != Email.Status.UNCERTAIN)) {
            return;
        }
        Instant now = clock.instant();
        email.status = outcome.status;
        email.claimedAt = null;
        email.lastError = outcome == Outcome.SENT ? null : truncate(claimed.lastError);
        switch (outcome) {
            case SENT -> email.sentAt = now;
            case TRANSIENT -> {
                email.notBefore = now.plus(new Backoff(config.retryFirst(), config.retryMax()).after(claimed.attempts));
                email.claimedBy = null;
            }
            case REFUSED, UNKNOWN -> {
                // Recorded as they are: neither is sent again on its own.
            }
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    private static SMTPException smtpReply(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SMTPException smtp) {
                return smtp;
            }
        }
        return null;
    }

    private static String describe(Throwable e, SMTPException smtp) {
        if (smtp != null) {
            return "SMTP " + smtp.getReplyCode() + ": " + smtp.getReplyMessage();
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 500);
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String senderName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "localhost";
        }
        return host + "/" + ProcessHandle.current().pid() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }
}
