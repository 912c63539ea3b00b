package org.opencircles.members.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.opencircles.members.domain.Clp;
import org.opencircles.members.domain.Ward;
import org.opencircles.platform.page.PageView;
import org.opencircles.platform.page.Paging;
import org.opencircles.platform.problem.ProblemException;
import org.opencircles.platform.security.CallerScope;

/** CLPs and their wards: reading those the caller may see, registering new ones. */
@ApplicationScoped
public class ClpService {

    /** A CLP to register. */
    public record CreateClp(String code, String name, String region) {}

    /** A ward to add to a CLP. */
    public record AddWard(String code, String name) {}

    /** A CLP with its wards by name. */
    public record ClpWithWards(Clp clp, List<Ward> wards) {}

    @Inject
    CallerScope scope;

    @Inject
    Clock clock;

    /** One page of the CLPs the caller may see, by name, each with its wards (two queries, not one per CLP). */
    @Transactional
    public PageView<ClpWithWards> list(Paging paging) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        scope.restrict(where, params, "code");
        var query = Clp.<Clp>find(where.toString(), Sort.by("name").and("code"), params);
        PageView<Clp> clps = paging.read(query);
        Map<String, List<Ward>> wards = clps.items().isEmpty()
                ? Map.of()
                : Ward.<Ward>list(
                                "clpCode in ?1",
                                Sort.by("name"),
                                clps.items().stream().map(c -> c.code).toList())
                        .stream()
                        .collect(Collectors.groupingBy(w -> w.clpCode));
        return clps.map(c -> new ClpWithWards(c, wards.getOrDefault(c.code, List.of())));
    }

    /** A CLP the caller may see (404 otherwise), with its wards. */
    @Transactional
    public ClpWithWards get(String code) {
        Clp clp = scope.visible(Clp.<Clp>findById(code), c -> c.code, "CLP", code);
        return new ClpWithWards(clp, Ward.list("clpCode", Sort.by("name"), code));
    }

    @Transactional
    public Clp create(CreateClp command) {
        if (Clp.findById(command.code()) != null) {
            throw ProblemException.conflict("code", "CLP " + command.code() + " already exists");
        }
        if (Clp.count("name", command.name().trim()) > 0) {
            throw ProblemException.conflict("name", "a CLP called " + command.name() + " already exists");
        }
        Clp clp = new Clp();
        clp.code = command.code();
        clp.name = command.name().trim();
        clp.region = command.region().trim();
        clp.createdAt = clock.instant();
        clp.persist();
        return clp;
    }

    /** Adds a ward to a CLP the caller may see (404 otherwise); names are unique within the CLP. */
    @Transactional
    public Ward addWard(String clpCode, AddWard command) {
        scope.visible(Clp.<Clp>findById(clpCode), c -> c.code, "CLP", clpCode);
        if (Ward.findById(command.code()) != null) {
            throw ProblemException.conflict("code", "ward " + command.code() + " already exists");
        }
        if (Ward.count("clpCode = ?1 and name = ?2", clpCode, command.name().trim()) > 0) {
            throw ProblemException.conflict("name", "CLP " + clpCode + " already has a ward called " + command.name());
        }
        Ward ward = new Ward();
        ward.code = command.code();
        ward.clpCode = clpCode;
        ward.name = command.name().trim();
        ward.createdAt = clock.instant();
        ward.persist();
        return ward;
    }
}
