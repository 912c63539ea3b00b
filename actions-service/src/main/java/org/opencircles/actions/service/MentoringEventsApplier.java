package org.opencircles.actions.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.opencircles.actions.config.FollowUpConfig;
import org.opencircles.actions.domain.MenteeProjection;
import org.opencircles.events.FollowUpReason;
import org.opencircles.events.MentoringPayloads;
import org.opencircles.events.PairingEndReason;

/**
 * Tracks which mentees wait for a mentor, from mentoring-events, and follows up long waits and safeguarding concerns.
 */
@ApplicationScoped
public class MentoringEventsApplier {

    /** Pairing end reasons that leave the mentee still wanting a mentor. */
    @Inject
    FollowUpConfig rules;

    @Inject
    FollowUpService followUps;

    @Transactional(Transactional.TxType.MANDATORY)
    public void enrolled(MentoringPayloads.MenteeEnrolled e, Instant at) {
        MenteeProjection m = MenteeProjection.findById(e.menteeId());
        if (m == null) {
            m = new MenteeProjection();
            m.menteeId = e.menteeId();
        }
        m.memberId = e.memberId();
        m.clpCode = e.clpCode();
        m.stage = MenteeProjection.Stage.WAITING;
        m.waitingSince = at;
        m.persist();
        followUps.schedule(
                FollowUpReason.MENTEE_WAITING, m.menteeId, "enrolled", m.clpCode, at.plus(rules.menteeWaitLimit()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void paired(MentoringPayloads.PairingActivated e) {
        MenteeProjection m = MenteeProjection.findById(e.menteeId());
        if (m == null || m.stage == MenteeProjection.Stage.WITHDRAWN) {
            return;
        }
        m.stage = MenteeProjection.Stage.PAIRED;
        followUps.resolve(m.menteeId, List.of(FollowUpReason.MENTEE_WAITING), "paired with a mentor");
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void pairingEnded(MentoringPayloads.PairingEnded e, Instant at) {
        PairingEndReason reason = PairingEndReason.valueOfOrNull(e.reason());
        if (reason != null && reason.youthOfficerMustHear()) {
            followUps.schedule(
                    FollowUpReason.PAIRING_ENDED_FOR_SAFEGUARDING,
                    e.menteeId(),
                    "pairing-ended:" + e.pairingId(),
                    e.clpCode(),
                    at);
        }
        MenteeProjection m = MenteeProjection.findById(e.menteeId());
        if (m == null
                || m.stage != MenteeProjection.Stage.PAIRED && m.stage != MenteeProjection.Stage.SUSPENDED
                || reason == null
                || !reason.menteeStillWaits()) {
            return;
        }
        m.stage = MenteeProjection.Stage.WAITING;
        m.waitingSince = at;
        followUps.schedule(
                FollowUpReason.MENTEE_WAITING,
                m.menteeId,
                "pairing-ended:" + e.pairingId(),
                m.clpCode,
                at.plus(rules.menteeWaitLimit()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void withdrawn(MentoringPayloads.MenteeWithdrawn e) {
        MenteeProjection m = MenteeProjection.findById(e.menteeId());
        if (m == null) {
            return;
        }
        m.stage = MenteeProjection.Stage.WITHDRAWN;
        followUps.resolve(m.menteeId, List.of(FollowUpReason.MENTEE_WAITING), "mentee withdrew");
    }

    /** The pairing is suspended while a concern is looked into: the mentee is neither paired nor waiting. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void suspended(MentoringPayloads.PairingSuspended e) {
        MenteeProjection m = MenteeProjection.findById(e.menteeId());
        if (m != null && m.stage == MenteeProjection.Stage.PAIRED) {
            m.stage = MenteeProjection.Stage.SUSPENDED;
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void reinstated(MentoringPayloads.PairingReinstated e) {
        MenteeProjection m = MenteeProjection.findById(e.menteeId());
        if (m != null && m.stage == MenteeProjection.Stage.SUSPENDED) {
            m.stage = MenteeProjection.Stage.PAIRED;
        }
    }

    /** The designated safeguarding lead must act on a concern at once: a follow-up due now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void concernRaised(MentoringPayloads.ConcernRaised e, Instant at) {
        followUps.schedule(FollowUpReason.SAFEGUARDING_CONCERN_RAISED, e.concernId(), "raised", e.clpCode(), at);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void concernDecided(MentoringPayloads.ConcernOutcomeRecorded e) {
        followUps.resolve(e.concernId(), List.of(FollowUpReason.SAFEGUARDING_CONCERN_RAISED), "outcome recorded");
    }
}
