package org.opencircles.notifier;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.opencircles.testkit.KafkaTestResource;
import org.opencircles.testkit.PostgresTestResource;

/** Every test here runs against a real Kafka broker, a fresh notifier_test database and a real SMTP server. */
@QuarkusTestResource(KafkaTestResource.class)
// Through a proxy that the exactly-once test cuts between sending an email and recording it.
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "notifier_test"), @ResourceArg(name = "proxy", value = "true")})
@QuarkusTestResource(MailTestResource.class)
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}
