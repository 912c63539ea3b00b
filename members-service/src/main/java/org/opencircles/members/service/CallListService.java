package org.opencircles.members.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opencircles.events.MemberPayloads;
import org.opencircles.members.domain.CallList;
import org.opencircles.members.domain.CallListEntry;
import org.opencircles.members.domain.ContactKind;
import org.opencircles.members.domain.Member;
import org.opencircles.platform.audit.AccessAudit;
import org.opencircles.platform.outbox.Outbox;
import org.opencircles.platform.page.PageView;
import org.opencircles.platform.page.Paging;
import org.opencircles.platform.problem.ProblemException;
import org.opencircles.platform.query.Condition;
import org.opencircles.platform.security.CallerScope;

/**
 * Call lists: a member filter saved as the list of members a volunteer works through on one channel. Consent decides
 * who is on it, when it is made and again whenever it is read or exported; a minor is reached through their parent or
 * guardian, never directly. Each outcome becomes a contact log entry, so follow-ups open and close as they always do.
 */
@ApplicationScoped
public class CallListService {

    /** The most members one list may hold: a list is worked by people, a bigger one is narrowed first. */
    public static final int MAX_MEMBERS = 5_000;

    @Inject
    MemberService members;

    @Inject
    MemberSearchService search;

    @Inject
    CallerScope scope;

    @Inject
    AccessAudit audit;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** A list to make from a filter. */
    public record MakeCallList(
            String name, CallList.Channel channel, String assignedTo, MemberFilter filter, String filterAsGiven) {}

    /** Whose contact details a row shows: the member's, or their parent's or guardian's for a minor. */
    public enum Route {
        MEMBER,
        GUARDIAN
    }

    /** One member to contact, with the one route consent allows on the list's channel. */
    public record Row(
            CallListEntry entry, Member member, Route route, String contactName, String phone, String email) {}

    /** A list with how far it has been worked. */
    public record Progress(CallList list, long total, long done) {}

    @Transactional
    public Progress make(MakeCallList command, String by) {
        String clp = command.filter().clpCode();
        scope.requireClp(clp);
        if (CallList.count(
                        "clpCode = ?1 and lower(name) = ?2",
                        clp,
                        command.name().strip().toLowerCase())
                > 0) {
            throw ProblemException.conflict(
                    "name",
                    "CLP " + clp + " already has a call list called '"
                            + command.name().strip() + "'");
        }
        Condition matching = reachable(command.channel(), search.matching(command.filter(), scope.visibleClps()), "");
        long count = Member.count(matching.where(), matching.params());
        if (count > MAX_MEMBERS) {
            throw ProblemException.invalidField(
                    "filter",
                    "matches " + count + " members; a call list holds at most " + MAX_MEMBERS
                            + ", so narrow it (a ward, an age band, days without contact)");
        }
        CallList list = new CallList();
        list.id = UUID.randomUUID();
        list.name = command.name().strip();
        list.clpCode = clp;
        list.channel = command.channel();
        list.filter = command.filterAsGiven();
        list.assignedTo = command.assignedTo();
        list.createdBy = by;
        list.createdAt = clock.instant();
        list.persist();
        List<UUID> ids = Member.<Member>find(
                        "from Member where " + matching.where() + " order by lastName, firstName, id",
                        matching.params())
                .project(MemberSearchService.IdOnly.class)
                .list()
                .stream()
                .map(MemberSearchService.IdOnly::id)
                .toList();
        int position = 0;
        for (UUID id : ids) {
            CallListEntry e = new CallListEntry();
            e.listId = list.id;
            e.memberId = id;
            e.position = position++;
            e.persist();
        }
        audit.record("CREATE", "call-list", list.id);
        published(list, ids.size(), 0);
        return new Progress(list, ids.size(), 0);
    }

    /** The lists of the caller's CLPs (or one CLP), newest first, with their progress. */
    @Transactional
    public PageView<Progress> lists(String clp, Paging paging) {
        Condition lists =
                Condition.ALL.withinClps(scope.visibleClps(), "clpCode").andIfGiven("clpCode = :clp", "clp", clp);
        return paging.read(CallList.<CallList>find(
                        lists.where(), Sort.descending("createdAt").and("id"), lists.params()))
                .map(this::progress);
    }

    @Transactional
    public Progress get(UUID listId) {
        return progress(visible(listId));
    }

    /**
     * The list's members to contact, in order (those without an outcome only, if asked), each with the route consent
     * allows today: a member who has since withdrawn consent or asked not to be contacted is no longer shown.
     */
    @Transactional
    public PageView<Row> rows(UUID listId, boolean remainingOnly, Paging paging) {
        CallList list = visible(listId);
        Condition entries =
                new Condition("e.listId = :list and m.id = e.memberId and m.erasedAt is null", Map.of("list", list.id));
        if (remainingOnly) {
            entries = entries.and("e.outcome is null");
        }
        Condition where = reachable(list.channel, entries, "m.");
        var em = CallListEntry.getEntityManager();
        var select = em.createQuery(
                        "select e, m from CallListEntry e, Member m where " + where.where() + " order by e.position",
                        Object[].class)
                .setFirstResult(paging.page() * paging.size())
                .setMaxResults(paging.size());
        var count = em.createQuery("select count(e) from CallListEntry e, Member m where " + where.where(), Long.class);
        where.params().forEach((k, v) -> {
            select.setParameter(k, v);
            count.setParameter(k, v);
        });
        List<Object[]> found = select.getResultList();
        long total = count.getSingleResult();
        List<Row> rows = found.stream()
                .map(r -> row(list, (CallListEntry) r[0], (Member) r[1]))
                .toList();
        if (!rows.isEmpty()) {
            audit.record("LIST", "member", rows.stream().map(r -> r.member().id).toList());
        }
        return new PageView<>(rows, paging.page(), paging.size(), total);
    }

    /** Every row of the list for an export, audited as an export of the list and of each member on it. */
    @Transactional
    public PageView<Row> export(UUID listId) {
        // One page holding the whole list: a list is capped at MAX_MEMBERS when it is made.
        PageView<Row> all = rows(listId, false, new Paging(0, MAX_MEMBERS));
        audit.record("EXPORT", "call-list", listId);
        if (!all.items().isEmpty()) {
            audit.record(
                    "EXPORT",
                    "member",
                    all.items().stream().map(r -> r.member().id).toList());
        }
        return all;
    }

    /**
     * Records what happened when the volunteer tried a member (a later attempt replaces an earlier outcome) and logs it
     * as a contact: reached is a call or an email, wanting to get involved starts that follow-up, "do not contact"
     * withdraws every consent.
     */
    @Transactional
    public Row recordOutcome(UUID listId, UUID memberId, CallListEntry.Outcome outcome, String note, String by) {
        CallList list = visible(listId);
        CallListEntry.Key key = new CallListEntry.Key();
        key.listId = list.id;
        key.memberId = memberId;
        CallListEntry entry = CallListEntry.findById(key);
        if (entry == null) {
            throw ProblemException.notFound("Call list entry", memberId);
        }
        Instant now = clock.instant();
        ContactKind reached = list.channel == CallList.Channel.PHONE ? ContactKind.CALLED : ContactKind.EMAILED;
        String words = note == null || note.isBlank() ? "call list: " + list.name : note.strip();
        switch (outcome) {
            case REACHED -> members.logContact(memberId, new MemberService.LogContact(reached, words, now));
            case NO_ANSWER ->
                members.logContact(memberId, new MemberService.LogContact(ContactKind.NO_ANSWER, words, now));
            case WRONG_NUMBER ->
                members.logContact(memberId, new MemberService.LogContact(ContactKind.WRONG_NUMBER, words, now));
            case WANTS_TO_GET_INVOLVED -> {
                members.logContact(memberId, new MemberService.LogContact(reached, words, now));
                // Just after the call, so the "wants to get involved" follow-up starts from it rather than closing.
                members.logContact(
                        memberId,
                        new MemberService.LogContact(ContactKind.WANTS_TO_GET_INVOLVED, words, now.plusMillis(1)));
            }
            case DO_NOT_CONTACT ->
                members.logContact(memberId, new MemberService.LogContact(ContactKind.DO_NOT_CONTACT, words, now));
        }
        entry.outcome = outcome;
        entry.outcomeAt = now;
        entry.outcomeBy = by;
        Progress p = progress(list);
        published(list, (int) p.total(), (int) p.done());
        Member member = Member.findById(memberId);
        return row(list, entry, member);
    }

    private Progress progress(CallList list) {
        Object[] counts = (Object[]) CallListEntry.getEntityManager()
                .createQuery("select count(e), count(e.outcome) from CallListEntry e where e.listId = :list")
                .setParameter("list", list.id)
                .getSingleResult();
        return new Progress(list, (Long) counts[0], (Long) counts[1]);
    }

    private void published(CallList list, int total, int done) {
        outbox.publish(new MemberPayloads.CallListProgressed(list.id, list.clpCode, total, done), list.id);
    }

    private CallList visible(UUID id) {
        return scope.visible(CallList.<CallList>findById(id), l -> l.clpCode, "Call list", id);
    }

    /**
     * Who a list on this channel may hold: members who consented to it, reached directly if adults, through a parent
     * or guardian with details on record if minors or of unknown age (treated as minors).
     */
    private Condition reachable(CallList.Channel channel, Condition condition, String m) {
        String own = channel == CallList.Channel.PHONE ? "phone" : "email";
        String guardian = channel == CallList.Channel.PHONE ? "guardianPhone" : "guardianEmail";
        String consent = channel == CallList.Channel.PHONE ? "consentPhone" : "consentEmail";
        return condition.and(
                m + consent + " = true and ((" + m + "dateOfBirth <= :adultBornBy and " + m + own
                        + " is not null) or ((" + m + "dateOfBirth is null or " + m + "dateOfBirth > :adultBornBy) and "
                        + m
                        + guardian + " is not null))",
                "adultBornBy",
                members.today().minusYears(18));
    }

    private Row row(CallList list, CallListEntry entry, Member m) {
        LocalDate today = members.today();
        boolean adult = m.dateOfBirth != null && !m.isMinorOn(today);
        if (adult) {
            return new Row(
                    entry,
                    m,
                    Route.MEMBER,
                    m.firstName + " " + m.lastName,
                    list.channel == CallList.Channel.PHONE ? m.phone : null,
                    list.channel == CallList.Channel.EMAIL ? m.email : null);
        }
        return new Row(
                entry,
                m,
                Route.GUARDIAN,
                m.guardianName,
                list.channel == CallList.Channel.PHONE ? m.guardianPhone : null,
                list.channel == CallList.Channel.EMAIL ? m.guardianEmail : null);
    }
}
