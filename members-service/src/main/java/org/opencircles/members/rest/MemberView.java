package org.opencircles.members.rest;

import org.opencircles.members.domain.AgeBand;
import org.opencircles.members.domain.Member;
import org.opencircles.members.domain.MembershipStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A member as shown to staff allowed to see their CLP. */
public record MemberView(
        UUID id, String membershipNumber, String firstName, String lastName, String email, String phone,
        String postcode, LocalDate dateOfBirth, AgeBand ageBand, boolean minor, boolean guardianConsentMissing,
        String clpCode, String wardCode,
        MembershipStatus status, LocalDate joinedOn, LocalDate statusChangedOn, LocalDate arrearsSince,
        List<String> roles, List<String> interests, MemberRequest.Consents consents, MemberRequest.Guardian guardian,
        Instant lastContactedAt, Instant wantsToGetInvolvedAt, long version) {

    public static MemberView of(Member m, LocalDate today) {
        MemberRequest.Guardian guardian = m.guardianName == null ? null
                : new MemberRequest.Guardian(m.guardianName, m.guardianEmail, m.guardianPhone, m.guardianConsentOn);
        return new MemberView(m.id, m.membershipNumber, m.firstName, m.lastName, m.email, m.phone, m.postcode,
                m.dateOfBirth, AgeBand.of(m.dateOfBirth, today), m.isMinorOn(today),
                m.isMinorOn(today) && m.guardianConsentOn == null, m.clpCode, m.wardCode, m.status,
                m.joinedOn, m.statusChangedOn, m.arrearsSince, List.copyOf(m.roles), List.copyOf(m.interests),
                new MemberRequest.Consents(m.consentEmail, m.consentPhone, m.consentSms), guardian,
                m.lastContactedAt, m.wantsToGetInvolvedAt, m.version);
    }
}
