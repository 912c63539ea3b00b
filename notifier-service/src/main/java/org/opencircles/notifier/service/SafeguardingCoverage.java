package org.opencircles.notifier.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.opencircles.events.FollowUpReason;
import org.opencircles.events.SafeguardingPayloads;
import org.opencircles.notifier.domain.ImmediateRoute;
import org.opencircles.platform.metrics.MetricsConfig;
import org.opencircles.platform.outbox.Outbox;
import org.opencircles.platform.schedule.PeriodicJobs;

/**
 * Which CLPs no safeguarding lead covers (a lead subscribed for every CLP is the national fallback, not a CLP's own
 * lead), and how many open safeguarding follow-ups are in them: shown to admins and leads, and as
 * {@code open_circles_safeguarding_unrouted}, which alerts. The CLPs are those this service has heard of (every CLP
 * with a member has had a follow-up). A change in a CLP's cover is published ({@code safeguarding.cover-changed}), so
 * the organiser's dashboard can say so.
 */
@ApplicationScoped
public class SafeguardingCoverage {

    @Inject
    PeriodicJobs periodic;

    @Inject
    MetricsConfig metrics;

    private static final Logger LOG = Logger.getLogger(SafeguardingCoverage.class);
    private static final String[] LEAD_ONLY = Arrays.stream(FollowUpReason.values())
            .filter(FollowUpReason::safeguardingLeadOnly)
            .map(Enum::name)
            .toArray(String[]::new);

    /** A CLP without a safeguarding lead: its open concerns, and who hears of them instead. */
    public record UncoveredClp(String clpCode, long openSafeguardingFollowUps, ImmediateRoute.Via fallback) {}

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry registry;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    private final AtomicLong unrouted = new AtomicLong();

    void onStart(@Observes StartupEvent event) {
        Gauge.builder("open.circles.safeguarding.unrouted", unrouted, AtomicLong::get)
                .description("Open safeguarding follow-ups in CLPs that no safeguarding lead covers")
                .register(registry);
        periodic.every(metrics.countInterval(), Duration.ofSeconds(3), SafeguardingCoverage.class, this::count);
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public List<UncoveredClp> uncovered() {
        ImmediateRoute.Via fallback = fallback();
        List<Object[]> rows =
                em.createNativeQuery("""
                        with known as (select clp_code from follow_up union select clp_code from commitment)
                        select k.clp_code,
                               (select count(*) from follow_up f where f.clp_code = k.clp_code
                                  and f.closed_at is null and f.reason = any(?1))
                        from known k
                        where not exists (select 1 from subscription s
                                          where s.role = 'SAFEGUARDING_LEAD' and k.clp_code = any(s.clp_codes))
                        order by k.clp_code""").setParameter(1, LEAD_ONLY).getResultList();
        return rows.stream()
                .map(r -> new UncoveredClp((String) r[0], ((Number) r[1]).longValue(), fallback))
                .toList();
    }

    /** Who hears of a concern in a CLP without a lead now: the national lead, else the DPO, else nobody. */
    private ImmediateRoute.Via fallback() {
        long national = ((Number) em.createNativeQuery("""
                select count(*) from subscription where role = 'SAFEGUARDING_LEAD' and '*' = any(clp_codes)""").getSingleResult()).longValue();
        if (national > 0) {
            return ImmediateRoute.Via.NATIONAL_LEAD;
        }
        long dpo = ((Number) em.createNativeQuery("select count(*) from subscription where role = 'DATA_PROTECTION'")
                        .getSingleResult())
                .longValue();
        return dpo > 0 ? ImmediateRoute.Via.DATA_PROTECTION : ImmediateRoute.Via.NOBODY;
    }

    /**
     * Publishes, once, every change in a known CLP's cover since it was last published: a CLP newly heard of, a lead
     * subscribed or unsubscribed, the fallback changed. Replicas may both publish a change; readers apply the latest.
     */
    @SuppressWarnings("unchecked")
    void publishChanges() {
        ImmediateRoute.Via fallback = fallback();
        List<Object[]> changed =
                em.createNativeQuery("""
                        with known as (select clp_code from follow_up union select clp_code from commitment),
                             cover as (select k.clp_code,
                                              exists (select 1 from subscription s where s.role = 'SAFEGUARDING_LEAD'
                                                      and k.clp_code = any(s.clp_codes)) as own_lead
                                       from known k)
                        select c.clp_code, c.own_lead from cover c
                        left join clp_cover p on p.clp_code = c.clp_code
                        where p.clp_code is null or p.own_lead <> c.own_lead
                           or (not c.own_lead and p.fallback is distinct from ?1)
                        order by c.clp_code""").setParameter(1, fallback.name()).getResultList();
        Instant now = clock.instant();
        for (Object[] row : changed) {
            String clp = (String) row[0];
            boolean ownLead = (Boolean) row[1];
            String instead = ownLead ? null : fallback.name();
            em.createNativeQuery("""
                            insert into clp_cover (clp_code, own_lead, fallback, changed_at) values (?1, ?2, ?3, ?4)
                            on conflict (clp_code) do update
                            set own_lead = excluded.own_lead, fallback = excluded.fallback,
                                changed_at = excluded.changed_at""")
                    .setParameter(1, clp)
                    .setParameter(2, ownLead)
                    .setParameter(3, instead)
                    .setParameter(4, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                    .executeUpdate();
            outbox.publish(new SafeguardingPayloads.CoverChanged(clp, ownLead, instead), clp);
        }
    }

    void count() {
        try {
            QuarkusTransaction.requiringNew().run(this::publishChanges);
            unrouted.set(QuarkusTransaction.requiringNew()
                    .call(() -> ((Number) em.createNativeQuery("""
                    select count(*) from follow_up f
                    where f.closed_at is null and f.reason = any(?1)
                      and not exists (select 1 from subscription s
                                      where s.role = 'SAFEGUARDING_LEAD' and f.clp_code = any(s.clp_codes))""")
                                    .setParameter(1, LEAD_ONLY)
                                    .getSingleResult())
                            .longValue()));
        } catch (RuntimeException e) {
            LOG.debugf("Safeguarding coverage not counted: %s", e.getMessage());
        }
    }
}
