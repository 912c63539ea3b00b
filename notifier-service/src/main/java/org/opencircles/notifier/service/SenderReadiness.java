package org.opencircles.notifier.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Readiness DOWN while the sender cannot send (mail server silent or away, database away), with the reason. */
@Readiness
@ApplicationScoped
public class SenderReadiness implements HealthCheck {

    @Inject
    EmailSender sender;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("email sender");
        return sender.problem()
                .map(p -> response.down().withData("retrying", p))
                .orElse(response.up())
                .build();
    }
}
