package org.opencircles.members;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import org.opencircles.testkit.KafkaTestResource;
import org.opencircles.testkit.PostgresTestResource;

/** Every test in this module runs against a real Kafka broker and a fresh members_test database. */
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(
        scope = TestResourceScope.GLOBAL,
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "members_test"))
public final class TestInfrastructure {
    private TestInfrastructure() {}
}
