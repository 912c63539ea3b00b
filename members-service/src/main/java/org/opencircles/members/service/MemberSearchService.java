package org.opencircles.members.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import org.opencircles.members.domain.AgeBand;
import org.opencircles.members.domain.Member;
import org.opencircles.platform.audit.AccessAudit;
import org.opencircles.platform.page.PageView;
import org.opencircles.platform.page.Paging;
import org.opencircles.platform.query.Condition;
import org.opencircles.platform.time.CivilTime;

/**
 * Finds members: lists by filter, searches by words (typos answered through the dictionary of name words), and the
 * condition call lists are made from. Every query is a {@link Condition} value on {@code Member} or on the search
 * table {@code MemberSearch s}.
 */
@ApplicationScoped
public class MemberSearchService {

    /** A member's id alone, for lists of members that need no more. */
    public record IdOnly(UUID id) {}

    /** Words of a search query beyond this many are ignored: each is one more index condition. */
    static final int MAX_SEARCH_WORDS = 5;

    private static final String BY_NAME = "lastName, firstName, id";

    /**
     * Name order for search results, as lists have it. The search table has no name index on purpose: pg_trgm's
     * estimate of how many members a word matches is coarse (15,049 for "smith", 5,964 in fact), and given one the
     * planner walked it from "A", testing every member, until it had a page of Smiths (4.9 s p50 at 500,000,
     * measured) instead of finding them through the trigram index and sorting a few thousand.
     */
    private static final String SEARCH_ORDER = "s.lastName, s.firstName, s.id";

    /** An HQL order by (on {@code MemberSearch s}) and its parameters. */
    private record Order(String by, Map<String, Object> params) {}

    @Inject
    Clock clock;

    @Inject
    AccessAudit audit;

    /**
     * One page of members matching the filter within the CLPs the caller may see; every member shown is audited.
     * Loaded read-only: nothing here changes them, and Hibernate then keeps no copy of each to compare at commit.
     */
    @Transactional
    public PageView<Member> search(MemberFilter filter, Optional<Set<String>> visibleClps, Paging paging) {
        List<String> words = queryWords(filter);
        PageView<Member> page;
        if (filter.query() == null) {
            // Counted, then read in name order: for a broad filter (a national list) straight off the name index.
            // The page's ids come in that order, and the members by id with the one plain statement search uses.
            Condition all = condition(filter, visibleClps, words);
            var ids = Member.getEntityManager()
                    .createQuery("select id from Member where " + all.where() + " order by " + BY_NAME, UUID.class);
            all.params().forEach(ids::setParameter);
            List<UUID> pageIds = ids.setFirstResult(paging.page() * paging.size())
                    .setMaxResults(paging.size())
                    .getResultList();
            page = new PageView<>(
                    inOrder(pageIds), paging.page(), paging.size(), Member.count(all.where(), all.params()));
        } else {
            page = searchPage(found(filter, visibleClps, words), new Order(SEARCH_ORDER, Map.of()), paging);
            if (page.total() == 0) {
                // Closest to what was typed first.
                page = searchPage(found(filter, visibleClps, nearSpellings(words)), closestFirst(words), paging);
            }
        }
        audit.record("LIST", "member", page.items().stream().map(m -> m.id).toList());
        return page;
    }

    /**
     * The condition (on {@code Member}) for members matching the filter within the visible CLPs, not erased, for
     * call lists: members that have every word of the query as typed; only when there are none, those found through
     * near spellings (as {@link #search} does).
     */
    public Condition matching(MemberFilter filter, Optional<Set<String>> visibleClps) {
        List<String> words = queryWords(filter);
        Condition condition = condition(filter, visibleClps, words);
        // Counted, not probed with LIMIT 1: the planner cannot tell how rare a pattern is and would scan every member
        // looking for a first match of a rare one (3 s at 500,000, measured).
        if (filter.query() != null && Member.count(condition.where(), condition.params()) == 0) {
            condition = condition(filter, visibleClps, nearSpellings(words));
        }
        return condition;
    }

    /** The words of a search query, split on spaces; the first {@value #MAX_SEARCH_WORDS} count. */
    static List<String> searchWords(String query) {
        return Arrays.stream(query.trim().split("\\s+"))
                .filter(w -> !w.isEmpty())
                .limit(MAX_SEARCH_WORDS)
                .toList();
    }

    /**
     * Near-spelling results closest to what was typed first, then in name order: the sum over the typed words of how
     * well each matches a word of the member's search text. Written out per word on already folded words, rather than
     * a SQL function that folds and splits the query again for every member it scores (1.5 ms of a 3 ms typo search
     * for 14 matches at 500,000, measured).
     */
    private static Order closestFirst(List<String> folded) {
        List<String> terms = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < folded.size(); i++) {
            terms.add("cast(function('word_similarity', :typed" + i + ", s.searchText) as Float)");
            params.put("typed" + i, folded.get(i));
        }
        return new Order("(" + String.join(" + ", terms) + ") desc, " + SEARCH_ORDER, params);
    }

    /**
     * A page of search results and how many match in one statement ({@code count(*) over ()}): counting first and
     * then fetching the page found every match twice, which for a common name (thousands of trigram rechecks) was
     * most of a search. That statement orders and counts ids alone, and the page's members are read by id after it:
     * carried whole through the count and the sort, 5,964 Smiths took twice as long (22 ms against 11 ms in
     * PostgreSQL at 500,000, measured). Only a page past the end, which has no row to carry the count, counts again.
     */
    private PageView<Member> searchPage(Condition condition, Order order, Paging paging) {
        var query = Member.getEntityManager()
                .createQuery(
                        "select s.id, count(*) over () from MemberSearch s where " + condition.where() + " order by "
                                + order.by(),
                        Object[].class);
        condition.params().forEach(query::setParameter);
        order.params().forEach(query::setParameter);
        List<Object[]> rows = query.setFirstResult(paging.page() * paging.size())
                .setMaxResults(paging.size())
                .getResultList();
        long total =
                !rows.isEmpty() ? ((Number) rows.get(0)[1]).longValue() : paging.page() == 0 ? 0 : counted(condition);
        return new PageView<>(
                inOrder(rows.stream().map(row -> (UUID) row[0]).toList()), paging.page(), paging.size(), total);
    }

    /**
     * Members by id, not erased, read with one plain statement whose text does not depend on how many there are: as
     * entities (and an id list of each size a new query for Hibernate to translate) they were most of what a search
     * or a list cost this service. Shown, never changed.
     */
    private static Map<UUID, Member> byIds(List<UUID> ids) {
        return Member.getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            Map<UUID, Member> found = new HashMap<>();
            Array idArray = connection.createArrayOf("uuid", ids.toArray());
            try (PreparedStatement select = connection.prepareStatement("select " + String.join(", ", Member.COLUMNS)
                    + " from member where id = any(?) and erased_at is null")) {
                select.setArray(1, idArray);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Member m = Member.fromRow(rows);
                        found.put(m.id, m);
                    }
                }
            } finally {
                idArray.free();
            }
            return found;
        });
    }

    /** Members by id in the order given, each one not erased; one erased in between is left out. */
    private static List<Member> inOrder(List<UUID> ids) {
        Map<UUID, Member> found = ids.isEmpty() ? Map.of() : byIds(ids);
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    /** How many members a search condition (on {@code MemberSearch s}) finds. */
    private static long counted(Condition condition) {
        var query = Member.getEntityManager()
                .createQuery("select count(*) from MemberSearch s where " + condition.where(), Long.class);
        condition.params().forEach(query::setParameter);
        return query.getSingleResult();
    }

    /**
     * A search's condition on {@code MemberSearch s}: the query's words, the visible CLPs and the filter's CLP on the
     * search table alone; any other field of the filter through the member rows, so that a search by words alone (the
     * common case, and the widest) never reads them.
     */
    private Condition found(MemberFilter filter, Optional<Set<String>> visibleClps, List<String> words) {
        Condition found = withWords(
                Condition.ALL
                        .withinClps(visibleClps, "s.clpCode")
                        .andIfGiven("s.clpCode = :clp", "clp", filter.clpCode()),
                words);
        if (filter.narrowsBeyondClp()) {
            found = found.and(
                    filterCondition(filter, visibleClps).inside("s.id in (select id from Member where ", ")"));
        }
        return found;
    }

    /**
     * A member filter as a condition on {@code Member}, for lists and call lists: its fields, and every one of the
     * folded search words (none without a query), as spelt (exact, and cheap through the trigram index) or as
     * {@link #nearSpellings}, matched in the search table.
     */
    private Condition condition(MemberFilter filter, Optional<Set<String>> visibleClps, List<String> words) {
        Condition condition = filterCondition(filter, visibleClps);
        if (words.isEmpty()) {
            return condition;
        }
        // The filter's CLP in the sub-query too: the search index finds a CLP's matches directly (V13).
        Condition inSearch =
                withWords(filter.clpCode() == null ? Condition.ALL : Condition.of("s.clpCode = :clp"), words);
        return condition.and(inSearch.inside("id in (select s.id from MemberSearch s where ", ")"));
    }

    /** The condition (on {@code Member}) for the filter's fields other than the search query, visible, not erased. */
    private Condition filterCondition(MemberFilter filter, Optional<Set<String>> visibleClps) {
        Condition condition = Condition.of("erasedAt is null")
                .withinClps(visibleClps, "clpCode")
                .andIfGiven("clpCode = :clp", "clp", filter.clpCode())
                .andIfGiven("wardCode = :ward", "ward", filter.wardCode())
                .andIfGiven("status = :status", "status", filter.status())
                .andIfGiven(
                        "array_contains(interests, :interest)",
                        "interest",
                        filter.interest() == null
                                ? null
                                : filter.interest().trim().toLowerCase(Locale.ROOT));
        if (filter.ageBand() == AgeBand.UNKNOWN) {
            condition = condition.and("dateOfBirth is null");
        } else if (filter.ageBand() != null) {
            condition = condition
                    .and(
                            "dateOfBirth > :bornAfter",
                            "bornAfter",
                            filter.ageBand().bornAfter(CivilTime.today(clock)))
                    .and("dateOfBirth <= :bornBy", "bornBy", filter.ageBand().bornOnOrBefore(CivilTime.today(clock)));
        }
        if (filter.notContactedForDays() != null) {
            condition = condition.and(
                    "(lastContactedAt is null or lastContactedAt < :contactCutoff)",
                    "contactCutoff",
                    clock.instant().minus(Duration.ofDays(filter.notContactedForDays())));
        }
        return condition;
    }

    /**
     * Every folded word must match, in any order, as a substring of the member's folded name, number, email, phone
     * or postcode (so "zoe" finds "Zoë"): a plain LIKE pattern on {@code MemberSearch s} the trigram index answers.
     */
    private static Condition withWords(Condition base, List<String> folded) {
        Condition match = base;
        for (int i = 0; i < folded.size(); i++) {
            match = match.and(
                    "s.searchText like :w" + i + " escape '\\'",
                    "w" + i,
                    "%"
                            + folded.get(i)
                                    .replace("\\", "\\\\")
                                    .replace("%", "\\%")
                                    .replace("_", "\\_") + "%");
        }
        return match;
    }

    /** The filter's search words folded, once for a search and its near spellings alike; none without a query. */
    private static List<String> queryWords(MemberFilter filter) {
        return filter.query() == null ? List.of() : folded(searchWords(filter.query()));
    }

    /**
     * Each folded word as members have it, all in one statement: itself when it is one of the words in members' names
     * (or nobody's name word is close to it: a number, a postcode), else the name word spelt closest to it. One
     * spelling per word keeps the query a plain AND the trigram index answers; OR-ing several made the planner filter
     * thousands of rows by hand (6.7 s p50 at 500,000, measured).
     */
    private static List<String> nearSpellings(List<String> folded) {
        List<String> closest = eachWord("""
                coalesce((select word from search_word where word = {w}),
                         (select word from search_word where word % {w} order by similarity(word, {w}) desc, word
                          limit 1))""", folded);
        List<String> spelt = new ArrayList<>(folded.size());
        for (int i = 0; i < folded.size(); i++) {
            spelt.add(closest.get(i) == null ? folded.get(i) : closest.get(i));
        }
        return spelt;
    }

    /**
     * The words folded as members' search text is (oc_fold: accents and case), in one statement. Folded here, once,
     * rather than inside the search: the driver prepares a statement it runs often, PostgreSQL then keeps one plan
     * for any words, and that plan folded the word again for every member it rechecked ("smith": 5,964 times, 22 ms
     * of a 42 ms query, measured at 500,000) where a plain pattern costs next to nothing.
     */
    private static List<String> folded(List<String> words) {
        return eachWord("oc_fold(cast({w} as text))", words);
    }

    /**
     * One SQL expression per word, {@code {w}} standing for the word, in one statement: a search's words cost one
     * round trip whatever their number. Each answer as text, or null.
     */
    private static List<String> eachWord(String expression, List<String> words) {
        if (words.isEmpty()) {
            return words;
        }
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= words.size(); i++) {
            columns.add(expression.replace("{w}", "?" + i));
        }
        var query = Member.getEntityManager().createNativeQuery("select " + String.join(", ", columns));
        for (int i = 0; i < words.size(); i++) {
            query.setParameter(i + 1, words.get(i));
        }
        Object result = query.getSingleResult();
        Object[] values = result instanceof Object[] row ? row : new Object[] {result};
        return Arrays.stream(values).map(v -> v == null ? null : v.toString()).toList();
    }
}
