package org.opencircles.testkit;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** PostgreSQL and a KRaft Kafka broker in Docker, one of each per test JVM, for {@link Infrastructure#TESTCONTAINERS}. */
final class Containers {

    /** The same major version as the PostgreSQL these machines run locally. */
    static final String POSTGRES_IMAGE = "postgres:15-alpine";
    /** Apache Kafka's own image, in KRaft mode (no ZooKeeper), like the in-JVM broker. */
    static final String KAFKA_IMAGE = "apache/kafka:4.1.1";

    private static PostgreSQLContainer postgres;
    private static KafkaContainer kafka;

    private Containers() {}

    static synchronized PostgreSQLContainer postgres() {
        if (postgres == null) {
            PostgreSQLContainer container = new PostgreSQLContainer(POSTGRES_IMAGE)
                    .withDatabaseName("postgres")
                    .withUsername("postgres")
                    .withPassword("postgres");
            container.start();
            postgres = container;
        }
        return postgres;
    }

    static synchronized KafkaContainer kafka() {
        if (kafka == null) {
            KafkaContainer container = new KafkaContainer(KAFKA_IMAGE)
                    .withEnv("KAFKA_NUM_PARTITIONS", "3")
                    .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
            container.start();
            kafka = container;
        }
        return kafka;
    }

    static synchronized void stopKafka() {
        if (kafka != null) {
            kafka.stop();
            kafka = null;
        }
    }
}
