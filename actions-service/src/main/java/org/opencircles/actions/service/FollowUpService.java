package org.opencircles.actions.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.opencircles.actions.domain.Commitment;
import org.opencircles.actions.domain.FollowUp;
import org.opencircles.actions.domain.MemberProjection;
import org.opencircles.actions.domain.MenteeProjection;
import org.opencircles.events.FollowUpPayloads;
import org.opencircles.events.FollowUpReason;
import org.opencircles.events.MembershipStatus;
import org.opencircles.platform.audit.AccessAudit;
import org.opencircles.platform.consumer.BatchReads;
import org.opencircles.platform.outbox.Outbox;
import org.opencircles.platform.page.PageView;
import org.opencircles.platform.page.Paging;
import org.opencircles.platform.problem.Problem;
import org.opencircles.platform.problem.ProblemException;
import org.opencircles.platform.security.CallerScope;
import org.opencircles.platform.time.CivilTime;

/**
 * The due table. Follow-ups are scheduled by events, opened by the clock when due (only if their cause still holds),
 * and closed by people or by later events. Opening writes follow-up.due to the outbox in the same transaction, and the
 * unique (reason, subject, occurrence) key means one cause can never produce two follow-ups.
 */
@ApplicationScoped
public class FollowUpService {

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    CallerScope scope;

    @Inject
    AccessAudit audit;

    @Inject
    BatchReads batch;

    /** Which follow-ups to list: a status (OPEN if null) and, when given, a CLP, a reason, a subject. */
    public record FollowUpFilter(FollowUp.Status status, String clpCode, FollowUpReason reason, UUID subjectId) {}

    /**
     * One page of follow-ups in the caller's CLPs, the longest due first. Safeguarding concerns are listed to the
     * safeguarding lead and the notifier only; listing follow-ups about members is audited as reading them.
     */
    @Transactional
    public PageView<FollowUp> list(FollowUpFilter filter, boolean withConcerns, Paging paging) {
        StringBuilder where = new StringBuilder("status = :status");
        Map<String, Object> params = new HashMap<>();
        params.put("status", filter.status() == null ? FollowUp.Status.OPEN : filter.status());
        if (filter.clpCode() != null) {
            scope.requireClp(filter.clpCode());
            where.append(" and clpCode = :clp");
            params.put("clp", filter.clpCode());
        }
        scope.restrict(where, params, "clpCode");
        if (!withConcerns) {
            where.append(" and reason <> :concern");
            params.put("concern", FollowUpReason.SAFEGUARDING_CONCERN_RAISED);
        }
        if (filter.reason() != null) {
            where.append(" and reason = :reason");
            params.put("reason", filter.reason());
        }
        if (filter.subjectId() != null) {
            where.append(" and subjectId = :subject");
            params.put("subject", filter.subjectId());
        }
        var query = FollowUp.<FollowUp>find(where.toString(), Sort.by("dueAt").and("id"), params);
        PageView<FollowUp> found = paging.read(query);
        auditRead("LIST", found.items());
        return found;
    }

    /** A follow-up the caller may see (their CLPs, never a concern), its read audited when it is about a member. */
    @Transactional
    public Optional<FollowUp> shown(UUID id) {
        FollowUp f = FollowUp.findById(id);
        if (f == null || !f.shownTo(scope::canSee)) {
            return Optional.empty();
        }
        auditRead("READ", List.of(f));
        return Optional.of(f);
    }

    /** A person marks a follow-up they may see done (404 otherwise: a concern closes with the lead's outcome). */
    @Transactional
    public FollowUp completeShown(UUID id, String note) {
        FollowUp f = FollowUp.findById(id);
        if (f == null || !f.shownTo(scope::canSee)) {
            throw ProblemException.notFound("Follow-up", id);
        }
        FollowUp done = complete(id, note, scope.principal());
        auditRead("UPDATE", List.of(done));
        return done;
    }

    /** Follow-ups about members (and staff notes on them) are personal data: the DPO sees who read whose. */
    private void auditRead(String action, List<FollowUp> followUps) {
        List<UUID> members = FollowUp.memberSubjects(followUps);
        if (!members.isEmpty()) {
            audit.record(action, "member", members);
        }
    }

    /** Schedules a follow-up; scheduling the same reason, subject and occurrence again does nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void schedule(FollowUpReason reason, UUID subjectId, String occurrence, String clpCode, Instant dueAt) {
        scheduleAll(List.of(new Due(reason, subjectId, occurrence, clpCode, dueAt)));
    }

    /** One follow-up to schedule: a reason, its subject, which occurrence of the cause, where, and when it is due. */
    public record Due(FollowUpReason reason, UUID subjectId, String occurrence, String clpCode, Instant dueAt) {}

    /**
     * Schedules follow-ups in one statement (an import's young members without a guardian's consent: thousands);
     * those already scheduled for the same reason, subject and occurrence are left as they are. Pending entity changes
     * are written first, as a query would, so the statement sees everything the transaction did before it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void scheduleAll(List<Due> due) {
        if (due.isEmpty()) {
            return;
        }
        em.flush();
        em.unwrap(Session.class).doWork(connection -> {
            Array ids = connection.createArrayOf(
                    "uuid", due.stream().map(d -> UUID.randomUUID()).toArray());
            Array reasons = connection.createArrayOf(
                    "text", due.stream().map(d -> d.reason().name()).toArray());
            Array subjectTypes = connection.createArrayOf(
                    "text", due.stream().map(d -> d.reason().subjectType()).toArray());
            Array subjects = connection.createArrayOf(
                    "uuid", due.stream().map(Due::subjectId).toArray());
            Array occurrences = connection.createArrayOf(
                    "text", due.stream().map(Due::occurrence).toArray());
            Array clps = connection.createArrayOf(
                    "text", due.stream().map(Due::clpCode).toArray());
            Array roles = connection.createArrayOf(
                    "text", due.stream().map(d -> d.reason().assigneeRole()).toArray());
            // Instants as ISO-8601 text: unambiguous whatever the session's time zone.
            Array dueAt = connection.createArrayOf(
                    "text", due.stream().map(d -> d.dueAt().toString()).toArray());
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into follow_up (id, reason, subject_type, subject_id, occurrence, clp_code, assignee_role,
                                           due_at, status, version)
                    select id, reason, subject_type, subject_id, occurrence, clp_code, assignee_role,
                           cast(due_at as timestamptz), 'SCHEDULED', 0
                    from unnest(?, ?, ?, ?, ?, ?, ?, ?)
                         as due (id, reason, subject_type, subject_id, occurrence, clp_code, assignee_role, due_at)
                    on conflict (reason, subject_id, occurrence) do nothing""")) {
                insert.setArray(1, ids);
                insert.setArray(2, reasons);
                insert.setArray(3, subjectTypes);
                insert.setArray(4, subjects);
                insert.setArray(5, occurrences);
                insert.setArray(6, clps);
                insert.setArray(7, roles);
                insert.setArray(8, dueAt);
                insert.executeUpdate();
            }
        });
    }

    /** Moves the due time of a subject's not-yet-open follow-ups of this reason (e.g. a new due date). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reschedule(UUID subjectId, FollowUpReason reason, Instant dueAt) {
        FollowUp.update(
                "dueAt = ?1 where subjectId = ?2 and reason = ?3 and status = ?4",
                dueAt,
                subjectId,
                reason,
                FollowUp.Status.SCHEDULED);
    }

    /** Keeps a subject's follow-ups with the CLP it now belongs to. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void moveClp(UUID subjectId, String clpCode) {
        FollowUp.update(
                "clpCode = ?1 where subjectId = ?2 and status in ?3",
                clpCode,
                subjectId,
                List.of(FollowUp.Status.SCHEDULED, FollowUp.Status.OPEN));
    }

    /** The cause went away: close scheduled and open follow-ups; notifiers hear of the open ones. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void resolve(UUID subjectId, Collection<FollowUpReason> reasons, String why) {
        List<FollowUp> live = FollowUp.list(
                "subjectId = ?1 and reason in ?2 and status in ?3",
                subjectId,
                reasons,
                List.of(FollowUp.Status.SCHEDULED, FollowUp.Status.OPEN));
        for (FollowUp f : live) {
            boolean wasOpen = f.status == FollowUp.Status.OPEN;
            f.status = FollowUp.Status.RESOLVED;
            f.closedAt = clock.instant();
            f.closedBy = "system";
            f.note = why;
            if (wasOpen) {
                outbox.publish(new FollowUpPayloads.Closed(f.id, f.reason.name(), f.subjectId, "RESOLVED"), f.id);
            }
        }
    }

    /**
     * Opens up to {@code limit} due follow-ups whose cause still holds; returns how many rows it handled. Rows are
     * locked with SKIP LOCKED so replicas share the work and never open the same row twice.
     */
    @Transactional
    public int openDue(int limit) {
        Instant now = clock.instant();
        List<FollowUp> due = FollowUp.<FollowUp>find(
                        "status = ?1 and dueAt <= ?2 order by dueAt", FollowUp.Status.SCHEDULED, now)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", -2)
                .page(0, limit)
                .list();
        // The members the batch is about, in one query rather than one each (an import's young members without a
        // guardian's consent fall due by the thousand).
        batch.load(MemberProjection.class, FollowUp.memberSubjects(due));
        for (FollowUp f : due) {
            if (causeStillHolds(f)) {
                f.status = FollowUp.Status.OPEN;
                f.openedAt = now;
                outbox.publish(
                        new FollowUpPayloads.Due(
                                f.id, f.reason.name(), f.subjectType, f.subjectId, f.clpCode, f.assigneeRole, f.dueAt),
                        f.id);
            } else {
                f.status = FollowUp.Status.RESOLVED;
                f.closedAt = now;
                f.closedBy = "system";
                f.note = "no longer needed when it fell due";
            }
        }
        return due.size();
    }

    /** Replaces every note on a subject's follow-ups, which may say anything about the person, after an erasure. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void eraseNotes(UUID subjectId) {
        FollowUp.update("note = ?1 where subjectId = ?2 and note is not null", "member erased", subjectId);
    }

    /** A person did what the follow-up asked. */
    @Transactional
    public FollowUp complete(UUID id, String note, String by) {
        FollowUp f = FollowUp.findById(id);
        if (f == null) {
            throw ProblemException.notFound("Follow-up", id);
        }
        if (f.status != FollowUp.Status.OPEN) {
            throw new ProblemException(Problem.of(
                    409,
                    "follow-up-not-open",
                    "Not open",
                    "Follow-up " + id + " is " + f.status + ", only an open follow-up can be marked done",
                    null));
        }
        f.status = FollowUp.Status.DONE;
        f.closedAt = clock.instant();
        f.closedBy = by;
        f.note = note;
        outbox.publish(new FollowUpPayloads.Closed(f.id, f.reason.name(), f.subjectId, "DONE"), f.id);
        return f;
    }

    private Instant now() {
        return clock.instant();
    }

    private boolean causeStillHolds(FollowUp f) {
        return switch (f.reason) {
            case NEW_MEMBER_NOT_CONTACTED -> {
                MemberProjection m = MemberProjection.findById(f.subjectId);
                yield m != null && MembershipStatus.ACTIVE.name().equals(m.status) && m.lastContactedAt == null;
            }
            case GUARDIAN_CONSENT_MISSING -> {
                MemberProjection m = MemberProjection.findById(f.subjectId);
                yield m != null
                        && !MembershipStatus.RESIGNED.name().equals(m.status)
                        && m.needsGuardianConsentOn(CivilTime.dayOf(now()));
            }
            case INVOLVEMENT_NOT_FOLLOWED_UP -> {
                MemberProjection m = MemberProjection.findById(f.subjectId);
                yield m != null
                        && !MembershipStatus.RESIGNED.name().equals(m.status)
                        && m.wantsToGetInvolvedAt != null
                        && (m.lastContactedAt == null || m.lastContactedAt.isBefore(m.wantsToGetInvolvedAt));
            }
            case COMMITMENT_DUE_SOON, COMMITMENT_OVERDUE -> {
                Commitment c = Commitment.findById(f.subjectId);
                yield c != null && c.status.isOpen();
            }
            case PAIRING_ENDED_FOR_SAFEGUARDING, SAFEGUARDING_CONCERN_RAISED -> true;
            case MENTEE_WAITING -> {
                MenteeProjection m = MenteeProjection.findById(f.subjectId);
                yield m != null && m.stage == MenteeProjection.Stage.WAITING;
            }
        };
    }
}
