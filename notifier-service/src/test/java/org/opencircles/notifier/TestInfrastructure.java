package org.opencircles.notifier;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import org.opencircles.testkit.KafkaTestResource;
import org.opencircles.testkit.PostgresTestResource;

/** Every test here runs against a real Kafka broker, a fresh notifier_test database and a real SMTP server. */
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
// Through a proxy that the exactly-once test cuts between sending an email and recording it.
@WithTestResource(
        scope = TestResourceScope.GLOBAL,
        value = PostgresTestResource.class,
        initArgs = {
            @ResourceArg(name = "database", value = "notifier_test"),
            @ResourceArg(name = "proxy", value = "true")
        })
@WithTestResource(value = MailTestResource.class, scope = TestResourceScope.GLOBAL)
public final class TestInfrastructure {
    private TestInfrastructure() {}
}
