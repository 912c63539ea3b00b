package org.opencircles.mentoring.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.opencircles.events.MentoringPayloads;
import org.opencircles.mentoring.domain.Cohort;
import org.opencircles.mentoring.domain.MemberProjection;
import org.opencircles.mentoring.domain.Mentee;
import org.opencircles.mentoring.domain.Skill;
import org.opencircles.platform.audit.AccessAudit;
import org.opencircles.platform.outbox.Outbox;
import org.opencircles.platform.page.PageView;
import org.opencircles.platform.page.Paging;
import org.opencircles.platform.problem.ProblemException;
import org.opencircles.platform.security.CallerScope;
import org.opencircles.platform.time.CivilTime;

/** Mentees: enrolling youth members in the programme and reading who waits; ids and goals only, never contact details. */
@ApplicationScoped
public class MenteeService {

    /** Enrol a youth member, optionally in a cohort. */
    public record Enrol(UUID memberId, Set<Skill> goals, UUID cohortId) {}

    /** A mentee as read: whether they are a minor today (null: age unknown). */
    public record MenteeRecord(Mentee mentee, Boolean minorToday) {}

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    AccessAudit audit;

    @Inject
    CallerScope scope;

    public LocalDate today() {
        return CivilTime.today(clock);
    }

    @Transactional
    public MenteeRecord enrol(Enrol r) {
        MemberProjection member = MemberProjection.require(r.memberId());
        if (!member.isActive()) {
            throw ProblemException.ruleBroken("inactive-member", "memberId", "only active members can be mentees");
        }
        if (!member.isYouthOn(today())) {
            throw ProblemException.ruleBroken("not-youth", "memberId", "mentees must be youth members (14 to 26)");
        }
        if (Mentee.count("memberId", r.memberId()) > 0) {
            throw ProblemException.conflict("memberId", "this member is already enrolled");
        }
        if (r.cohortId() != null && Cohort.findById(r.cohortId()) == null) {
            throw ProblemException.invalidField("cohortId", "no cohort has id " + r.cohortId());
        }
        Mentee m = new Mentee();
        m.id = UUID.randomUUID();
        m.memberId = r.memberId();
        m.clpCode = member.clpCode;
        m.goals = new ArrayList<>(r.goals().stream().map(Enum::name).sorted().toList());
        m.status = Mentee.Status.WAITING;
        m.cohortId = r.cohortId();
        m.enrolledAt = clock.instant();
        m.persist();
        outbox.publish(new MentoringPayloads.MenteeEnrolled(m.id, m.memberId, m.clpCode, today()), m.id);
        audit.record("CREATE", "member", m.memberId);
        return new MenteeRecord(m, MemberProjection.minorOn(member, today()));
    }

    /** One mentee in the caller's CLPs; 404 otherwise. */
    @Transactional
    public MenteeRecord get(UUID id) {
        Mentee m = visible(id);
        return new MenteeRecord(
                m,
                MemberProjection.minorOn(m.memberId == null ? null : MemberProjection.findById(m.memberId), today()));
    }

    /** One page of the mentees in the caller's CLPs by status and CLP, longest waiting first. */
    @Transactional
    public PageView<MenteeRecord> list(Mentee.Status status, String clp, Paging paging) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (clp != null) {
            scope.requireClp(clp);
            where.append(" and clpCode = :clp");
            params.put("clp", clp);
        }
        scope.restrict(where, params, "clpCode");
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status);
        }
        var query = Mentee.<Mentee>find(where.toString(), Sort.by("enrolledAt").and("id"), params);
        PageView<Mentee> mentees = paging.read(query);
        List<UUID> memberIds = mentees.items().stream()
                .map(m -> m.memberId)
                .filter(Objects::nonNull)
                .toList();
        Map<UUID, MemberProjection> members = memberIds.isEmpty()
                ? Map.of()
                : MemberProjection.<MemberProjection>list("memberId in ?1", memberIds).stream()
                        .collect(Collectors.toMap(p -> p.memberId, Function.identity()));
        LocalDate today = today();
        return mentees.map(m -> new MenteeRecord(
                m, MemberProjection.minorOn(m.memberId == null ? null : members.get(m.memberId), today)));
    }

    /** A mentee by id, whoever asks (for rules and events); 404 if there is none. */
    public Mentee mentee(UUID id) {
        Mentee m = Mentee.findById(id);
        if (m == null) {
            throw ProblemException.notFound("Mentee", id);
        }
        return m;
    }

    /** A mentee in the caller's CLPs; 404 otherwise. */
    public Mentee visible(UUID id) {
        return scope.visible(Mentee.<Mentee>findById(id), m -> m.clpCode, "Mentee", id);
    }
}
