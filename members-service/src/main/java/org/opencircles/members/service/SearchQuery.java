package org.opencircles.members.service;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A search query's folded words and the one the database looks members up by (V14): its longest piece of letters and
 * digits is found in the name-word postings and in the rest of members' text, and every other word (or the rest of
 * that one) is checked on the few members found.
 *
 * @param words  the query's words, folded as members' search text is
 * @param driver the index of the word looked up, or -1 when no word has a piece long enough to look up
 */
record SearchQuery(List<String> words, int driver) {

    /** The shortest piece the trigram indexes can look up: shorter ones hold no whole trigram. */
    static final int MIN_PIECE = 3;

    private static final Pattern PIECE = Pattern.compile("[a-z0-9]+");

    /**
     * The longest run of letters a-z and digits in a folded word, if it has one of {@value #MIN_PIECE} or more. Only
     * these, because a run of them lies within one of the pieces the database splits members' text into whatever
     * else it counts as a letter, so looking one up never misses a member who has the word.
     */
    static String piece(String word) {
        String longest = null;
        Matcher m = PIECE.matcher(word);
        while (m.find()) {
            if (m.end() - m.start() >= MIN_PIECE && (longest == null || m.end() - m.start() > longest.length())) {
                longest = m.group();
            }
        }
        return longest;
    }

    /** Whether the word is all one piece: the members found by its piece are then exactly those who have it. */
    static boolean whole(String word) {
        return word.equals(piece(word));
    }

    /**
     * The word to look members up by: of those with a piece, the one whose piece the fewest members have
     * ({@code found} as counted, each count capped), the later one on a tie (a surname is typed after a first name);
     * -1 when none has a piece.
     */
    static int driver(List<String> words, List<Long> found) {
        int best = -1;
        for (int i = 0; i < words.size(); i++) {
            if (piece(words.get(i)) != null && (best == -1 || found.get(i) <= found.get(best))) {
                best = i;
            }
        }
        return best;
    }

    /** The driver word's piece, or null. */
    String drivingPiece() {
        return driver < 0 ? null : piece(words.get(driver));
    }

    /** Whether one whole word is all there is: members found by its piece need no check on their text. */
    boolean oneWholeWord() {
        return words.size() == 1 && driver == 0 && whole(words.get(0));
    }
}
