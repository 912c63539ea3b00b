package org.opencircles.members.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Set;
import org.opencircles.members.domain.MemberRole;

/** A member's details to save, as a secretary enters them or as one row of an imported list; its constraints are the shape rule both paths share. */
public record MemberDetails(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{3,20}", message = "must be 3 to 20 letters, digits or dashes")
        String membershipNumber,

        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,

        @Email(message = "must be an email address") @Size(max = 254)
        String email,

        @Pattern(regexp = PHONE, message = "must be a phone number")
        String phone,

        @Pattern(regexp = UK_POSTCODE, flags = Pattern.Flag.CASE_INSENSITIVE, message = "must be a UK postcode")
        String postcode,

        @Past(message = "must be in the past") LocalDate dateOfBirth,
        @NotBlank String clpCode,
        @NotBlank String wardCode,

        @PastOrPresent(message = "must not be in the future")
        LocalDate joinedOn,

        Set<MemberRole> roles,
        @Size(max = 20) Set<@NotBlank @Size(max = 50) String> interests,
        @Valid Consents consents,
        @Valid Guardian guardian,

        @PastOrPresent(message = "must not be in the future")
        LocalDate arrearsSince) {

    /** The same request for another CLP and ward (an import resolves names such as "Herne Hill" to codes). */
    public MemberDetails withPlace(String clp, String ward) {
        return new MemberDetails(
                membershipNumber,
                firstName,
                lastName,
                email,
                phone,
                postcode,
                dateOfBirth,
                clp,
                ward,
                joinedOn,
                roles,
                interests,
                consents,
                guardian,
                arrearsSince);
    }

    public static final String PHONE = "\\+?[0-9][0-9 ()-]{6,19}";
    public static final String UK_POSTCODE = "[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}";

    /** Which channels the member agreed to be contacted on. */
    public record Consents(boolean email, boolean phone, boolean sms) {
        public static final Consents NONE = new Consents(false, false, false);
    }

    /** A minor's parent or guardian, and the date they consented to the minor taking part. */
    public record Guardian(
            @NotBlank @Size(max = 200) String name,

            @Email(message = "must be an email address") @Size(max = 254)
            String email,

            @Pattern(regexp = PHONE, message = "must be a phone number")
            String phone,

            @PastOrPresent(message = "must not be in the future")
            LocalDate consentGivenOn) {}
}
