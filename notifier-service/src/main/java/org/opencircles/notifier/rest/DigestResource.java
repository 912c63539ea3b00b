package org.opencircles.notifier.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencircles.notifier.service.DigestService;
import org.opencircles.platform.problem.ApiDescriptions;
import org.opencircles.platform.security.Roles;

/** Composes today's digests now rather than at the digest time (a demo, or a morning the service was down). */
@Path("/digests")
@Tag(name = "Digests")
@RolesAllowed(Roles.ADMIN)
@APIResponse(responseCode = "401", description = ApiDescriptions.NOT_SIGNED_IN)
@APIResponse(responseCode = "403", description = "Not an admin")
public class DigestResource {

    /** How many digest emails a request recorded. */
    public record Composed(int composed) {}

    @Inject
    DigestService digests;

    @Inject
    Clock clock;

    @POST
    @Operation(summary = "Compose today's digest for every subscriber who has none yet today (still once a day each)")
    @APIResponse(responseCode = "200", description = "How many digests were recorded for sending")
    public Composed composeToday() {
        return new Composed(digests.compose(clock.instant(), true));
    }
}
