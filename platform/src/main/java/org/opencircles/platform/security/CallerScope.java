package org.opencircles.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.opencircles.platform.problem.ProblemException;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which CLPs the signed-in user may see. A secretary holds {@code clp:CODE} for their own CLP, a regional organiser
 * one role per CLP in the region, a national role {@code clp:*}: least privilege by default.
 */
@RequestScoped
public class CallerScope {

    public static final String CLP_ROLE_PREFIX = "clp:";
    public static final String ALL_CLPS = CLP_ROLE_PREFIX + "*";

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

    public boolean canSee(String clpCode) {
        return visibleClps().map(s -> s.contains(clpCode)).orElse(true);
    }

    /** Refuses with 403 when the caller has no role for {@code clpCode}. */
    public void requireClp(String clpCode) {
        if (!canSee(clpCode)) {
            throw ProblemException.forbidden("You are not a member of staff for CLP " + clpCode);
        }
    }

    public String principal() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }
}
