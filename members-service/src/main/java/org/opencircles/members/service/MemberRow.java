package org.opencircles.members.service;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.opencircles.events.MembershipStatus;
import org.opencircles.members.domain.MemberRole;
import org.opencircles.members.domain.Postcodes;
import org.opencircles.platform.problem.FieldError;
import org.opencircles.platform.problem.FieldValues;
import org.opencircles.platform.problem.ProblemException;

/**
 * One line of a membership list turned into a {@link MemberDetails}, or the reasons it cannot be. Headers are matched
 * loosely ("Membership No", "membership_number"), dates are UK (dd/mm/yyyy) or ISO.
 */
public record MemberRow(
        int line, String membershipNumber, MemberDetails details, MembershipStatus status, List<FieldError> errors) {

    /** Column name in the file for each request field, for error messages a secretary can match to the sheet. */
    static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("membershipNumber", "membership_number"),
            Map.entry("firstName", "first_name"),
            Map.entry("lastName", "last_name"),
            Map.entry("email", "email"),
            Map.entry("phone", "phone"),
            Map.entry("postcode", "postcode"),
            Map.entry("dateOfBirth", "date_of_birth"),
            Map.entry("clpCode", "clp"),
            Map.entry("wardCode", "ward"),
            Map.entry("joinedOn", "joined_on"),
            Map.entry("roles", "roles"),
            Map.entry("interests", "interests"),
            Map.entry("arrearsSince", "arrears_since"),
            Map.entry("guardian", "guardian_name"),
            Map.entry("guardian.name", "guardian_name"),
            Map.entry("guardian.email", "guardian_email"),
            Map.entry("guardian.phone", "guardian_phone"),
            Map.entry("guardian.consentGivenOn", "guardian_consent_on"),
            Map.entry("status", "status"));

    static final Set<String> REQUIRED = Set.of("membership_number", "first_name", "last_name", "clp", "ward");

    private static final Map<String, String> ALIASES = aliases();
    private static final DateTimeFormatter UK_DATE =
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

    /** Maps header cells to canonical column names; unknown columns map to null and are ignored. */
    public static List<String> canonicalHeader(List<String> header) {
        return canonicalHeader(header, Map.of());
    }

    /**
     * As {@link #canonicalHeader(List)}, with the uploader's own mapping (header as written, column name) first, for
     * headers no alias knows.
     */
    public static List<String> canonicalHeader(List<String> header, Map<String, String> explicit) {
        Map<String, String> mine = new HashMap<>();
        explicit.forEach((h, column) -> mine.put(normalise(h), column));
        return header.stream()
                .map(h -> mine.getOrDefault(normalise(h), ALIASES.get(normalise(h))))
                .toList();
    }

    /** Every column an import understands, for checking an explicit mapping. */
    public static Set<String> knownColumns() {
        return Set.copyOf(ALIASES.values());
    }

    /** The headers recognised out of the box for each column, as documented in README. */
    public static Map<String, List<String>> recognisedHeaders() {
        Map<String, List<String>> byColumn = new TreeMap<>();
        ALIASES.forEach((alias, column) ->
                byColumn.computeIfAbsent(column, c -> new ArrayList<>()).add(alias));
        byColumn.values().forEach(Collections::sort);
        return byColumn;
    }

    /** Required columns the header lacks. */
    public static List<String> missingColumns(List<String> canonical) {
        return REQUIRED.stream().filter(c -> !canonical.contains(c)).sorted().toList();
    }

    /** This row in the CLP and ward with these codes. */
    public MemberRow inPlace(String clp, String ward) {
        return new MemberRow(line, membershipNumber, details.withPlace(clp, ward), status, errors);
    }

    /** This row with more reasons it cannot be saved. */
    public MemberRow refusedFor(List<FieldError> more) {
        List<FieldError> all = new ArrayList<>(errors);
        all.addAll(more);
        return new MemberRow(line, membershipNumber, details, status, List.copyOf(all));
    }

    /** A line that could not be read as a record at all; it is reported, never saved. */
    public static MemberRow unreadable(int line, String reason) {
        return new MemberRow(line, null, null, null, List.of(new FieldError("row", reason)));
    }

    public static MemberRow parse(int line, List<String> header, List<String> cells, LocalDate today) {
        Map<String, String> v = new HashMap<>();
        for (int i = 0; i < header.size() && i < cells.size(); i++) {
            if (header.get(i) != null && !cells.get(i).isBlank()) {
                v.put(header.get(i), cells.get(i).trim());
            }
        }
        List<FieldError> errors = new ArrayList<>();
        if (cells.size() > header.size()
                && cells.subList(header.size(), cells.size()).stream().anyMatch(c -> !c.isBlank())) {
            errors.add(new FieldError("row", "has " + cells.size() + " cells but the header has " + header.size()));
        }
        LocalDate dob = date(v, "date_of_birth", errors);
        LocalDate joined = date(v, "joined_on", errors);
        LocalDate arrears = date(v, "arrears_since", errors);
        LocalDate guardianConsent = date(v, "guardian_consent_on", errors);
        if (guardianConsent == null && bool(v, "guardian_consent", errors)) {
            guardianConsent = joined != null ? joined : today;
        }
        MembershipStatus status = parseEnum(MembershipStatus.class, v.get("status"), "status", errors);
        Set<MemberRole> roles = new LinkedHashSet<>();
        for (String role : list(v.get("roles"))) {
            MemberRole parsed = parseEnum(MemberRole.class, role, "roles", errors);
            if (parsed != null) {
                roles.add(parsed);
            }
        }
        MemberDetails.Guardian guardian = v.get("guardian_name") == null
                ? null
                : new MemberDetails.Guardian(
                        v.get("guardian_name"), v.get("guardian_email"), v.get("guardian_phone"), guardianConsent);
        MemberDetails request = new MemberDetails(
                v.get("membership_number"),
                v.get("first_name"),
                v.get("last_name"),
                v.get("email"),
                v.get("phone"),
                Postcodes.normalise(v.get("postcode")),
                dob,
                v.get("clp"),
                v.get("ward"),
                joined,
                roles,
                new LinkedHashSet<>(list(v.get("interests"))),
                new MemberDetails.Consents(
                        bool(v, "consent_email", errors),
                        bool(v, "consent_phone", errors),
                        bool(v, "consent_sms", errors)),
                guardian,
                arrears);
        String number = v.get("membership_number") == null
                ? null
                : v.get("membership_number").toUpperCase(Locale.ROOT);
        return new MemberRow(line, number, request, status, errors);
    }

    private static LocalDate date(Map<String, String> v, String column, List<FieldError> errors) {
        String value = v.get(column);
        if (value == null) {
            return null;
        }
        try {
            return value.contains("/") ? LocalDate.parse(value, UK_DATE) : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(column, "'" + value + "' is not a date (dd/mm/yyyy)"));
            return null;
        }
    }

    private static boolean bool(Map<String, String> v, String column, List<FieldError> errors) {
        String value = v.get(column);
        if (value == null) {
            return false;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "y", "yes", "true", "1" -> true;
            case "n", "no", "false", "0" -> false;
            default -> {
                errors.add(new FieldError(column, "'" + value + "' is not yes or no"));
                yield false;
            }
        };
    }

    private static <E extends Enum<E>> E parseEnum(
            Class<E> type, String value, String column, List<FieldError> errors) {
        try {
            return FieldValues.parseEnum(type, value, column);
        } catch (ProblemException e) {
            errors.addAll(e.problem().errors());
            return null;
        }
    }

    private static List<String> list(String value) {
        return value == null
                ? List.of()
                : Arrays.stream(value.split("[;|]"))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }

    private static String normalise(String header) {
        return header.trim()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_|_$", "");
    }

    private static Map<String, String> aliases() {
        Map<String, List<String>> byColumn = Map.ofEntries(
                Map.entry(
                        "membership_number",
                        List.of(
                                "membership_number",
                                "membership_no",
                                "member_number",
                                "member_no",
                                "membership_id",
                                "member_id",
                                "membership_ref")),
                Map.entry(
                        "first_name",
                        List.of("first_name", "firstname", "forename", "forenames", "first_names", "given_name")),
                Map.entry("last_name", List.of("last_name", "lastname", "surname", "family_name")),
                Map.entry("email", List.of("email", "email_address", "e_mail", "email_addr")),
                Map.entry(
                        "phone",
                        List.of(
                                "phone",
                                "mobile",
                                "telephone",
                                "phone_number",
                                "tel",
                                "mobile_number",
                                "mobile_phone",
                                "telephone_number")),
                Map.entry("postcode", List.of("postcode", "post_code", "postal_code")),
                Map.entry("date_of_birth", List.of("date_of_birth", "dob", "birth_date", "birthdate")),
                Map.entry(
                        "clp",
                        List.of(
                                "clp",
                                "clp_code",
                                "clp_name",
                                "constituency",
                                "constituency_name",
                                "constituency_party")),
                Map.entry("ward", List.of("ward", "ward_code", "ward_name", "branch", "branch_name")),
                Map.entry("status", List.of("status", "membership_status")),
                Map.entry(
                        "joined_on",
                        List.of(
                                "joined_on",
                                "joined",
                                "join_date",
                                "date_joined",
                                "joined_date",
                                "membership_start_date",
                                "start_date")),
                Map.entry("arrears_since", List.of("arrears_since", "in_arrears_since")),
                Map.entry("roles", List.of("roles", "role", "offices")),
                Map.entry("interests", List.of("interests", "skills", "interests_skills")),
                Map.entry("consent_email", List.of("consent_email", "email_consent")),
                Map.entry("consent_phone", List.of("consent_phone", "phone_consent")),
                Map.entry("consent_sms", List.of("consent_sms", "sms_consent")),
                Map.entry("guardian_name", List.of("guardian_name", "parent_name")),
                Map.entry("guardian_email", List.of("guardian_email", "parent_email")),
                Map.entry("guardian_phone", List.of("guardian_phone", "parent_phone")),
                Map.entry("guardian_consent", List.of("guardian_consent", "parent_consent")),
                Map.entry("guardian_consent_on", List.of("guardian_consent_on", "guardian_consent_date")));
        return byColumn.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(alias -> Map.entry(alias, e.getKey())))
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
