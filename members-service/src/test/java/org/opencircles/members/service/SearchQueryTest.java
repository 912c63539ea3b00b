package org.opencircles.members.service;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which piece of a query word search looks members up by, and which word of a query drives it. */
class SearchQueryTest {

    @Test
    void aPieceIsTheLongestRunOfLettersAndDigitsOfThreeOrMore() {
        assertEquals("oliver", SearchQuery.piece("oliver"));
        assertEquals("smythe", SearchQuery.piece("o'brien-smythe"));
        assertEquals("mull", SearchQuery.piece("zoe.mull"));
        assertEquals("se21", SearchQuery.piece("se21"));
        assertNull(SearchQuery.piece("+44"));
        assertNull(SearchQuery.piece("jo"));
        // Letters outside a-z (folding leaves other scripts as they are) never join a piece: the database may split there.
        assertEquals("mith", SearchQuery.piece("σmith"));
        assertNull(SearchQuery.piece("%%%%"));
    }

    @Test
    void aWholeWordIsOnePieceAndNothingElse() {
        assertTrue(SearchQuery.whole("oliver"));
        assertTrue(SearchQuery.whole("07700900777"));
        assertFalse(SearchQuery.whole("o'brien"));
        assertFalse(SearchQuery.whole("jo"));
    }

    @Test
    void theDriverIsTheWordFewestMembersHaveTheLaterOnATie() {
        List<String> words = List.of("oliver", "whitwell");
        assertEquals(1, SearchQuery.driver(words, List.of(1000L, 14L)));
        assertEquals(0, SearchQuery.driver(words, List.of(3L, 14L)));
        assertEquals(1, SearchQuery.driver(words, List.of(0L, 0L)));
        // A word without a piece is never the driver; with none at all, there is none.
        assertEquals(1, SearchQuery.driver(List.of("jo", "smith"), List.of(0L, 900L)));
        assertEquals(-1, SearchQuery.driver(List.of("jo", "+4"), List.of(0L, 0L)));
        assertNull(new SearchQuery(List.of("jo"), -1).drivingPiece());
    }

    @Test
    void oneWholeWordAloneNeedsNoCheckOnTheText() {
        assertTrue(new SearchQuery(List.of("oliver"), 0).oneWholeWord());
        assertFalse(new SearchQuery(List.of("o'brien"), 0).oneWholeWord());
        assertFalse(new SearchQuery(List.of("oliver", "whitwell"), 1).oneWholeWord());
        assertFalse(new SearchQuery(List.of("jo"), -1).oneWholeWord());
    }
}
