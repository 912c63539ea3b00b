package org.opencircles.platform.problem;

import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Parses query and CSV values into domain types with a 400 naming the field, where JAX-RS would answer a bad
 * query parameter with a bare 404.
 */
public final class FieldValues {

    private FieldValues() {}

    /** The enum constant named by {@code value} (case-insensitive, '-' or ' ' for '_'), or null for blank. */
    public static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String name = value.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            String allowed =
                    Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw ProblemException.invalidField(field, "'" + value + "' is not one of " + allowed);
        }
    }

    /** An id from a path or query; a malformed one is a 400 naming the field, not JAX-RS's bare 404. */
    public static UUID parseId(String value, String field) {
        try {
            return UUID.fromString(value == null ? "" : value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, "'" + value + "' is not an id");
        }
    }

    /** A non-negative whole number, or {@code fallback} for blank. */
    public static int parseCount(String value, String field, int fallback, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n < 0 || n > max) {
                throw ProblemException.invalidField(field, "must be between 0 and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField(field, "'" + value + "' is not a whole number");
        }
    }
}
