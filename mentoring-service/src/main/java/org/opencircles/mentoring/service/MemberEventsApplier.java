package org.opencircles.mentoring.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.opencircles.events.MemberPayloads;
import org.opencircles.events.MembershipStatus;
import org.opencircles.events.MentoringPayloads;
import org.opencircles.events.PairingEndReason;
import org.opencircles.mentoring.domain.MemberProjection;
import org.opencircles.mentoring.domain.Mentee;
import org.opencircles.mentoring.domain.Mentor;
import org.opencircles.mentoring.domain.MentoringSession;
import org.opencircles.mentoring.domain.Pairing;
import org.opencircles.platform.bulk.BulkInsert;
import org.opencircles.platform.consumer.BatchReads;
import org.opencircles.platform.outbox.Outbox;

/** Applies member-events: keeps the projection, and ends the pairings of members who lapse, resign or are erased. */
@ApplicationScoped
public class MemberEventsApplier {

    @Inject
    PairingService pairings;

    @Inject
    Outbox outbox;

    @Inject
    ConcernService concerns;

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

    /** Whether the member has no projection here yet: without a query once {@link #prefetch} has run. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean isNew(UUID memberId) {
        return batch.find(MemberProjection.class, memberId) == null;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void joined(MemberPayloads.Joined e) {
        MemberProjection m = batch.find(MemberProjection.class, e.memberId());
        if (m == null) {
            joinedAll(List.of(e));
            return;
        }
        joining(m, e);
    }

    /** Members joining who have no projection yet (an import's thousands): written with one COPY. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void joinedAll(List<MemberPayloads.Joined> joinings) {
        if (joinings.isEmpty()) {
            return;
        }
        List<List<Object>> rows = new ArrayList<>(joinings.size());
        for (MemberPayloads.Joined e : joinings) {
            MemberProjection m = new MemberProjection();
            m.memberId = e.memberId();
            joining(m, e);
            rows.add(m.columnValues());
        }
        bulk.rows("member_projection", MemberProjection.COLUMNS, rows);
        joinings.forEach(e -> batch.created(MemberProjection.class, e.memberId()));
    }

    private static void joining(MemberProjection m, MemberPayloads.Joined e) {
        m.clpCode = e.clpCode();
        m.wardCode = e.wardCode();
        m.status = e.status();
        m.adultOn = e.adultOn();
        m.youthUntil = e.youthUntil();
        m.guardianConsent = e.guardianConsent();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void updated(MemberPayloads.Updated e) {
        MemberProjection m = batch.find(MemberProjection.class, e.memberId());
        if (m == null) {
            return;
        }
        if (!e.clpCode().equals(m.clpCode)) {
            // Mentoring follows the member to their new CLP.
            Mentor.update("clpCode = ?1 where memberId = ?2", e.clpCode(), e.memberId());
            Mentee.update("clpCode = ?1 where memberId = ?2", e.clpCode(), e.memberId());
        }
        m.clpCode = e.clpCode();
        m.wardCode = e.wardCode();
        m.adultOn = e.adultOn();
        m.youthUntil = e.youthUntil();
        m.guardianConsent = e.guardianConsent();
        // A withdrawn consent or a corrected date of birth may make a running pairing unsafe: check again now.
        pairings.recheck(e.memberId());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void statusChanged(MemberPayloads.StatusChanged e) {
        MemberProjection m = batch.find(MemberProjection.class, e.memberId());
        if (m == null) {
            return;
        }
        m.status = e.to();
        if (!MembershipStatus.ACTIVE.name().equals(e.to())) {
            leave(e.memberId(), "MEMBER_" + e.to());
        }
    }

    /** Ends the member's pairings, then erases what mentoring holds of them: link, skills, goals, check, notes. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erased(MemberPayloads.Erased e) {
        leave(e.memberId(), "MEMBER_ERASED");
        for (Mentor mentor : Mentor.<Mentor>list("memberId", e.memberId())) {
            eraseNotes("mentorId", mentor.id);
            mentor.memberId = null;
            mentor.skills = new ArrayList<>();
            mentor.checkReference = null;
        }
        for (Mentee mentee : Mentee.<Mentee>list("memberId", e.memberId())) {
            eraseNotes("menteeId", mentee.id);
            mentee.memberId = null;
            mentee.goals = new ArrayList<>();
        }
        MemberProjection.deleteById(e.memberId());
        // Safeguarding concerns outlive erasure (a legal obligation), minimised; members-service's record says so.
        concerns.memberErased(e.memberId());
    }

    /** Ends the member's pairings and withdraws them as a mentee; {@code reasonCode} is what the event says. */
    private void leave(UUID memberId, String reasonCode) {
        for (Mentor mentor : Mentor.<Mentor>list("memberId", memberId)) {
            mentor.status = Mentor.Status.INACTIVE;
            for (Pairing p : Pairing.<Pairing>list("mentorId = ?1 and status in ?2", mentor.id, Pairing.LIVE)) {
                pairings.close(p, PairingEndReason.MENTOR_UNAVAILABLE);
            }
        }
        for (Mentee mentee : Mentee.<Mentee>list("memberId", memberId)) {
            for (Pairing p : Pairing.<Pairing>list("menteeId = ?1 and status in ?2", mentee.id, Pairing.LIVE)) {
                pairings.close(p, PairingEndReason.MENTEE_LEFT);
            }
            if (mentee.status != Mentee.Status.WITHDRAWN && mentee.status != Mentee.Status.COMPLETED) {
                mentee.status = Mentee.Status.WITHDRAWN;
                outbox.publish(
                        new MentoringPayloads.MenteeWithdrawn(mentee.id, memberId, mentee.clpCode, reasonCode),
                        mentee.id);
            }
        }
    }

    private static void eraseNotes(String side, UUID id) {
        List<UUID> pairingIds =
                Pairing.<Pairing>list(side, id).stream().map(p -> p.id).toList();
        if (!pairingIds.isEmpty()) {
            MentoringSession.update("notes = null where pairingId in ?1", pairingIds);
        }
    }
}
