package org.opencircles.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads and writes topics on the test broker as an outside party would: a notifier, or a broken producer. */
public final class TopicProbe {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TopicProbe() {}

    /** A record as read from a topic, with its value parsed as JSON. */
    public record Received(String key, JsonNode value, Map<String, String> headers, int partition, long offset) {}

    /** Reads {@code topic} from the beginning until a record matches, or fails after {@code timeout}. */
    public static Received awaitRecord(String bootstrap, String topic, Predicate<Received> match, Duration timeout) {
        return awaitRecords(bootstrap, topic, match, 1, timeout).get(0);
    }

    /** Reads {@code topic} from the beginning for all records that match, waiting until at least {@code atLeast}. */
    public static List<Received> awaitRecords(
            String bootstrap, String topic, Predicate<Received> match, int atLeast, Duration timeout) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName());
        List<Received> matches = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    Received received = parse(record);
                    if (received != null && match.test(received)) {
                        matches.add(received);
                    }
                }
                if (matches.size() >= atLeast) {
                    // Drain briefly so that duplicates, if any, are seen by the caller too.
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                        Received received = parse(record);
                        if (received != null && match.test(received)) {
                            matches.add(received);
                        }
                    }
                    return matches;
                }
            }
        }
        throw new AssertionError("Expected " + atLeast + " matching record(s) on " + topic + " within " + timeout
                + ", saw " + matches.size());
    }

    /**
     * Everything on {@code topic} now, from the beginning to the current end of every partition, that matches: for
     * asserting that something is absent (an empty dead-letter topic) or present exactly so many times.
     */
    public static List<Received> readAll(String bootstrap, String topic, Predicate<Received> match) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName());
        List<Received> matches = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Could not read " + topic + " to its end within 30 s");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    Received received = parse(record);
                    if (match.test(received)) {
                        matches.add(received);
                    }
                }
            }
        }
        return matches;
    }

    /** Sends a raw value, as a misbehaving producer might. */
    public static void send(String bootstrap, String topic, String key, String value) {
        Map<String, Object> props = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not send to " + topic, e);
        }
    }

    private static Received parse(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new HashMap<>();
        record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        try {
            return new Received(
                    record.key(), JSON.readTree(record.value()), headers, record.partition(), record.offset());
        } catch (Exception notJson) {
            return new Received(
                    record.key(),
                    JSON.getNodeFactory().textNode(record.value()),
                    headers,
                    record.partition(),
                    record.offset());
        }
    }
}
