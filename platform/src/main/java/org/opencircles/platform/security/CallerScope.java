package org.opencircles.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.opencircles.platform.problem.ProblemException;
import org.opencircles.platform.query.Condition;

/**
 * Which CLPs the signed-in user may see. A secretary holds {@code clp:CODE} for their own CLP, a regional organiser
 * one role per CLP in the region, a national role {@code clp:*}: least privilege by default.
 */
@ApplicationScoped
public class CallerScope {

    public static final String CLP_ROLE_PREFIX = "clp:";
    public static final String ALL_CLPS = CLP_ROLE_PREFIX + "*";
    /** The principal recorded when no person acts: event consumers, schedulers, sweeps. */
    public static final String SYSTEM = "system";

    @Inject
    SecurityIdentity identity;

    /** Empty means every CLP; otherwise the CLP codes the caller may see (possibly none). */
    public Optional<Set<String>> visibleClps() {
        if (identity.hasRole(ALL_CLPS)) {
            return Optional.empty();
        }
        return Optional.of(identity.getRoles().stream()
                .filter(r -> r.startsWith(CLP_ROLE_PREFIX))
                .map(r -> r.substring(CLP_ROLE_PREFIX.length()))
                .collect(Collectors.toUnmodifiableSet()));
    }

    /** Narrows a query to the caller's CLPs: appends {@code and <field> in :visible} unless the caller sees all. */
    public void restrict(StringBuilder where, Map<String, Object> params, String field) {
        restrict(visibleClps(), where, params, field);
    }

    /** As {@link #restrict(StringBuilder, Map, String)}, for a scope captured earlier. */
    public static void restrict(
            Optional<Set<String>> visible, StringBuilder where, Map<String, Object> params, String field) {
        Condition.inClps(visible, field).ifPresent(scope -> {
            where.append(" and ").append(scope.where());
            params.putAll(scope.params());
        });
    }

    public boolean canSee(String clpCode) {
        return visibleClps().map(s -> s.contains(clpCode)).orElse(true);
    }

    /** Refuses with 403 when the caller has no role for {@code clpCode}. */
    public void requireClp(String clpCode) {
        if (!canSee(clpCode)) {
            throw ProblemException.forbidden("You are not a member of staff for CLP " + clpCode);
        }
    }

    /** Who is acting: the signed-in person, or {@link #SYSTEM} for event consumers and schedulers. */
    public String principal() {
        try {
            return identity.isAnonymous() ? SYSTEM : identity.getPrincipal().getName();
        } catch (RuntimeException notInARequest) {
            return SYSTEM;
        }
    }

    /**
     * The caller's view of one record: {@code found} when the caller may see its CLP; otherwise 404, never 403,
     * because whether a member, mentee or list exists in another CLP is itself personal data.
     */
    public <T> T visible(T found, Function<T, String> clpOf, String kind, Object id) {
        if (found == null || !canSee(clpOf.apply(found))) {
            throw ProblemException.notFound(kind, id);
        }
        return found;
    }
}
