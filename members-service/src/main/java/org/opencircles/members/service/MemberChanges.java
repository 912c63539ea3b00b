package org.opencircles.members.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.opencircles.events.MemberPayloads;
import org.opencircles.events.MembershipStatus;
import org.opencircles.members.config.MembershipConfig;
import org.opencircles.members.domain.Member;
import org.opencircles.platform.id.TimeOrderedIds;
import org.opencircles.platform.time.CivilTime;

/**
 * The membership rules every write to a member follows, whoever writes (staff, an import, the lapse job): details
 * copied and normalised, arrears past the grace period lapsing at once, and the events other services project.
 */
@ApplicationScoped
public class MemberChanges {

    @Inject
    Clock clock;

    @Inject
    MembershipConfig rules;

    @Inject
    MemberEvents events;

    public LocalDate today() {
        return CivilTime.today(clock);
    }

    /** Saves a new member and publishes {@code member.joined}. */
    Member create(MemberDetails request, MembershipStatus status) {
        Member member = newMember(request, status);
        member.persist();
        events.joined(member);
        return member;
    }

    /** A new member from a request, not yet saved. */
    Member newMember(MemberDetails request, MembershipStatus status) {
        Instant now = clock.instant();
        Member member = new Member();
        member.id = TimeOrderedIds.at(now);
        member.createdAt = now;
        member.status = status;
        member.joinedOn = request.joinedOn() == null ? today() : request.joinedOn();
        member.statusChangedOn = today();
        copy(request, member);
        member.updatedAt = now;
        if (pastArrearsGrace(member)) {
            member.status = MembershipStatus.LAPSED;
        }
        return member;
    }

    /**
     * Applies the request; publishes an update when what other services project changed. Returns whether anything
     * changed.
     */
    boolean apply(Member member, MemberDetails request) {
        List<Object> before = details(member);
        var projectedBefore = MemberEvents.snapshot(member);
        copy(request, member);
        if (request.joinedOn() != null) {
            member.joinedOn = request.joinedOn();
        }
        if (before.equals(details(member))) {
            return false;
        }
        member.updatedAt = clock.instant();
        if (!projectedBefore.equals(MemberEvents.snapshot(member))) {
            events.updated(member);
        }
        if (pastArrearsGrace(member)) {
            lapseForArrears(member);
        }
        return true;
    }

    /** Whether saving the row would leave the member exactly as they are. */
    boolean unchanged(Member existing, MemberDetails request, MembershipStatus status) {
        if (status != null && status != existing.status) {
            return false;
        }
        Member after = new Member();
        copy(request, after);
        after.joinedOn = request.joinedOn() == null ? existing.joinedOn : request.joinedOn();
        return details(after).equals(details(existing));
    }

    /** Lapses an active member whose arrears are past the grace period. */
    void lapseForArrears(Member member) {
        move(
                member,
                MembershipStatus.LAPSED,
                MemberPayloads.ARREARS_PAST_GRACE,
                "in arrears since " + member.arrearsSince);
    }

    /** The last day arrears may have started on for a member to lapse today. */
    LocalDate arrearsCutoff() {
        return today().minusMonths(rules.arrearsGraceMonths());
    }

    /** Checked on every write as well as by the lapse job, so a status never waits for a batch job to be right. */
    private boolean pastArrearsGrace(Member member) {
        return member.status == MembershipStatus.ACTIVE
                && member.arrearsSince != null
                && !member.arrearsSince.isAfter(arrearsCutoff());
    }

    /** Moves the status; the words (a secretary's reason, say) stay here, other services get the code only. */
    void move(Member member, MembershipStatus to, String reasonCode, String reason) {
        MembershipStatus from = member.status;
        member.status = to;
        member.statusChangedOn = today();
        member.updatedAt = clock.instant();
        member.statusReason = reason;
        events.statusChanged(member, from, reasonCode);
    }

    private static void copy(MemberDetails r, Member m) {
        m.membershipNumber = r.membershipNumber().trim().toUpperCase(Locale.ROOT);
        m.firstName = r.firstName().trim();
        m.lastName = r.lastName().trim();
        m.email = blankToNull(r.email());
        m.phone = blankToNull(r.phone());
        m.postcode = r.postcode() == null ? null : normalisePostcode(r.postcode());
        m.dateOfBirth = r.dateOfBirth();
        m.clpCode = r.clpCode();
        m.wardCode = r.wardCode();
        m.arrearsSince = r.arrearsSince();
        m.roles = r.roles() == null
                ? new ArrayList<>()
                : new ArrayList<>(
                        new TreeSet<>(r.roles().stream().map(Enum::name).toList()));
        m.interests = r.interests() == null
                ? new ArrayList<>()
                : new ArrayList<>(new TreeSet<>(r.interests().stream()
                        .map(i -> i.trim().toLowerCase(Locale.ROOT))
                        .toList()));
        MemberDetails.Consents consents = r.consents() == null ? MemberDetails.Consents.NONE : r.consents();
        m.consentEmail = consents.email();
        m.consentPhone = consents.phone();
        m.consentSms = consents.sms();
        MemberDetails.Guardian g = r.guardian();
        m.guardianName = g == null ? null : g.name().trim();
        m.guardianEmail = g == null ? null : blankToNull(g.email());
        m.guardianPhone = g == null ? null : blankToNull(g.phone());
        m.guardianConsentOn = g == null ? null : g.consentGivenOn();
    }

    /** Everything a request sets on a member, to compare before and after. */
    private static List<Object> details(Member m) {
        return Arrays.asList(
                m.membershipNumber,
                m.firstName,
                m.lastName,
                m.email,
                m.phone,
                m.postcode,
                m.dateOfBirth,
                m.clpCode,
                m.wardCode,
                m.arrearsSince,
                List.copyOf(m.roles),
                List.copyOf(m.interests),
                m.consentEmail,
                m.consentPhone,
                m.consentSms,
                m.guardianName,
                m.guardianEmail,
                m.guardianPhone,
                m.guardianConsentOn,
                m.joinedOn);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** "se218ab" and "SE21 8AB" are the same postcode: upper case, one space before the inward code. */
    static String normalisePostcode(String postcode) {
        String compact = postcode.replace(" ", "").toUpperCase(Locale.ROOT);
        return compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3);
    }
}
