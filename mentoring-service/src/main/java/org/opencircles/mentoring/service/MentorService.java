package org.opencircles.mentoring.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.opencircles.events.MentoringPayloads;
import org.opencircles.mentoring.domain.CheckLevel;
import org.opencircles.mentoring.domain.MemberProjection;
import org.opencircles.mentoring.domain.Mentor;
import org.opencircles.mentoring.domain.Pairing;
import org.opencircles.mentoring.domain.Safeguarding;
import org.opencircles.mentoring.domain.Skill;
import org.opencircles.platform.audit.AccessAudit;
import org.opencircles.platform.outbox.Outbox;
import org.opencircles.platform.page.PageView;
import org.opencircles.platform.page.Paging;
import org.opencircles.platform.problem.ProblemException;
import org.opencircles.platform.security.CallerScope;
import org.opencircles.platform.time.CivilTime;

/** Mentors: registering adult members with their safeguarding record, keeping it current, and reading it. */
@ApplicationScoped
public class MentorService {

    /** A safeguarding (DBS) check as recorded. */
    public record Check(CheckLevel level, String reference, LocalDate issuedOn, LocalDate expiresOn) {}

    /** Register an adult member as a mentor. */
    public record RegisterMentor(
            UUID memberId, Set<Skill> skills, int capacity, Check check, LocalDate trainingCompletedOn) {}

    /** A new check, or completed training (null keeps what is recorded). */
    public record RecordSafeguarding(Check check, LocalDate trainingCompletedOn) {}

    /** A mentor as read: their live pairings and whether they may mentor a minor today. */
    public record MentorRecord(Mentor mentor, long livePairings, boolean mayMentorMinorsToday) {}

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    AccessAudit audit;

    @Inject
    CallerScope scope;

    @Inject
    EntityManager em;

    public LocalDate today() {
        return CivilTime.today(clock);
    }

    @Transactional
    public MentorRecord register(RegisterMentor r) {
        MemberProjection member = MemberProjection.require(r.memberId());
        if (!member.isActive()) {
            throw ProblemException.ruleBroken("inactive-member", "memberId", "only active members can mentor");
        }
        if (MemberProjection.minorOrUnknownAge(member, today())) {
            throw ProblemException.ruleBroken("mentor-not-adult", "memberId", "mentors must be adults");
        }
        if (Mentor.count("memberId", r.memberId()) > 0) {
            throw ProblemException.conflict("memberId", "this member is already a mentor");
        }
        checkDates(r.check());
        Mentor m = new Mentor();
        m.id = UUID.randomUUID();
        m.memberId = r.memberId();
        m.clpCode = member.clpCode;
        m.skills = new ArrayList<>(r.skills().stream().map(Enum::name).sorted().toList());
        m.capacity = r.capacity();
        apply(m, r.check(), r.trainingCompletedOn());
        m.status = Mentor.Status.ACTIVE;
        m.createdAt = clock.instant();
        m.persist();
        outbox.publish(new MentoringPayloads.MentorRegistered(m.id, m.memberId, m.clpCode, m.capacity), m.id);
        audit(m, "CREATE");
        return read(m);
    }

    @Transactional
    public MentorRecord recordSafeguarding(UUID mentorId, RecordSafeguarding r) {
        Mentor m = visible(mentorId);
        checkDates(r.check());
        apply(m, r.check(), r.trainingCompletedOn() != null ? r.trainingCompletedOn() : m.trainingCompletedOn);
        audit(m, "UPDATE");
        return read(m);
    }

    /** One mentor in the caller's CLPs (404 otherwise); reading a safeguarding record is audited. */
    @Transactional
    public MentorRecord get(UUID id) {
        return read(visible(id));
    }

    /** One page of the mentors in the caller's CLPs (or one of them), oldest first; each read is audited. */
    @Transactional
    public PageView<MentorRecord> list(String clp, Paging paging) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (clp != null) {
            scope.requireClp(clp);
            where.append(" and clpCode = :clp");
            params.put("clp", clp);
        }
        scope.restrict(where, params, "clpCode");
        var query = Mentor.<Mentor>find(where.toString(), Sort.by("createdAt").and("id"), params);
        PageView<Mentor> mentors = paging.read(query);
        Map<UUID, Long> live =
                livePairings(mentors.items().stream().map(m -> m.id).toList());
        mentors.items().forEach(m -> audit(m, "READ"));
        return mentors.map(m -> record(m, live.getOrDefault(m.id, 0L)));
    }

    /** A mentor by id, whoever asks (for rules and events); 404 if there is none. */
    public Mentor mentor(UUID id) {
        Mentor m = Mentor.findById(id);
        if (m == null) {
            throw ProblemException.notFound("Mentor", id);
        }
        return m;
    }

    /** A mentor in the caller's CLPs; 404 otherwise. */
    public Mentor visible(UUID id) {
        return scope.visible(Mentor.<Mentor>findById(id), m -> m.clpCode, "Mentor", id);
    }

    private MentorRecord read(Mentor m) {
        // A mentor is a member: the DPO asks by member id, so that is whose record this read is.
        audit(m, "READ");
        return record(m, livePairings(List.of(m.id)).getOrDefault(m.id, 0L));
    }

    private MentorRecord record(Mentor m, long live) {
        LocalDate today = today();
        return new MentorRecord(m, live, m.checkValidOn(today, Safeguarding.FOR_MINORS) && m.trainedBy(today));
    }

    /** Live pairings per mentor, in one query for a page of mentors. */
    private Map<UUID, Long> livePairings(List<UUID> mentorIds) {
        Map<UUID, Long> live = new HashMap<>();
        if (!mentorIds.isEmpty()) {
            em.createQuery(
                            "select p.mentorId, count(p) from Pairing p where p.mentorId in :ids and p.status in :live "
                                    + "group by p.mentorId",
                            Object[].class)
                    .setParameter("ids", mentorIds)
                    .setParameter("live", Pairing.LIVE)
                    .getResultList()
                    .forEach(row -> live.put((UUID) row[0], (Long) row[1]));
        }
        return live;
    }

    /**
     * Audits against the member, as the DPO asks by member id; against the mentoring record itself once erasure has
     * taken the link to the member.
     */
    private void audit(Mentor m, String action) {
        if (m.memberId != null) {
            audit.record(action, "member", m.memberId);
        } else {
            audit.record(action, "mentor", m.id);
        }
    }

    private void checkDates(Check check) {
        if (check.level() == CheckLevel.NONE) {
            return;
        }
        if (check.issuedOn() == null) {
            throw ProblemException.invalidField("check.issuedOn", "is required for a " + check.level() + " check");
        }
        if (check.expiresOn() == null) {
            throw ProblemException.invalidField("check.expiresOn", "record when the check must be renewed");
        }
        if (!check.expiresOn().isAfter(check.issuedOn())) {
            throw ProblemException.invalidField("check.expiresOn", "must be after issuedOn");
        }
        if (check.reference() == null || check.reference().isBlank()) {
            throw ProblemException.invalidField("check.reference", "the certificate number is required");
        }
    }

    private static void apply(Mentor m, Check check, LocalDate training) {
        m.checkLevel = check.level();
        m.checkReference = check.reference();
        m.checkIssuedOn = check.issuedOn();
        m.checkExpiresOn = check.expiresOn();
        m.trainingCompletedOn = training;
    }
}
