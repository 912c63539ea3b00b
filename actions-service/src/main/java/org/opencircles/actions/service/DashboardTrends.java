package org.opencircles.actions.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opencircles.events.FollowUpReason;
import org.opencircles.platform.time.CivilTime;

/** The series behind an organiser's charts: members joined and contacted per week, open follow-ups by reason. */
@ApplicationScoped
public class DashboardTrends {

    /** A follow-up open longer than this is counted as overdue on the page. */
    public static final Duration OVERDUE_AFTER = Duration.ofDays(7);

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** Members who joined in the week starting {@code weekOf} (a Monday), and how many of them have been contacted. */
    public record Week(LocalDate weekOf, long joined, long contacted) {}

    /** Open follow-ups for one reason, and how many of them have been open longer than {@link #OVERDUE_AFTER}. */
    public record ReasonCount(FollowUpReason reason, long open, long overdue) {}

    /** The last {@code weeks} weeks in {@code clp}, oldest first, every week present even when nobody joined. */
    public List<Week> joinedAndContacted(String clp, int weeks) {
        LocalDate thisWeek = CivilTime.today(clock).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate from = thisWeek.minusWeeks(weeks - 1L);
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                        select cast(date_trunc('week', joined_on) as date) as week, count(*) as joined,
                               count(last_contacted_at) as contacted
                        from member_projection where clp_code = :clp and joined_on >= :from
                        group by 1""", Tuple.class)
                .setParameter("clp", clp)
                .setParameter("from", from)
                .getResultList();
        Map<LocalDate, Tuple> byWeek = new HashMap<>();
        rows.forEach(t -> byWeek.put(t.get("week", LocalDate.class), t));
        List<Week> series = new ArrayList<>();
        for (LocalDate week = from; !week.isAfter(thisWeek); week = week.plusWeeks(1)) {
            Tuple t = byWeek.get(week);
            series.add(
                    t == null
                            ? new Week(week, 0, 0)
                            : new Week(
                                    week,
                                    ((Number) t.get("joined")).longValue(),
                                    ((Number) t.get("contacted")).longValue()));
        }
        return series;
    }

    /** Whether a follow-up due at {@code dueAt} and still open counts as overdue now. */
    public boolean overdue(Instant dueAt) {
        return dueAt.isBefore(overdueBefore());
    }

    private Instant overdueBefore() {
        return clock.instant().minus(OVERDUE_AFTER);
    }

    /** Open follow-ups in {@code clp} by reason, leaving out safeguarding concerns unless {@code withConcerns}. */
    public List<ReasonCount> openByReason(String clp, boolean withConcerns) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                        select reason, count(*) as open, count(*) filter (where due_at < :overdue) as overdue
                        from follow_up where clp_code = :clp and status = 'OPEN' group by reason order by reason""", Tuple.class)
                .setParameter("clp", clp)
                .setParameter("overdue", overdueBefore())
                .getResultList();
        return rows.stream()
                .map(t -> new ReasonCount(
                        FollowUpReason.valueOfOrNull((String) t.get("reason")),
                        ((Number) t.get("open")).longValue(),
                        ((Number) t.get("overdue")).longValue()))
                .filter(r -> r.reason() != null && (withConcerns || !r.reason().safeguardingLeadOnly()))
                .toList();
    }
}
