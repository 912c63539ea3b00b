package org.opencircles.actions.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.opencircles.actions.config.FollowUpConfig;
import org.opencircles.actions.domain.CallListProjection;
import org.opencircles.actions.domain.MemberProjection;
import org.opencircles.actions.domain.MenteeProjection;
import org.opencircles.events.FollowUpReason;
import org.opencircles.events.MemberPayloads;
import org.opencircles.events.MembershipStatus;
import org.opencircles.platform.bulk.BulkInsert;
import org.opencircles.platform.consumer.BatchReads;
import org.opencircles.platform.time.CivilTime;

/** Keeps the member projection and the member follow-ups it drives in step with member-events. */
@ApplicationScoped
public class MemberEventsApplier {

    private static final Set<String> REACHED = Set.of("CALLED", "MET", "EMAILED", "TEXTED");
    private static final List<FollowUpReason> CONTACT_REASONS =
            List.of(FollowUpReason.NEW_MEMBER_NOT_CONTACTED, FollowUpReason.INVOLVEMENT_NOT_FOLLOWED_UP);
    /** Every reason whose subject is a member: all close when the member leaves or is erased. */
    private static final List<FollowUpReason> MEMBER_REASONS = List.of(
            FollowUpReason.NEW_MEMBER_NOT_CONTACTED,
            FollowUpReason.INVOLVEMENT_NOT_FOLLOWED_UP,
            FollowUpReason.GUARDIAN_CONSENT_MISSING);

    @Inject
    FollowUpConfig rules;

    @Inject
    FollowUpService followUps;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    BatchReads batch;

    @Inject
    BulkInsert bulk;

    /**
     * Loads the projections of the members a batch of events is about, in one query instead of one per event, and
     * remembers which have none yet (an import's thousands of new members), for the rest of the transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void prefetch(Collection<UUID> memberIds) {
        batch.load(MemberProjection.class, memberIds);
    }

    /** The member's projection, or null; without a query when {@link #prefetch} already knows there is none. */
    private MemberProjection projection(UUID memberId) {
        return batch.find(MemberProjection.class, memberId);
    }

    /** One member.joined event and when members-service recorded it (the event's time). */
    public record Joining(MemberPayloads.Joined event, Instant recordedAt) {}

    /** Whether the member has no projection here yet: without a query once {@link #prefetch} has run. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean isNew(UUID memberId) {
        return projection(memberId) == null;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void joined(MemberPayloads.Joined e, Instant recordedAt) {
        MemberProjection m = projection(e.memberId());
        if (m == null) {
            joinedAll(List.of(new Joining(e, recordedAt)));
            return;
        }
        joining(m, e, recordedAt);
        followUps.scheduleAll(dueOnJoining(m, e, recordedAt));
    }

    /**
     * Members joining who have no projection yet (an import's thousands): their projections written with one COPY
     * and their follow-ups with one statement, instead of an entity and a statement each.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void joinedAll(List<Joining> joinings) {
        if (joinings.isEmpty()) {
            return;
        }
        List<List<Object>> rows = new ArrayList<>(joinings.size());
        List<FollowUpService.Due> due = new ArrayList<>();
        for (Joining j : joinings) {
            MemberProjection m = new MemberProjection();
            m.memberId = j.event().memberId();
            joining(m, j.event(), j.recordedAt());
            rows.add(m.columnValues());
            due.addAll(dueOnJoining(m, j.event(), j.recordedAt()));
        }
        bulk.rows("member_projection", MemberProjection.COLUMNS, rows);
        joinings.forEach(j -> batch.created(MemberProjection.class, j.event().memberId()));
        followUps.scheduleAll(due);
    }

    private static void joining(MemberProjection m, MemberPayloads.Joined e, Instant recordedAt) {
        m.clpCode = e.clpCode();
        m.wardCode = e.wardCode();
        m.status = e.status();
        m.joinedOn = e.joinedOn();
        m.joinedRecordedAt = recordedAt;
        m.adultOn = e.adultOn();
        m.guardianConsent = e.guardianConsent();
    }

    /** The follow-ups a joining starts: the guardian's consent to collect, and a first contact for a new member. */
    private List<FollowUpService.Due> dueOnJoining(MemberProjection m, MemberPayloads.Joined e, Instant recordedAt) {
        List<FollowUpService.Due> due = new ArrayList<>(2);
        if (m.needsGuardianConsentOn(CivilTime.dayOf(recordedAt))) {
            due.add(new FollowUpService.Due(
                    FollowUpReason.GUARDIAN_CONSENT_MISSING, m.memberId, "joined", m.clpCode, recordedAt));
        }
        if (!MembershipStatus.ACTIVE.name().equals(e.status())) {
            return due;
        }
        // A member who joined today waits from the moment they were recorded; one imported with an old joining date
        // waits from that date, and is not "new" at all if the wait is already over (no burst of stale follow-ups).
        LocalDate recordedDay = CivilTime.dayOf(recordedAt);
        Instant waitFrom = e.joinedOn().isBefore(recordedDay) ? CivilTime.startOf(e.joinedOn()) : recordedAt;
        Instant dueAt = waitFrom.plus(rules.newMemberContactWithin());
        if (!dueAt.isBefore(recordedAt)) {
            due.add(new FollowUpService.Due(
                    FollowUpReason.NEW_MEMBER_NOT_CONTACTED, m.memberId, "joined", m.clpCode, dueAt));
        }
        return due;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void updated(MemberPayloads.Updated e) {
        MemberProjection m = projection(e.memberId());
        if (m == null) {
            return;
        }
        if (!m.clpCode.equals(e.clpCode())) {
            followUps.moveClp(m.memberId, e.clpCode());
        }
        m.clpCode = e.clpCode();
        m.wardCode = e.wardCode();
        boolean neededConsent = m.needsGuardianConsentOn(CivilTime.today(clock));
        m.adultOn = e.adultOn();
        m.guardianConsent = e.guardianConsent();
        boolean needsConsent = m.needsGuardianConsentOn(CivilTime.today(clock));
        if (neededConsent && !needsConsent) {
            followUps.resolve(
                    m.memberId, List.of(FollowUpReason.GUARDIAN_CONSENT_MISSING), "guardian consent recorded");
        } else if (needsConsent && !neededConsent) {
            // Consent withdrawn, or a corrected date of birth: a new occurrence, as the earlier one was closed.
            followUps.schedule(
                    FollowUpReason.GUARDIAN_CONSENT_MISSING,
                    m.memberId,
                    "updated:" + clock.instant(),
                    m.clpCode,
                    clock.instant());
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void statusChanged(MemberPayloads.StatusChanged e) {
        MemberProjection m = projection(e.memberId());
        if (m == null) {
            return;
        }
        m.status = e.to();
        if (!MembershipStatus.ACTIVE.name().equals(e.to())) {
            followUps.resolve(m.memberId, MEMBER_REASONS, "member " + e.to().toLowerCase());
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void contactLogged(MemberPayloads.ContactLogged e) {
        MemberProjection m = projection(e.memberId());
        if (m == null) {
            return;
        }
        if ("WANTS_TO_GET_INVOLVED".equals(e.kind())) {
            m.wantsToGetInvolvedAt = e.loggedAt();
            followUps.schedule(
                    FollowUpReason.INVOLVEMENT_NOT_FOLLOWED_UP,
                    m.memberId,
                    e.loggedAt().toString(),
                    m.clpCode,
                    e.loggedAt().plus(rules.involvedContactWithin()));
        } else if (REACHED.contains(e.kind())) {
            if (m.lastContactedAt == null || m.lastContactedAt.isBefore(e.loggedAt())) {
                m.lastContactedAt = e.loggedAt();
            }
            followUps.resolve(
                    m.memberId, CONTACT_REASONS, "member contacted (" + e.kind().toLowerCase() + ")");
        }
    }

    /** Drops everything held about the member; follow-ups keep only the id, closed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erased(MemberPayloads.Erased e) {
        followUps.resolve(e.memberId(), MEMBER_REASONS, "member erased");
        // Notes staff wrote when closing the member's follow-ups ("called, coming to the ward meeting") go too.
        followUps.eraseNotes(e.memberId());
        for (MenteeProjection mentee : MenteeProjection.<MenteeProjection>list("memberId", e.memberId())) {
            followUps.resolve(mentee.menteeId, List.of(FollowUpReason.MENTEE_WAITING), "member erased");
            followUps.eraseNotes(mentee.menteeId);
            mentee.delete();
        }
        em.createNativeQuery("update commitment set owner_member_ids = array_remove(owner_member_ids, :id) "
                        + "where :id = any(owner_member_ids)")
                .setParameter("id", e.memberId())
                .executeUpdate();
        MemberProjection.deleteById(e.memberId());
    }

    /** Keeps a call list's counts for the dashboard; events for one list arrive in order, so the last one holds. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void callListProgressed(MemberPayloads.CallListProgressed e) {
        CallListProjection list = CallListProjection.findById(e.listId());
        if (list == null) {
            list = new CallListProjection();
            list.listId = e.listId();
            list.clpCode = e.clpCode();
            list.total = e.total();
            list.done = e.done();
            list.persist();
            return;
        }
        list.clpCode = e.clpCode();
        list.total = e.total();
        list.done = e.done();
    }
}
