package org.opencircles.notifier.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.opencircles.notifier.domain.Email;
import org.opencircles.platform.page.PageView;
import org.opencircles.platform.page.Paging;
import org.opencircles.platform.problem.ProblemException;

/** The sent log: every email recorded, where it is, and an admin's deliberate resend of an uncertain or refused one. */
@ApplicationScoped
public class EmailLog {

    @Inject
    Clock clock;

    /** Emails newest first, optionally by status, kind or recipient. */
    @Transactional
    public PageView<Email> list(
            Email.Status status, Email.Kind kind, String recipient, UUID followUpId, Paging paging) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status);
        }
        if (kind != null) {
            where.append(" and kind = :kind");
            params.put("kind", kind);
        }
        if (recipient != null) {
            where.append(" and recipient = :recipient");
            params.put("recipient", recipient);
        }
        if (followUpId != null) {
            where.append(" and followUpId = :followUp");
            params.put("followUp", followUpId);
        }
        return paging.read(Email.find(where + " order by createdAt desc, id", params));
    }

    @Transactional
    public Email find(UUID id) {
        Email email = Email.findById(id);
        if (email == null) {
            throw ProblemException.notFound("Email", id);
        }
        return email;
    }

    /**
     * Queues an UNCERTAIN or REFUSED email again, on an admin's word (they checked the inbox, or fixed the address):
     * the one case where an email may be sent a second time, and the log says who decided it.
     */
    @Transactional
    public Email resend(UUID id, String by) {
        Email email = find(id);
        if (email.status != Email.Status.UNCERTAIN && email.status != Email.Status.REFUSED) {
            throw ProblemException.conflict(
                    "status", "only an UNCERTAIN or REFUSED email can be resent; this one is " + email.status);
        }
        email.status = Email.Status.PENDING;
        email.notBefore = clock.instant();
        email.claimedAt = null;
        email.claimedBy = null;
        email.lastError = "resent by " + by + " after: " + email.lastError;
        if (email.lastError.length() > 500) {
            email.lastError = email.lastError.substring(0, 500);
        }
        return email;
    }
}
