package org.opencircles.members.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.opencircles.events.MemberPayloads;
import org.opencircles.events.MembershipStatus;
import org.opencircles.members.domain.CallListEntry;
import org.opencircles.members.domain.ContactKind;
import org.opencircles.members.domain.ContactLogEntry;
import org.opencircles.members.domain.ErasureRecord;
import org.opencircles.members.domain.ImportRowError;
import org.opencircles.members.domain.Member;
import org.opencircles.platform.audit.AccessAudit;
import org.opencircles.platform.cluster.ClusterLock;
import org.opencircles.platform.page.PageView;
import org.opencircles.platform.page.Paging;
import org.opencircles.platform.problem.FieldError;
import org.opencircles.platform.problem.Problem;
import org.opencircles.platform.problem.ProblemException;
import org.opencircles.platform.security.CallerScope;

/**
 * A member's life here, one use case per method and one transaction each, writing its events to the outbox: joining,
 * updates, status changes, the contact log, reads and erasure. Search is {@link MemberSearchService}; imports are
 * written by {@link MemberImportWriter}.
 */
@ApplicationScoped
public class MemberService {

    /** A contact with a member to record: what happened, a note, and when (now if not given). */
    public record LogContact(ContactKind kind, String notes, Instant at) {}

    /** Move a member to another status (e.g. RESIGNED, or ACTIVE to rejoin), with the staff member's reason. */
    public record ChangeStatus(MembershipStatus status, String reason) {}

    @Inject
    Clock clock;

    @Inject
    MemberChanges changes;

    @Inject
    CallerScope scope;

    @Inject
    JoiningChecks checks;

    @Inject
    MemberEvents events;

    @Inject
    AccessAudit audit;

    @Inject
    ClusterLock clusterLock;

    public LocalDate today() {
        return changes.today();
    }

    /** Registers a member in one of the caller's CLPs: shape first (400), then the caller's scope (403), then rules. */
    @Transactional
    public Member join(@Valid @NotNull MemberDetails request) {
        scope.requireClp(request.clpCode());
        List<FieldError> errors = checks.check(request, today());
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        if (Member.count("membershipNumber", request.membershipNumber()) > 0) {
            throw ProblemException.conflict(
                    "membershipNumber", "membership number " + request.membershipNumber() + " is already registered");
        }
        Member member = changes.create(request, MembershipStatus.ACTIVE);
        audit.record("CREATE", "member", member.id);
        return member;
    }

    @Transactional
    public Member update(UUID id, @Valid @NotNull MemberDetails request, Long expectedVersion) {
        Member member = visible(id);
        scope.requireClp(request.clpCode());
        if (expectedVersion != null && expectedVersion != member.version) {
            throw new ProblemException(Problem.of(
                    412,
                    "stale-version",
                    "Stale version",
                    "The member was changed since version " + expectedVersion + "; reload and try again",
                    null));
        }
        List<FieldError> errors = new ArrayList<>(checks.check(request, today()));
        if (!Objects.equals(request.membershipNumber(), member.membershipNumber)
                && Member.count("membershipNumber", request.membershipNumber()) > 0) {
            errors.add(new FieldError("membershipNumber", "already registered to another member"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        changes.apply(member, request);
        audit.record("UPDATE", "member", member.id);
        return member;
    }

    @Transactional
    public Member changeStatus(UUID id, ChangeStatus request) {
        Member member = visible(id);
        if (member.status == request.status()) {
            return member;
        }
        if (!member.status.next().contains(request.status())) {
            throw ProblemException.ruleBroken(
                    "status-transition", "status", "a " + member.status + " member cannot become " + request.status());
        }
        if (request.status() == MembershipStatus.ACTIVE) {
            // Rejoining clears the arrears that lapsed them, or they would lapse again at once.
            member.arrearsSince = null;
        }
        changes.move(
                member,
                request.status(),
                MemberPayloads.STAFF_DECISION,
                request.reason() == null ? "changed by " + audit.principal() : request.reason());
        audit.record("UPDATE", "member", member.id);
        return member;
    }

    @Transactional
    public ContactLogEntry logContact(UUID id, LogContact command) {
        Member member = visible(id);
        ContactLogEntry entry = new ContactLogEntry();
        entry.id = UUID.randomUUID();
        entry.memberId = member.id;
        entry.kind = command.kind();
        entry.notes = command.notes();
        entry.loggedBy = audit.principal();
        entry.loggedAt = command.at() == null ? clock.instant() : command.at();
        entry.persist();
        if (entry.kind.reachedMember()
                && (member.lastContactedAt == null || member.lastContactedAt.isBefore(entry.loggedAt))) {
            member.lastContactedAt = entry.loggedAt;
        }
        if (entry.kind == ContactKind.WANTS_TO_GET_INVOLVED) {
            member.wantsToGetInvolvedAt = entry.loggedAt;
        }
        if (entry.kind == ContactKind.DO_NOT_CONTACT) {
            // Respected everywhere: every list and export decides by these consents.
            member.consentEmail = false;
            member.consentPhone = false;
            member.consentSms = false;
        }
        member.updatedAt = clock.instant();
        events.contactLogged(member, entry);
        audit.record("UPDATE", "member", member.id);
        return entry;
    }

    /** One page of a member's contact log, newest first; the read is audited. */
    @Transactional
    public PageView<ContactLogEntry> contacts(UUID id, Paging paging) {
        Member member = visible(id);
        audit.record("READ", "member", member.id);
        var query = ContactLogEntry.<ContactLogEntry>find(
                "memberId", Sort.descending("loggedAt").and("id"), id);
        return paging.read(query);
    }

    /**
     * Erases the member's personal data here and tells every other service to do the same. The row stays, emptied,
     * so that ids in audit and erasure records still resolve to "erased".
     */
    @Transactional
    public ErasureRecord erase(UUID id, String reference) {
        Member member = Member.findById(id);
        if (member == null) {
            throw ProblemException.notFound("Member", id);
        }
        Optional<ErasureRecord> done = ErasureRecord.find("memberId", id).firstResultOptional();
        if (done.isPresent()) {
            return done.get();
        }
        Instant now = clock.instant();
        ContactLogEntry.delete("memberId", id);
        // Call lists keep no trace of them: their outcomes go with the contact log.
        CallListEntry.delete("memberId", id);
        if (member.membershipNumber != null) {
            // Import reports quote the rows' cells (a date of birth, say): the member's go with them.
            ImportRowError.delete("membershipNumber", member.membershipNumber);
        }
        String firstName = member.firstName;
        String lastName = member.lastName;
        member.statusReason = null;
        member.membershipNumber = null;
        member.firstName = null;
        member.lastName = null;
        member.email = null;
        member.phone = null;
        member.postcode = null;
        member.dateOfBirth = null;
        member.roles = new ArrayList<>();
        member.interests = new ArrayList<>();
        member.consentEmail = false;
        member.consentPhone = false;
        member.consentSms = false;
        member.guardianName = null;
        member.guardianEmail = null;
        member.guardianPhone = null;
        member.guardianConsentOn = null;
        member.arrearsSince = null;
        member.erasedAt = now;
        member.updatedAt = now;
        ErasureRecord record = new ErasureRecord();
        record.id = UUID.randomUUID();
        record.memberId = id;
        record.requestedBy = audit.principal();
        record.reference = reference;
        record.erasedAt = now;
        record.persist();
        // Search's dictionary of name words keeps none of theirs that nobody else has.
        Member.flush();
        Member.getEntityManager()
                .createNativeQuery("select oc_forget_search_words(array(select oc_name_words(?1, ?2)))")
                .setParameter(1, firstName)
                .setParameter(2, lastName)
                .getSingleResult();
        events.erased(member, now);
        audit.record("ERASE", "member", id);
        return record;
    }

    /** A member the caller reads; the read is audited. */
    @Transactional
    public Member read(UUID id) {
        Member member = visible(id);
        audit.record("READ", "member", id);
        return member;
    }

    /** A member in the caller's CLPs (404 otherwise), not erased, without auditing. */
    public Member visible(UUID id) {
        return scope.visible(load(id), m -> m.clpCode, "Member", id);
    }

    /** A member by id that is not erased, without auditing (the caller audits what it shows). */
    public Member load(UUID id) {
        Member member = Member.findById(id);
        if (member == null) {
            throw ProblemException.notFound("Member", id);
        }
        if (member.isErased()) {
            throw new ProblemException(
                    Problem.of(410, "erased", "Erased", "Member " + id + " was erased on request", null));
        }
        return member;
    }

    /**
     * Lapses active members whose arrears are older than the grace period; returns how many lapsed. With several
     * replicas, one sweeps at a time (the others find the lock taken and return 0).
     */
    @Transactional
    public int lapseMembersInArrears(int limit) {
        if (!clusterLock.tryLock("lapse-sweep")) {
            return 0;
        }
        List<Member> due = Member.<Member>find(
                        "status = ?1 and arrearsSince <= ?2 and erasedAt is null",
                        MembershipStatus.ACTIVE,
                        changes.arrearsCutoff())
                .page(0, limit)
                .list();
        due.forEach(changes::lapseForArrears);
        return due.size();
    }
}
