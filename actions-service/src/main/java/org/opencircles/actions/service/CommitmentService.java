package org.opencircles.actions.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.opencircles.actions.config.FollowUpConfig;
import org.opencircles.actions.domain.Commitment;
import org.opencircles.actions.domain.CommitmentKind;
import org.opencircles.actions.domain.CommitmentStatus;
import org.opencircles.actions.domain.CommitmentUpdate;
import org.opencircles.actions.domain.MemberProjection;
import org.opencircles.events.CommitmentPayloads;
import org.opencircles.events.FollowUpReason;
import org.opencircles.events.MembershipStatus;
import org.opencircles.platform.outbox.Outbox;
import org.opencircles.platform.page.PageView;
import org.opencircles.platform.page.Paging;
import org.opencircles.platform.problem.FieldError;
import org.opencircles.platform.problem.ProblemException;
import org.opencircles.platform.security.CallerScope;
import org.opencircles.platform.time.CivilTime;

/** Commitment use cases: make one, report progress; each writes commitment-events and (re)schedules reminders. */
@ApplicationScoped
public class CommitmentService {

    /** A commitment to record: who promised what, where, by when, and a target for fundraising. */
    public record MakeCommitment(
            String clpCode,
            CommitmentKind kind,
            String title,
            String description,
            String madeAt,
            List<UUID> ownerMemberIds,
            LocalDate dueOn,
            Long targetPence) {}

    /** A progress report: any of status, percentage, money raised, a new due date, and a note. */
    public record ReportProgress(
            CommitmentStatus status, Integer percentComplete, Long raisedPence, LocalDate dueOn, String note) {}

    /** Which commitments to list; null fields do not filter. */
    public record CommitmentFilter(String clpCode, CommitmentStatus status, boolean overdueOnly) {}

    @Inject
    CallerScope scope;

    /** One page of the commitments in the caller's CLPs matching the filter, soonest due first. */
    @Transactional
    public PageView<Commitment> list(CommitmentFilter filter, Paging paging) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.clpCode() != null) {
            scope.requireClp(filter.clpCode());
            where.append(" and clpCode = :clp");
            params.put("clp", filter.clpCode());
        }
        scope.restrict(where, params, "clpCode");
        if (filter.status() != null) {
            where.append(" and status = :status");
            params.put("status", filter.status());
        }
        if (filter.overdueOnly()) {
            where.append(" and status in :open and dueOn < :today");
            params.put("open", CommitmentStatus.OPEN);
            params.put("today", today());
        }
        var query =
                Commitment.<Commitment>find(where.toString(), Sort.by("dueOn").and("id"), params);
        return paging.read(query);
    }

    /** A commitment in the caller's CLPs (404 otherwise). */
    public Commitment visible(UUID id) {
        return scope.visible(load(id), c -> c.clpCode, "Commitment", id);
    }

    @Inject
    Clock clock;

    @Inject
    FollowUpConfig rules;

    @Inject
    FollowUpService followUps;

    @Inject
    Outbox outbox;

    public LocalDate today() {
        return CivilTime.today(clock);
    }

    @Transactional
    public Commitment make(MakeCommitment r, String by) {
        List<FieldError> errors = new ArrayList<>();
        Set<UUID> owners = new LinkedHashSet<>(r.ownerMemberIds());
        for (UUID owner : owners) {
            MemberProjection m = MemberProjection.findById(owner);
            if (m == null) {
                errors.add(new FieldError("ownerMemberIds", "member " + owner + " is not known (yet) to actions"));
            } else if (!m.clpCode.equals(r.clpCode())) {
                errors.add(new FieldError("ownerMemberIds", "member " + owner + " is not in CLP " + r.clpCode()));
            } else if (!MembershipStatus.ACTIVE.name().equals(m.status)) {
                errors.add(new FieldError("ownerMemberIds", "member " + owner + " is " + m.status.toLowerCase()));
            }
        }
        if (r.kind() == CommitmentKind.FUNDRAISING && r.targetPence() == null) {
            errors.add(new FieldError("targetPence", "a fundraising commitment needs a target"));
        }
        if (r.kind() != CommitmentKind.FUNDRAISING && r.targetPence() != null) {
            errors.add(new FieldError("targetPence", "only fundraising commitments have a target"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        Instant now = clock.instant();
        Commitment c = new Commitment();
        c.id = UUID.randomUUID();
        c.clpCode = r.clpCode();
        c.kind = r.kind();
        c.title = r.title().trim();
        c.description = r.description();
        c.madeAt = r.madeAt().trim();
        c.ownerMemberIds = new ArrayList<>(owners);
        c.dueOn = r.dueOn();
        c.status = CommitmentStatus.COMMITTED;
        c.targetPence = r.targetPence();
        c.createdBy = by;
        c.createdAt = now;
        c.updatedAt = now;
        c.persist();
        outbox.publish(
                new CommitmentPayloads.Made(
                        c.id,
                        c.clpCode,
                        c.kind.name(),
                        c.title,
                        c.madeAt,
                        List.copyOf(c.ownerMemberIds),
                        c.dueOn,
                        c.targetPence),
                c.id);
        scheduleReminders(c);
        return c;
    }

    @Transactional
    public Commitment progress(UUID id, ReportProgress r, String by) {
        Commitment c = load(id);
        if (!c.status.isOpen()) {
            throw ProblemException.ruleBroken(
                    "commitment-closed", "status", "the commitment is already " + c.status + " and cannot change");
        }
        if (r.status() != null && r.status() != c.status && !c.status.next().contains(r.status())) {
            throw ProblemException.ruleBroken(
                    "status-transition", "status", "a " + c.status + " commitment cannot become " + r.status());
        }
        if (r.raisedPence() != null && c.kind != CommitmentKind.FUNDRAISING) {
            throw ProblemException.invalidField("raisedPence", "only fundraising commitments raise money");
        }
        if (r.status() == null
                && r.percentComplete() == null
                && r.raisedPence() == null
                && r.dueOn() == null
                && r.note() == null) {
            throw ProblemException.invalidField(
                    "body", "report at least one of status, percentComplete, " + "raisedPence, dueOn or note");
        }
        if (r.status() != null) {
            c.status = r.status();
        } else if (c.status == CommitmentStatus.COMMITTED
                && (r.percentComplete() != null && r.percentComplete() > 0 || r.raisedPence() != null)) {
            // Reporting progress is starting: nobody should have to say so twice.
            c.status = CommitmentStatus.IN_PROGRESS;
        }
        if (r.percentComplete() != null) {
            c.percentComplete = r.percentComplete();
        }
        if (r.raisedPence() != null) {
            c.raisedPence = r.raisedPence();
            if (c.targetPence != null && r.percentComplete() == null) {
                c.percentComplete = (int) Math.min(100, 100 * c.raisedPence / c.targetPence);
            }
        }
        if (c.status == CommitmentStatus.DONE) {
            c.percentComplete = 100;
            c.completedOn = today();
        }
        if (r.dueOn() != null && !r.dueOn().equals(c.dueOn)) {
            c.dueOn = r.dueOn();
            followUps.reschedule(c.id, FollowUpReason.COMMITMENT_DUE_SOON, dueSoonAt(c));
            followUps.reschedule(c.id, FollowUpReason.COMMITMENT_OVERDUE, overdueAt(c));
        }
        c.updatedAt = clock.instant();
        CommitmentUpdate u = new CommitmentUpdate();
        u.id = UUID.randomUUID();
        u.commitmentId = c.id;
        u.status = c.status;
        u.percentComplete = c.percentComplete;
        u.raisedPence = c.raisedPence;
        u.note = r.note();
        u.updatedBy = by;
        u.updatedAt = c.updatedAt;
        u.persist();
        outbox.publish(
                new CommitmentPayloads.Progressed(
                        c.id,
                        c.clpCode,
                        c.status.name(),
                        c.percentComplete,
                        c.kind == CommitmentKind.FUNDRAISING ? c.raisedPence : null),
                c.id);
        if (!c.status.isOpen()) {
            followUps.resolve(
                    c.id,
                    List.of(FollowUpReason.COMMITMENT_DUE_SOON, FollowUpReason.COMMITMENT_OVERDUE),
                    "commitment " + c.status.name().toLowerCase());
        }
        return c;
    }

    public Commitment load(UUID id) {
        Commitment c = Commitment.findById(id);
        if (c == null) {
            throw ProblemException.notFound("Commitment", id);
        }
        return c;
    }

    public List<CommitmentUpdate> updates(UUID id) {
        return CommitmentUpdate.list("commitmentId", Sort.by("updatedAt"), id);
    }

    private void scheduleReminders(Commitment c) {
        Instant dueSoon = dueSoonAt(c);
        if (dueSoon.isAfter(clock.instant())) {
            followUps.schedule(FollowUpReason.COMMITMENT_DUE_SOON, c.id, "due", c.clpCode, dueSoon);
        }
        followUps.schedule(FollowUpReason.COMMITMENT_OVERDUE, c.id, "due", c.clpCode, overdueAt(c));
    }

    private Instant dueSoonAt(Commitment c) {
        return CivilTime.startOf(c.dueOn).minus(rules.commitmentReminderLead());
    }

    /** Overdue from the first moment of the day after the due date, in the party's time zone. */
    private Instant overdueAt(Commitment c) {
        return CivilTime.startOf(c.dueOn.plusDays(1));
    }
}
