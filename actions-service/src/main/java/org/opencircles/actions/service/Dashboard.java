package org.opencircles.actions.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import org.opencircles.actions.config.FollowUpRules;
import org.opencircles.platform.time.CivilTime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An organiser's figures for a CLP, and the story they tell in plain sentences. */
@ApplicationScoped
public class Dashboard {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    FollowUpRules rules;

    /** The figures for one CLP. */
    public record ClpFigures(String clpCode, long activeMembers, long joinedLast30Days, long newMembersNotYetContacted,
                             long contactFollowUpsOverdue, long waitingToGetInvolved,
                             Map<String, Long> commitmentsByStatus, long commitmentsOverdue,
                             Integer completionRatePercent, long raisedPence, long targetPence,
                             long menteesWaiting, Long longestMenteeWaitDays, long pairingsActive,
                             long openFollowUps, List<String> story) {

        ClpFigures withStory(List<String> lines) {
            return new ClpFigures(clpCode, activeMembers, joinedLast30Days, newMembersNotYetContacted,
                    contactFollowUpsOverdue, waitingToGetInvolved, commitmentsByStatus, commitmentsOverdue,
                    completionRatePercent, raisedPence, targetPence, menteesWaiting, longestMenteeWaitDays,
                    pairingsActive, openFollowUps, List.copyOf(lines));
        }
    }

    public List<ClpFigures> forClps(Collection<String> clpCodes) {
        return clpCodes.stream().sorted().map(this::forClp).toList();
    }

    /** Every CLP actions-service has heard of (from members or commitments). */
    @SuppressWarnings("unchecked")
    public List<String> knownClps() {
        return em.createNativeQuery("select clp_code from member_projection union select clp_code from commitment "
                + "union select clp_code from mentee_projection order by 1").getResultList();
    }

    public ClpFigures forClp(String clp) {
        LocalDate today = CivilTime.today(clock);
        Instant now = clock.instant();
        Tuple members = (Tuple) em.createNativeQuery("""
                select count(*) filter (where status = 'ACTIVE') as active,
                       count(*) filter (where status = 'ACTIVE' and joined_on >= :since) as joined,
                       count(*) filter (where status = 'ACTIVE' and joined_on >= :since
                                        and last_contacted_at is null) as not_contacted,
                       count(*) filter (where status <> 'RESIGNED' and wants_to_get_involved_at is not null
                                        and (last_contacted_at is null
                                             or last_contacted_at < wants_to_get_involved_at)) as waiting_involved
                from member_projection where clp_code = :clp""", Tuple.class)
                .setParameter("clp", clp).setParameter("since", today.minusDays(30)).getSingleResult();
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (String s : List.of("COMMITTED", "IN_PROGRESS", "DONE", "DROPPED")) {
            byStatus.put(s, 0L);
        }
        List<Tuple> statuses = em.createNativeQuery(
                        "select status, count(*) as n from commitment where clp_code = :clp group by status", Tuple.class)
                .setParameter("clp", clp).getResultList();
        statuses.forEach(t -> byStatus.put(t.get("status", String.class), ((Number) t.get("n")).longValue()));
        Tuple commitments = (Tuple) em.createNativeQuery("""
                select count(*) filter (where status in ('COMMITTED', 'IN_PROGRESS') and due_on < :today) as overdue,
                       coalesce(sum(raised_pence) filter (where kind = 'FUNDRAISING'), 0) as raised,
                       coalesce(sum(target_pence) filter (where kind = 'FUNDRAISING'), 0) as target
                from commitment where clp_code = :clp""", Tuple.class)
                .setParameter("clp", clp).setParameter("today", today).getSingleResult();
        Tuple mentees = (Tuple) em.createNativeQuery("""
                select count(*) filter (where status = 'WAITING') as waiting,
                       min(waiting_since) filter (where status = 'WAITING') as oldest,
                       count(*) filter (where status = 'PAIRED') as paired
                from mentee_projection where clp_code = :clp""", Tuple.class)
                .setParameter("clp", clp).getSingleResult();
        Tuple followUps = (Tuple) em.createNativeQuery("""
                select count(*) filter (where status = 'OPEN') as open,
                       count(*) filter (where status = 'OPEN' and reason in ('NEW_MEMBER_NOT_CONTACTED',
                                        'INVOLVEMENT_NOT_FOLLOWED_UP')) as contact_overdue
                from follow_up where clp_code = :clp""", Tuple.class)
                .setParameter("clp", clp).getSingleResult();

        long done = byStatus.get("DONE");
        long notDropped = byStatus.values().stream().mapToLong(Long::longValue).sum() - byStatus.get("DROPPED");
        Integer completion = notDropped == 0 ? null : (int) Math.round(100.0 * done / notDropped);
        Object oldest = mentees.get("oldest");
        Long longestWait = oldest == null ? null
                : Duration.between(toInstant(oldest), now).toDays();
        ClpFigures f = new ClpFigures(clp, n(members, "active"), n(members, "joined"), n(members, "not_contacted"),
                n(followUps, "contact_overdue"), n(members, "waiting_involved"), byStatus, n(commitments, "overdue"),
                completion, n(commitments, "raised"), n(commitments, "target"), n(mentees, "waiting"), longestWait,
                n(mentees, "paired"), n(followUps, "open"), List.of());
        return f.withStory(story(f));
    }

    /** What the figures mean, worst news first, so an organiser knows where to act. */
    static List<String> story(ClpFigures f) {
        List<String> lines = new ArrayList<>();
        if (f.contactFollowUpsOverdue() > 0) {
            lines.add(f.contactFollowUpsOverdue() + " member(s) who joined or asked to get involved have waited too "
                    + "long for a call: these are the people who say the party is a closed shop.");
        }
        if (f.joinedLast30Days() > 0) {
            lines.add(f.joinedLast30Days() + " joined in the last 30 days; " + f.newMembersNotYetContacted()
                    + " of them (" + percent(f.newMembersNotYetContacted(), f.joinedLast30Days())
                    + ") have not been contacted yet.");
        }
        if (f.waitingToGetInvolved() > 0) {
            lines.add(f.waitingToGetInvolved() + " member(s) said they want to get involved and are waiting to hear back.");
        }
        if (f.commitmentsOverdue() > 0) {
            lines.add(f.commitmentsOverdue() + " commitment(s) are past their due date and not done.");
        }
        if (f.completionRatePercent() != null) {
            lines.add(f.commitmentsByStatus().get("DONE") + " commitment(s) done: " + f.completionRatePercent()
                    + "% of those not dropped.");
        }
        if (f.targetPence() > 0) {
            lines.add(String.format("£%,.2f raised of a £%,.2f target (%s).", f.raisedPence() / 100.0,
                    f.targetPence() / 100.0, percent(f.raisedPence(), f.targetPence())));
        }
        if (f.menteesWaiting() > 0) {
            lines.add(f.menteesWaiting() + " young member(s) are waiting for a mentor"
                    + (f.longestMenteeWaitDays() != null && f.longestMenteeWaitDays() > 0
                    ? ", the longest for " + f.longestMenteeWaitDays() + " day(s)." : "."));
        }
        if (f.pairingsActive() > 0) {
            lines.add(f.pairingsActive() + " mentoring pairing(s) are active.");
        }
        if (lines.isEmpty()) {
            lines.add("Nothing is waiting on anyone: no overdue contacts, commitments or mentees.");
        }
        return lines;
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "0%" : Math.round(100.0 * part / whole) + "%";
    }

    private static long n(Tuple t, String alias) {
        Object v = t.get(alias);
        return v == null ? 0 : ((Number) v).longValue();
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
