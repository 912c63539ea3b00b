package org.opencircles.platform.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Readiness DOWN while a consumer cannot apply events (its database is down, say), with the reason. */
@Readiness
@ApplicationScoped
public class ConsumerReadiness implements HealthCheck {

    @Inject
    EventConsumers consumers;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("event consumers");
        if (!consumers.active()) {
            return response.up().withData("consumers", "none in this service").build();
        }
        Map<String, String> problems = consumers.problems();
        problems.forEach(response::withData);
        return problems.isEmpty() ? response.up().build() : response.down().build();
    }
}
