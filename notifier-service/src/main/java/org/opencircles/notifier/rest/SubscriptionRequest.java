package org.opencircles.notifier.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A staff member's subscription as an admin sends it: their work address and name, the role they hear about
 * (secretary, organiser, youth-officer, safeguarding-lead), the CLPs ({@code *} for all), optional quiet hours
 * ("22:00" to "07:00", local) and time zone (Europe/London if none).
 */
public record SubscriptionRequest(
        @NotBlank @Email @Size(max = 254) String recipient,
        @NotBlank @Size(max = 120) String displayName,
        @NotBlank String role,

        @NotEmpty @Size(max = 700)
        List<
                        @NotBlank
                        @Pattern(
                                regexp = "\\*|[A-Z0-9][A-Z0-9-]{0,19}",
                                message = "must be a CLP code (capitals, digits, hyphens) or *")
                        String>
                clpCodes,

        @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d", message = "must be a time of day as HH:mm")
        String quietFrom,

        @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d", message = "must be a time of day as HH:mm")
        String quietUntil,

        @Size(max = 64) String timeZone) {}
