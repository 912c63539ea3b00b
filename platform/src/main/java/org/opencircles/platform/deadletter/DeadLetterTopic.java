package org.opencircles.platform.deadletter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.opencircles.platform.consumer.EventConsumers;
import org.opencircles.platform.problem.Problem;
import org.opencircles.platform.problem.ProblemException;

/**
 * The service's dead-letter topic as it is kept: read whole (it is small by nature) with a consumer of no group, and
 * counted from its offsets. Nothing here changes it.
 */
@ApplicationScoped
class DeadLetterTopic {

    /** A dead-letter topic is small by nature; past this many records the operator is told to page by other means. */
    static final int MOST_RECORDS = 10_000;

    private static final Duration READ_WITHIN = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EventConsumers consumers;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    /** The topic's name: {@code <service>.dlq}. */
    String name() {
        return consumers.deadLetterTopic();
    }

    /** How many records the topic holds now, from its offsets (nothing is read). */
    long count() {
        try (KafkaConsumer<String, String> consumer = newConsumer()) {
            List<TopicPartition> partitions = partitions(consumer);
            long records = 0;
            if (!partitions.isEmpty()) {
                // Assigned (never polled), so the client does not warn of offsets for partitions it does not hold.
                consumer.assign(partitions);
                Map<TopicPartition, Long> start = consumer.beginningOffsets(partitions, READ_WITHIN);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_WITHIN);
                for (TopicPartition p : partitions) {
                    records += end.get(p) - start.get(p);
                }
            }
            return records;
        }
    }

    /** A record of the dead-letter topic as it is kept there. */
    record Raw(
            int partition,
            long offset,
            Instant timestamp,
            String value,
            Map<String, String> headers,
            String eventType) {
        String header(String name) {
            return headers.get(name);
        }
    }

    /** Reads the whole dead-letter topic, from its first record to its end at the time of asking. */
    List<Raw> readAll() {
        try (KafkaConsumer<String, String> consumer = newConsumer()) {
            List<TopicPartition> partitions = partitions(consumer);
            if (partitions.isEmpty()) {
                return List.of();
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_WITHIN);
            List<Raw> records = new ArrayList<>();
            long deadline = System.nanoTime() + READ_WITHIN.toNanos();
            while (!caughtUp(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new ProblemException(Problem.of(
                            503,
                            "unavailable",
                            "Service unavailable",
                            "The dead-letter topic could not be read in time",
                            null));
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                        records.add(raw(r));
                    }
                }
                if (records.size() > MOST_RECORDS) {
                    throw ProblemException.conflict(
                            "deadLetters",
                            "More than " + MOST_RECORDS + " dead letters: read the topic " + name()
                                    + " with Kafka's tools");
                }
            }
            return records;
        }
    }

    private static boolean caughtUp(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static Raw raw(ConsumerRecord<String, String> r) {
        Map<String, String> headers = new HashMap<>();
        for (Header h : r.headers()) {
            headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        // The relay's headers name the event; a message written by another producer may carry them only inside.
        if (headers.get("event-type") == null || headers.get("event-id") == null) {
            JsonNode envelope = envelopeOf(r.value());
            if (envelope.path("type").isTextual()) {
                headers.putIfAbsent("event-type", envelope.path("type").asText());
            }
            if (envelope.path("eventId").isTextual()) {
                headers.putIfAbsent("event-id", envelope.path("eventId").asText());
            }
        }
        return new Raw(
                r.partition(),
                r.offset(),
                Instant.ofEpochMilli(r.timestamp()),
                r.value(),
                headers,
                headers.get("event-type"));
    }

    /** The message as JSON, or an empty object when it is not JSON (it is poison then, and said so). */
    private static JsonNode envelopeOf(String value) {
        if (value == null) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode node = JSON.readTree(value);
            return node == null ? MissingNode.getInstance() : node;
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }

    List<TopicPartition> partitions(KafkaConsumer<String, String> consumer) {
        String topic = name();
        List<PartitionInfo> infos = consumer.listTopics(READ_WITHIN).get(topic);
        if (infos == null) {
            return List.of();
        }
        return infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
    }

    KafkaConsumer<String, String> newConsumer() {
        Map<String, Object> props = new HashMap<>(kafkaConfig);
        props.put(
                ConsumerConfig.CLIENT_ID_CONFIG,
                "dead-letters-" + UUID.randomUUID().toString().substring(0, 8));
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1_000);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }
}
