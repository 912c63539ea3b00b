package org.opencircles.platform.problem;

/**
 * Text the database can store: no NUL characters, no unpaired UTF-16 surrogates (what an invalid byte sequence or a
 * broken emoji decodes to), no U+FFFD left by undecodable input. Checked at every way in (paths, query strings, JSON,
 * CSV), so such input is a 400 naming the field rather than a database error.
 */
public final class SafeText {

    private SafeText() {}

    /** Why {@code value} cannot be stored, or null when it can. */
    public static String problem(String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                return "must not contain a NUL character";
            }
            if (c == '\uFFFD') {
                return "must be valid UTF-8 text";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "must not contain a broken character (an unpaired surrogate)";
            }
            if (Character.isLowSurrogate(c)) {
                return "must not contain a broken character (an unpaired surrogate)";
            }
        }
        return null;
    }
}
