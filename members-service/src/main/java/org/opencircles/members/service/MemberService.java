package org.opencircles.members.service;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.hibernate.Session;
import org.hibernate.jpa.HibernateHints;
import org.opencircles.events.MemberPayloads;
import org.opencircles.members.config.MembershipConfig;
import org.opencircles.members.domain.AgeBand;
import org.opencircles.members.domain.ContactKind;
import org.opencircles.members.domain.ContactLogEntry;
import org.opencircles.members.domain.ErasureRecord;
import org.opencircles.members.domain.ImportRowError;
import org.opencircles.members.domain.Member;
import org.opencircles.events.MembershipStatus;
import org.opencircles.platform.audit.AccessAudit;
import org.opencircles.platform.bulk.BulkInsert;
import org.opencircles.platform.cluster.ClusterLock;
import org.opencircles.platform.id.TimeOrderedIds;
import org.opencircles.platform.problem.FieldError;
import org.opencircles.platform.problem.Problem;
import org.opencircles.platform.problem.ProblemException;
import org.opencircles.platform.page.PageView;
import org.opencircles.platform.page.Paging;
import org.opencircles.platform.security.CallerScope;
import org.opencircles.platform.time.CivilTime;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/** Member use cases; each public method is one transaction that also writes its events to the outbox. */
@ApplicationScoped
public class MemberService {

    /** A contact with a member to record: what happened, a note, and when (now if not given). */
    public record LogContact(ContactKind kind, String notes, Instant at) {
    }

    /** Move a member to another status (e.g. RESIGNED, or ACTIVE to rejoin), with the staff member's reason. */
    public record ChangeStatus(MembershipStatus status, String reason) {
    }

    /** How an upsert from an import ended. */
    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    @Inject
    Clock clock;

    @Inject
    MembershipConfig rules;

    @Inject
    CallerScope scope;

    @Inject
    JoiningChecks checks;

    @Inject
    MemberEvents events;

    @Inject
    AccessAudit audit;

    @Inject
    ClusterLock clusterLock;

    @Inject
    BulkInsert bulk;

    public LocalDate today() {
        return CivilTime.today(clock);
    }

    /** Registers a member in one of the caller's CLPs: shape first (400), then the caller's scope (403), then rules. */
    @Transactional
    public Member join(@Valid @NotNull MemberDetails request) {
        scope.requireClp(request.clpCode());
        List<FieldError> errors = checks.check(request, today());
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        if (Member.count("membershipNumber", request.membershipNumber()) > 0) {
            throw ProblemException.conflict("membershipNumber",
                    "membership number " + request.membershipNumber() + " is already registered");
        }
        Member member = create(request, MembershipStatus.ACTIVE);
        audit.record("CREATE", "member", member.id);
        return member;
    }

    /** Creates or updates by membership number, for imports; the request has passed all checks already. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome upsert(MemberDetails request, MembershipStatus status, Member existing, String actingFor) {
        if (existing == null) {
            Member created = create(request, status == null ? MembershipStatus.ACTIVE : status);
            audit.recordAs(actingFor, "CREATE", "member", List.of(created.id));
            return Outcome.CREATED;
        }
        boolean changed = apply(existing, request);
        if (status != null && status != existing.status) {
            if (!existing.status.next().contains(status)) {
                // Checked per row before the import's transaction; here only if the member changed meanwhile.
                throw ProblemException.ruleBroken("status-transition", "status",
                        "a " + existing.status + " member cannot become " + status);
            }
            move(existing, status, MemberPayloads.LIST_IMPORT, "membership list import");
            changed = true;
        }
        if (changed) {
            audit.recordAs(actingFor, "UPDATE", "member", List.of(existing.id));
        }
        return changed ? Outcome.UPDATED : Outcome.UNCHANGED;
    }

    @Transactional
    public Member update(UUID id, @Valid @NotNull MemberDetails request, Long expectedVersion) {
        Member member = visible(id);
        scope.requireClp(request.clpCode());
        if (expectedVersion != null && expectedVersion != member.version) {
            throw new ProblemException(Problem.of(412, "stale-version", "Stale version",
                    "The member was changed since version " + expectedVersion + "; reload and try again", null));
        }
        List<FieldError> errors = new ArrayList<>(checks.check(request, today()));
        if (!Objects.equals(request.membershipNumber(), member.membershipNumber)
                && Member.count("membershipNumber", request.membershipNumber()) > 0) {
            errors.add(new FieldError("membershipNumber", "already registered to another member"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        apply(member, request);
        audit.record("UPDATE", "member", member.id);
        return member;
    }

    @Transactional
    public Member changeStatus(UUID id, ChangeStatus request) {
        Member member = visible(id);
        if (member.status == request.status()) {
            return member;
        }
        if (!member.status.next().contains(request.status())) {
            throw ProblemException.ruleBroken("status-transition", "status",
                    "a " + member.status + " member cannot become " + request.status());
        }
        if (request.status() == MembershipStatus.ACTIVE) {
            // Rejoining clears the arrears that lapsed them, or they would lapse again at once.
            member.arrearsSince = null;
        }
        move(member, request.status(), MemberPayloads.STAFF_DECISION,
                request.reason() == null ? "changed by " + audit.principal() : request.reason());
        audit.record("UPDATE", "member", member.id);
        return member;
    }

    @Transactional
    public ContactLogEntry logContact(UUID id, LogContact command) {
        Member member = visible(id);
        ContactLogEntry entry = new ContactLogEntry();
        entry.id = UUID.randomUUID();
        entry.memberId = member.id;
        entry.kind = command.kind();
        entry.notes = command.notes();
        entry.loggedBy = audit.principal();
        entry.loggedAt = command.at() == null ? clock.instant() : command.at();
        entry.persist();
        if (entry.kind.reachedMember()
                && (member.lastContactedAt == null || member.lastContactedAt.isBefore(entry.loggedAt))) {
            member.lastContactedAt = entry.loggedAt;
        }
        if (entry.kind == ContactKind.WANTS_TO_GET_INVOLVED) {
            member.wantsToGetInvolvedAt = entry.loggedAt;
        }
        if (entry.kind == ContactKind.DO_NOT_CONTACT) {
            // Respected everywhere: every list and export decides by these consents.
            member.consentEmail = false;
            member.consentPhone = false;
            member.consentSms = false;
        }
        member.updatedAt = clock.instant();
        events.contactLogged(member, entry);
        audit.record("UPDATE", "member", member.id);
        return entry;
    }

    /** One page of a member's contact log, newest first; the read is audited. */
    @Transactional
    public PageView<ContactLogEntry> contacts(UUID id, Paging paging) {
        Member member = visible(id);
        audit.record("READ", "member", member.id);
        var query = ContactLogEntry.<ContactLogEntry>find("memberId", Sort.descending("loggedAt").and("id"), id);
        return paging.read(query);
    }

    /**
     * Erases the member's personal data here and tells every other service to do the same. The row stays, emptied,
     * so that ids in audit and erasure records still resolve to "erased".
     */
    @Transactional
    public ErasureRecord erase(UUID id, String reference) {
        Member member = Member.findById(id);
        if (member == null) {
            throw ProblemException.notFound("Member", id);
        }
        Optional<ErasureRecord> done = ErasureRecord.find("memberId", id).firstResultOptional();
        if (done.isPresent()) {
            return done.get();
        }
        Instant now = clock.instant();
        ContactLogEntry.delete("memberId", id);
        // Call lists keep no trace of them: their outcomes go with the contact log.
        org.opencircles.members.domain.CallListEntry.delete("memberId", id);
        if (member.membershipNumber != null) {
            // Import reports quote the rows' cells (a date of birth, say): the member's go with them.
            ImportRowError.delete("membershipNumber", member.membershipNumber);
        }
        String firstName = member.firstName;
        String lastName = member.lastName;
        member.statusReason = null;
        member.membershipNumber = null;
        member.firstName = null;
        member.lastName = null;
        member.email = null;
        member.phone = null;
        member.postcode = null;
        member.dateOfBirth = null;
        member.roles = new ArrayList<>();
        member.interests = new ArrayList<>();
        member.consentEmail = false;
        member.consentPhone = false;
        member.consentSms = false;
        member.guardianName = null;
        member.guardianEmail = null;
        member.guardianPhone = null;
        member.guardianConsentOn = null;
        member.arrearsSince = null;
        member.erasedAt = now;
        member.updatedAt = now;
        ErasureRecord record = new ErasureRecord();
        record.id = UUID.randomUUID();
        record.memberId = id;
        record.requestedBy = audit.principal();
        record.reference = reference;
        record.erasedAt = now;
        record.persist();
        // Search's dictionary of name words keeps none of theirs that nobody else has.
        Member.flush();
        Member.getEntityManager().createNativeQuery(
                        "select oc_forget_search_words(array(select oc_name_words(?1, ?2)))")
                .setParameter(1, firstName).setParameter(2, lastName).getSingleResult();
        events.erased(member, now);
        audit.record("ERASE", "member", id);
        return record;
    }

    /** A member the caller reads; the read is audited. */
    @Transactional
    public Member read(UUID id) {
        Member member = visible(id);
        audit.record("READ", "member", id);
        return member;
    }

    /** A member in the caller's CLPs (404 otherwise), not erased, without auditing. */
    public Member visible(UUID id) {
        return scope.visible(load(id), m -> m.clpCode, "Member", id);
    }

    /** A member by id that is not erased, without auditing (the caller audits what it shows). */
    public Member load(UUID id) {
        Member member = Member.findById(id);
        if (member == null) {
            throw ProblemException.notFound("Member", id);
        }
        if (member.isErased()) {
            throw new ProblemException(Problem.of(410, "erased", "Erased",
                    "Member " + id + " was erased on request", null));
        }
        return member;
    }

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
            var ids = Member.getEntityManager().createQuery("select id from Member where " + all.where()
                    + " order by " + BY_NAME, UUID.class);
            all.params().forEach(ids::setParameter);
            List<UUID> pageIds = ids.setFirstResult(paging.page() * paging.size()).setMaxResults(paging.size())
                    .getResultList();
            page = new PageView<>(inOrder(pageIds), paging.page(), paging.size(), Member.count(all.where(),
                    all.params()));
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

    private static final String BY_NAME = "lastName, firstName, id";

    /**
     * Near-spelling results closest to what was typed first, then in name order: the sum over the typed words of how
     * well each matches a word of the member's search text. Written out per word on already folded words, rather than
     * a SQL function that folds and splits the query again for every member it scores (1.5 ms of a 3 ms typo search
     * for 14 matches at 500,000, measured).
     */
    private static Order closestFirst(List<String> folded) {
        StringBuilder by = new StringBuilder("(");
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < folded.size(); i++) {
            by.append(i == 0 ? "" : " + ").append("cast(function('word_similarity', :typed").append(i)
                    .append(", s.searchText) as Float)");
            params.put("typed" + i, folded.get(i));
        }
        return new Order(by.append(") desc, ").append(SEARCH_ORDER).toString(), params);
    }

    /** An HQL order by (on {@code MemberSearch s}) and its parameters. */
    private record Order(String by, Map<String, Object> params) {
    }

    /**
     * Name order for search results, as lists have it. The search table has no name index on purpose: pg_trgm's
     * estimate of how many members a word matches is coarse (15,049 for "smith", 5,964 in fact), and given one the
     * planner walked it from "A", testing every member, until it had a page of Smiths (4.9 s p50 at 500,000,
     * measured) instead of finding them through the trigram index and sorting a few thousand.
     */
    private static final String SEARCH_ORDER = "s.lastName, s.firstName, s.id";

    /**
     * A page of search results and how many match in one statement ({@code count(*) over ()}): counting first and
     * then fetching the page found every match twice, which for a common name (thousands of trigram rechecks) was
     * most of a search. That statement orders and counts ids alone, and the page's members are read by id after it:
     * carried whole through the count and the sort, 5,964 Smiths took twice as long (22 ms against 11 ms in
     * PostgreSQL at 500,000, measured). Only a page past the end, which has no row to carry the count, counts again.
     */
    private PageView<Member> searchPage(Condition condition, Order order, Paging paging) {
        var query = Member.getEntityManager().createQuery("select s.id, count(*) over () from MemberSearch s where "
                + condition.where() + " order by " + order.by(), Object[].class);
        condition.params().forEach(query::setParameter);
        order.params().forEach(query::setParameter);
        List<Object[]> rows = query.setFirstResult(paging.page() * paging.size()).setMaxResults(paging.size())
                .getResultList();
        long total = !rows.isEmpty() ? ((Number) rows.get(0)[1]).longValue()
                : paging.page() == 0 ? 0 : counted(condition);
        return new PageView<>(inOrder(rows.stream().map(row -> (UUID) row[0]).toList()), paging.page(),
                paging.size(), total);
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
        var query = Member.getEntityManager().createQuery("select count(*) from MemberSearch s where "
                + condition.where(), Long.class);
        condition.params().forEach(query::setParameter);
        return query.getSingleResult();
    }

    /**
     * A search's HQL condition on {@code MemberSearch s}: the query's words, the visible CLPs and the filter's CLP
     * on the search table alone; any other field of the filter through the member rows, so that a search by words
     * alone (the common case, and the widest) never reads them.
     */
    private Condition found(MemberFilter filter, Optional<Set<String>> visibleClps, List<String> words) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        CallerScope.restrict(visibleClps, where, params, "s.clpCode");
        if (filter.clpCode() != null) {
            where.append(" and s.clpCode = :clp");
            params.put("clp", filter.clpCode());
        }
        searchCondition(words, where, params);
        if (filter.narrowsBeyondClp()) {
            where.append(" and s.id in (select id from Member where ");
            filterCondition(filter, visibleClps, where, params);
            where.append(")");
        }
        return new Condition(where.toString(), params);
    }

    /**
     * Appends the HQL condition (on {@code Member}) for members matching the filter within the visible CLPs, not
     * erased, for call lists: members that have every word of the query as typed; only when there are none, those
     * found through near spellings (as {@link #search} does).
     */
    public void matching(MemberFilter filter, Optional<Set<String>> visibleClps, StringBuilder where,
                         Map<String, Object> params) {
        List<String> words = queryWords(filter);
        Condition condition = condition(filter, visibleClps, words);
        // Counted, not probed with LIMIT 1: the planner cannot tell how rare a pattern is and would scan every member
        // looking for a first match of a rare one (3 s at 500,000, measured).
        if (filter.query() != null && Member.count(condition.where(), condition.params()) == 0) {
            condition = condition(filter, visibleClps, nearSpellings(words));
        }
        where.append(condition.where());
        params.putAll(condition.params());
    }

    /** An HQL condition on {@code Member} and its parameters. */
    private record Condition(String where, Map<String, Object> params) {
    }

    /**
     * A member filter as an HQL condition on {@code Member}, for lists and call lists: its fields, and every one of
     * the folded search words (none without a query), as spelt (exact, and cheap through the trigram index) or as
     * {@link #nearSpellings}, matched in the search table.
     */
    private Condition condition(MemberFilter filter, Optional<Set<String>> visibleClps, List<String> words) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        filterCondition(filter, visibleClps, where, params);
        if (!words.isEmpty()) {
            where.append(" and id in (select s.id from MemberSearch s where 1 = 1");
            // The filter's CLP here too: the search index finds a CLP's matches directly (V13).
            if (filter.clpCode() != null) {
                where.append(" and s.clpCode = :clp");
            }
            searchCondition(words, where, params);
            where.append(")");
        }
        return new Condition(where.toString(), params);
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

    /** The HQL condition for the filter's fields other than the search query, within the visible CLPs, not erased. */
    private void filterCondition(MemberFilter filter, Optional<Set<String>> visibleClps, StringBuilder where,
                                 Map<String, Object> params) {
        where.append("erasedAt is null");
        CallerScope.restrict(visibleClps, where, params, "clpCode");
        if (filter.clpCode() != null) {
            where.append(" and clpCode = :clp");
            params.put("clp", filter.clpCode());
        }
        if (filter.wardCode() != null) {
            where.append(" and wardCode = :ward");
            params.put("ward", filter.wardCode());
        }
        if (filter.status() != null) {
            where.append(" and status = :status");
            params.put("status", filter.status());
        }
        if (filter.ageBand() == AgeBand.UNKNOWN) {
            where.append(" and dateOfBirth is null");
        } else if (filter.ageBand() != null) {
            where.append(" and dateOfBirth > :bornAfter and dateOfBirth <= :bornBy");
            params.put("bornAfter", filter.ageBand().bornAfter(today()));
            params.put("bornBy", filter.ageBand().bornOnOrBefore(today()));
        }
        if (filter.interest() != null) {
            where.append(" and array_contains(interests, :interest)");
            params.put("interest", filter.interest().trim().toLowerCase(java.util.Locale.ROOT));
        }
        if (filter.notContactedForDays() != null) {
            where.append(" and (lastContactedAt is null or lastContactedAt < :contactCutoff)");
            params.put("contactCutoff", clock.instant().minus(Duration.ofDays(filter.notContactedForDays())));
        }
    }

    /** A member's id alone, for lists of members that need no more. */
    public record IdOnly(UUID id) {
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
        StringBuilder sql = new StringBuilder("select ");
        for (int i = 1; i <= words.size(); i++) {
            sql.append(i == 1 ? "" : ", ").append(expression.replace("{w}", "?" + i));
        }
        var query = Member.getEntityManager().createNativeQuery(sql.toString());
        for (int i = 0; i < words.size(); i++) {
            query.setParameter(i + 1, words.get(i));
        }
        Object result = query.getSingleResult();
        Object[] values = result instanceof Object[] row ? row : new Object[] {result};
        return Arrays.stream(values).map(v -> v == null ? null : v.toString()).toList();
    }

    /** The words of a search query, split on spaces; the first {@value #MAX_SEARCH_WORDS} count. */
    static List<String> searchWords(String query) {
        return Arrays.stream(query.trim().split("\\s+")).filter(w -> !w.isEmpty()).limit(MAX_SEARCH_WORDS).toList();
    }

    /**
     * Every folded word must match, in any order, as a substring of the member's folded name, number, email, phone
     * or postcode (so "zoe" finds "Zoë"): a plain LIKE pattern on {@code MemberSearch s} the trigram index answers.
     */
    private static void searchCondition(List<String> folded, StringBuilder where, Map<String, Object> params) {
        for (int i = 0; i < folded.size(); i++) {
            where.append(" and s.searchText like :w").append(i).append(" escape '\\'");
            params.put("w" + i, "%" + folded.get(i).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                    + "%");
        }
    }

    /** Words of a search query beyond this many are ignored: each is one more index condition. */
    static final int MAX_SEARCH_WORDS = 5;

    /**
     * Lapses active members whose arrears are older than the grace period; returns how many lapsed. With several
     * replicas, one sweeps at a time (the others find the lock taken and return 0).
     */
    @Transactional
    public int lapseMembersInArrears(int limit) {
        if (!clusterLock.tryLock("lapse-sweep")) {
            return 0;
        }
        LocalDate cutoff = today().minusMonths(rules.arrearsGraceMonths());
        List<Member> due = Member.<Member>find("status = ?1 and arrearsSince <= ?2 and erasedAt is null",
                MembershipStatus.ACTIVE, cutoff).page(0, limit).list();
        due.forEach(m -> move(m, MembershipStatus.LAPSED, MemberPayloads.ARREARS_PAST_GRACE,
                "in arrears since " + m.arrearsSince));
        return due.size();
    }

    /** One row of an import that passed every check: what to save, and the member it updates as last read, if any. */
    public record ImportedRow(MemberDetails details, MembershipStatus status, Member existing) {
    }

    /**
     * Saves an import chunk whose rows passed every check, set-based: new members, their {@code member.joined}
     * events and their audit rows each go in with one COPY; members whose row changes something are updated one by
     * one under the same rules as {@link #upsert}; the rest are unchanged and not touched.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<Outcome, Integer> importRows(List<ImportedRow> rows, Optional<Set<String>> allowedClps,
                                            String actingFor) {
        Map<Outcome, Integer> outcomes = new java.util.EnumMap<>(Outcome.class);
        List<Member> created = new ArrayList<>();
        List<ImportedRow> changing = new ArrayList<>();
        for (ImportedRow row : rows) {
            if (row.existing() == null) {
                created.add(newMember(row.details(), row.status() == null ? MembershipStatus.ACTIVE : row.status()));
            } else if (unchanged(row.existing(), row.details(), row.status())) {
                outcomes.merge(Outcome.UNCHANGED, 1, Integer::sum);
            } else {
                changing.add(row);
            }
        }
        if (!created.isEmpty()) {
            // An import's search entries wait in the trigram index's pending list and are merged in large batches:
            // 32 MB of them at a time read 43% fewer of the index's pages than PostgreSQL's default 4 MB (100,000 rows
            // into the loaded national system, bench/national-more.sh). Other writers keep the list short
            // (new-connection-sql), because every search reads all of it (4 MB made a two-word search 8.5 ms instead
            // of 2 ms at 500,000): searches run during a large import are slower until it ends and merges the list.
            Member.getEntityManager().createNativeQuery("set local gin_pending_list_limit = '32MB'").executeUpdate();
            // Written in name order: the rows land on the heap in the order they are copied, so a chunk's members of
            // one surname share a page or two. Search reads every member it matches (to sort and count them); at
            // 500,000 imported in file order "smith" found 5,964 members on 5,212 pages, in name order on 474.
            bulk.rows("member", Member.COLUMNS, created.stream().sorted(IN_NAME_ORDER).map(Member::columnValues)
                    .toList());
            events.joinedAll(created);
            audit.recordAs(actingFor, "CREATE", "member", created.stream().map(m -> m.id).toList());
            outcomes.put(Outcome.CREATED, created.size());
        }
        if (!changing.isEmpty()) {
            Map<String, Member> current = Member.<Member>list("membershipNumber in ?1",
                    changing.stream().map(r -> r.existing().membershipNumber).toList()).stream()
                    .collect(Collectors.toMap(m -> m.membershipNumber, m -> m));
            for (ImportedRow row : changing) {
                Member member = current.get(row.existing().membershipNumber);
                if (member == null || allowedClps.isPresent() && !allowedClps.get().contains(member.clpCode)) {
                    // Checked when the chunk was read; only a member erased or moved meanwhile gets here.
                    throw new IllegalStateException("A member of this chunk changed while it was imported");
                }
                outcomes.merge(upsert(row.details(), row.status(), member, actingFor), 1, Integer::sum);
            }
        }
        return outcomes;
    }

    /** Members by surname, then first name, case aside (only where they sit on disk depends on it). */
    private static final Comparator<Member> IN_NAME_ORDER = Comparator
            .comparing((Member m) -> m.lastName, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER))
            .thenComparing(m -> m.firstName, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER));

    /** Whether saving the row would leave the member exactly as they are. */
    private boolean unchanged(Member existing, MemberDetails request, MembershipStatus status) {
        if (status != null && status != existing.status) {
            return false;
        }
        Member after = new Member();
        copy(request, after);
        after.joinedOn = request.joinedOn() == null ? existing.joinedOn : request.joinedOn();
        return details(after).equals(details(existing));
    }

    private Member create(MemberDetails request, MembershipStatus status) {
        Member member = newMember(request, status);
        member.persist();
        events.joined(member);
        return member;
    }

    /** A new member from a request, not yet saved. */
    private Member newMember(MemberDetails request, MembershipStatus status) {
        Instant now = clock.instant();
        Member member = new Member();
        member.id = TimeOrderedIds.at(now);
        member.createdAt = now;
        member.status = status;
        member.joinedOn = request.joinedOn() == null ? today() : request.joinedOn();
        member.statusChangedOn = today();
        copy(request, member);
        member.updatedAt = now;
        if (pastArrearsGrace(member)) {
            member.status = MembershipStatus.LAPSED;
        }
        return member;
    }

    /** Applies the request; publishes an update when what other services project changed. Returns whether anything changed. */
    private boolean apply(Member member, MemberDetails request) {
        List<Object> before = details(member);
        var projectedBefore = MemberEvents.snapshot(member);
        copy(request, member);
        if (request.joinedOn() != null) {
            member.joinedOn = request.joinedOn();
        }
        if (before.equals(details(member))) {
            return false;
        }
        member.updatedAt = clock.instant();
        if (!projectedBefore.equals(MemberEvents.snapshot(member))) {
            events.updated(member);
        }
        if (pastArrearsGrace(member)) {
            move(member, MembershipStatus.LAPSED, MemberPayloads.ARREARS_PAST_GRACE,
                    "in arrears since " + member.arrearsSince);
        }
        return true;
    }

    /** Checked on every write as well as by the sweep, so a status never waits for a batch job to be right. */
    private boolean pastArrearsGrace(Member member) {
        return member.status == MembershipStatus.ACTIVE && member.arrearsSince != null
                && !member.arrearsSince.isAfter(today().minusMonths(rules.arrearsGraceMonths()));
    }

    /** Moves the status; the words (a secretary's reason, say) stay here, other services get the code only. */
    private void move(Member member, MembershipStatus to, String reasonCode, String reason) {
        MembershipStatus from = member.status;
        member.status = to;
        member.statusChangedOn = today();
        member.updatedAt = clock.instant();
        member.statusReason = reason;
        events.statusChanged(member, from, reasonCode);
    }

    private static void copy(MemberDetails r, Member m) {
        m.membershipNumber = r.membershipNumber().trim().toUpperCase(java.util.Locale.ROOT);
        m.firstName = r.firstName().trim();
        m.lastName = r.lastName().trim();
        m.email = blankToNull(r.email());
        m.phone = blankToNull(r.phone());
        m.postcode = r.postcode() == null ? null : normalisePostcode(r.postcode());
        m.dateOfBirth = r.dateOfBirth();
        m.clpCode = r.clpCode();
        m.wardCode = r.wardCode();
        m.arrearsSince = r.arrearsSince();
        m.roles = r.roles() == null ? new ArrayList<>() : new ArrayList<>(new TreeSet<>(
                r.roles().stream().map(Enum::name).toList()));
        m.interests = r.interests() == null ? new ArrayList<>() : new ArrayList<>(new TreeSet<>(
                r.interests().stream().map(i -> i.trim().toLowerCase(java.util.Locale.ROOT)).toList()));
        MemberDetails.Consents consents = r.consents() == null ? MemberDetails.Consents.NONE : r.consents();
        m.consentEmail = consents.email();
        m.consentPhone = consents.phone();
        m.consentSms = consents.sms();
        MemberDetails.Guardian g = r.guardian();
        m.guardianName = g == null ? null : g.name().trim();
        m.guardianEmail = g == null ? null : blankToNull(g.email());
        m.guardianPhone = g == null ? null : blankToNull(g.phone());
        m.guardianConsentOn = g == null ? null : g.consentGivenOn();
    }

    private static List<Object> details(Member m) {
        return java.util.Arrays.asList(m.membershipNumber, m.firstName, m.lastName, m.email, m.phone, m.postcode,
                m.dateOfBirth, m.clpCode, m.wardCode, m.arrearsSince, List.copyOf(m.roles), List.copyOf(m.interests),
                m.consentEmail, m.consentPhone, m.consentSms, m.guardianName, m.guardianEmail, m.guardianPhone,
                m.guardianConsentOn, m.joinedOn);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** "se218ab" and "SE21 8AB" are the same postcode: upper case, one space before the inward code. */
    static String normalisePostcode(String postcode) {
        String compact = postcode.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        return compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3);
    }
}
