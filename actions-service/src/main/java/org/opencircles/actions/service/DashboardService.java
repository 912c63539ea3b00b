package org.opencircles.actions.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opencircles.actions.domain.ClpFigures;
import org.opencircles.actions.domain.DashboardStory;
import org.opencircles.platform.page.PageView;
import org.opencircles.platform.page.Paging;
import org.opencircles.platform.time.CivilTime;

/** An organiser's figures for each CLP, kept fresh in {@code clp_figures}, with the story they tell ({@link DashboardStory}). */
@ApplicationScoped
public class DashboardService {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * The figures for these CLPs, in code order. Read from {@code clp_figures}, after recomputing any CLP whose data
     * changed since (or whose figures are from an earlier day), so an answer is never older than the last write.
     */
    public List<ClpFigures> forClps(Collection<String> clpCodes) {
        List<String> clps = clpCodes.stream().distinct().sorted().toList();
        if (clps.isEmpty()) {
            return List.of();
        }
        LocalDate today = CivilTime.today(clock);
        refresh(clps, today);
        Instant now = clock.instant();
        Map<String, ClpFigures> kept = new HashMap<>();
        List<Tuple> rows = em.createNativeQuery(
                        "select * from clp_figures where clp_code = any(cast(:clps as text[]))", Tuple.class)
                .setParameter("clps", clps.toArray(String[]::new))
                .getResultList();
        rows.forEach(t -> kept.put(t.get("clp_code", String.class), figures(t, now)));
        Map<String, String> uncovered = withoutLead(clps);
        return clps.stream()
                .map(c -> kept.getOrDefault(c, empty(c)))
                .map(f -> uncovered.containsKey(f.clpCode())
                        ? f.withStory(DashboardStory.withCoverGap(f.story(), f.clpCode(), uncovered.get(f.clpCode())))
                        : f)
                .toList();
    }

    /** Those of {@code clps} that the notifier says have no safeguarding lead of their own, with who hears instead. */
    @SuppressWarnings("unchecked")
    private Map<String, String> withoutLead(List<String> clps) {
        Map<String, String> uncovered = new HashMap<>();
        List<Object[]> rows = em.createNativeQuery(
                        "select clp_code, coalesce(fallback, 'NOBODY') from safeguarding_cover "
                                + "where not own_lead and clp_code = any(cast(:clps as text[]))")
                .setParameter("clps", clps.toArray(String[]::new))
                .getResultList();
        rows.forEach(r -> uncovered.put((String) r[0], (String) r[1]));
        return uncovered;
    }

    /** Every CLP actions-service has heard of (from members, mentees, commitments or follow-ups). */
    @SuppressWarnings("unchecked")
    public List<String> knownClps() {
        return em.createNativeQuery(
                        "select clp_code from clp_figures union select clp_code from clp_figures_stale " + "order by 1")
                .getResultList();
    }

    /**
     * One page of the figures of the CLPs a caller covers ({@code visible}; empty: every CLP heard of), in code order.
     * The page of codes is chosen in the database; only that page's CLPs are recomputed and read.
     */
    @SuppressWarnings("unchecked")
    public PageView<ClpFigures> page(Optional<Set<String>> visible, Paging paging) {
        String known = "select clp_code from clp_figures union select clp_code from clp_figures_stale";
        String scoped = visible.isPresent() ? "select unnest(cast(:visible as text[])) as clp_code" : known;
        var codes = em.createNativeQuery("select clp_code from (" + scoped + ") c order by 1")
                .setFirstResult(paging.page() * paging.size())
                .setMaxResults(paging.size());
        var count = em.createNativeQuery("select count(*) from (" + scoped + ") c");
        visible.ifPresent(v -> {
            codes.setParameter("visible", v.toArray(String[]::new));
            count.setParameter("visible", v.toArray(String[]::new));
        });
        List<String> page = codes.getResultList();
        return new PageView<>(
                forClps(page), paging.page(), paging.size(), ((Number) count.getSingleResult()).longValue());
    }

    public ClpFigures forClp(String clp) {
        return forClps(List.of(clp)).get(0);
    }

    /**
     * Recomputes stale figures between reads, so the stale list stays short and a dashboard read after a quiet spell
     * finds them ready. Once a minute, and only CLPs whose figures nothing has changed for {@link #SETTLED}: during a
     * national import every CLP is marked again every few seconds, and recomputing all 650 took 6.8 s of the
     * database's CPU each minute, for figures the next batch made stale again (reads recompute what they show anyway).
     */
    void refreshStale() {
        List<String> stale = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<String> codes = em.createNativeQuery(
                            "select clp_code from clp_figures_stale where marked_at < :settled "
                                    + "union select clp_code from clp_figures where computed_on < :today")
                    .setParameter("settled", clock.instant().minus(SETTLED))
                    .setParameter("today", CivilTime.today(clock))
                    .getResultList();
            return codes;
        });
        if (!stale.isEmpty()) {
            refresh(stale.stream().sorted().toList(), CivilTime.today(clock));
        }
    }

    /** How long a CLP's figures must have been left alone before the background refresh recomputes them. */
    static final Duration SETTLED = Duration.ofSeconds(30);

    /**
     * Recomputes those of {@code clps} that are marked stale, computed on another day or never computed, without ever
     * waiting for a writer: the marks no one holds are taken (deleted); a mark a write in flight still holds is left
     * for after that write commits, and its CLP recomputed now from what is committed. The computation is a statement
     * of its own, so its snapshot includes every write whose mark was taken.
     */
    private void refresh(List<String> clps, LocalDate today) {
        QuarkusTransaction.requiringNew().run(() -> {
            String[] wanted = clps.toArray(String[]::new);
            // Most reads find nothing to do: a cheap check spares them the locking delete and planning the recompute.
            boolean due = (Boolean) em.createNativeQuery("""
                    select exists (select 1 from clp_figures_stale where clp_code = any(cast(:clps as text[])))
                        or exists (select 1 from unnest(cast(:clps as text[])) as w (clp_code)
                                   where not exists (select 1 from clp_figures f
                                                     where f.clp_code = w.clp_code and f.computed_on = :today))""")
                    .setParameter("clps", wanted)
                    .setParameter("today", today)
                    .getSingleResult();
            if (!due) {
                return;
            }
            @SuppressWarnings("unchecked")
            List<String> taken =
                    em.createNativeQuery("""
                    delete from clp_figures_stale where clp_code in (
                        select clp_code from clp_figures_stale where clp_code = any(cast(:clps as text[]))
                        for update skip locked)
                    returning clp_code""").setParameter("clps", wanted).getResultList();
            @SuppressWarnings("unchecked")
            List<String> held = em.createNativeQuery(
                            "select clp_code from clp_figures_stale " + "where clp_code = any(cast(:clps as text[]))")
                    .setParameter("clps", wanted)
                    .getResultList();
            List<String> marked = new ArrayList<>(taken);
            marked.addAll(held);
            recompute(clps, marked, today);
        });
    }

    private void recompute(List<String> clps, List<String> marked, LocalDate today) {
        em.createNativeQuery("""
                with wanted as (select unnest(cast(:clps as text[])) as clp_code),
                     due as (select unnest(cast(:marked as text[])) as clp_code
                             union select w.clp_code from wanted w
                                   where not exists (select 1 from clp_figures f
                                                     where f.clp_code = w.clp_code and f.computed_on = :today))
                insert into clp_figures (clp_code, computed_on, active_members, joined_last_30_days,
                       new_not_contacted, waiting_to_get_involved, committed, in_progress, done, dropped,
                       commitments_overdue, raised_pence, target_pence, mentees_waiting, oldest_waiting_since,
                       pairings_active, pairings_suspended, open_follow_ups, contact_follow_ups_overdue,
                       call_lists_open, call_list_members, call_list_done)
                select d.clp_code, :today,
                       m.active, m.joined, m.not_contacted, m.waiting_involved,
                       k.committed, k.in_progress, k.done, k.dropped, k.overdue, k.raised, k.target,
                       t.waiting, t.oldest, t.paired, t.suspended, f.open, f.contact_overdue,
                       c.open, c.members, c.done
                from (select distinct clp_code from due) d
                cross join lateral (
                    select count(*) filter (where status = 'ACTIVE') as active,
                           count(*) filter (where status = 'ACTIVE' and joined_on >= :since) as joined,
                           count(*) filter (where status = 'ACTIVE' and joined_on >= :since
                                            and last_contacted_at is null) as not_contacted,
                           count(*) filter (where status <> 'RESIGNED' and wants_to_get_involved_at is not null
                                            and (last_contacted_at is null
                                                 or last_contacted_at < wants_to_get_involved_at)) as waiting_involved
                    from member_projection where clp_code = d.clp_code) m
                cross join lateral (
                    select count(*) filter (where status = 'COMMITTED') as committed,
                           count(*) filter (where status = 'IN_PROGRESS') as in_progress,
                           count(*) filter (where status = 'DONE') as done,
                           count(*) filter (where status = 'DROPPED') as dropped,
                           count(*) filter (where status in ('COMMITTED', 'IN_PROGRESS') and due_on < :today) as overdue,
                           coalesce(sum(raised_pence) filter (where kind = 'FUNDRAISING'), 0) as raised,
                           coalesce(sum(target_pence) filter (where kind = 'FUNDRAISING'), 0) as target
                    from commitment where clp_code = d.clp_code) k
                cross join lateral (
                    select count(*) filter (where status = 'WAITING') as waiting,
                           min(waiting_since) filter (where status = 'WAITING') as oldest,
                           count(*) filter (where status = 'PAIRED') as paired,
                           count(*) filter (where status = 'SUSPENDED') as suspended
                    from mentee_projection where clp_code = d.clp_code) t
                cross join lateral (
                    select count(*) filter (where status = 'OPEN') as open,
                           count(*) filter (where status = 'OPEN' and reason in ('NEW_MEMBER_NOT_CONTACTED',
                                            'INVOLVEMENT_NOT_FOLLOWED_UP')) as contact_overdue
                    from follow_up where clp_code = d.clp_code) f
                cross join lateral (
                    select count(*) filter (where done < total) as open,
                           coalesce(sum(total) filter (where done < total), 0) as members,
                           coalesce(sum(done) filter (where done < total), 0) as done
                    from call_list_projection where clp_code = d.clp_code) c
                order by d.clp_code
                on conflict (clp_code) do update set
                    computed_on = excluded.computed_on, active_members = excluded.active_members,
                    joined_last_30_days = excluded.joined_last_30_days, new_not_contacted = excluded.new_not_contacted,
                    waiting_to_get_involved = excluded.waiting_to_get_involved, committed = excluded.committed,
                    in_progress = excluded.in_progress, done = excluded.done, dropped = excluded.dropped,
                    commitments_overdue = excluded.commitments_overdue, raised_pence = excluded.raised_pence,
                    target_pence = excluded.target_pence, mentees_waiting = excluded.mentees_waiting,
                    oldest_waiting_since = excluded.oldest_waiting_since, pairings_active = excluded.pairings_active,
                    pairings_suspended = excluded.pairings_suspended,
                    open_follow_ups = excluded.open_follow_ups,
                    contact_follow_ups_overdue = excluded.contact_follow_ups_overdue,
                    call_lists_open = excluded.call_lists_open, call_list_members = excluded.call_list_members,
                    call_list_done = excluded.call_list_done""")
                .setParameter("clps", clps.toArray(String[]::new))
                .setParameter("marked", marked.toArray(String[]::new))
                .setParameter("today", today)
                .setParameter("since", today.minusDays(30))
                .executeUpdate();
    }

    private ClpFigures figures(Tuple t, Instant now) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        byStatus.put("COMMITTED", n(t, "committed"));
        byStatus.put("IN_PROGRESS", n(t, "in_progress"));
        byStatus.put("DONE", n(t, "done"));
        byStatus.put("DROPPED", n(t, "dropped"));
        long done = byStatus.get("DONE");
        long notDropped = byStatus.values().stream().mapToLong(Long::longValue).sum() - byStatus.get("DROPPED");
        Integer completion = notDropped == 0 ? null : (int) Math.round(100.0 * done / notDropped);
        Object oldest = t.get("oldest_waiting_since");
        Long longestWait =
                oldest == null ? null : Duration.between(toInstant(oldest), now).toDays();
        ClpFigures f = new ClpFigures(
                t.get("clp_code", String.class),
                n(t, "active_members"),
                n(t, "joined_last_30_days"),
                n(t, "new_not_contacted"),
                n(t, "contact_follow_ups_overdue"),
                n(t, "waiting_to_get_involved"),
                byStatus,
                n(t, "commitments_overdue"),
                completion,
                n(t, "raised_pence"),
                n(t, "target_pence"),
                n(t, "mentees_waiting"),
                longestWait,
                n(t, "pairings_active"),
                n(t, "pairings_suspended"),
                n(t, "open_follow_ups"),
                n(t, "call_lists_open"),
                n(t, "call_list_members"),
                n(t, "call_list_done"),
                List.of());
        return f.withStory(DashboardStory.of(f));
    }

    /** A CLP nothing has happened in yet. */
    private static ClpFigures empty(String clp) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (String s : List.of("COMMITTED", "IN_PROGRESS", "DONE", "DROPPED")) {
            byStatus.put(s, 0L);
        }
        ClpFigures f =
                new ClpFigures(clp, 0, 0, 0, 0, 0, byStatus, 0, null, 0, 0, 0, null, 0, 0, 0, 0, 0, 0, List.of());
        return f.withStory(DashboardStory.of(f));
    }

    private static long n(Tuple t, String alias) {
        Object v = t.get(alias);
        return v == null ? 0 : ((Number) v).longValue();
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
