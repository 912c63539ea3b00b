package org.opencircles.mentoring.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.opencircles.events.AuditPayloads;
import org.opencircles.events.MentoringPayloads;
import org.opencircles.events.PairingEndReason;
import org.opencircles.mentoring.domain.Concern;
import org.opencircles.mentoring.domain.ConcernEntry;
import org.opencircles.mentoring.domain.ConcernPairing;
import org.opencircles.mentoring.domain.Mentee;
import org.opencircles.mentoring.domain.Mentor;
import org.opencircles.mentoring.domain.MentoringSession;
import org.opencircles.mentoring.domain.Pairing;
import org.opencircles.platform.audit.AccessAudit;
import org.opencircles.platform.outbox.Outbox;
import org.opencircles.platform.page.PageView;
import org.opencircles.platform.page.Paging;
import org.opencircles.platform.problem.ProblemException;
import org.opencircles.platform.security.CallerScope;
import org.opencircles.platform.time.CivilTime;

/**
 * Safeguarding concerns: raised by any staff member, acted on at once (the affected pairings suspended, the lead told
 * through a follow-up), then decided by the designated safeguarding lead. The history is only ever added to.
 */
@ApplicationScoped
public class ConcernService {

    /** Why erasure leaves a concern in place: keeping safeguarding records is a legal obligation. */
    public static final String RETENTION_BASIS = "LEGAL_OBLIGATION";

    public static final String RECORD_TYPE = "safeguarding-concern";

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    AccessAudit audit;

    @Inject
    CallerScope scope;

    @Inject
    MentorService mentors;

    @Inject
    MenteeService mentees;

    @Inject
    PairingService pairings;

    /** A concern as a staff member raises it. */
    public record RaiseConcern(
            Concern.SubjectType subjectType,
            UUID subjectId,
            Concern.Category category,
            String account,
            LocalDate occurredOn) {}

    /** What the lead decides for the pairings a concern suspended. */
    public enum PairingDecision {
        END,
        REINSTATE
    }

    /** The lead's outcome for a concern. */
    public record RecordOutcome(Concern.Outcome outcome, PairingDecision pairings, String note) {}

    /** A concern with its history and the pairings it suspended. */
    public record ConcernRecord(Concern concern, List<ConcernEntry> history, List<ConcernPairing> pairings) {}

    /** A page of concerns and how many match. */

    /**
     * Records a concern; a concern about a pairing suspends it, one about a mentor suspends all their live pairings,
     * in the same transaction. The caller must cover the subject's CLP.
     */
    @Transactional
    public ConcernRecord raise(RaiseConcern command, String by) {
        if (command.occurredOn().isAfter(CivilTime.today(clock))) {
            throw ProblemException.invalidField("occurredOn", "must not be in the future");
        }
        Concern c = new Concern();
        c.id = UUID.randomUUID();
        c.subjectType = command.subjectType();
        c.subjectId = command.subjectId();
        c.category = command.category();
        c.account = command.account().strip();
        c.occurredOn = command.occurredOn();
        c.raisedBy = by;
        c.raisedAt = clock.instant();
        c.status = Concern.Status.OPEN;
        Set<UUID> members = new LinkedHashSet<>();
        List<Pairing> toSuspend = new ArrayList<>();
        switch (command.subjectType()) {
            case MENTEE -> {
                Mentee mentee = subject(() -> mentees.mentee(command.subjectId()));
                c.clpCode = mentee.clpCode;
                members.add(mentee.memberId);
            }
            case MENTOR -> {
                Mentor mentor = subject(() -> mentors.mentor(command.subjectId()));
                c.clpCode = mentor.clpCode;
                members.add(mentor.memberId);
                toSuspend.addAll(Pairing.<Pairing>list(
                        "mentorId = ?1 and status in ?2",
                        mentor.id,
                        List.of(Pairing.Status.PROPOSED, Pairing.Status.ACTIVE)));
            }
            case PAIRING -> {
                Pairing pairing = subject(() -> pairings.pairing(command.subjectId()));
                Mentee mentee = mentees.mentee(pairing.menteeId);
                c.clpCode = mentee.clpCode;
                members.add(mentors.mentor(pairing.mentorId).memberId);
                members.add(mentee.memberId);
                if (pairing.status == Pairing.Status.PROPOSED || pairing.status == Pairing.Status.ACTIVE) {
                    toSuspend.add(pairing);
                }
            }
        }
        scope.requireClp(c.clpCode);
        members.remove(null);
        c.memberIds = new ArrayList<>(members);
        c.persist();
        entry(c, ConcernEntry.Kind.RAISED, null, null, by);
        List<UUID> suspended = new ArrayList<>();
        for (Pairing p : toSuspend) {
            suspend(c, p, by);
            suspended.add(p.id);
        }
        outbox.publish(
                new MentoringPayloads.ConcernRaised(
                        c.id, c.clpCode, c.subjectType.name(), c.subjectId, c.category.name(), suspended),
                c.id);
        auditConcern("CREATE", c);
        return record(c);
    }

    /** A concern flagged while a session was logged: raised on the session's pairing, and the session points to it. */
    void onConcernInSession(@Observes ConcernInSession flagged) {
        MentoringSession session = flagged.session();
        session.concernId = raise(
                        new RaiseConcern(
                                Concern.SubjectType.PAIRING,
                                session.pairingId,
                                flagged.category(),
                                flagged.account(),
                                session.heldOn),
                        flagged.by())
                .concern()
                .id;
    }

    /** Adds a note to the concern's history (the lead's working record); nothing before it changes. */
    @Transactional
    public ConcernRecord addNote(UUID concernId, String note, String by) {
        Concern c = visible(concernId);
        entry(c, ConcernEntry.Kind.NOTE_ADDED, null, note.strip(), by);
        auditConcern("UPDATE", c);
        return record(c);
    }

    /**
     * Records the lead's outcome and closes the concern. The pairings it suspended are ended or reinstated as the
     * lead decides (a decision is required while any is still suspended); barring a mentor ends all their pairings.
     */
    @Transactional
    public ConcernRecord recordOutcome(UUID concernId, RecordOutcome command, String by) {
        Concern c = visible(concernId);
        if (c.status == Concern.Status.CLOSED) {
            throw ProblemException.ruleBroken(
                    "concern-closed", "outcome", "the concern was closed with " + c.outcome + "; add a note instead");
        }
        List<ConcernPairing> links = ConcernPairing.list("concernId", c.id);
        Map<UUID, Pairing> stillSuspended = new HashMap<>();
        for (ConcernPairing link : links) {
            Pairing p = pairings.pairing(link.pairingId);
            if (p.status == Pairing.Status.SUSPENDED) {
                stillSuspended.put(p.id, p);
            }
        }
        Optional<Mentor> mentor = mentorOf(c);
        if (command.outcome() == Concern.Outcome.MENTOR_BARRED) {
            if (mentor.isEmpty()) {
                throw ProblemException.ruleBroken(
                        "no-mentor", "outcome", "MENTOR_BARRED needs a concern about a mentor or a pairing");
            }
            if (command.pairings() == PairingDecision.REINSTATE) {
                throw ProblemException.invalidField("pairings", "a barred mentor's pairings end; send END");
            }
        } else if (!stillSuspended.isEmpty() && command.pairings() == null) {
            throw ProblemException.invalidField(
                    "pairings",
                    "decide whether the " + stillSuspended.size() + " suspended pairing(s) END or are REINSTATED");
        }
        Instant now = clock.instant();
        c.status = Concern.Status.CLOSED;
        c.outcome = command.outcome();
        c.closedAt = now;
        entry(
                c,
                ConcernEntry.Kind.OUTCOME_RECORDED,
                command.outcome(),
                command.note() == null ? null : command.note().strip(),
                by);
        boolean end = command.pairings() == PairingDecision.END || command.outcome() == Concern.Outcome.MENTOR_BARRED;
        for (ConcernPairing link : links) {
            Pairing p = stillSuspended.get(link.pairingId);
            if (p == null) {
                continue;
            }
            if (end) {
                pairings.close(p, PairingEndReason.SAFEGUARDING_CONCERN);
                entry(c, ConcernEntry.Kind.PAIRING_ENDED, null, null, by);
            } else if (ConcernPairing.count(
                            "pairingId = ?1 and concernId <> ?2 and concernId in "
                                    + "(select x.id from Concern x where x.status = ?3)",
                            p.id,
                            c.id,
                            Concern.Status.OPEN)
                    == 0) {
                // Another open concern keeps it suspended until that one is decided too.
                p.status = link.statusBefore;
                entry(c, ConcernEntry.Kind.PAIRING_REINSTATED, null, null, by);
                if (p.status == Pairing.Status.ACTIVE) {
                    Mentee mentee = mentees.mentee(p.menteeId);
                    outbox.publish(
                            new MentoringPayloads.PairingReinstated(
                                    p.id, p.mentorId, p.menteeId, mentee.memberId, mentee.clpCode, c.id),
                            p.id);
                }
            }
        }
        if (command.outcome() == Concern.Outcome.MENTOR_BARRED) {
            Mentor m = mentor.get();
            m.barredAt = now;
            m.status = Mentor.Status.INACTIVE;
            for (Pairing p : Pairing.<Pairing>list("mentorId = ?1 and status in ?2", m.id, Pairing.LIVE)) {
                pairings.close(p, PairingEndReason.SAFEGUARDING_CONCERN);
                entry(c, ConcernEntry.Kind.PAIRING_ENDED, null, null, by);
            }
            entry(c, ConcernEntry.Kind.MENTOR_BARRED, null, null, by);
        }
        outbox.publish(new MentoringPayloads.ConcernOutcomeRecorded(c.id, c.clpCode, c.outcome.name()), c.id);
        auditConcern("UPDATE", c);
        return record(c);
    }

    /** One concern with its history; reading it is audited. */
    @Transactional
    public ConcernRecord read(UUID concernId) {
        Concern c = visible(concernId);
        auditConcern("READ", c);
        return record(c);
    }

    /** Concerns in the caller's CLPs, newest first, filtered in the database; the read is audited. */
    @Transactional
    public PageView<Concern> list(String clp, Concern.Status status, Paging paging) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        scope.restrict(where, params, "clpCode");
        if (clp != null) {
            scope.requireClp(clp);
            where.append(" and clpCode = :clp");
            params.put("clp", clp);
        }
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status);
        }
        PageView<Concern> found = paging.read(
                Concern.find(where.toString(), Sort.descending("raisedAt").and("id"), params));
        if (!found.items().isEmpty()) {
            audit.record(
                    "LIST", "concern", found.items().stream().map(x -> x.id).toList());
        }
        return found;
    }

    /**
     * A member was erased: their profile goes (elsewhere), but each concern involving them stays, minimised: their id
     * is taken off it and its history says so. Members-service's erasure record is told how many were kept and why.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int memberErased(UUID memberId) {
        @SuppressWarnings("unchecked")
        List<Concern> involved = Concern.getEntityManager()
                .createNativeQuery("select * from concern where member_ids @> array[cast(:id as uuid)]", Concern.class)
                .setParameter("id", memberId.toString())
                .getResultList();
        for (Concern c : involved) {
            c.memberIds = new ArrayList<>(c.memberIds.stream()
                    .filter(id -> !Objects.equals(id, memberId))
                    .toList());
            entry(c, ConcernEntry.Kind.MEMBER_ERASED_RECORD_KEPT, null, null, "system");
        }
        if (!involved.isEmpty()) {
            outbox.publish(
                    new AuditPayloads.RetainedOnErasure(
                            memberId,
                            "mentoring-service",
                            RECORD_TYPE,
                            involved.size(),
                            RETENTION_BASIS,
                            clock.instant()),
                    memberId);
        }
        return involved.size();
    }

    private void suspend(Concern c, Pairing p, String by) {
        ConcernPairing link = new ConcernPairing();
        link.concernId = c.id;
        link.pairingId = p.id;
        link.statusBefore = p.status;
        link.persist();
        p.status = Pairing.Status.SUSPENDED;
        entry(c, ConcernEntry.Kind.PAIRING_SUSPENDED, null, null, by);
        Mentee mentee = mentees.mentee(p.menteeId);
        outbox.publish(
                new MentoringPayloads.PairingSuspended(
                        p.id, p.mentorId, p.menteeId, mentee.memberId, mentee.clpCode, c.id),
                p.id);
    }

    private Optional<Mentor> mentorOf(Concern c) {
        return switch (c.subjectType) {
            case MENTOR -> Optional.of(mentors.mentor(c.subjectId));
            case PAIRING -> Optional.of(mentors.mentor(pairings.pairing(c.subjectId).mentorId));
            case MENTEE -> Optional.empty();
        };
    }

    private Concern visible(UUID id) {
        return scope.visible(Concern.<Concern>findById(id), c -> c.clpCode, "Concern", id);
    }

    private ConcernRecord record(Concern c) {
        return new ConcernRecord(
                c, ConcernEntry.list("concernId", Sort.by("seq"), c.id), ConcernPairing.list("concernId", c.id));
    }

    private void entry(Concern c, ConcernEntry.Kind kind, Concern.Outcome outcome, String note, String by) {
        ConcernEntry e = new ConcernEntry();
        e.id = UUID.randomUUID();
        e.concernId = c.id;
        e.kind = kind;
        e.outcome = outcome;
        e.note = note;
        e.recordedBy = by;
        e.recordedAt = clock.instant();
        e.persist();
    }

    /** Audited against the concern and against each member it involves, as the DPO asks by member id. */
    private void auditConcern(String action, Concern c) {
        audit.record(action, "concern", c.id);
        if (!c.memberIds.isEmpty()) {
            audit.record(action, "member", c.memberIds);
        }
    }

    /** A subject that does not exist is a bad field, not a missing page. */
    private static <T> T subject(Supplier<T> load) {
        try {
            return load.get();
        } catch (ProblemException notFound) {
            throw ProblemException.invalidField("subjectId", "no such mentee, mentor or pairing");
        }
    }
}
