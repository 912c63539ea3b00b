package org.opencircles.mentoring.service;

import org.opencircles.platform.security.Roles;
import org.opencircles.platform.time.CivilTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.opencircles.events.MentoringPayloads;
import org.opencircles.mentoring.domain.Cohort;
import org.opencircles.mentoring.domain.Mentee;
import org.opencircles.mentoring.domain.MemberProjection;
import org.opencircles.mentoring.domain.Mentor;
import org.opencircles.mentoring.domain.Pairing;
import org.opencircles.mentoring.domain.Safeguarding;
import org.opencircles.mentoring.rest.MentoringDtos;
import org.opencircles.platform.audit.AccessAudit;
import org.opencircles.platform.outbox.Outbox;
import org.opencircles.platform.problem.ProblemException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Mentors, mentees and cohorts: who is in the programme, and the safeguarding record of each mentor. */
@ApplicationScoped
public class Programme {

    @Inject
    io.quarkus.security.identity.SecurityIdentity identity;

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    AccessAudit audit;

    public LocalDate today() {
        return CivilTime.today(clock);
    }

    @Transactional
    public Mentor registerMentor(MentoringDtos.MentorRequest r) {
        MemberProjection member = MentorMembers.require(r.memberId());
        if (!member.isActive()) {
            throw ProblemException.ruleBroken("inactive-member", "memberId", "only active members can mentor");
        }
        if (member.adultOn == null || member.isMinorOn(today())) {
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
        audit(m.memberId, "CREATE", "mentor", m.id);
        return m;
    }

    /**
     * Audits against the member, as the DPO asks by member id; against the mentoring record itself once erasure has
     * taken the link to the member.
     */
    private void audit(UUID memberId, String action, String recordType, UUID recordId) {
        if (memberId != null) {
            audit.record(action, "member", memberId);
        } else {
            audit.record(action, recordType, recordId);
        }
    }

    @Transactional
    public Mentor recordSafeguarding(UUID mentorId, MentoringDtos.SafeguardingUpdate r) {
        Mentor m = mentor(mentorId);
        checkDates(r.check());
        apply(m, r.check(), r.trainingCompletedOn() != null ? r.trainingCompletedOn() : m.trainingCompletedOn);
        audit(m.memberId, "UPDATE", "mentor", m.id);
        return m;
    }

    @Transactional
    public Mentee enrol(MentoringDtos.MenteeRequest r) {
        MemberProjection member = MentorMembers.require(r.memberId());
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
        audit(m.memberId, "CREATE", "mentee", m.id);
        return m;
    }

    @Transactional
    public Cohort createCohort(MentoringDtos.CohortRequest r) {
        if (r.endsOn().isBefore(r.startsOn())) {
            throw ProblemException.invalidField("endsOn", "must not be before startsOn");
        }
        if (Cohort.count("clpCode = ?1 and name = ?2", r.clpCode(), r.name().trim()) > 0) {
            throw ProblemException.conflict("name", "CLP " + r.clpCode() + " already has a cohort called " + r.name());
        }
        Cohort c = new Cohort();
        c.id = UUID.randomUUID();
        c.name = r.name().trim();
        c.clpCode = r.clpCode();
        c.startsOn = r.startsOn();
        c.endsOn = r.endsOn();
        c.focus = r.focus() == null ? new ArrayList<>() : new ArrayList<>(r.focus().stream().map(Enum::name).sorted().toList());
        c.createdAt = clock.instant();
        c.persist();
        return c;
    }

    public Mentor mentor(UUID id) {
        Mentor m = Mentor.findById(id);
        if (m == null) {
            throw ProblemException.notFound("Mentor", id);
        }
        return m;
    }

    public Mentee mentee(UUID id) {
        Mentee m = Mentee.findById(id);
        if (m == null) {
            throw ProblemException.notFound("Mentee", id);
        }
        return m;
    }

    /** A mentor as shown; reading a safeguarding record is audited. */
    @Transactional
    public MentoringDtos.MentorView view(Mentor m) {
        // A mentor is a member: the DPO asks by member id, so that is whose record this read is.
        audit(m.memberId, "READ", "mentor", m.id);
        // DBS certificate numbers are for those who check them: youth officers, and the DPO for audit.
        boolean mayReadCheck = identity.hasRole(Roles.YOUTH_OFFICER) || identity.hasRole(Roles.DATA_PROTECTION);
        long live = Pairing.count("mentorId = ?1 and status in ?2", m.id,
                Pairing.LIVE);
        return new MentoringDtos.MentorView(m.id, m.memberId, m.clpCode, List.copyOf(m.skills), m.capacity, live,
                m.checkLevel, mayReadCheck ? m.checkReference : null, m.checkIssuedOn, m.checkExpiresOn, m.trainingCompletedOn,
                m.checkValidOn(today(), Safeguarding.FOR_MINORS) && m.trainedBy(today()), m.status);
    }

    public MentoringDtos.MenteeView view(Mentee m) {
        MemberProjection member = m.memberId == null ? null : MemberProjection.findById(m.memberId);
        return new MentoringDtos.MenteeView(m.id, m.memberId, m.clpCode, List.copyOf(m.goals), m.status, m.cohortId,
                m.enrolledAt, member == null || member.adultOn == null ? null : member.isMinorOn(today()));
    }

    private void checkDates(MentoringDtos.SafeguardingCheck check) {
        if (check.level() == org.opencircles.mentoring.domain.CheckLevel.NONE) {
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

    private static void apply(Mentor m, MentoringDtos.SafeguardingCheck check, LocalDate training) {
        m.checkLevel = check.level();
        m.checkReference = check.reference();
        m.checkIssuedOn = check.issuedOn();
        m.checkExpiresOn = check.expiresOn();
        m.trainingCompletedOn = training;
    }
}
