package org.opencircles.mentoring.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.opencircles.mentoring.domain.Cohort;
import org.opencircles.mentoring.domain.Skill;
import org.opencircles.platform.page.PageView;
import org.opencircles.platform.page.Paging;
import org.opencircles.platform.problem.ProblemException;
import org.opencircles.platform.security.CallerScope;

/** Leadership-programme cohorts in a CLP, with how many mentees each holds. */
@ApplicationScoped
public class CohortService {

    /** A new cohort. */
    public record CreateCohort(String name, String clpCode, LocalDate startsOn, LocalDate endsOn, Set<Skill> focus) {}

    /** A cohort as read, with its number of mentees. */
    public record CohortRecord(Cohort cohort, long mentees) {}

    @Inject
    Clock clock;

    @Inject
    CallerScope scope;

    @Inject
    EntityManager em;

    @Transactional
    public Cohort create(CreateCohort r) {
        scope.requireClp(r.clpCode());
        if (r.endsOn().isBefore(r.startsOn())) {
            throw ProblemException.invalidField("endsOn", "must not be before startsOn");
        }
        if (Cohort.count("clpCode = ?1 and name = ?2", r.clpCode(), r.name().trim()) > 0) {
            throw ProblemException.conflict("name", "CLP " + r.clpCode() + " already has a cohort called " + r.name());
        }
        Cohort c = new Cohort();
        c.id = UUID.randomUUID();
        c.name = r.name().trim();
        c.clpCode = r.clpCode();
        c.startsOn = r.startsOn();
        c.endsOn = r.endsOn();
        c.focus = r.focus() == null
                ? new ArrayList<>()
                : new ArrayList<>(r.focus().stream().map(Enum::name).sorted().toList());
        c.createdAt = clock.instant();
        c.persist();
        return c;
    }

    /** One page of the cohorts in the caller's CLPs, by start date, each with its mentees counted in one query. */
    @Transactional
    public PageView<CohortRecord> list(Paging paging) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        scope.restrict(where, params, "clpCode");
        var query = Cohort.<Cohort>find(where.toString(), Sort.by("startsOn").and("id"), params);
        PageView<Cohort> cohorts = paging.read(query);
        Map<UUID, Long> counts = new HashMap<>();
        if (!cohorts.items().isEmpty()) {
            em.createQuery(
                            "select m.cohortId, count(m) from Mentee m where m.cohortId in :ids group by m.cohortId",
                            Object[].class)
                    .setParameter("ids", cohorts.items().stream().map(c -> c.id).toList())
                    .getResultList()
                    .forEach(row -> counts.put((UUID) row[0], (Long) row[1]));
        }
        return cohorts.map(c -> new CohortRecord(c, counts.getOrDefault(c.id, 0L)));
    }
}
