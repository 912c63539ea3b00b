package org.opencircles.members.rest;

import java.time.LocalDate;
import java.util.Set;
import org.opencircles.members.domain.MemberRole;
import org.opencircles.members.service.MemberDetails;

/**
 * A member's details as a client sends them; the service checks them as {@link MemberDetails}, the one shape rule the
 * API and the import share, so a field error names the same field on both paths.
 */
public record MemberRequest(
        String membershipNumber,
        String firstName,
        String lastName,
        String email,
        String phone,
        String postcode,
        LocalDate dateOfBirth,
        String clpCode,
        String wardCode,
        LocalDate joinedOn,
        Set<MemberRole> roles,
        Set<String> interests,
        Consents consents,
        Guardian guardian,
        LocalDate arrearsSince) {

    /** Which channels the member agreed to be contacted on. */
    public record Consents(boolean email, boolean phone, boolean sms) {}

    /** A minor's parent or guardian, and the date they consented to the minor taking part. */
    public record Guardian(String name, String email, String phone, LocalDate consentGivenOn) {}

    public MemberDetails toDetails() {
        return new MemberDetails(
                membershipNumber,
                firstName,
                lastName,
                email,
                phone,
                postcode,
                dateOfBirth,
                clpCode,
                wardCode,
                joinedOn,
                roles,
                interests,
                consents == null
                        ? null
                        : new MemberDetails.Consents(consents.email(), consents.phone(), consents.sms()),
                guardian == null
                        ? null
                        : new MemberDetails.Guardian(
                                guardian.name(), guardian.email(), guardian.phone(), guardian.consentGivenOn()),
                arrearsSince);
    }
}
