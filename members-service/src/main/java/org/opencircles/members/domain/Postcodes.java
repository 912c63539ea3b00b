package org.opencircles.members.domain;

import java.util.Locale;

/** UK postcodes as Royal Mail writes them: upper case, one space before the inward code ("se218ab" is "SE21 8AB"). */
public final class Postcodes {

    private Postcodes() {}

    /** The postcode tidied (null stays null); whether it is a postcode at all is validation's business. */
    public static String normalise(String postcode) {
        if (postcode == null) {
            return null;
        }
        String compact = postcode.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        if (compact.length() < 5 || compact.length() > 7) {
            return postcode.trim().toUpperCase(Locale.ROOT);
        }
        return compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3);
    }
}
