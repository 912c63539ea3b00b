package org.opencircles.testkit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.server.common.MetadataVersion;
import org.opencircles.events.Topics;

/**
 * One real KRaft Kafka broker (combined broker and controller) per test JVM: from Kafka's own test kit, in this JVM,
 * or under {@link Infrastructure#TESTCONTAINERS} Apache Kafka's image in Docker.
 */
public final class KafkaBroker {

    private static KafkaClusterTestKit cluster;

    private KafkaBroker() {}

    /** Starts the broker on first use and returns its bootstrap servers. */
    public static synchronized String bootstrapServers() {
        if (Infrastructure.current() == Infrastructure.TESTCONTAINERS) {
            return Containers.kafka().getBootstrapServers();
        }
        if (cluster == null) {
            // As Kafka's own tests do: a broker error must fail a test, never exit or halt the test JVM, which
            // surefire would report as a crashed fork after every test passed.
            Exit.setExitProcedure(
                    (code, message) -> System.err.println("Kafka test broker asked to exit(" + code + "): " + message));
            Exit.setHaltProcedure(
                    (code, message) -> System.err.println("Kafka test broker asked to halt(" + code + "): " + message));
            try {
                TestKitNodes nodes = new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                        .build();
                KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(nodes)
                        .setConfigProp("offsets.topic.replication.factor", "1")
                        .setConfigProp("transaction.state.log.replication.factor", "1")
                        .setConfigProp("transaction.state.log.min.isr", "1")
                        .setConfigProp("group.initial.rebalance.delay.ms", "0")
                        .setConfigProp("num.partitions", "3")
                        .setConfigProp("auto.create.topics.enable", "true")
                        .build();
                kit.format();
                kit.startup();
                kit.waitForReadyBrokers();
                cluster = kit;
                Runtime.getRuntime().addShutdownHook(new Thread(KafkaBroker::stop, "kafka-test-broker-stop"));
            } catch (Exception e) {
                throw new IllegalStateException("Could not start the test Kafka broker", e);
            }
        }
        return cluster.bootstrapServers();
    }

    /** Creates the topics a deployment creates before the services start, so consumers are assigned at once. */
    public static void createTopics() {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = Stream.concat(
                            Topics.ALL.stream(), Topics.CONSUMERS.stream().map(Topics::deadLetters))
                    .filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, 3, (short) 1))
                    .toList();
            admin.createTopics(missing).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not create topics", e);
        }
    }

    /** Whether {@link #restart} can bring the broker back on the same port (the in-JVM broker can). */
    public static boolean canRestart() {
        return Infrastructure.current() == Infrastructure.LOCAL;
    }

    /**
     * Shuts the broker down for {@code down}, then starts it again on the same port with the same log directories, as
     * an operator restarting it would: clients see connections refused, then the broker back with every acked record.
     */
    public static synchronized void restart(Duration down) {
        if (!canRestart()) {
            throw new UnsupportedOperationException(
                    "A broker in a container comes back on another port; " + "restart tests run on the in-JVM broker");
        }
        if (cluster == null) {
            throw new IllegalStateException("The test broker is not running");
        }
        try {
            for (kafka.server.BrokerServer broker : cluster.brokers().values()) {
                broker.shutdown();
                broker.awaitShutdown();
            }
            Thread.sleep(down.toMillis());
            for (kafka.server.BrokerServer broker : cluster.brokers().values()) {
                broker.startup();
            }
            cluster.waitForReadyBrokers();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while restarting the broker", e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not restart the test broker", e);
        }
    }

    /**
     * Stops the broker within 30 s: called at the end of a test run so that shutdown happens while the run is still
     * in charge, not in a JVM exit hook racing surefire's exit timeout.
     */
    public static synchronized void stop() {
        if (Infrastructure.current() == Infrastructure.TESTCONTAINERS) {
            Containers.stopKafka();
            return;
        }
        if (cluster == null) {
            return;
        }
        KafkaClusterTestKit closing = cluster;
        cluster = null;
        Thread closer = new Thread(
                () -> {
                    try {
                        closing.close();
                    } catch (Exception e) {
                        System.err.println("Kafka test broker did not close cleanly: " + e.getMessage());
                    }
                },
                "kafka-test-broker-close");
        closer.setDaemon(true);
        closer.start();
        try {
            closer.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
