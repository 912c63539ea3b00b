package org.opencircles.notifier.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.opencircles.events.FollowUpReason;
import org.opencircles.notifier.domain.ImmediateRoute;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which CLPs no safeguarding lead covers (a lead subscribed for every CLP is the national fallback, not a CLP's own
 * lead), and how many open safeguarding follow-ups are in them: shown to admins and leads, and as
 * {@code open_circles_safeguarding_unrouted}, which alerts. The CLPs are those this service has heard of (every CLP
 * with a member has had a follow-up).
 */
@ApplicationScoped
public class SafeguardingCoverage {

    private static final Logger LOG = Logger.getLogger(SafeguardingCoverage.class);
    private static final String[] LEAD_ONLY = Arrays.stream(FollowUpReason.values())
            .filter(FollowUpReason::safeguardingLeadOnly).map(Enum::name).toArray(String[]::new);

    /** A CLP without a safeguarding lead: its open concerns, and who hears of them instead. */
    public record UncoveredClp(String clpCode, long openSafeguardingFollowUps, ImmediateRoute.Via fallback) {
    }

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry registry;

    private final AtomicLong unrouted = new AtomicLong();

    void onStart(@Observes StartupEvent event) {
        Gauge.builder("open.circles.safeguarding.unrouted", unrouted, AtomicLong::get)
                .description("Open safeguarding follow-ups in CLPs that no safeguarding lead covers")
                .register(registry);
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public List<UncoveredClp> uncovered() {
        ImmediateRoute.Via fallback = fallback();
        List<Object[]> rows = em.createNativeQuery("""
                        with known as (select clp_code from follow_up union select clp_code from commitment)
                        select k.clp_code,
                               (select count(*) from follow_up f where f.clp_code = k.clp_code
                                  and f.closed_at is null and f.reason = any(?1))
                        from known k
                        where not exists (select 1 from subscription s
                                          where s.role = 'SAFEGUARDING_LEAD' and k.clp_code = any(s.clp_codes))
                        order by k.clp_code""")
                .setParameter(1, LEAD_ONLY).getResultList();
        return rows.stream().map(r -> new UncoveredClp((String) r[0], ((Number) r[1]).longValue(), fallback))
                .toList();
    }

    /** Who hears of a concern in a CLP without a lead now: the national lead, else the DPO, else nobody. */
    private ImmediateRoute.Via fallback() {
        long national = ((Number) em.createNativeQuery("""
                select count(*) from subscription where role = 'SAFEGUARDING_LEAD' and '*' = any(clp_codes)""")
                .getSingleResult()).longValue();
        if (national > 0) {
            return ImmediateRoute.Via.NATIONAL_LEAD;
        }
        long dpo = ((Number) em.createNativeQuery("select count(*) from subscription where role = 'DATA_PROTECTION'")
                .getSingleResult()).longValue();
        return dpo > 0 ? ImmediateRoute.Via.DATA_PROTECTION : ImmediateRoute.Via.NOBODY;
    }

    @Scheduled(every = "${open-circles.metrics.count-interval:15s}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void count() {
        try {
            unrouted.set(QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                    select count(*) from follow_up f
                    where f.closed_at is null and f.reason = any(?1)
                      and not exists (select 1 from subscription s
                                      where s.role = 'SAFEGUARDING_LEAD' and f.clp_code = any(s.clp_codes))""")
                    .setParameter(1, LEAD_ONLY).getSingleResult()).longValue()));
        } catch (RuntimeException e) {
            LOG.debugf("Safeguarding coverage not counted: %s", e.getMessage());
        }
    }
}
