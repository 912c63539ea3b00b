package org.opencircles.mentoring.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.opencircles.events.MentoringPayloads;
import org.opencircles.events.PairingEndReason;
import org.opencircles.mentoring.domain.Concern;
import org.opencircles.mentoring.domain.MemberProjection;
import org.opencircles.mentoring.domain.Mentee;
import org.opencircles.mentoring.domain.Mentor;
import org.opencircles.mentoring.domain.MentoringSession;
import org.opencircles.mentoring.domain.Pairing;
import org.opencircles.mentoring.domain.Safeguarding;
import org.opencircles.platform.cluster.ClusterLock;
import org.opencircles.platform.outbox.Outbox;
import org.opencircles.platform.page.PageView;
import org.opencircles.platform.page.Paging;
import org.opencircles.platform.problem.FieldError;
import org.opencircles.platform.problem.Problem;
import org.opencircles.platform.problem.ProblemException;
import org.opencircles.platform.security.CallerScope;
import org.opencircles.platform.time.CivilTime;

/** The pairing lifecycle and its sessions, with safeguarding enforced at every step rather than advised. */
@ApplicationScoped
public class PairingService {

    @Inject
    ClusterLock clusterLock;

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    MentorService mentors;

    @Inject
    MenteeService mentees;

    @Inject
    CallerScope scope;

    @Inject
    Event<ConcernInSession> concernsInSessions;

    /** Propose pairing this mentor with this mentee. */
    public record ProposePairing(UUID mentorId, UUID menteeId) {}

    /** "I have a concern", flagged with a session: what kind, and what was seen or heard. */
    public record ConcernFlag(Concern.Category category, String account) {}

    /** A session held: when, how long, how, whether supervised, notes, and a concern if one was flagged. */
    public record LogSession(
            LocalDate heldOn, int minutes, String mode, boolean supervised, String notes, ConcernFlag concern) {}

    /** A mentor suggested for a mentee, and why. */
    public record Suggestion(
            UUID mentorId, String clpCode, boolean sameClp, List<String> sharedSkills, int capacityLeft, int score) {}

    private LocalDate today() {
        return CivilTime.today(clock);
    }

    /** A pairing whose mentee is in the caller's CLPs; 404 otherwise. */
    public Pairing visible(UUID id) {
        Pairing p = Pairing.findById(id);
        return scope.visible(p, x -> mentees.mentee(x.menteeId).clpCode, "Pairing", id);
    }

    /** One page of a pairing's sessions, in the order they were held. */
    @Transactional
    public PageView<MentoringSession> sessions(UUID pairingId, Paging paging) {
        Pairing p = visible(pairingId);
        var query = MentoringSession.<MentoringSession>find(
                "pairingId", Sort.by("heldOn").and("id"), p.id);
        return paging.read(query);
    }

    @Transactional
    public Pairing propose(ProposePairing r, String by) {
        Mentee mentee = mentees.mentee(r.menteeId());
        scope.requireClp(mentee.clpCode);
        Mentor mentor = mentors.mentor(r.mentorId());
        if (mentee.status != Mentee.Status.WAITING) {
            throw ProblemException.ruleBroken("mentee-not-waiting", "menteeId", "the mentee is " + mentee.status);
        }
        enforce(mentor, mentee, today());
        Pairing p = new Pairing();
        p.id = UUID.randomUUID();
        p.mentorId = mentor.id;
        p.menteeId = mentee.id;
        p.status = Pairing.Status.PROPOSED;
        p.proposedBy = by;
        p.proposedAt = clock.instant();
        p.persist();
        return p;
    }

    /** Starts a proposed pairing; safeguarding is checked again for the start date, as a check may have lapsed. */
    @Transactional
    public Pairing activate(UUID pairingId, LocalDate startOn) {
        Pairing p = visible(pairingId);
        if (p.status != Pairing.Status.PROPOSED) {
            throw ProblemException.ruleBroken("pairing-not-proposed", "status", "the pairing is " + p.status);
        }
        Mentor mentor = mentors.mentor(p.mentorId);
        Mentee mentee = mentees.mentee(p.menteeId);
        LocalDate start = startOn == null ? today() : startOn;
        enforce(mentor, mentee, start, p.id);
        p.status = Pairing.Status.ACTIVE;
        p.startedOn = start;
        mentee.status = Mentee.Status.PAIRED;
        outbox.publish(
                new MentoringPayloads.PairingActivated(
                        p.id, mentor.id, mentee.id, mentee.memberId, mentee.clpCode, start),
                p.id);
        return p;
    }

    @Transactional
    public Pairing end(UUID pairingId, PairingEndReason reason) {
        Pairing p = visible(pairingId);
        if (!p.isLive()) {
            throw ProblemException.ruleBroken("pairing-ended", "status", "the pairing has already ended");
        }
        close(p, reason);
        return p;
    }

    @Transactional
    public MentoringSession logSession(UUID pairingId, LogSession r, String by) {
        Pairing p = visible(pairingId);
        if (p.status == Pairing.Status.SUSPENDED) {
            throw ProblemException.ruleBroken(
                    "pairing-suspended",
                    "pairingId",
                    "the pairing is suspended while a safeguarding concern is looked into: no sessions until the "
                            + "safeguarding lead reinstates it");
        }
        if (p.status != Pairing.Status.ACTIVE) {
            throw ProblemException.ruleBroken(
                    "pairing-not-active", "pairingId", "sessions are logged on active pairings");
        }
        if (p.startedOn != null && r.heldOn().isBefore(p.startedOn)) {
            throw ProblemException.invalidField("heldOn", "is before the pairing started on " + p.startedOn);
        }
        Mentor mentor = mentors.mentor(p.mentorId);
        Mentee mentee = mentees.mentee(p.menteeId);
        MemberProjection menteeMember = mentee.memberId == null ? null : MemberProjection.findById(mentee.memberId);
        boolean minor = MemberProjection.minorOrUnknownAge(menteeMember, r.heldOn());
        if (minor && !r.supervised() && !mentor.checkValidOn(r.heldOn(), Safeguarding.FOR_MINORS)) {
            throw ProblemException.ruleBroken(
                    "safeguarding",
                    "mentor.safeguardingCheck",
                    "the mentor's check was not in force on " + r.heldOn()
                            + ": only supervised sessions may be logged");
        }
        MentoringSession s = new MentoringSession();
        s.id = UUID.randomUUID();
        s.pairingId = p.id;
        s.heldOn = r.heldOn();
        s.minutes = r.minutes();
        s.mode = r.mode();
        s.supervised = r.supervised();
        s.notes = r.notes();
        s.loggedBy = by;
        s.loggedAt = clock.instant();
        s.persist();
        if (r.concern() != null) {
            // "I have a concern": the session is kept as logged, and the pairing is suspended at once.
            concernsInSessions.fire(
                    new ConcernInSession(s, r.concern().category(), r.concern().account(), by));
        }
        return s;
    }

    /**
     * Mentors who may be paired with this mentee (in the caller's CLPs) today, best first: same CLP, shared skills,
     * room to take them; the first {@code limit}, and how many there are in all.
     */
    public PageView<Suggestion> suggest(UUID menteeId, int limit) {
        Mentee mentee = mentees.visible(menteeId);
        MemberProjection menteeMember = mentee.memberId == null ? null : MemberProjection.findById(mentee.memberId);
        LocalDate today = today();
        Set<String> goals = new HashSet<>(mentee.goals);
        List<Suggestion> suggestions = new ArrayList<>();
        for (Mentor mentor : Mentor.<Mentor>list("status", Mentor.Status.ACTIVE)) {
            MemberProjection mentorMember = mentor.memberId == null ? null : MemberProjection.findById(mentor.memberId);
            int capacityLeft =
                    mentor.capacity - (int) Pairing.count("mentorId = ?1 and status in ?2", mentor.id, Pairing.LIVE);
            if (capacityLeft <= 0
                    || !Safeguarding.breaches(mentor, mentorMember, menteeMember, today)
                            .isEmpty()) {
                continue;
            }
            List<String> shared =
                    mentor.skills.stream().filter(goals::contains).sorted().toList();
            boolean sameClp = mentor.clpCode.equals(mentee.clpCode);
            int score = (sameClp ? 100 : 0) + 10 * shared.size() + capacityLeft;
            suggestions.add(new Suggestion(mentor.id, mentor.clpCode, sameClp, shared, capacityLeft, score));
        }
        suggestions.sort(Comparator.comparingInt(Suggestion::score)
                .reversed()
                .thenComparing(s -> s.mentorId().toString()));
        return new PageView<>(suggestions.stream().limit(limit).toList(), 0, limit, suggestions.size());
    }

    /** Ends live pairings with minors whose mentor's check has expired; returns how many ended. One replica at a time. */
    @Transactional
    public int endPairingsWithExpiredChecks() {
        if (!clusterLock.tryLock("safeguarding-sweep")) {
            return 0;
        }
        LocalDate today = today();
        int ended = 0;
        for (Pairing p : Pairing.<Pairing>list("status in ?1", Pairing.LIVE)) {
            Mentor mentor = mentors.mentor(p.mentorId);
            Mentee mentee = mentees.mentee(p.menteeId);
            MemberProjection menteeMember = mentee.memberId == null ? null : MemberProjection.findById(mentee.memberId);
            boolean minor = MemberProjection.minorOrUnknownAge(menteeMember, today);
            if (minor && !mentor.checkValidOn(today, Safeguarding.FOR_MINORS)) {
                close(p, PairingEndReason.SAFEGUARDING_EXPIRED);
                ended++;
            }
        }
        return ended;
    }

    /**
     * Checks the member's live pairings (as mentor or mentee) against the safeguarding rules again, after something
     * about them changed, and ends those that now break one; returns how many ended.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int recheck(UUID memberId) {
        LocalDate today = today();
        List<Pairing> live = new ArrayList<>();
        for (Mentor mentor : Mentor.<Mentor>list("memberId", memberId)) {
            live.addAll(Pairing.<Pairing>list("mentorId = ?1 and status in ?2", mentor.id, Pairing.LIVE));
        }
        for (Mentee mentee : Mentee.<Mentee>list("memberId", memberId)) {
            live.addAll(Pairing.<Pairing>list("menteeId = ?1 and status in ?2", mentee.id, Pairing.LIVE));
        }
        int ended = 0;
        for (Pairing p : live) {
            Mentor mentor = mentors.mentor(p.mentorId);
            Mentee mentee = mentees.mentee(p.menteeId);
            MemberProjection mentorMember = mentor.memberId == null ? null : MemberProjection.findById(mentor.memberId);
            MemberProjection menteeMember = mentee.memberId == null ? null : MemberProjection.findById(mentee.memberId);
            if (!Safeguarding.breaches(mentor, mentorMember, menteeMember, today)
                    .isEmpty()) {
                close(p, PairingEndReason.SAFEGUARDING_RECHECK_FAILED);
                ended++;
            }
        }
        return ended;
    }

    /** Ends a pairing and publishes it; the mentee waits again when the mentor side ended it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void close(Pairing p, PairingEndReason reason) {
        Mentee mentee = mentees.mentee(p.menteeId);
        boolean wasActive = p.status == Pairing.Status.ACTIVE || p.status == Pairing.Status.SUSPENDED;
        p.status = Pairing.Status.ENDED;
        p.endedOn = today();
        p.endReason = reason;
        if (mentee.status == Mentee.Status.PAIRED || mentee.status == Mentee.Status.WAITING) {
            mentee.status = switch (reason) {
                case MENTOR_UNAVAILABLE, SAFEGUARDING_EXPIRED, SAFEGUARDING_RECHECK_FAILED, SAFEGUARDING_CONCERN ->
                    Mentee.Status.WAITING;
                case COMPLETED -> Mentee.Status.COMPLETED;
                case MENTEE_LEFT -> Mentee.Status.WITHDRAWN;
            };
        }
        if (wasActive) {
            outbox.publish(
                    new MentoringPayloads.PairingEnded(
                            p.id, p.mentorId, p.menteeId, mentee.memberId, mentee.clpCode, reason.name()),
                    p.id);
        }
    }

    public Pairing pairing(UUID id) {
        Pairing p = Pairing.findById(id);
        if (p == null) {
            throw ProblemException.notFound("Pairing", id);
        }
        return p;
    }

    private void enforce(Mentor mentor, Mentee mentee, LocalDate day) {
        enforce(mentor, mentee, day, null);
    }

    private void enforce(Mentor mentor, Mentee mentee, LocalDate day, UUID pairingBeingActivated) {
        MemberProjection mentorMember = mentor.memberId == null ? null : MemberProjection.findById(mentor.memberId);
        MemberProjection menteeMember = mentee.memberId == null ? null : MemberProjection.findById(mentee.memberId);
        List<FieldError> breaches = new ArrayList<>(Safeguarding.breaches(mentor, mentorMember, menteeMember, day));
        long live = Pairing.count(
                "mentorId = ?1 and status in ?2 and id <> ?3",
                mentor.id,
                Pairing.LIVE,
                pairingBeingActivated == null ? new UUID(0, 0) : pairingBeingActivated);
        if (live >= mentor.capacity) {
            breaches.add(new FieldError(
                    "mentor.capacity", "the mentor already has " + live + " of " + mentor.capacity + " pairings"));
        }
        if (pairingBeingActivated == null
                && Pairing.count("menteeId = ?1 and status in ?2", mentee.id, Pairing.LIVE) > 0) {
            breaches.add(new FieldError("menteeId", "the mentee already has a proposed or active pairing"));
        }
        if (!breaches.isEmpty()) {
            throw new ProblemException(Problem.of(
                    422,
                    "safeguarding",
                    "Pairing refused",
                    "This pairing is not allowed: "
                            + String.join(
                                    "; ",
                                    breaches.stream().map(FieldError::reason).toList()),
                    breaches));
        }
    }
}
