package org.opencircles.members.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.opencircles.events.MembershipStatus;
import org.opencircles.members.domain.AgeBand;
import org.opencircles.members.domain.Member;

/** A member as shown to staff allowed to see their CLP. */
public record MemberView(
        UUID id,
        String membershipNumber,
        String firstName,
        String lastName,
        String email,
        String phone,
        String postcode,
        LocalDate dateOfBirth,
        AgeBand ageBand,
        boolean minor,
        boolean guardianConsentMissing,
        String clpCode,
        String wardCode,
        MembershipStatus status,
        LocalDate joinedOn,
        LocalDate statusChangedOn,
        LocalDate arrearsSince,
        List<String> roles,
        List<String> interests,
        Consents consents,
        Guardian guardian,
        Instant lastContactedAt,
        Instant wantsToGetInvolvedAt,
        long version) {

    /** The channels the member agreed to. */
    public record Consents(boolean email, boolean phone, boolean sms) {}

    /** A minor's parent or guardian as recorded. */
    public record Guardian(String name, String email, String phone, LocalDate consentGivenOn) {}

    public static MemberView of(Member m, LocalDate today) {
        Guardian guardian = m.guardianName == null
                ? null
                : new Guardian(m.guardianName, m.guardianEmail, m.guardianPhone, m.guardianConsentOn);
        return new MemberView(
                m.id,
                m.membershipNumber,
                m.firstName,
                m.lastName,
                m.email,
                m.phone,
                m.postcode,
                m.dateOfBirth,
                AgeBand.of(m.dateOfBirth, today),
                m.isMinorOn(today),
                m.isMinorOn(today) && m.guardianConsentOn == null,
                m.clpCode,
                m.wardCode,
                m.status,
                m.joinedOn,
                m.statusChangedOn,
                m.arrearsSince,
                List.copyOf(m.roles),
                List.copyOf(m.interests),
                new Consents(m.consentEmail, m.consentPhone, m.consentSms),
                guardian,
                m.lastContactedAt,
                m.wantsToGetInvolvedAt,
                m.version);
    }
}
