package org.opencircles.mentoring;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.opencircles.testkit.KafkaTestResource;
import org.opencircles.testkit.PostgresTestResource;

/** Every test in this module runs against a real Kafka broker and a fresh mentoring_test database. */
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "mentoring_test"))
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}
