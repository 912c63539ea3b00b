package org.opencircles.platform.query;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An HQL where-clause with its named parameters, built as a value by joining conditions with {@code and}: each step
 * returns a new condition, so a query is read top to bottom instead of a {@code StringBuilder} filled in several
 * methods.
 */
public record Condition(String where, Map<String, Object> params) {

    /** Matches every row: the start of a condition built from optional parts. */
    public static final Condition ALL = of("1 = 1");

    public Condition {
        params = Map.copyOf(params);
    }

    /** A clause without parameters. */
    public static Condition of(String clause) {
        return new Condition(clause, Map.of());
    }

    /** This condition and a clause without parameters. */
    public Condition and(String clause) {
        return new Condition(where + " and " + clause, params);
    }

    /** This condition and a clause with one named parameter. */
    public Condition and(String clause, String name, Object value) {
        return and(new Condition(clause, Map.of(name, value)));
    }

    /** This condition and another (their parameter names must not clash). */
    public Condition and(Condition other) {
        Map<String, Object> all = new HashMap<>(params);
        all.putAll(other.params);
        return new Condition(where + " and " + other.where, all);
    }

    /** This condition and a clause with a parameter, when the value is given; unchanged when it is null. */
    public Condition andIfGiven(String clause, String name, Object value) {
        return value == null ? this : and(clause, name, value);
    }

    /**
     * The caller's CLP scope on {@code field}: none when every CLP is visible (an empty optional); a caller who sees no
     * CLP matches nothing (an empty IN list is invalid SQL, so it is a list of "").
     */
    public static Optional<Condition> inClps(Optional<Set<String>> visible, String field) {
        return visible.map(
                clps -> new Condition(field + " in :visible", Map.of("visible", clps.isEmpty() ? Set.of("") : clps)));
    }

    /** Narrowed to rows whose {@code field} is one of the visible CLPs ({@link #inClps}). */
    public Condition withinClps(Optional<Set<String>> visible, String field) {
        return inClps(visible, field).map(this::and).orElse(this);
    }

    /** This condition written inside other text, e.g. as a sub-query: {@code before + where + after}. */
    public Condition inside(String before, String after) {
        return new Condition(before + where + after, params);
    }
}
