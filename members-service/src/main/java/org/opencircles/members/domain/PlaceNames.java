package org.opencircles.members.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Finds CLPs and wards as membership exports and secretaries write them: by code or by name, forgiving case,
 * spacing, punctuation, "and" or "&", and a trailing "Ward". A name that fits more than one place is not guessed:
 * the answer names the candidates.
 */
public final class PlaceNames {

    /** A place found (its code), or why none was: exactly one of the two is set. */
    public record Match(String code, String problem) {
        static Match of(String code) {
            return new Match(code, null);
        }

        static Match problem(String problem) {
            return new Match(null, problem);
        }
    }

    private final Map<String, String> clpCodes = new HashMap<>();
    private final Map<String, List<String>> clpNames = new HashMap<>();
    private final Map<String, String> wardCodes = new HashMap<>();
    private final Map<String, String> clpOfWard = new HashMap<>();
    private final Map<String, List<String>> wardNames = new HashMap<>();

    /**
     * What each cell already resolved to: an export names the same 650 CLPs and 9,000 wards on 500,000 rows, and
     * resolving a name afresh each time took a third of the reading thread's samples in a profiled national
     * re-import.
     * Safe to share between threads; a file of ever new names stops adding at {@value #REMEMBERED}.
     */
    private final Map<String, Match> clpsSeen = new ConcurrentHashMap<>();

    private final Map<String, Match> wardsSeen = new ConcurrentHashMap<>();
    private static final int REMEMBERED = 50_000;

    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

    public PlaceNames(List<Clp> clps, List<Ward> wards) {
        for (Clp clp : clps) {
            clpCodes.put(clp.code.toUpperCase(Locale.ROOT), clp.code);
            clpNames.computeIfAbsent(normalise(clp.name), n -> new ArrayList<>())
                    .add(clp.code);
        }
        for (Ward ward : wards) {
            wardCodes.put(ward.code.toUpperCase(Locale.ROOT), ward.code);
            clpOfWard.put(ward.code, ward.clpCode);
            wardNames
                    .computeIfAbsent(normalise(ward.name), n -> new ArrayList<>())
                    .add(ward.code);
        }
    }

    /** The CLP a cell names, by code or by name. */
    public Match clp(String cell) {
        if (cell == null || cell.isBlank()) {
            return Match.problem("is required");
        }
        return remembered(clpsSeen, cell, () -> findClp(cell));
    }

    private Match findClp(String cell) {
        String code = clpCodes.get(cell.trim().toUpperCase(Locale.ROOT));
        if (code != null) {
            return Match.of(code);
        }
        List<String> named = clpNames.getOrDefault(normalise(cell), List.of());
        if (named.size() == 1) {
            return Match.of(named.get(0));
        }
        return named.isEmpty()
                ? Match.problem("no CLP has the code or name '" + cell.trim() + "'")
                : Match.problem("'" + cell.trim() + "' could be CLP " + String.join(" or ", new TreeSet<>(named)));
    }

    /** The ward a cell names, by code or by name, within {@code clpCode} when several CLPs have a ward of that name. */
    public Match ward(String cell, String clpCode) {
        if (cell == null || cell.isBlank()) {
            return Match.problem("is required");
        }
        return remembered(wardsSeen, clpCode + "\u0000" + cell, () -> findWard(cell, clpCode));
    }

    private static Match remembered(Map<String, Match> seen, String key, Supplier<Match> find) {
        Match known = seen.get(key);
        if (known != null) {
            return known;
        }
        Match found = find.get();
        if (seen.size() < REMEMBERED) {
            seen.put(key, found);
        }
        return found;
    }

    private Match findWard(String cell, String clpCode) {
        String code = wardCodes.get(cell.trim().toUpperCase(Locale.ROOT));
        if (code != null) {
            return Match.of(code);
        }
        List<String> named = wardNames.getOrDefault(normalise(cell), List.of());
        List<String> inClp =
                named.stream().filter(w -> clpOfWard.get(w).equals(clpCode)).toList();
        if (inClp.size() == 1) {
            return Match.of(inClp.get(0));
        }
        if (named.isEmpty()) {
            return Match.problem("no ward has the code or name '" + cell.trim() + "'");
        }
        List<String> candidates = inClp.isEmpty() ? named : inClp;
        return candidates.size() == 1
                ? Match.of(candidates.get(0))
                : Match.problem(
                        "'" + cell.trim() + "' could be ward " + String.join(" or ", new TreeSet<>(candidates)));
    }

    /** The CLP a ward (by code) belongs to, or null. */
    public String clpOfWard(String wardCode) {
        return clpOfWard.get(wardCode);
    }

    /** "Dulwich & West-Norwood Ward" and "DULWICH AND WEST NORWOOD" compare equal. */
    static String normalise(String name) {
        String s = NOT_LETTER_OR_DIGIT
                .matcher(name.toLowerCase(Locale.ROOT).replace("&", " and "))
                .replaceAll(" ")
                .trim();
        return s.endsWith(" ward") ? s.substring(0, s.length() - " ward".length()) : s;
    }
}
