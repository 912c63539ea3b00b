package org.opencircles.actions;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import org.opencircles.testkit.KafkaTestResource;
import org.opencircles.testkit.PostgresTestResource;

/** Every test in this module runs against a real Kafka broker and a fresh actions_test database. */
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
// Through a proxy that ConsumerFaultTest cuts to take the database away from the running service.
@WithTestResource(
        scope = TestResourceScope.GLOBAL,
        value = PostgresTestResource.class,
        initArgs = {
            @ResourceArg(name = "database", value = "actions_test"),
            @ResourceArg(name = "proxy", value = "true")
        })
public final class TestInfrastructure {
    private TestInfrastructure() {}
}
