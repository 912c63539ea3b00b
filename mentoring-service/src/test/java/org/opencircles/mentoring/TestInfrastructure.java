package org.opencircles.mentoring;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import org.opencircles.testkit.KafkaTestResource;
import org.opencircles.testkit.PostgresTestResource;

/** Every test in this module runs against a real Kafka broker and a fresh mentoring_test database. */
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(
        scope = TestResourceScope.GLOBAL,
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "mentoring_test"))
public final class TestInfrastructure {
    private TestInfrastructure() {}
}
